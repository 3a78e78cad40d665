package dev.gauntlet.suites.webarena.site;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in shop: catalog, search, product pages with reviews, cart, checkout, order history, a policy page, and
 * the REST calls WebArena's shopping helpers make (admin token, latest orders, a product's reviews).
 */
final class ShopSite {

    private final Sessions sessions;

    ShopSite(Sessions sessions) {
        this.sessions = sessions;
    }

    void handle(HttpExchange ex) throws IOException {
        SiteState s = sessions.of(ex);
        String path = ex.getRequestURI().getPath();
        String[] p = path.split("/");
        if (path.startsWith("/rest/")) {
            rest(ex, s, path);
        } else if (path.equals("/")) {
            Web.page(ex, "Shop", nav() + "<h1>All products</h1>" + list(s.products.values().stream().toList()));
        } else if (path.equals("/search")) {
            String q = Web.form(ex).getOrDefault("q", "").toLowerCase(Locale.ROOT).trim();
            String stem = q.endsWith("s") ? q.substring(0, q.length() - 1) : q;
            List<SiteState.Product> hits = s.products.values().stream()
                    .filter(x -> !stem.isEmpty() && x.name().toLowerCase(Locale.ROOT).contains(stem)).toList();
            Web.page(ex, "Search", nav() + "<h1>Results for '" + Web.esc(q) + "'</h1>"
                    + (hits.isEmpty() ? "<p>No products found.</p>" : list(hits)));
        } else if (p.length == 3 && p[1].equals("product") && s.products.containsKey(p[2])) {
            product(ex, s, s.products.get(p[2]), "");
        } else if (p.length == 4 && p[1].equals("product") && p[3].equals("review") && s.products.containsKey(p[2])) {
            Map<String, String> f = Web.form(ex);
            int stars = Integer.parseInt(f.getOrDefault("rating", "5"));
            synchronized (s) {
                s.reviews.get(p[2]).add(new SiteState.Review(f.getOrDefault("nickname", ""), stars * 20,
                        f.getOrDefault("review", "")));
            }
            product(ex, s, s.products.get(p[2]), "<p id=\"thanks\">Thank you for your review.</p>");
        } else if (path.equals("/cart/add")) {
            synchronized (s) {
                s.cart.add(Web.form(ex).get("sku"));
            }
            Web.redirect(ex, "/cart");
        } else if (path.equals("/cart")) {
            String items = s.cart.stream().map(k -> "<li>" + Web.esc(s.products.get(k).name()) + "</li>")
                    .collect(Collectors.joining());
            Web.page(ex, "Cart", nav() + "<h1>Your cart</h1><ul>" + items + "</ul>"
                    + "<form method=\"post\" action=\"/checkout\"><button id=\"place-order\">Place order</button></form>");
        } else if (path.equals("/checkout")) {
            Web.redirect(ex, "/sales/order/view/order_id/" + s.checkout().id() + "/");
        } else if (path.equals("/orders")) {
            StringBuilder rows = new StringBuilder();
            for (SiteState.Order o : s.orders) {
                rows.append("<tr><td><a href=\"/sales/order/view/order_id/").append(o.id()).append("/\">#")
                        .append(o.id()).append("</a></td><td>").append(names(s, o)).append("</td></tr>");
            }
            Web.page(ex, "My orders", nav() + "<h1>My orders</h1><table>" + rows + "</table>");
        } else if (p.length == 6 && path.startsWith("/sales/order/view/order_id/")) {
            SiteState.Order o = s.orders.stream().filter(x -> String.valueOf(x.id()).equals(p[5])).findFirst()
                    .orElse(null);
            if (o == null) {
                Web.notFound(ex);
                return;
            }
            Web.page(ex, "Order #" + o.id(), nav() + "<h1>Order #" + o.id() + "</h1><div class=\"order-items\">"
                    + names(s, o) + "</div>");
        } else if (path.equals("/policy")) {
            Web.page(ex, "Returns", nav() + "<h1>Returns</h1><p>Unused items can be returned within 30 days for"
                    + " a full refund.</p>");
        } else {
            Web.notFound(ex);
        }
    }

    private static String nav() {
        return "<nav><a id=\"home\" href=\"/\">Home</a> | <a id=\"orders-link\" href=\"/orders\">My orders</a> | "
                + "<a id=\"cart-link\" href=\"/cart\">Cart</a> | <a id=\"policy-link\" href=\"/policy\">Returns</a>"
                + "<form action=\"/search\"><input id=\"search\" name=\"q\" placeholder=\"Search\"></form></nav>";
    }

    private static String list(List<SiteState.Product> products) {
        return "<ul>" + products.stream().map(x -> "<li><a id=\"p-" + x.sku() + "\" href=\"/product/" + x.sku()
                + "\">" + Web.esc(x.name()) + "</a> (" + x.category() + ")</li>").collect(Collectors.joining()) + "</ul>";
    }

    private static void product(HttpExchange ex, SiteState s, SiteState.Product x, String notice) throws IOException {
        StringBuilder stars = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            stars.append("<label><input type=\"radio\" name=\"rating\" id=\"rating-").append(i).append("\" value=\"")
                    .append(i).append("\">").append(i).append("</label>");
        }
        String reviews = s.reviews.get(x.sku()).stream().map(r -> "<li>" + Web.esc(r.nickname()) + ": "
                + Web.esc(r.detail()) + "</li>").collect(Collectors.joining());
        Web.page(ex, x.name(), nav() + notice + "<h1>" + Web.esc(x.name()) + "</h1><p>Price: <span id=\"price\">$"
                + String.format(Locale.ROOT, "%.2f", x.price()) + "</span></p><p>SKU: <span id=\"sku\">" + x.sku()
                + "</span></p><form method=\"post\" action=\"/cart/add\"><input type=\"hidden\" name=\"sku\" value=\""
                + x.sku() + "\"><button id=\"add-to-cart\">Add to cart</button></form><h2>Reviews</h2><ul>" + reviews
                + "</ul><form method=\"post\" action=\"/product/" + x.sku() + "/review\">"
                + "<input id=\"nickname\" name=\"nickname\" placeholder=\"Nickname\">" + stars
                + "<textarea id=\"review\" name=\"review\"></textarea><button id=\"submit-review\">Submit review</button></form>");
    }

    private static String names(SiteState s, SiteState.Order o) {
        return o.skus().stream().map(k -> Web.esc(s.products.get(k).name())).collect(Collectors.joining(", "));
    }

    private static void rest(HttpExchange ex, SiteState s, String path) throws IOException {
        if (path.equals("/rest/default/V1/integration/admin/token")) {
            ex.getRequestBody().readAllBytes();
            Web.json(ex, "\"built-in-admin-token\""); // the built-in shop accepts any admin
            return;
        }
        if (!ex.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ")) {
            com.sun.net.httpserver.HttpExchange e = ex;
            dev.gauntlet.site.SiteServer.send(e, 401, "application/json", "{}".getBytes());
            return;
        }
        String[] p = path.split("/");
        if (path.equals("/rest/V1/orders")) {
            SiteState.Order last = s.orders.stream().max(Comparator.comparingLong(SiteState.Order::created)).orElseThrow();
            Web.json(ex, "{\"items\":[{\"increment_id\":\"" + String.format("%09d", last.id()) + "\"}]}");
        } else if (p.length == 6 && p[3].equals("products") && p[5].equals("reviews") && s.reviews.containsKey(p[4])) {
            Web.json(ex, s.reviews.get(p[4]).stream().map(r -> "{\"nickname\":\"" + r.nickname().replace("\"", "")
                    + "\",\"detail\":\"" + r.detail().replace("\"", "") + "\",\"ratings\":[{\"rating_name\":\"Rating\","
                    + "\"percent\":" + r.percent() + "}]}").collect(Collectors.joining(",", "[", "]")));
        } else {
            Web.notFound(ex);
        }
    }
}
