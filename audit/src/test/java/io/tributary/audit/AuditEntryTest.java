package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEntryTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "token:tok_123", "system:scheduledRunner", "system:stripeWebhook"})
    void acceptsKnownActorShapes(String actor) {
        assertThat(AuditEntry.of("ws", actor, "data_source.create", null).actor()).isEqualTo(actor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "token:", "token:has space", "system:", "Admin", "user:42"})
    void rejectsOtherActors(String actor) {
        assertThatThrownBy(() -> AuditEntry.of("ws", actor, "data_source.create", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actorHelpersBuildValidActors() {
        assertThat(AuditActors.token("tok_1")).isEqualTo("token:tok_1");
        assertThat(AuditActors.system("backfill")).isEqualTo("system:backfill");
        assertThat(AuditEntry.of("ws", AuditActors.SCHEDULED_RUNNER, "run.start", null).actor()).isEqualTo("system:scheduledRunner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "data_source.", ".create", "Data.create", "data source.create"})
    void rejectsMalformedActions(String action) {
        assertThatThrownBy(() -> AuditEntry.of("ws", "admin", action, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBlankOrOverlongFields() {
        assertThatThrownBy(() -> AuditEntry.of(" ", "admin", "a.b", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.of(null, "admin", "a.b", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEntry.of("ws", "admin", "a.b", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.of("w".repeat(201), "admin", "a.b", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsWhatPostgresCannotStoreFaithfully() {
        assertThatThrownBy(() -> AuditEntry.of("ws", "admin", "a.b", "x\0y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry("ws", "admin", "a.b", null, Map.of("k", "\uD800")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditEntry("ws", "admin", "a.b", null, Map.of("k", "ok \uD83D\uDE00")).detail()).containsEntry("k", "ok \uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "clientSecret", "api_key", "API-KEY", "privateKey", "access_token", "bearer"})
    void rejectsSecretLookingDetailKeys(String key) {
        assertThatThrownBy(() -> new AuditEntry("ws", "admin", "a.b", null, Map.of(key, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void limitsDetailSize() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i <= AuditEntry.MAX_DETAIL_ENTRIES; i++) {
            tooMany.put("k" + i, "v");
        }
        assertThatThrownBy(() -> new AuditEntry("ws", "admin", "a.b", null, tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry("ws", "admin", "a.b", null, Map.of("k", "v".repeat(1025))))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> new AuditEntry("ws", "admin", "a.b", null, nullValue)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void detailIsCopiedSortedAndUnmodifiable() {
        Map<String, String> detail = new HashMap<>(Map.of("b", "2", "a", "1"));
        AuditEntry entry = new AuditEntry("ws", "admin", "a.b", null, detail);
        detail.put("c", "3");
        assertThat(entry.detail()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> entry.detail().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(AuditEntry.of("ws", "admin", "a.b", null).detail()).isEmpty();
    }
}
