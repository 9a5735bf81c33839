package io.tributary.server.console;

import io.dropwizard.jetty.setup.ServletEnvironment;
import io.dropwizard.servlets.assets.AssetServlet;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * The web console and the API's rendered documentation, served from the class path on the API's
 * own port, beside Jersey (which keeps every other path):
 * <ul>
 *   <li>{@code /} the console's page, and {@code /console/*} its scripts and styles;</li>
 *   <li>{@code /webjars/*} the libraries they load (uPlot, swagger-ui), from their WebJars;</li>
 *   <li>{@code /api/docs} swagger-ui over {@code /api/v1/openapi.json}.</li>
 * </ul>
 * None of these carries data: every page asks the public REST API, with the token a person
 * enters, for what it shows.
 */
public final class ConsoleAssets {

    private ConsoleAssets() {
    }

    public static void register(ServletEnvironment servlets) {
        // "" is the servlet pattern for the context root exactly: "/" itself, and nothing under it.
        servlets.addServlet("console-page", new ConsolePage("/console/index.html")).addMapping("");
        servlets.addServlet("console-assets", new AssetServlet("/console", "/console", null, StandardCharsets.UTF_8))
                .addMapping("/console/*");
        servlets.addServlet("webjars", new AssetServlet("/META-INF/resources/webjars", "/webjars", null, StandardCharsets.UTF_8))
                .addMapping("/webjars/*");
        servlets.addServlet("api-docs", new AssetServlet("/api-docs", "/api/docs", "index.html", StandardCharsets.UTF_8))
                .addMapping("/api/docs/*");
        servlets.addFilter("console-headers", new ConsoleHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "", "/console/*", "/webjars/*", "/api/docs/*");
    }
}
