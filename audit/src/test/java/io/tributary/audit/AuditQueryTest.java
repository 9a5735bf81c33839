package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Querying one workspace of ten events, one minute apart from T0: odd seqs by admin doing
 * data_source.update, even seqs by token:tok_1 doing credential.decrypt.
 */
class AuditQueryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static AuditLog log;
    private static String ws;

    @BeforeAll
    static void tenEvents() {
        MutableClock clock = new MutableClock(T0);
        log = new AuditLog(Jdbi.create(TestDatabase.migratedDatabase()), clock, TestDatabase.MAC_KEY);
        ws = "ws_" + UUID.randomUUID();
        String noise = "ws_" + UUID.randomUUID();
        for (int seq = 1; seq <= 10; seq++) {
            boolean odd = seq % 2 == 1;
            log.append(AuditEntry.of(ws, odd ? "admin" : "token:tok_1", odd ? "data_source.update" : "credential.decrypt",
                    "data_source:ds_" + seq));
            log.append(AuditEntry.of(noise, "admin", "data_source.update", null)); // must never show up
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void returnsTheWorkspacesEventsInSeqOrder() {
        AuditPage page = log.query(AuditQuery.forWorkspace(ws));

        assertThat(page.events()).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(page.events()).extracting(AuditEvent::workspace).containsOnly(ws);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void pagesWithACursorUntilTheLastPage() {
        assertThat(allPages(AuditQuery.forWorkspace(ws).withLimit(3)))
                .containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L, 8L, 9L), List.of(10L));
    }

    @Test
    void aFullLastPageHasNoCursor() {
        assertThat(allPages(AuditQuery.forWorkspace(ws).withLimit(5))).containsExactly(List.of(1L, 2L, 3L, 4L, 5L), List.of(6L, 7L, 8L, 9L, 10L));
    }

    @Test
    void filtersByActor() {
        assertThat(allPages(AuditQuery.forWorkspace(ws).withActor("token:tok_1").withLimit(2)))
                .containsExactly(List.of(2L, 4L), List.of(6L, 8L), List.of(10L));
    }

    @Test
    void filtersByAction() {
        assertThat(seqs(AuditQuery.forWorkspace(ws).withAction("data_source.update"))).containsExactly(1L, 3L, 5L, 7L, 9L);
    }

    @Test
    void filtersByTimeRangeSinceInclusiveUntilExclusive() {
        // seq n was recorded at T0 + (n - 1) minutes
        AuditQuery query = AuditQuery.forWorkspace(ws).withSince(T0.plus(Duration.ofMinutes(3))).withUntil(T0.plus(Duration.ofMinutes(7)));
        assertThat(seqs(query)).containsExactly(4L, 5L, 6L, 7L);
        assertThat(seqs(AuditQuery.forWorkspace(ws).withSince(T0.plus(Duration.ofMinutes(8))))).containsExactly(9L, 10L);
        assertThat(seqs(AuditQuery.forWorkspace(ws).withUntil(T0.plusSeconds(1)))).containsExactly(1L);
    }

    @Test
    void combinesFiltersAndPaging() {
        AuditQuery query = AuditQuery.forWorkspace(ws).withActor("admin").withAction("data_source.update")
                .withSince(T0.plus(Duration.ofMinutes(2))).withLimit(2);
        assertThat(allPages(query)).containsExactly(List.of(3L, 5L), List.of(7L, 9L));
    }

    @Test
    void unknownWorkspaceGivesAnEmptyPage() {
        AuditPage page = log.query(AuditQuery.forWorkspace("ws_nobody"));
        assertThat(page.events()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void limitsArePositiveAndCapped() {
        assertThat(AuditQuery.forWorkspace(ws).limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
        assertThat(log.query(AuditQuery.forWorkspace(ws).withLimit(AuditQuery.MAX_LIMIT)).events()).hasSize(10);
        assertThatThrownBy(() -> AuditQuery.forWorkspace(ws).withLimit(AuditQuery.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.forWorkspace(ws).withLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> AuditQuery.forWorkspace(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.forWorkspace(ws).withSince(T0).withUntil(T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.query(AuditQuery.forWorkspace(ws).withCursor("not-a-cursor"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> seqs(AuditQuery query) {
        return log.query(query).events().stream().map(AuditEvent::seq).toList();
    }

    private static List<List<Long>> allPages(AuditQuery first) {
        List<List<Long>> pages = new ArrayList<>();
        AuditQuery query = first;
        while (true) {
            AuditPage page = log.query(query);
            pages.add(page.events().stream().map(AuditEvent::seq).toList());
            if (page.nextCursor().isEmpty()) {
                return pages;
            }
            query = query.withCursor(page.nextCursor().get());
        }
    }
}
