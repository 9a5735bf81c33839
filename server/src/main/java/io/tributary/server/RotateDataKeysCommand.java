package io.tributary.server;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.AuditedEncryption;
import io.tributary.server.core.DataKeyRotation;
import io.tributary.server.core.Database;
import io.tributary.server.core.Secrets;
import io.tributary.server.core.StandaloneDatabase;
import io.tributary.server.db.WorkspaceKeyDao;
import io.tributary.server.sources.CredentialVault;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.StoredCredentials;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code rotate-data-keys [--workspace ID] <config>}: gives every workspace (or the one named) a new
 * data key, re-encrypts every credential of its data sources under it and destroys the old one
 * (see {@link DataKeyRotation}). The server may keep running meanwhile; a run stopped midway is
 * resumed by the next, with the same new key.
 */
public final class RotateDataKeysCommand extends ConfiguredCommand<TributaryConfiguration> {

    private static final String WORKSPACE = "workspace";

    public RotateDataKeysCommand() {
        super("rotate-data-keys", "Give every workspace (or one) a new data key, re-encrypt its credentials under it, "
                + "destroy the old key, then exit");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--workspace").dest(WORKSPACE).metavar("ID").help("rotate this workspace's data key only");
    }

    @Override
    protected void run(Bootstrap<TributaryConfiguration> bootstrap, Namespace namespace, TributaryConfiguration config)
            throws Exception {
        Secrets secrets = Secrets.resolve(config.security());
        try (StandaloneDatabase database = new StandaloneDatabase(config.database())) {
            Database.migrate(database.access());
            execute(Database.jdbi(database.dataSource()), secrets.masterKeys(), Clock.systemUTC(),
                    Optional.ofNullable(namespace.getString(WORKSPACE)), System.out);
        }
    }

    /** Bad input and stopped rotations are the operator's to fix: their message says how, a stack trace would not. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailure) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /**
     * Rotates the data key of the workspace given, or of every workspace, reporting each to {@code out}.
     *
     * @throws CommandFailure for an unknown workspace (before anything changes), or, once every other
     *     workspace is rotated, for a source whose credentials do not open (its workspace keeps its old
     *     key until the source gets new credentials)
     */
    static List<DataKeyRotation.Result> execute(Jdbi jdbi, MasterKeyRing masterKeys, Clock clock, Optional<String> workspace,
                                                PrintStream out) {
        List<String> all = jdbi.withExtension(WorkspaceKeyDao.class, WorkspaceKeyDao::ids);
        if (workspace.isPresent() && !all.contains(workspace.get())) {
            throw new CommandFailure("No workspace '" + workspace.get() + "': no data key was rotated.");
        }
        AuditedEncryption audited = AuditedEncryption.open(jdbi, masterKeys, clock, DataKeyRotation.ACTOR);
        DataKeyRotation rotation = new DataKeyRotation(jdbi, audited.encryption(),
                new StoredCredentials(jdbi, new CredentialVault(audited.encryption())), audited.audit(), clock);
        List<DataKeyRotation.Result> results = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (String workspaceId : workspace.map(List::of).orElse(all)) {
            try {
                DataKeyRotation.Result result = rotation.rotate(workspaceId);
                results.add(result);
                out.println("Workspace " + workspaceId + ": data key " + result.dataKeyId() + " replaces " + result.previousDataKeyId()
                        + " (destroyed); " + result.sources() + " data source(s) under it, " + result.reencrypted()
                        + " re-encrypted by this run" + (result.resumed() ? ", which resumed a stopped one" : "") + ".");
            } catch (CredentialsUnreadable e) {
                // The other workspaces need not wait for this one.
                stopped.add("Workspace " + workspaceId + ": " + e.getMessage() + ". Its rotation stopped there: the sources moved "
                        + "so far stay under the new key, and the old key is kept until every source is under it.");
            }
        }
        if (!stopped.isEmpty()) {
            throw new CommandFailure(String.join("\n", stopped) + "\nGive those sources new credentials, then run rotate-data-keys again.");
        }
        return results;
    }
}
