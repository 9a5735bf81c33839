package io.tributary.server;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tributary.audit.AnchorFile;
import io.tributary.audit.AuditLog;
import io.tributary.audit.VerificationResult;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.AuditAnchoring;
import io.tributary.server.core.Database;
import io.tributary.server.core.Secrets;
import io.tributary.server.core.ServerKeys;
import io.tributary.server.core.StandaloneDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code verify-audit <config> [--full]}: verifies every audit chain, the server's own included,
 * against the anchor file, prints one line per chain, and exits 1 when any failed. Reads only.
 */
public final class VerifyAuditCommand extends ConfiguredCommand<TributaryConfiguration> {

    public VerifyAuditCommand() {
        super("verify-audit", "Verify every audit chain against the anchor file, then exit (1 when any failed)");
    }

    @Override
    public void configure(net.sourceforge.argparse4j.inf.Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--full").action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("read every row, not only those after the part verified before");
    }

    @Override
    protected void run(Bootstrap<TributaryConfiguration> bootstrap, Namespace namespace, TributaryConfiguration config) throws Exception {
        if (!check(config, Boolean.TRUE.equals(namespace.getBoolean("full")), System.out)) {
            System.exit(1);
        }
    }

    /** Opens the database and the anchor file as configured and reports on every chain; returns whether all are intact. */
    static boolean check(TributaryConfiguration config, boolean full, PrintStream out) throws Exception {
        Secrets secrets = Secrets.resolve(config.security());
        try (StandaloneDatabase database = new StandaloneDatabase(config.database())) {
            Jdbi jdbi = Database.jdbi(database.dataSource());
            // The seal keys are opened to check seals; this command writes nothing, not even an audit row.
            EnvelopeEncryption encryption = new EnvelopeEncryption(secrets.masterKeys(), DecryptionListener.NONE);
            AuditLog log = new AuditLog(jdbi, Clock.systemUTC(), ServerKeys.auditSealKeys(jdbi, encryption, Clock.systemUTC(), "system:verifyAudit"));
            return report(log, AnchorFile.open(Path.of(config.audit().anchorFile())), full, out);
        }
    }

    /** Verifies every chain, printing a line each and a summary; returns whether all are intact. */
    static boolean report(AuditLog log, AnchorFile anchors, boolean full, PrintStream out) {
        List<VerificationResult> results = full
                ? new java.util.TreeSet<>(concat(log.workspaces(), anchors.workspaces())).stream()
                        .map(workspace -> log.verifyFully(workspace, anchors.newest(workspace))).toList()
                : AuditAnchoring.verifyAll(log, anchors);
        long failed = 0;
        for (VerificationResult result : results) {
            if (result.isValid()) {
                out.printf("ok       %s: %d event(s), %d read%n", result.workspace(), result.rowsChecked(), result.rowsRead());
            } else {
                failed++;
                VerificationResult.Failure failure = result.failure().orElseThrow();
                out.printf("FAILED   %s: %s at seq %d: %s%n", result.workspace(), failure.problem(), failure.seq(), failure.message());
            }
        }
        out.printf("%d chain(s) verified against %s: %s%n", results.size(), anchors.path(),
                failed == 0 ? "all intact" : failed + " failed");
        return failed == 0;
    }

    private static List<String> concat(java.util.Collection<String> first, java.util.Collection<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
