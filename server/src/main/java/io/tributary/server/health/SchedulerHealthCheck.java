package io.tributary.server.health;

import com.codahale.metrics.health.HealthCheck;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Healthy when this node's refresh scheduler runs and can read its job store. */
public final class SchedulerHealthCheck extends HealthCheck {

    private final Scheduler scheduler;

    public SchedulerHealthCheck(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected Result check() throws SchedulerException {
        if (!scheduler.isStarted() || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
            return Result.unhealthy("the refresh scheduler is not running");
        }
        // Reading the job store proves the scheduler's database access works.
        int jobs = scheduler.getJobGroupNames().size();
        return Result.healthy("running as " + scheduler.getSchedulerInstanceId() + ", " + jobs + " job group(s)");
    }
}
