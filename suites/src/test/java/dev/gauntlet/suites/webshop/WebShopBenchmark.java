package dev.gauntlet.suites.webshop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the built-in shop's search latency and page render times (p50/p95 in ms): a command that reports figures,
 * not a test. Run it with
 * {@code mvn -q -pl suites -am test-compile exec:java -Dexec.mainClass=dev.gauntlet.suites.webshop.WebShopBenchmark -Dexec.classpathScope=test}.
 */
public final class WebShopBenchmark {

    private WebShopBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long t0 = System.nanoTime();
        Catalogue catalogue = Catalogue.generate(Catalogue.DEFAULT_SIZE);
        List<Goal> goals = GoalGenerator.generate(catalogue, GoalGenerator.DEFAULT_COUNT);
        System.out.printf(Locale.ROOT, "catalogue + goals generated: %d products, %d goals in %.0f ms%n",
                catalogue.products().size(), goals.size(), (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        try (ProductSearch search = new ProductSearch(catalogue.products());
             ShopServer server = new ShopServer(catalogue, search)) {
            System.out.printf(Locale.ROOT, "index built in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            List<Double> searchMs = new ArrayList<>();
            List<Double> resultsMs = new ArrayList<>();
            List<Double> itemMs = new ArrayList<>();
            List<Double> renderMs = new ArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            String start = server.open("bench", goals.get(0));
            for (int i = 0; i < rounds + 50; i++) {
                boolean warm = i >= 50; // the first rounds warm up the JIT
                Goal g = goals.get(i % goals.size());
                long s = System.nanoTime();
                List<String> hits = search.search(g.instruction());
                add(warm, searchMs, s);
                s = System.nanoTime();
                get(http, start + "/search?q=" + ShopPages.enc(g.instruction()));
                add(warm, resultsMs, s);
                Product p = catalogue.get(hits.isEmpty() ? g.asin() : hits.get(0));
                s = System.nanoTime();
                get(http, start + "/item/" + p.asin() + "?q=x&page=1");
                add(warm, itemMs, s);
                s = System.nanoTime();
                ShopPages.item("/webshop/bench", g.instruction(), p, "x", 1, "{}", Map.of(), null);
                ShopPages.results("/webshop/bench", g.instruction(), "x", 1,
                        hits.stream().limit(10).map(catalogue::get).toList(), hits.size());
                add(warm, renderMs, s);
            }
            report("search (Lucene BM25, top 50)", searchMs);
            report("results page over HTTP (search + render)", resultsMs);
            report("item page over HTTP", itemMs);
            report("render only (item + results HTML)", renderMs);
        }
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> HTTP " + r.statusCode());
        }
    }

    private static void add(boolean warm, List<Double> into, long start) {
        if (warm) {
            into.add((System.nanoTime() - start) / 1e6);
        }
    }

    private static void report(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-42s p50 %6.2f ms   p95 %6.2f ms   (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.floor(sorted.size() * 0.95)), sorted.size());
    }
}
