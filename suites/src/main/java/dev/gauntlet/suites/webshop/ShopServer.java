package dev.gauntlet.suites.webshop;

import com.sun.net.httpserver.HttpExchange;
import dev.gauntlet.site.SiteServer;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in shop: the catalogue, its search engine and one session per episode, served under
 * {@code /webshop/<session>/...} by the in-process {@link SiteServer}. Sessions keep episodes apart, so any number
 * run in parallel. Bad input (unknown session, product or page) gets an error page, never a server error.
 */
final class ShopServer implements AutoCloseable {

    static final String PREFIX = "/webshop";

    private final Catalogue catalogue;
    private final ProductSearch search;
    private final SiteServer server;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** One episode's state: its goal and, once bought, the purchase. */
    static final class Session {
        final Goal goal;
        volatile Map<String, Object> purchase;
        volatile String score = "";

        Session(Goal goal) {
            this.goal = goal;
        }
    }

    ShopServer(Catalogue catalogue, ProductSearch search) {
        this.catalogue = catalogue;
        this.search = search;
        this.server = SiteServer.start().mount(PREFIX, this::handle);
    }

    /** Opens a session for {@code goal} and returns its start URL. */
    String open(String sessionId, Goal goal) {
        sessions.put(sessionId, new Session(goal));
        return server.url(PREFIX + "/" + sessionId);
    }

    void closeSession(String sessionId) {
        sessions.remove(sessionId);
    }

    Session session(String sessionId) {
        return sessions.get(sessionId);
    }

    String origin() {
        return server.origin();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String[] parts = uri.getPath().substring(PREFIX.length()).replaceAll("^/+", "").split("/");
        Map<String, String> q = SiteServer.query(uri.getRawQuery());
        Session session = parts.length == 0 ? null : sessions.get(parts[0]);
        if (session == null) {
            SiteServer.html(exchange, 404, ShopPages.error("", "unknown session '" + (parts.length == 0 ? "" : parts[0])
                    + "'", null));
            return;
        }
        String base = PREFIX + "/" + parts[0];
        String instruction = session.goal.instruction();
        String route = parts.length > 1 ? parts[1] : "";
        switch (route) {
            case "" -> SiteServer.html(exchange, 200, ShopPages.search(base, instruction));
            case "search" -> results(exchange, base, instruction, q);
            case "item", "done" -> {
                Product p = parts.length > 2 ? catalogue.get(parts[2]) : null;
                if (p == null) {
                    SiteServer.html(exchange, 404, ShopPages.error(instruction, "no product '"
                            + (parts.length > 2 ? parts[2] : "") + "'", base));
                    return;
                }
                Map<String, String> chosen = validOptions(p, WebShopJson.options(q.get("o")));
                if (route.equals("done")) {
                    SiteServer.html(exchange, 200, done(session, instruction, p, chosen));
                    return;
                }
                String asked = q.get("tab");
                String tab = asked != null && ShopPages.TABS.stream().anyMatch(t -> t.equalsIgnoreCase(asked))
                        ? asked.toLowerCase(java.util.Locale.ROOT) : null;
                SiteServer.html(exchange, 200, ShopPages.item(base, instruction, p, q.getOrDefault("q", ""),
                        number(q.get("page")), WebShopJson.write(chosen), chosen, tab));
            }
            default -> SiteServer.html(exchange, 404, ShopPages.error(instruction, "no page '" + route + "'", base));
        }
    }

    private void results(HttpExchange exchange, String base, String instruction, Map<String, String> q) throws IOException {
        String keywords = q.getOrDefault("q", "").toLowerCase(java.util.Locale.ROOT);
        List<String> asins;
        try {
            asins = search.search(keywords);
        } catch (IllegalArgumentException e) {
            SiteServer.html(exchange, 400, ShopPages.error(instruction, e.getMessage(), base));
            return;
        }
        int pages = Math.max(1, (asins.size() + 9) / 10);
        int page = Math.min(number(q.get("page")), pages);
        List<Product> shown = asins.subList(Math.min((page - 1) * 10, asins.size()), Math.min(page * 10, asins.size()))
                .stream().map(catalogue::get).toList();
        SiteServer.html(exchange, 200, ShopPages.results(base, instruction, keywords, page, shown, asins.size()));
    }

    private String done(Session session, String instruction, Product p, Map<String, String> chosen) {
        synchronized (session) {
            if (session.purchase == null) { // the first purchase counts, as the episode ends with it
                session.purchase = p.purchase(chosen);
                session.score = String.valueOf(WebShopReward.compute(session.goal.toMap(), session.purchase).reward());
            }
            Product bought = catalogue.get(String.valueOf(session.purchase.get("asin")));
            @SuppressWarnings("unchecked")
            Map<String, String> options = (Map<String, String>) session.purchase.get("options");
            return ShopPages.done(instruction, bought, options, WebShopJson.write(session.purchase), session.score);
        }
    }

    /** Keeps only choices the product offers, so a hand-made URL cannot buy an option that does not exist. */
    static Map<String, String> validOptions(Product p, Map<String, String> chosen) {
        Map<String, String> out = new LinkedHashMap<>();
        chosen.forEach((k, v) -> {
            List<String> offered = p.options().get(k);
            if (offered != null && offered.contains(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static int number(String s) {
        try {
            return Math.max(1, Integer.parseInt(s == null ? "1" : s.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }


    @Override
    public void close() {
        server.close();
    }
}
