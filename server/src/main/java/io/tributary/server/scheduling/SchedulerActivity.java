package io.tributary.server.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * What this node's scheduler does, as Quartz tells it when jobs start and end: the jobs running
 * now, and the refreshes and dataset syncs of each source completed here. The health check shows
 * it; whoever must know that work is over (an operator before maintenance, a test before it checks
 * that nothing else happened) waits on it rather than guessing how long the work takes.
 *
 * <p>A job that did work leaves its outcome as the execution's result; one that found nothing to do
 * (a request another node had claimed, a sync with no stream due) leaves none and is not counted.
 */
public final class SchedulerActivity implements JobListener {

    /** The jobs running on this node now, and the refreshes and dataset syncs it has completed. */
    public record Snapshot(int running, long refreshes, long datasetSyncs) {
    }

    /** Where a due check keeps its number, so its end knows which waiters it may release. */
    private static final String DUE_CHECK_NUMBER = "tributary.dueCheckNumber";
    /** Triggers of work, waiting or running (a fired trigger stays until its job ends), across the cluster. */
    private static final List<String> WORK_GROUPS = List.of(RefreshScheduler.REFRESH_GROUP, RefreshScheduler.DATASET_GROUP,
            Scheduler.DEFAULT_RECOVERY_GROUP);

    /** Waits for a job's completions to reach a count. */
    private record CountWaiter(JobKey job, long count, CompletableFuture<Void> done) {
    }

    private final Object lock = new Object();
    private int running;
    private long dueChecksStarted;
    private final Map<JobKey, Long> completed = new HashMap<>();
    private final List<CountWaiter> countWaiters = new ArrayList<>();
    private final List<CompletableFuture<Void>> noneRunningWaiters = new ArrayList<>();
    /** Each waiter for idleness, with the number of the last due check started before it asked. */
    private final Map<CompletableFuture<Void>, Long> idleWaiters = new HashMap<>();

    @Override
    public String getName() {
        return "scheduler-activity";
    }

    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(running, completedIn(RefreshScheduler.REFRESH_GROUP), completedIn(RefreshScheduler.DATASET_GROUP));
        }
    }

    /** Refreshes of the source this node has completed. */
    public long refreshes(String dataSourceId) {
        synchronized (lock) {
            return completed.getOrDefault(refreshJob(dataSourceId), 0L);
        }
    }

    /** Completes once this node has completed {@code count} refreshes of the source (at once if it has). */
    public CompletableFuture<Void> refreshed(String dataSourceId, long count) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            if (completed.getOrDefault(refreshJob(dataSourceId), 0L) >= count) {
                done.complete(null);
            } else {
                countWaiters.add(new CountWaiter(refreshJob(dataSourceId), count, done));
            }
        }
        return done;
    }

    /** Completes once no job runs on this node (at once if none does); after a shutdown, once the last one has ended. */
    public CompletableFuture<Void> noneRunning() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            if (running == 0) {
                done.complete(null);
            } else {
                noneRunningWaiters.add(done);
            }
        }
        return done;
    }

    /**
     * Completes at the end of the first due check that starts on this node after the call, succeeds,
     * and leaves no refresh or dataset sync running or waiting in the cluster (however far off its
     * start): everything due at the servers' "now" has been done, and nothing more will start until
     * time moves or someone asks. A due check that leaves work behind hands the question to the next one.
     */
    public CompletableFuture<Void> idle() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            idleWaiters.put(done, dueChecksStarted);
        }
        return done;
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        synchronized (lock) {
            running++;
            if (isDueCheck(context)) {
                context.put(DUE_CHECK_NUMBER, ++dueChecksStarted);
            }
        }
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        // Never started: jobToBeExecuted was not called for it.
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        List<CompletableFuture<Void>> released = new ArrayList<>();
        List<CompletableFuture<Void>> askingIdle = new ArrayList<>();
        synchronized (lock) {
            running--;
            if (context.getResult() != null) {
                JobKey job = context.getJobDetail().getKey();
                long count = completed.merge(job, 1L, Long::sum);
                for (Iterator<CountWaiter> waiters = countWaiters.iterator(); waiters.hasNext(); ) {
                    CountWaiter waiter = waiters.next();
                    if (waiter.job().equals(job) && waiter.count() <= count) {
                        released.add(waiter.done());
                        waiters.remove();
                    }
                }
            }
            if (running == 0) {
                released.addAll(noneRunningWaiters);
                noneRunningWaiters.clear();
            }
            // A due check that failed did not find out what is due: it cannot tell the scheduler idle.
            if (failure == null && context.get(DUE_CHECK_NUMBER) instanceof Long number) {
                idleWaiters.forEach((waiter, askedAfter) -> {
                    if (askedAfter < number) {
                        askingIdle.add(waiter);
                    }
                });
            }
        }
        released.forEach(waiter -> waiter.complete(null));
        // Only when someone asks: it reads the job store.
        if (!askingIdle.isEmpty() && noWorkLeft(context.getScheduler())) {
            synchronized (lock) {
                askingIdle.removeIf(waiter -> idleWaiters.remove(waiter) == null);
            }
            askingIdle.forEach(waiter -> waiter.complete(null));
        }
    }

    private static boolean noWorkLeft(Scheduler scheduler) {
        try {
            for (String group : WORK_GROUPS) {
                if (!scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group)).isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (SchedulerException e) {
            return false; // the next due check asks again
        }
    }

    private static boolean isDueCheck(JobExecutionContext context) {
        return context.getJobDetail().getJobClass() == DueSourcesJob.class;
    }

    private static JobKey refreshJob(String dataSourceId) {
        return JobKey.jobKey(dataSourceId, RefreshScheduler.REFRESH_GROUP);
    }

    private long completedIn(String group) {
        return completed.entrySet().stream().filter(entry -> entry.getKey().getGroup().equals(group)).mapToLong(Map.Entry::getValue).sum();
    }
}
