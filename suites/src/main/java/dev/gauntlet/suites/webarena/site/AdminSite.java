package dev.gauntlet.suites.webarena.site;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The built-in shop admin under {@code /admin}: a dashboard with bestsellers, and product edit forms. */
final class AdminSite {

    private final Sessions sessions;

    AdminSite(Sessions sessions) {
        this.sessions = sessions;
    }

    void handle(HttpExchange ex) throws IOException {
        SiteState s = sessions.of(ex);
        String[] p = ex.getRequestURI().getPath().split("/");
        if (p.length <= 2) {
            String rows = s.products.values().stream().map(x -> "<tr><td>" + Web.esc(x.name())
                    + "</td><td><a id=\"edit-" + x.sku() + "\" href=\"/admin/product/" + x.sku() + "\">Edit</a></td></tr>")
                    .collect(Collectors.joining());
            Web.page(ex, "Dashboard", "<h1>Dashboard</h1><h2>Bestsellers</h2><ol><li>Dome Tent</li><li>Enamel Mug</li>"
                    + "</ol><h2>Products</h2><table>" + rows + "</table>");
        } else if (p.length == 4 && p[2].equals("product") && s.products.containsKey(p[3])) {
            SiteState.Product x = s.products.get(p[3]);
            String notice = "";
            if (ex.getRequestMethod().equals("POST")) {
                Map<String, String> f = Web.form(ex);
                try {
                    x = new SiteState.Product(x.sku(), x.name(), x.category(),
                            Double.parseDouble(f.getOrDefault("price", "")), x.note());
                    synchronized (s) {
                        s.products.put(x.sku(), x);
                    }
                    notice = "<p id=\"saved\">You saved the product.</p>";
                } catch (NumberFormatException e) {
                    notice = "<p id=\"error\">The price must be a number.</p>";
                }
            }
            Web.page(ex, "Edit " + x.name(), notice + "<h1>Edit " + Web.esc(x.name()) + "</h1><form method=\"post\">"
                    + "<label>Price <input id=\"price\" name=\"price\" value=\""
                    + String.format(Locale.ROOT, "%s", trim(x.price())) + "\"></label><button id=\"save\">Save</button>"
                    + "</form><details id=\"more\"><summary>More</summary><span id=\"category\">" + Web.esc(x.note())
                    + "</span></details>");
        } else {
            Web.notFound(ex);
        }
    }

    private static String trim(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }
}
