package io.tributary.server.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The console's one HTML page, at the server's root; the page routes within itself. */
final class ConsolePage extends HttpServlet {

    private final byte[] page;

    ConsolePage(String resource) {
        try (InputStream in = ConsolePage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The console's page " + resource + " is missing from the class path");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        // Always asked again: a new server version brings new scripts.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
