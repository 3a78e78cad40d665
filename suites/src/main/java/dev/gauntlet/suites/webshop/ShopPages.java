package dev.gauntlet.suites.webshop;

import dev.gauntlet.site.SiteServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the built-in shop's pages, following WebShop's page flow and markup conventions that agents key on:
 * buttons carry class {@code btn}, result links class {@code product-link} with the product id as text, options are
 * radio inputs whose value is the option, the instruction sits in {@code #instruction-text}, the search box is
 * {@code #search_input}, and the done page shows the score in {@code #reward pre}.
 */
final class ShopPages {

    static final List<String> TABS = List.of("Description", "Features", "Reviews", "Attributes");

    private static final String STYLE = "body{font-family:sans-serif;margin:16px}.btn{margin:2px;padding:4px 10px}"
            + ".grid{display:flex;flex-wrap:wrap}.item{width:300px;margin:6px;padding:6px;border:1px solid #ccc}"
            + ".radio-toolbar label{margin-right:8px}#error{color:#b00}";

    private ShopPages() {}

    static String search(String base, String instruction) {
        return page("WebShop", instruction, "<div id=\"logo\"><h2>WebShop</h2></div>"
                + "<form method=\"get\" action=\"" + base + "/search\">"
                + "<input id=\"search_input\" type=\"text\" name=\"q\" placeholder=\"Search...\" required>"
                + "<button class=\"btn btn-success\" type=\"submit\">Search</button></form>");
    }

    static String results(String base, String instruction, String query, int page, List<Product> shown, int total) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h4>Current Query: ").append(esc(query)).append("</h4><h1>Results</h1>");
        int from = total == 0 ? 0 : (page - 1) * 10 + 1;
        sb.append("<p>Page ").append(page).append(" (").append(from).append('-').append(Math.min(page * 10, total))
                .append(") of ").append(total).append(" total results</p><div>");
        sb.append(button(base, "", Map.of(), "btn btn-success", "Back to Search"));
        if (page > 1) {
            sb.append(button(base, "/search", Map.of("q", query, "page", String.valueOf(page - 1)), "btn btn-primary", "< Prev"));
        }
        if (page * 10 < total) {
            sb.append(button(base, "/search", Map.of("q", query, "page", String.valueOf(page + 1)), "btn btn-primary", "Next >"));
        }
        sb.append("</div><div class=\"grid\">");
        for (Product p : shown) {
            String href = base + "/item/" + p.asin() + "?q=" + enc(query) + "&page=" + page;
            sb.append("<div class=\"item\"><h4 class=\"product-asin\"><a class=\"product-link\" href=\"").append(href)
                    .append("\">").append(p.asin()).append("</a></h4><h4 class=\"product-title\">").append(esc(p.title()))
                    .append("</h4><h5 class=\"product-price\">").append(price(p.price())).append("</h5></div>");
        }
        return page("WebShop results", instruction, sb.append("</div>").toString());
    }

    static String item(String base, String instruction, Product p, String query, int page, String optionsJson,
                       Map<String, String> chosen, String tab) {
        String itemUrl = base + "/item/" + p.asin();
        StringBuilder sb = new StringBuilder();
        sb.append("<h4>Current Query: ").append(esc(query)).append("</h4><div>");
        sb.append(button(base, "", Map.of(), "btn btn-success", "Back to Search"));
        sb.append(tab == null ? button(base, "/search", Map.of("q", query, "page", String.valueOf(page)), "btn btn-primary", "< Prev")
                : button(base, "/item/" + p.asin(), Map.of("q", query, "page", String.valueOf(page), "o", optionsJson), "btn btn-primary", "< Prev"));
        sb.append("</div>");
        if (tab == null) {
            for (Map.Entry<String, List<String>> option : p.options().entrySet()) {
                sb.append("<div class=\"option\"><h4>").append(esc(option.getKey())).append("</h4><div class=\"radio-toolbar\">");
                int i = 0;
                for (String value : option.getValue()) {
                    Map<String, String> next = new java.util.LinkedHashMap<>(chosen);
                    next.put(option.getKey(), value);
                    String url = itemUrl + "?q=" + enc(query) + "&page=" + page + "&o=" + enc(WebShopJson.write(next));
                    String id = "radio_" + option.getKey().replace(' ', '_') + i++;
                    sb.append("<input type=\"radio\" id=\"").append(id).append("\" name=\"").append(esc(option.getKey()))
                            .append("\" value=\"").append(esc(value)).append("\" data-url=\"").append(esc(url)).append('"')
                            .append(value.equals(chosen.get(option.getKey())) ? " checked" : "").append('>')
                            .append("<label for=\"").append(id).append("\">").append(esc(value)).append("</label>");
                }
                sb.append("</div></div>");
            }
            sb.append("<h2>").append(esc(p.title())).append("</h2><h4>Price: ").append(price(p.price()))
                    .append("</h4><h4>Rating: ").append(p.rating()).append("</h4><div>");
            for (String t : TABS) {
                sb.append(button(base, "/item/" + p.asin(), Map.of("q", query, "page", String.valueOf(page), "o", optionsJson,
                        "tab", t.toLowerCase(Locale.ROOT)), "btn btn-primary", t));
            }
            sb.append("</div>").append(button(base, "/done/" + p.asin(), Map.of("o", optionsJson), "btn btn-lg purchase", "Buy Now"));
            sb.append("<script>document.querySelectorAll('input[type=radio]').forEach(r => r.addEventListener('click',"
                    + " () => { window.location.href = r.dataset.url; }));</script>");
        } else {
            sb.append("<div id=\"tab-").append(tab).append("\">").append(tabContent(p, tab)).append("</div>");
        }
        return page(p.title(), instruction, sb.toString());
    }

    private static String tabContent(Product p, String tab) {
        StringBuilder sb = new StringBuilder();
        switch (tab) {
            case "description" -> sb.append("<p class=\"product-info\">").append(esc(p.description())).append("</p>");
            case "features" -> p.bullets().forEach(b -> sb.append("<p class=\"product-info\">").append(esc(b)).append("</p>"));
            case "reviews" -> p.reviews().forEach(r -> sb.append("<div class=\"review\"><h4>").append(r.score())
                    .append(" out of 5</h4><p>").append(esc(r.text())).append("</p></div>"));
            default -> p.attributes().forEach(a -> sb.append("<p class=\"attribute\">").append(esc(a)).append("</p>"));
        }
        return sb.toString();
    }

    static String done(String instruction, Product p, Map<String, String> chosen, String purchaseJson, String score) {
        String body = "<div id=\"thankyou\"><h1>Thank you for shopping with us!</h1></div>"
                + "<h4 id=\"asin\">Purchased <pre>" + p.asin() + "</pre></h4>"
                + "<h4 id=\"options\">Options <pre>" + esc(WebShopJson.write(chosen)) + "</pre></h4>"
                + "<h3 id=\"reward\">Your score (min 0.0, max 1.0)<pre>" + esc(score) + "</pre></h3>"
                + "<script type=\"application/json\" id=\"gauntlet-purchase\">" + purchaseJson.replace("</", "<\\/")
                + "</script>";
        return page("WebShop done", instruction, body);
    }

    static String error(String instruction, String message, String base) {
        return page("WebShop error", instruction, "<p id=\"error\">" + esc(message) + "</p>"
                + (base == null ? "" : button(base, "", Map.of(), "btn btn-success", "Back to Search")));
    }

    private static String page(String title, String instruction, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>" + STYLE
                + "</style></head><body><div id=\"instruction-text\"><h4>Instruction: <br>" + esc(instruction)
                + "</h4></div>" + body + "</body></html>";
    }

    private static String button(String base, String path, Map<String, String> params, String cls, String label) {
        StringBuilder sb = new StringBuilder("<form method=\"get\" style=\"display:inline\" action=\"")
                .append(base).append(path).append("\">");
        params.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append("<input type=\"hidden\" name=\"")
                .append(e.getKey()).append("\" value=\"").append(esc(e.getValue())).append("\">"));
        return sb.append("<button type=\"submit\" class=\"").append(cls).append("\">").append(esc(label))
                .append("</button></form>").toString();
    }

    static String price(double price) {
        return String.format(Locale.ROOT, "$%.2f", price);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        return SiteServer.escape(s);
    }
}
