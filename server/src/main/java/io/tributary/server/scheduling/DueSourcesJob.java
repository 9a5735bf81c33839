package io.tributary.server.scheduling;

import io.tributary.audit.AuditActors;
import io.tributary.server.core.BlockHistory;
import io.tributary.server.db.DatasetStreamDao;
import io.tributary.server.db.PendingRefreshDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every interval, on one node of the cluster: queues and schedules a full refresh of each active
 * source whose cadence has passed, and reschedules requests left behind (queued by a node that died
 * before scheduling them, or claimed by one that died while running them); and schedules a dataset
 * sync of each source with a stream due (its cadence passed, or a backfill waits to resume).
 */
@DisallowConcurrentExecution
final class DueSourcesJob implements Job {

    /** A claim older than this is taken to belong to a dead node. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    /** A request this old that nobody runs was never scheduled (its node died first): the sweep schedules it. */
    static final Duration LEFT_BEHIND_AFTER = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final RefreshScheduler scheduler;

    private final BlockHistory history;

    DueSourcesJob(Jdbi jdbi, Clock clock, RefreshScheduler scheduler, BlockHistory history) {
        this.history = history;
        this.jdbi = jdbi;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Instant now = clock.instant();
        List<String> due = jdbi.inTransaction(handle -> {
            PendingRefreshDao queue = handle.attach(PendingRefreshDao.class);
            List<String> sources = queue.dueSources(now);
            for (String source : sources) {
                RefreshQueue.enqueue(handle, source, Set.of(), AuditActors.SCHEDULED_RUNNER, now);
            }
            return sources;
        });
        due.forEach(scheduler::refreshSoon);
        jdbi.withExtension(DatasetStreamDao.class, streams -> streams.dueSources(now)).forEach(scheduler::syncDatasetsSoon);
        jdbi.withExtension(PendingRefreshDao.class, queue -> queue.leftBehind(now.minus(ABANDONED_AFTER), now.minus(LEFT_BEHIND_AFTER)))
                .forEach(scheduler::refreshSoon);
        history.compactIfDue(now);
    }
}
