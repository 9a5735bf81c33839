package io.tributary.server;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.Database;
import io.tributary.server.core.StandaloneDatabase;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code migrate <config>}: brings the database schema up to date, then exits. The server also does this on start. */
public final class MigrateCommand extends ConfiguredCommand<TributaryConfiguration> {

    public MigrateCommand() {
        super("migrate", "Apply the database migrations, then exit");
    }

    @Override
    protected void run(Bootstrap<TributaryConfiguration> bootstrap, Namespace namespace, TributaryConfiguration config)
            throws Exception {
        try (StandaloneDatabase database = new StandaloneDatabase(config.database())) {
            Database.migrate(database.access());
        }
        System.out.println("The database schema is up to date.");
    }
}
