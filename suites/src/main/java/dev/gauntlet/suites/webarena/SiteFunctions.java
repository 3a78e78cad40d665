package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.gauntlet.api.Config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code func:} helpers of program_html, re-implemented (upstream evaluates Python): URL helpers
 * ({@code shopping_get_latest_order_url()}, {@code reddit_get_post_url('__last_url__')}) and locator helpers reading
 * site data (the shop's review and order REST API with an admin token, GitLab's member list, the forum's comments).
 * REST calls go through the page's context, so they carry its cookies (the built-in sites keep state per session).
 * A helper not listed here makes the task broken, naming it.
 */
final class SiteFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The helpers {@link #url} and {@link #locate} implement, by name. */
    static final java.util.Set<String> HELPERS = java.util.Set.of("reddit_get_post_url", "shopping_get_latest_order_url",
            "shopping_get_sku_latest_review_author", "shopping_get_sku_latest_review_rating",
            "shopping_get_sku_latest_review_text", "gitlab_get_project_memeber_role",
            "reddit_get_latest_comment_content_by_username");

    private final Page page;
    private final Map<String, String> urls;
    private final Config config;

    SiteFunctions(Page page, Map<String, String> urls, Config config) {
        this.page = page;
        this.urls = urls;
        this.config = config;
    }

    /** Evaluates a url-position helper call ({@code __last_url__} already replaced). */
    String url(String call) {
        Call c = Call.parse(call);
        return switch (c.name) {
            case "reddit_get_post_url" -> redditPostUrl(c.arg(0));
            case "shopping_get_latest_order_url" -> latestOrderUrl();
            default -> throw new IllegalArgumentException("unknown func: helper '" + c.name + "' in program_html url");
        };
    }

    /** Evaluates a locator-position helper call ({@code __page__} already replaced by {@code page}). */
    String locate(String call) {
        Call c = Call.parse(call);
        return switch (c.name) {
            case "shopping_get_sku_latest_review_author" -> latestReview(c.arg(0), "author");
            case "shopping_get_sku_latest_review_rating" -> latestReview(c.arg(0), "rating");
            case "shopping_get_sku_latest_review_text" -> latestReview(c.arg(0), "text");
            case "gitlab_get_project_memeber_role" -> gitlabRole(c.arg(1));
            case "reddit_get_latest_comment_content_by_username" -> latestComment(c.arg(1));
            default -> throw new IllegalArgumentException("unknown func: helper '" + c.name + "' in program_html locator");
        };
    }

    /** Cuts a forum comment URL back to its post: {@code scheme://host/f/<forum>/<id>/}; other URLs are kept. */
    static String redditPostUrl(String url) {
        URI u = URI.create(url);
        String[] tok = u.getRawPath().split("/", -1);
        if (tok.length < 4 || !tok[1].equals("f")) {
            return url;
        }
        return u.getScheme() + "://" + u.getRawAuthority() + "/f/" + tok[2] + "/" + tok[3] + "/";
    }

    private String latestOrderUrl() {
        String shop = site("shopping");
        JsonNode orders = get(shop + "/rest/V1/orders", Map.of("searchCriteria[sortOrders][0][field]", "created_at",
                "searchCriteria[sortOrders][0][direction]", "DESC", "searchCriteria[pageSize]", "1"));
        JsonNode items = orders.path("items");
        if (items.isEmpty()) {
            throw new IllegalStateException("shopping_get_latest_order_url: the shop has no orders");
        }
        return shop + "/sales/order/view/order_id/" + Long.parseLong(items.get(0).path("increment_id").asText()) + "/";
    }

    private String latestReview(String sku, String what) {
        JsonNode reviews = get(site("shopping") + "/rest/V1/products/" + sku + "/reviews", Map.of());
        if (reviews.isEmpty()) {
            return "";
        }
        JsonNode last = reviews.get(reviews.size() - 1);
        return switch (what) {
            case "author" -> last.path("nickname").asText();
            case "rating" -> last.path("ratings").path(0).path("percent").asText();
            default -> last.path("detail").asText();
        };
    }

    private String gitlabRole(String account) {
        try {
            Locator names = page.locator("td[data-label='Account'] span.gl-avatar-labeled-sublabel");
            int index = -1;
            for (int i = 0; i < names.count(); i++) {
                if (names.nth(i).innerText().trim().equals("@" + account)) {
                    index = i;
                    break;
                }
            }
            return index < 0 ? "" : page.locator("td.col-max-role span").nth(index).innerText();
        } catch (RuntimeException e) {
            return "";
        }
    }

    // Lite's helper reads the page that is open (no navigation): a comment tree built from #main, each node's first
    // .fg-inherit (author), .vote__net-score, .comment__content and header time, children the .comment elements one
    // data-level deeper; the root is #main itself, whose "author" and "content" are its first matches, as upstream's
    // script builds it. Any element missing makes the whole tree empty, and the content "". (Under the Playwright for
    // Python 1.37 that upstream pins, the helper's time comparison raises and it always gives ""; the rule here is
    // the helper's own, as Playwright 1.43+ runs it: README)
    private static final String COMMENT_TREE = """
            () => {
              const build = (node, level) => ({
                username: node.querySelector('.fg-inherit').outerText,
                net_score: parseInt(node.querySelector('.vote__net-score').outerText),
                content: node.querySelector('.comment__content').outerText,
                time: new Date(node.querySelector('.comment__main > header > h1 > span > time').dateTime).getTime(),
                children: [...node.querySelectorAll('.comment')]
                    .filter(c => parseInt(c.getAttribute('data-level')) === level + 1)
                    .map(c => build(c, level + 1))
              });
              return build(document.querySelector('#main'), 0);
            }""";

    /** The content of {@code username}'s latest comment in the open page's comment tree, or "" (Lite's helper). */
    String latestComment(String username) {
        Object tree;
        try {
            tree = page.evaluate(COMMENT_TREE);
        } catch (RuntimeException e) {
            return "";
        }
        String[] best = {null};
        double[] latest = {Double.NEGATIVE_INFINITY};
        visit(tree, username, best, latest);
        return best[0] == null ? "" : best[0];
    }

    // depth first, parents before children; a later comment must be strictly newer to win, as upstream's dfs
    private static void visit(Object node, String username, String[] best, double[] latest) {
        if (!(node instanceof Map<?, ?> n)) {
            return;
        }
        double time = n.get("time") instanceof Number t ? t.doubleValue() : Double.NaN;
        if (username.equals(n.get("username")) && time > latest[0]) {
            best[0] = String.valueOf(n.get("content"));
            latest[0] = time;
        }
        if (n.get("children") instanceof List<?> children) {
            for (Object c : children) {
                visit(c, username, best, latest);
            }
        }
    }

    private JsonNode get(String url, Map<String, String> query) {
        RequestOptions options = RequestOptions.create().setHeader("Authorization", "Bearer " + adminToken());
        query.forEach(options::setQueryParam);
        return json(page.context().request().get(url, options), url);
    }

    private String adminToken() {
        String user = config.get("webarena.shopping_admin" + WebArenaSettings.USERNAME_SUFFIX, "");
        String password = config.get("webarena.shopping_admin" + WebArenaSettings.PASSWORD_SUFFIX, "");
        String url = site("shopping") + "/rest/default/V1/integration/admin/token";
        JsonNode token = json(page.context().request().post(url, RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(Map.of("username", user, "password", password))), url);
        return token.asText();
    }

    private JsonNode json(APIResponse response, String url) {
        if (response.status() != 200) {
            throw new IllegalStateException(url + " answered HTTP " + response.status() + " (for the shop's admin "
                    + "API set webarena.shopping_admin.username and webarena.shopping_admin.password)");
        }
        try {
            return JSON.readTree(response.text());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + " did not answer JSON: " + e.getMessage());
        }
    }

    private String site(String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new IllegalStateException("a func: helper needs the " + name + " site: set "
                    + WebArenaSettings.urlKey(name));
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A parsed helper call: its name and arguments (quoted strings, or bare words such as {@code page}). */
    record Call(String name, List<String> args) {

        String arg(int i) {
            if (i >= args.size()) {
                throw new IllegalArgumentException("func: helper '" + name + "' needs argument " + (i + 1));
            }
            return args.get(i);
        }

        static Call parse(String text) {
            String t = text.trim();
            int open = t.indexOf('(');
            if (open < 0 || !t.endsWith(")")) {
                throw new IllegalArgumentException("func: '" + text + "' is not a helper call");
            }
            List<String> args = new ArrayList<>();
            String body = t.substring(open + 1, t.length() - 1);
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == ' ' || c == ',') {
                    i++;
                } else if (c == '\'' || c == '"') {
                    int end = body.indexOf(c, i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("func: '" + text + "' has an unclosed string");
                    }
                    args.add(body.substring(i + 1, end));
                    i = end + 1;
                } else {
                    int end = body.indexOf(',', i);
                    end = end < 0 ? body.length() : end;
                    args.add(body.substring(i, end).trim());
                    i = end;
                }
            }
            return new Call(t.substring(0, open).trim(), args);
        }
    }
}
