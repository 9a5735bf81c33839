package io.tributary.server.scheduling;

import io.tributary.audit.AuditActors;
import io.tributary.server.mirror.DatasetSync;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * Syncs one source's datasets. One job per source, never running twice at once in the cluster. A
 * node that dies midway has the job recovered by another, and a backfill resumes from its last
 * committed page; a node that stops interrupts the job, which stops after the pages in flight.
 */
@DisallowConcurrentExecution
final class DatasetSyncJob implements InterruptableJob {

    static final String DATA_SOURCE = "dataSourceId";
    /** "true" when a webhook asked: apply the change feed even if no stream is due. */
    static final String CHANGES_NOW = "changesNow";

    private final DatasetSync sync;
    private final RefreshScheduler scheduler;
    private volatile Thread runner;

    DatasetSyncJob(DatasetSync sync, RefreshScheduler scheduler) {
        this.sync = sync;
        this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner = Thread.currentThread();
        try {
            String dataSourceId = context.getMergedJobDataMap().getString(DATA_SOURCE);
            DatasetSync.Outcome outcome = sync.sync(dataSourceId, AuditActors.SCHEDULED_RUNNER,
                    Boolean.parseBoolean(context.getMergedJobDataMap().getString(CHANGES_NOW)));
            if (!outcome.skipped()) {
                context.setResult(outcome); // counted by SchedulerActivity
            }
            if (outcome.paused()) {
                scheduler.syncDatasetsAgain(dataSourceId);
            }
        } finally {
            runner = null;
            Thread.interrupted(); // the pool thread goes back clean
        }
    }

    @Override
    public void interrupt() {
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
