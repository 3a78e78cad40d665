package dev.gauntlet.suites.webvoyager;

import com.sun.net.httpserver.HttpExchange;
import dev.gauntlet.site.SiteServer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in sites of the WebVoyager sample, each on its own origin: a recipe site, a dictionary and a paper
 * archive, each with a search box, result lists and detail pages, so that finding an answer takes searching and
 * navigating as on the live sites. All content is invented for Gauntlet.
 */
final class SampleSites implements AutoCloseable {

    /** A recipe. */
    record Recipe(String slug, String name, String cuisine, int minutes, double rating, int reviews,
                  List<String> ingredients) {}

    /** A dictionary entry. */
    record Entry(String word, String partOfSpeech, String pronunciation, String definition, List<String> synonyms,
                 int firstUse) {}

    /** A paper. */
    record Paper(String id, String title, List<String> authors, int year, String category, int citations,
                 String summary) {}

    static final List<Recipe> RECIPES = List.of(
            new Recipe("smoky-lentil-chili", "Smoky Lentil Chili", "Tex-Mex", 55, 4.6, 412,
                    List.of("red lentils", "chipotle", "tomatoes", "cumin", "onion")),
            new Recipe("garden-vegetable-lasagna", "Garden Vegetable Lasagna", "Italian", 90, 4.4, 238,
                    List.of("lasagna sheets", "zucchini", "spinach", "ricotta", "tomato sauce")),
            new Recipe("vegan-cashew-lasagna", "Vegan Cashew Lasagna", "Italian", 105, 4.7, 187,
                    List.of("lasagna sheets", "cashews", "mushrooms", "basil", "tomato sauce")),
            new Recipe("lemon-herb-salmon", "Lemon Herb Salmon", "Mediterranean", 25, 4.8, 963,
                    List.of("salmon", "lemon", "dill", "garlic", "olive oil")),
            new Recipe("coconut-chickpea-curry", "Coconut Chickpea Curry", "Indian", 40, 4.5, 644,
                    List.of("chickpeas", "coconut milk", "garam masala", "ginger", "spinach")),
            new Recipe("buckwheat-pancakes", "Buckwheat Pancakes", "American", 20, 4.2, 151,
                    List.of("buckwheat flour", "buttermilk", "egg", "maple syrup")),
            new Recipe("miso-glazed-eggplant", "Miso Glazed Eggplant", "Japanese", 35, 4.3, 98,
                    List.of("eggplant", "white miso", "mirin", "sesame seeds")));

    static final List<Entry> ENTRIES = List.of(
            new Entry("ephemeral", "adjective", "ih-FEM-er-uhl", "lasting for a very short time",
                    List.of("fleeting", "transient", "brief"), 1576),
            new Entry("lucid", "adjective", "LOO-sid", "expressed clearly and easy to understand",
                    List.of("clear", "coherent", "intelligible"), 1591),
            new Entry("quixotic", "adjective", "kwik-SOT-ik", "hopeful or romantic in a way that is not practical",
                    List.of("idealistic", "unrealistic", "romantic"), 1718),
            new Entry("serendipity", "noun", "ser-uhn-DIP-ih-tee", "finding something good without looking for it",
                    List.of("chance", "fluke", "luck"), 1754),
            new Entry("sonder", "noun", "SON-der", "the sense that each passer-by has a life as vivid as one's own",
                    List.of("empathy"), 2012),
            new Entry("obfuscate", "verb", "OB-fuh-skayt", "to make something unclear on purpose",
                    List.of("obscure", "cloud", "muddle"), 1536),
            new Entry("petrichor", "noun", "PET-ri-kor", "the smell of rain falling on dry ground",
                    List.of("rain scent"), 1964));

    static final List<Paper> PAPERS = List.of(
            new Paper("2403.01127", "Sparse Routing for Small Language Models", List.of("Ana Ruiz", "Tomas Varga"),
                    2024, "cs.CL", 58, "Routes tokens to a few experts to cut inference cost on small models."),
            new Paper("2311.04410", "Graph Priors for Web Navigation Agents", List.of("Mei Tanaka", "Ola Nwosu"),
                    2023, "cs.AI", 131, "Learns a site graph from past episodes and plans over it."),
            new Paper("2407.10233", "Measuring Judge Agreement in Agent Benchmarks", List.of("Priya Raman"),
                    2024, "cs.AI", 17, "Compares model judges with human labels on web-agent trajectories."),
            new Paper("2209.15521", "Energy-Aware Scheduling of Training Jobs", List.of("Lars Berg", "Ines Costa"),
                    2022, "cs.DC", 240, "Shifts training jobs to hours of cheap, low-carbon power."),
            new Paper("2502.00871", "Contrastive Pretraining for Tabular Data", List.of("Hamid Saleh"),
                    2025, "cs.LG", 9, "Pretrains table encoders by contrasting column subsets."),
            new Paper("2110.07734", "Robust Optical Flow under Rain", List.of("Jin Park", "Eva Novak", "Sam Reid"),
                    2021, "cs.CV", 312, "Synthesises rain streaks to train flow models that hold up in storms."));

    private final SiteServer recipes = SiteServer.start();
    private final SiteServer dictionary = SiteServer.start();
    private final SiteServer papers = SiteServer.start();

    SampleSites() {
        recipes.mount("/", ex -> route(ex, "Home Kitchen", "recipes", RECIPES, Recipe::slug, Recipe::name,
                r -> r.name() + " " + r.cuisine() + " " + String.join(" ", r.ingredients()), SampleSites::recipe));
        dictionary.mount("/", ex -> route(ex, "WordHoard Dictionary", "words", ENTRIES, Entry::word, Entry::word,
                e -> e.word() + " " + e.definition(), SampleSites::entry));
        papers.mount("/", ex -> route(ex, "OpenPreprints", "papers", PAPERS, Paper::id, Paper::title,
                p -> p.title() + " " + String.join(" ", p.authors()) + " " + p.category(), SampleSites::paper));
    }

    /** Returns each site's base URL by the name the sample's task file uses in its placeholders. */
    Map<String, String> urls() {
        return Map.of("__RECIPES__", recipes.origin(), "__DICTIONARY__", dictionary.origin(),
                "__PAPERS__", papers.origin());
    }

    /** Home with a search box, {@code /search?q=} with result links, {@code /<kind>/<key>} detail pages. */
    private static <T> void route(HttpExchange ex, String title, String kind, List<T> items, Function<T, String> key,
                                  Function<T, String> name, Function<T, String> haystack, Function<T, String> detail)
            throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/")) {
            page(ex, title, "<h1>" + esc(title) + "</h1>" + searchBox() + "<h2>Browse</h2><ul>"
                    + String.join("", items.stream().map(i -> link(kind, key.apply(i), name.apply(i))).toList())
                    + "</ul>");
            return;
        }
        if (path.equals("/search")) {
            String q = SiteServer.query(ex.getRequestURI().getRawQuery()).getOrDefault("q", "").toLowerCase(Locale.ROOT);
            List<T> hits = items.stream().filter(i -> matches(haystack.apply(i), q)).toList();
            page(ex, title + " – search", "<h1>Results for \"" + esc(q) + "\"</h1>" + searchBox()
                    + (hits.isEmpty() ? "<p>No results.</p>" : "<ol>" + String.join("",
                    hits.stream().map(i -> link(kind, key.apply(i), name.apply(i))).toList()) + "</ol>"));
            return;
        }
        String prefix = "/" + kind + "/";
        if (path.startsWith(prefix)) {
            String k = path.substring(prefix.length());
            for (T i : items) {
                if (key.apply(i).equals(k)) {
                    page(ex, name.apply(i) + " – " + title, "<p><a id=\"home\" href=\"/\">" + esc(title) + "</a></p>"
                            + detail.apply(i));
                    return;
                }
            }
        }
        SiteServer.html(ex, 404, "<h1>Not found</h1>");
    }

    /** Every word of the query appears in the item's text. */
    private static boolean matches(String text, String query) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String w : query.split("\\s+")) {
            if (!w.isBlank() && !t.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static String recipe(Recipe r) {
        return "<h1>" + esc(r.name()) + "</h1><p class=\"cuisine\">Cuisine: " + esc(r.cuisine()) + "</p>"
                + "<p class=\"time\">Ready in " + r.minutes() + " minutes</p>"
                + "<p class=\"rating\">Rated " + r.rating() + " out of 5 from " + r.reviews() + " reviews</p>"
                + "<h2>Ingredients</h2><ul>" + String.join("", r.ingredients().stream()
                .map(i -> "<li>" + esc(i) + "</li>").toList()) + "</ul>";
    }

    private static String entry(Entry e) {
        return "<h1>" + esc(e.word()) + "</h1><p class=\"pos\">" + esc(e.partOfSpeech()) + " · "
                + esc(e.pronunciation()) + "</p><p class=\"definition\">" + esc(e.definition()) + "</p>"
                + "<p class=\"synonyms\">Synonyms: " + esc(String.join(", ", e.synonyms())) + "</p>"
                + "<p class=\"first-use\">First known use: " + e.firstUse() + "</p>";
    }

    private static String paper(Paper p) {
        return "<h1>" + esc(p.title()) + "</h1><p class=\"authors\">" + esc(String.join(", ", p.authors())) + "</p>"
                + "<p class=\"meta\">arXiv:" + p.id() + " [" + p.category() + "] · submitted " + p.year() + "</p>"
                + "<p class=\"citations\">Cited by " + p.citations() + "</p><blockquote>" + esc(p.summary())
                + "</blockquote>";
    }

    private static String searchBox() {
        return "<form action=\"/search\" method=\"get\"><input id=\"q\" name=\"q\" aria-label=\"Search\">"
                + "<button id=\"go\" type=\"submit\">Search</button></form>";
    }

    private static String link(String kind, String key, String name) {
        return "<li><a id=\"r-" + esc(key.replace('.', '-')) + "\" href=\"/" + kind + "/" + esc(key) + "\">"
                + esc(name) + "</a></li>";
    }

    private static void page(HttpExchange ex, String title, String body) throws IOException {
        SiteServer.html(ex, 200, "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body>" + body + "</body></html>");
    }

    private static String esc(String s) {
        return SiteServer.escape(s);
    }

    @Override
    public void close() {
        recipes.close();
        dictionary.close();
        papers.close();
    }
}
