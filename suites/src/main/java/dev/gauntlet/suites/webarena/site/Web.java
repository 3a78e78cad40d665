package dev.gauntlet.suites.webarena.site;

import com.sun.net.httpserver.HttpExchange;
import dev.gauntlet.site.SiteServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request and page plumbing shared by the built-in sites. */
final class Web {

    private Web() {}

    static String esc(String s) {
        return SiteServer.escape(s);
    }

    static void page(HttpExchange ex, String title, String body) throws IOException {
        SiteServer.html(ex, 200, "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body>" + body + "</body></html>");
    }

    static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        SiteServer.send(ex, 303, "text/plain", new byte[0]);
    }

    static void json(HttpExchange ex, String json) throws IOException {
        SiteServer.send(ex, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void notFound(HttpExchange ex) throws IOException {
        SiteServer.html(ex, 404, "<h1>Not found</h1>");
    }

    /** Returns the decoded form fields of a POST body, or the query of a GET. */
    static Map<String, String> form(HttpExchange ex) throws IOException {
        String raw = ex.getRequestMethod().equals("POST")
                ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : ex.getRequestURI().getRawQuery();
        return SiteServer.query(raw);
    }
}
