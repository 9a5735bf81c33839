package io.tributary.server.core;

import io.dropwizard.lifecycle.Managed;
import io.tributary.audit.AnchorFile;
import io.tributary.audit.AnchoredHead;
import io.tributary.audit.AuditLog;
import io.tributary.audit.VerificationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the audit chains anchored outside the database: verifies every chain (the server's own
 * included) against the anchor file when the server starts and logs the outcome, writes every
 * changed head to the file on a schedule and once more at shutdown.
 */
public final class AuditAnchoring implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);

    private final AuditTrail audit;
    private final AnchorFile anchors;
    private final Duration interval;
    private volatile List<VerificationResult> startupResults = List.of();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-anchoring");
        thread.setDaemon(true);
        return thread;
    });

    public AuditAnchoring(AuditTrail audit, AnchorFile anchors, Duration interval) {
        this.audit = audit;
        this.anchors = anchors;
        this.interval = interval;
    }

    public AnchorFile anchors() {
        return anchors;
    }

    /** What the start-up verification found, chain by chain. */
    public List<VerificationResult> startupResults() {
        return startupResults;
    }

    @Override
    public void start() {
        List<VerificationResult> results = verifyAll(audit.log(), anchors);
        startupResults = List.copyOf(results);
        List<VerificationResult> failed = results.stream().filter(result -> !result.isValid()).toList();
        if (failed.isEmpty()) {
            LOG.info("Audit log: {} chain(s) verified against {}: intact", results.size(), anchors.path());
        }
        failed.forEach(result -> LOG.error("Audit log: the chain of {} failed verification at seq {}: {} ({})", result.workspace(),
                result.failure().orElseThrow().seq(), result.failure().orElseThrow().problem(), result.failure().orElseThrow().message()));
        long minutes = interval.toMinutes();
        schedule.scheduleAtFixedRate(this::anchorQuietly, minutes, minutes, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        schedule.shutdownNow();
        anchor();
    }

    /**
     * Writes every head not anchored as it is, once its chain verifies against its newest anchor,
     * so a chain rolled back or rewritten is never anchored as it now is (that would launder it);
     * returns how many were written.
     */
    public int anchor() {
        AuditLog log = audit.log();
        List<AnchoredHead> verified = new ArrayList<>();
        for (AnchoredHead head : log.heads()) {
            Optional<AnchoredHead> newest = anchors.newest(head.workspace());
            if (newest.isPresent() && newest.get().sameHeadAs(head)) {
                continue;
            }
            VerificationResult result = log.verify(head.workspace(), newest);
            if (result.isValid()) {
                verified.add(head);
            } else {
                LOG.error("Audit log: not anchoring the chain of {}: it failed verification at seq {}: {}", head.workspace(),
                        result.failure().orElseThrow().seq(), result.failure().orElseThrow().problem());
            }
        }
        return anchors.append(verified);
    }

    /** Verifies every chain the database or the anchor file knows, each against its newest anchor. */
    public static List<VerificationResult> verifyAll(AuditLog log, AnchorFile anchors) {
        TreeSet<String> workspaces = new TreeSet<>(log.workspaces());
        workspaces.addAll(anchors.workspaces());
        List<VerificationResult> results = new ArrayList<>();
        for (String workspace : workspaces) {
            results.add(log.verify(workspace, anchors.newest(workspace)));
        }
        return results;
    }

    private void anchorQuietly() {
        try {
            int written = anchor();
            LOG.debug("Audit log: anchored {} head(s)", written);
        } catch (RuntimeException e) {
            // The next run tries again; a failure here must not end the schedule.
            LOG.error("Audit log: could not write the anchor file {}", anchors.path(), e);
        }
    }
}
