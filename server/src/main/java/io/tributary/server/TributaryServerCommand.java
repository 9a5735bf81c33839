package io.tributary.server;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.tributary.server.config.TributaryConfiguration;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Dropwizard's {@code server} command, refusing a configuration that lacks what production needs
 * with only the list of what is missing, not a stack trace.
 */
final class TributaryServerCommand extends ServerCommand<TributaryConfiguration> {

    TributaryServerCommand(Application<TributaryConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        if (error instanceof ConfigurationException) {
            cli.getStdErr().println("Tributary cannot start: " + error.getMessage());
            return;
        }
        super.onError(cli, namespace, error);
    }
}
