package io.tributary.server.scheduling;

import io.dropwizard.lifecycle.Managed;
import io.tributary.server.config.SchedulerConfig;
import io.tributary.server.core.BlockHistory;
import io.tributary.server.core.RefreshService;
import io.tributary.server.mirror.DatasetSync;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with its JDBC job store on the server's PostgreSQL, clustered: every node runs a
 * scheduler; the cadence check runs on one node at a time, and each source's refresh job runs on
 * one node at a time. Jobs that were running on a node that died are recovered by another node
 * (the jobs request recovery; the check-in interval decides how soon). Job data holds ids only.
 */
public final class RefreshScheduler implements Managed {

    static final String SCHEDULER_NAME = "tributary";
    static final String REFRESH_GROUP = "refresh";
    static final String DATASET_GROUP = "datasets";
    /** Below Quartz's default of 5, which refresh triggers keep: when both wait for a thread, refreshes go first. */
    static final int DATASET_PRIORITY = 3;
    private static final JobKey DUE_CHECK = JobKey.jobKey("due-sources", "cadence");
    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);

    private final Scheduler scheduler;
    private final SchedulerConfig config;
    private final SchedulerActivity activity = new SchedulerActivity();

    private final BlockHistory history;

    public RefreshScheduler(DataSource dataSource, Jdbi jdbi, RefreshService refreshes, DatasetSync datasets, Clock clock,
                            SchedulerConfig config, BlockHistory history) {
        this.history = history;
        this.config = config;
        String provider = "tributary-" + System.identityHashCode(this);
        DBConnectionManager.getInstance().addConnectionProvider(provider, new PooledConnections(dataSource));
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(config.threads()));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.dataSource", provider);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(config.checkinIntervalMillis()));
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            // Quartz keeps schedulers in a JVM-wide registry by name; every node shares the name
            // (that is what makes the cluster), so each instance leaves the registry at once.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            scheduler.setJobFactory(jobFactory(jdbi, refreshes, datasets, clock));
            scheduler.getListenerManager().addJobListener(activity);
        } catch (SchedulerException e) {
            throw new IllegalStateException("The refresh scheduler could not be created", e);
        }
    }

    @Override
    public void start() throws SchedulerException {
        JobDetail dueCheck = JobBuilder.newJob(DueSourcesJob.class).withIdentity(DUE_CHECK).storeDurably().build();
        Trigger everyInterval = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey("due-sources", "cadence")).forJob(DUE_CHECK)
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(config.dueCheckIntervalSeconds())
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow().build();
        try {
            scheduler.scheduleJob(dueCheck, java.util.Set.of(everyInterval), true);
        } catch (ObjectAlreadyExistsException e) {
            // Another node set it up at the same moment.
        }
        scheduler.start();
    }

    @Override
    public void stop() throws SchedulerException {
        // A backfill can run for hours: stop it after the pages in flight (they commit, and the
        // next node to sync the source resumes from there) instead of waiting for it to end.
        scheduler.standby();
        for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
            if (DATASET_GROUP.equals(running.getJobDetail().getKey().getGroup())) {
                scheduler.interrupt(running.getFireInstanceId());
            }
        }
        scheduler.shutdown(true);
    }

    /** Syncs the source's due datasets as soon as a thread of the cluster is free; a no-op if a sync is already waiting. */
    public void syncDatasetsSoon(String dataSourceId) {
        scheduleDatasetSync(dataSourceId, TriggerKey.triggerKey(dataSourceId, DATASET_GROUP), false, 0);
    }

    /**
     * Applies the source's change feed soon, whether or not a stream is due: a webhook said
     * something changed. Waits the webhook debounce, so a burst of events makes one sync.
     */
    public void syncDatasetsAfterEvent(String dataSourceId) {
        scheduleDatasetSync(dataSourceId, TriggerKey.triggerKey(dataSourceId + "-event", DATASET_GROUP), true,
                config.webhookDebounceMillis());
    }

    /**
     * Continues a backfill that used up its slice: from inside that sync the usual trigger still
     * exists, so this one gets a name of its own. It runs after the refreshes waiting for a thread
     * (a lower priority), so a large backfill never keeps blocks from their cadence.
     */
    void syncDatasetsAgain(String dataSourceId) {
        scheduleDatasetSync(dataSourceId, TriggerKey.triggerKey(dataSourceId + "-again-" + java.util.UUID.randomUUID(), DATASET_GROUP),
                false, 0);
    }

    private void scheduleDatasetSync(String dataSourceId, TriggerKey key, boolean changesNow, long delayMillis) {
        JobKey job = JobKey.jobKey(dataSourceId, DATASET_GROUP);
        try {
            ensureJob(job, DatasetSyncJob.class);
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                    .usingJobData(DatasetSyncJob.DATA_SOURCE, dataSourceId)
                    .usingJobData(DatasetSyncJob.CHANGES_NOW, String.valueOf(changesNow))
                    .withPriority(DATASET_PRIORITY)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .startAt(new java.util.Date(System.currentTimeMillis() + delayMillis)).build());
        } catch (ObjectAlreadyExistsException e) {
            // A sync of this source is already waiting: it will do this one's work too.
        } catch (SchedulerException e) {
            LOG.warn("Could not schedule a dataset sync of {}; the next due check will: {}", dataSourceId, e.getMessage());
        }
    }

    /** Runs the source's queued refresh as soon as a thread of the cluster is free; a no-op if one is already waiting. */
    public void refreshSoon(String dataSourceId) {
        schedule(dataSourceId, TriggerKey.triggerKey(dataSourceId, REFRESH_GROUP), 0);
    }

    /**
     * Like {@link #refreshSoon}, once a burst of events has passed: the refresh waits the debounce
     * after the latest event, but no longer than the maximum wait after the first, so a burst makes
     * one refresh and a lone event is fresh within about the debounce.
     */
    public void refreshAfterBurst(String dataSourceId) {
        TriggerKey key = TriggerKey.triggerKey(dataSourceId, REFRESH_GROUP);
        long now = System.currentTimeMillis();
        try {
            Trigger waiting = scheduler.getTrigger(key);
            if (waiting != null && waiting.getJobDataMap().containsKey(FIRST_EVENT_AT)) {
                long first = Long.parseLong(waiting.getJobDataMap().getString(FIRST_EVENT_AT));
                long start = Math.min(now + config.webhookDebounceMillis(), first + config.webhookMaxWaitMillis());
                if (start > waiting.getStartTime().getTime()
                        && scheduler.rescheduleJob(key, trigger(dataSourceId, key, start, first)) != null) {
                    return;
                }
                if (start <= waiting.getStartTime().getTime()) {
                    return;
                }
            }
            // No refresh waiting (or it just started): this event starts a burst of its own.
            scheduler.scheduleJob(ensureJob(dataSourceId, trigger(dataSourceId, key, now + config.webhookDebounceMillis(), now)));
        } catch (ObjectAlreadyExistsException e) {
            // Another event of the burst scheduled it at the same moment.
        } catch (SchedulerException e) {
            LOG.warn("Could not schedule a refresh of {}; the next due check will: {}", dataSourceId, e.getMessage());
        }
    }

    /**
     * Runs the source's queued refresh again after the running one: from inside that refresh the
     * usual trigger still exists, so this one gets a name of its own.
     */
    void refreshAgain(String dataSourceId) {
        schedule(dataSourceId, TriggerKey.triggerKey(dataSourceId + "-again-" + java.util.UUID.randomUUID(), REFRESH_GROUP), 0);
    }

    private static final String FIRST_EVENT_AT = "firstEventAt";

    private Trigger trigger(String dataSourceId, TriggerKey key, long startAt, long firstEventAt) {
        return TriggerBuilder.newTrigger().withIdentity(key).forJob(JobKey.jobKey(dataSourceId, REFRESH_GROUP))
                .usingJobData(RefreshSourceJob.DATA_SOURCE, dataSourceId)
                .usingJobData(FIRST_EVENT_AT, String.valueOf(firstEventAt)) // job data holds strings only
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .startAt(new java.util.Date(startAt)).build();
    }

    /** Makes sure the source's refresh job exists, then hands back the trigger to schedule for it. */
    private Trigger ensureJob(String dataSourceId, Trigger trigger) throws SchedulerException {
        ensureJob(JobKey.jobKey(dataSourceId, REFRESH_GROUP), RefreshSourceJob.class);
        return trigger;
    }

    /** Makes sure a durable job that asks for recovery (another node runs it if its node dies) exists. */
    private void ensureJob(JobKey job, Class<? extends org.quartz.Job> type) throws SchedulerException {
        if (!scheduler.checkExists(job)) {
            JobDetail detail = JobBuilder.newJob(type).withIdentity(job).storeDurably().requestRecovery().build();
            try {
                scheduler.addJob(detail, false);
            } catch (ObjectAlreadyExistsException e) {
                // Added by another request or node meanwhile.
            }
        }
    }

    private void schedule(String dataSourceId, TriggerKey key, long delayMillis) {
        long now = System.currentTimeMillis();
        try {
            scheduler.scheduleJob(ensureJob(dataSourceId, trigger(dataSourceId, key, now + delayMillis, now)));
        } catch (ObjectAlreadyExistsException e) {
            // A refresh of this source is already waiting to run: it will take this request along.
        } catch (SchedulerException e) {
            // The queued request stays; the next due check picks it up.
            LOG.warn("Could not schedule a refresh of {} now; the next due check will: {}", dataSourceId, e.getMessage());
        }
    }

    public Scheduler quartz() {
        return scheduler;
    }

    /** What this node's scheduler is doing, and a way to wait for its work to be over. */
    public SchedulerActivity activity() {
        return activity;
    }

    private JobFactory jobFactory(Jdbi jdbi, RefreshService refreshes, DatasetSync datasets, Clock clock) {
        return (bundle, ignored) -> {
            Class<?> type = bundle.getJobDetail().getJobClass();
            if (type == DueSourcesJob.class) {
                return new DueSourcesJob(jdbi, clock, this, history);
            }
            if (type == RefreshSourceJob.class) {
                return new RefreshSourceJob(jdbi, refreshes, clock, this);
            }
            if (type == DatasetSyncJob.class) {
                return new DatasetSyncJob(datasets, this);
            }
            throw new SchedulerException("Unknown job " + type.getName());
        };
    }

    /** Lends Quartz connections from the server's pool. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the server, which closes it.
        }

        @Override
        public void initialize() {
            // Nothing to set up.
        }
    }
}
