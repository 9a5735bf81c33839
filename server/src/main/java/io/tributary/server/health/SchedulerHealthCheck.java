package io.tributary.server.health;

import com.codahale.metrics.health.HealthCheck;
import io.tributary.server.scheduling.SchedulerActivity;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Healthy when this node's refresh scheduler runs and can read its job store; tells what it is doing. */
public final class SchedulerHealthCheck extends HealthCheck {

    private final Scheduler scheduler;
    private final SchedulerActivity activity;

    public SchedulerHealthCheck(Scheduler scheduler, SchedulerActivity activity) {
        this.scheduler = scheduler;
        this.activity = activity;
    }

    @Override
    protected Result check() throws SchedulerException {
        if (!scheduler.isStarted() || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
            return Result.unhealthy("the refresh scheduler is not running");
        }
        // Reading the job store proves the scheduler's database access works.
        int jobs = scheduler.getJobGroupNames().size();
        SchedulerActivity.Snapshot now = activity.snapshot();
        return Result.healthy("running as " + scheduler.getSchedulerInstanceId() + ", " + jobs + " job group(s); " + now.running()
                + " job(s) running, " + now.refreshes() + " refresh(es) and " + now.datasetSyncs() + " dataset sync(s) completed on this node");
    }
}
