package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventHasherTest {

    private static final byte[] PREV = filled((byte) 7);
    private static final Instant TIME = Instant.parse("2025-03-01T12:00:00.123456Z");

    @Test
    void hashIsSha256SizedAndDeterministic() {
        byte[] first = hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"));
        byte[] second = hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"));
        assertThat(first).hasSize(32).isEqualTo(second);
    }

    @Test
    void everyFieldChangesTheHash() {
        byte[] base = hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"));
        assertThat(hash(filled((byte) 8), 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 4, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_2", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME.plusNanos(1_000), "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME, "token:t1", "data_source.create", "data_source:ds_1", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME, "admin", "data_source.delete", "data_source:ds_1", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_2", Map.of("name", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("name", "Stripf"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of("nome", "Stripe"))).isNotEqualTo(base);
        assertThat(hash(PREV, 3, "ws_1", TIME, "admin", "data_source.create", "data_source:ds_1", Map.of())).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertThat(hash(PREV, 1, "ws", TIME, "ab", "c", null, Map.of()))
                .isNotEqualTo(hash(PREV, 1, "ws", TIME, "a", "bc", null, Map.of()));
        assertThat(hash(PREV, 1, "ws", TIME, "a", "b", null, Map.of("k", "vx")))
                .isNotEqualTo(hash(PREV, 1, "ws", TIME, "a", "b", null, Map.of("kv", "x")));
        assertThat(hash(PREV, 1, "ws", TIME, "a", "b", null, Map.of("k", "v", "k2", "")))
                .isNotEqualTo(hash(PREV, 1, "ws", TIME, "a", "b", null, Map.of("k", "v\0k2")));
    }

    @Test
    void absentTargetDiffersFromEmptyTarget() {
        assertThat(hash(PREV, 1, "ws", TIME, "admin", "a.b", null, Map.of()))
                .isNotEqualTo(hash(PREV, 1, "ws", TIME, "admin", "a.b", "", Map.of()));
    }

    @Test
    void detailOrderDoesNotMatter() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("a", "1");
        forward.put("b", "2");
        forward.put("é", "3");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("é", "3");
        backward.put("b", "2");
        backward.put("a", "1");
        assertThat(hash(PREV, 1, "ws", TIME, "admin", "a.b", null, forward))
                .isEqualTo(hash(PREV, 1, "ws", TIME, "admin", "a.b", null, backward));
    }

    @Test
    void encodingMatchesTheDocumentedFormat() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(string("tributary.audit.event.v1"));
        expected.writeBytes(PREV);
        expected.writeBytes(ByteBuffer.allocate(8).putLong(3).array());
        expected.writeBytes(string("ws_1"));
        expected.writeBytes(ByteBuffer.allocate(12).putLong(TIME.getEpochSecond()).putInt(TIME.getNano()).array());
        expected.writeBytes(string("admin"));
        expected.writeBytes(string("credential.decrypt"));
        expected.write(1);
        expected.writeBytes(string("credential:cr_9"));
        expected.writeBytes(ByteBuffer.allocate(4).putInt(2).array());
        // "Z" (0x5A) sorts before "a" (0x61): ordered by UTF-8 bytes
        expected.writeBytes(string("Zone"));
        expected.writeBytes(string("eu"));
        expected.writeBytes(string("reason"));
        expected.writeBytes(string("sync"));

        byte[] actual = EventHasher.canonicalBytes(PREV, 3, "ws_1", TIME, "admin", "credential.decrypt", "credential:cr_9",
                Map.of("reason", "sync", "Zone", "eu"));

        assertThat(actual).isEqualTo(expected.toByteArray());
    }

    @Test
    void genesisIsThirtyTwoZeroBytes() {
        assertThat(EventHasher.genesis()).hasSize(32).containsOnly(0);
    }

    @Test
    void rejectsPrevHashOfWrongLength() {
        assertThatThrownBy(() -> hash(new byte[31], 1, "ws", TIME, "admin", "a.b", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hash(byte[] prev, long seq, String ws, Instant time, String actor, String action, String target,
            Map<String, String> detail) {
        return EventHasher.hash(prev, seq, ws, time, actor, action, target, detail);
    }

    private static byte[] string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
