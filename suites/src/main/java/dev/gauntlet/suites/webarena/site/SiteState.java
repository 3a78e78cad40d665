package dev.gauntlet.suites.webarena.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One session's shop and forum: the catalog (prices editable), cart, orders, reviews, forum posts and comments. */
final class SiteState {

    record Product(String sku, String name, String category, double price, String note) {}

    record Order(int id, List<String> skus, long created) {}

    record Review(String nickname, int percent, String detail) {}

    record Comment(int id, int post, String user, String body) {}

    record Post(int id, String forum, String slug, String title, String user, String body) {}

    static final String USER = "MarcusW";

    final Map<String, Product> products = new LinkedHashMap<>();
    final List<String> cart = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final Map<String, List<Review>> reviews = new LinkedHashMap<>();
    final List<Post> posts = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();

    SiteState() {
        add(new Product("LANT-1", "Trail Lantern", "camping", 24.50, "Camping lights"));
        add(new Product("TENT-2", "Dome Tent", "camping", 149.00, "Tents & Shelters"));
        add(new Product("MUG-3", "Enamel Mug", "kitchen", 9.75, "Camp kitchen"));
        add(new Product("BOOT-4", "Hiking Boots", "footwear", 89.90, "Boots"));
        orders.add(new Order(1, List.of("MUG-3"), 1_000));
        orders.add(new Order(2, List.of("BOOT-4"), 2_000));
        orders.add(new Order(3, List.of("LANT-1", "MUG-3"), 3_000));
        reviews.get("LANT-1").add(new Review("Ana", 100, "Lights up the whole tent."));
        posts.add(new Post(1, "camping", "best-lantern-for-night-hikes", "Best lantern for night hikes?", "juno",
                "Looking for something light that lasts the whole night."));
        posts.add(new Post(2, "camping", "tent-pegs-in-sand", "Tent pegs in sand", "ravi",
                "What works on beaches?"));
        comments.add(new Comment(1, 2, "juno", "Use wide sand pegs or bury a stick."));
    }

    private void add(Product p) {
        products.put(p.sku(), p);
        reviews.put(p.sku(), new ArrayList<>());
    }

    synchronized Order checkout() {
        int id = orders.size() + 1;
        Order o = new Order(id, List.copyOf(cart), System.currentTimeMillis());
        orders.add(o);
        cart.clear();
        return o;
    }

    synchronized Comment comment(int post, String body) {
        Comment c = new Comment(comments.size() + 1, post, USER, body);
        comments.add(c);
        return c;
    }
}
