package io.tributary.server.scheduling;

import io.tributary.server.core.RefreshService;
import io.tributary.server.db.PendingRefreshDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Runs one source's queued refresh. One job per source, never running twice at once in the
 * cluster; the queue row is claimed first, so two nodes never refresh the same request, and is
 * cleared only after the refresh, so a node dying midway leaves it to the recovering node.
 */
@DisallowConcurrentExecution
final class RefreshSourceJob implements Job {

    static final String DATA_SOURCE = "dataSourceId";

    private final Jdbi jdbi;
    private final RefreshService refreshes;
    private final Clock clock;
    private final RefreshScheduler scheduler;

    RefreshSourceJob(Jdbi jdbi, RefreshService refreshes, Clock clock, RefreshScheduler scheduler) {
        this.jdbi = jdbi;
        this.refreshes = refreshes;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String dataSourceId = context.getMergedJobDataMap().getString(DATA_SOURCE);
        Instant now = clock.instant();
        // A recovering job re-runs the claim of the node that died; otherwise a claim is only taken over once abandoned.
        Instant staleBefore = context.isRecovering() ? now.plus(Duration.ofDays(3650)) : now.minus(DueSourcesJob.ABANDONED_AFTER);
        Optional<PendingRefreshDao.Claim> claim = jdbi.withExtension(PendingRefreshDao.class, queue -> queue.claim(dataSourceId, now, staleBefore));
        if (claim.isEmpty()) {
            return;
        }
        Set<String> types = claim.get().staleQueryTypes() == null ? Set.of() : new HashSet<>(claim.get().staleQueryTypes());
        try {
            context.setResult(refreshes.refreshSource(dataSourceId, types, claim.get().actor())); // counted by SchedulerActivity
        } finally {
            boolean newerWaiting = jdbi.withExtension(PendingRefreshDao.class, queue -> {
                if (queue.complete(dataSourceId, claim.get().version()) == 0) {
                    queue.release(dataSourceId);
                    return true;
                }
                return false;
            });
            if (newerWaiting) {
                scheduler.refreshAgain(dataSourceId);
            }
        }
    }
}
