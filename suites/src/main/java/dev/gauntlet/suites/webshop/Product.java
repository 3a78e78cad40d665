package dev.gauntlet.suites.webshop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One product of the built-in catalogue, with the fields WebShop's pages and reward use.
 *
 * @param asin            product id ({@code B0...}), shown on the results page and clicked as {@code click[b0...]}
 * @param name            product name the type reward compares (here the title)
 * @param title           title shown on the pages
 * @param type            product type ("shampoo"), used by instructions
 * @param category        top-level department
 * @param productCategory category chain joined by " › "
 * @param query           the search query the product was listed under
 * @param bullets         feature bullet points
 * @param description     description text
 * @param attributes      attribute phrases ("sulfate free")
 * @param options         option kind → offered values, in page order
 * @param price           price in dollars
 * @param rating          average rating out of 5
 * @param reviews         review texts with their scores
 */
record Product(String asin, String name, String title, String type, String category, String productCategory,
               String query, List<String> bullets, String description, List<String> attributes,
               Map<String, List<String>> options, double price, double rating, List<Review> reviews) {

    /** A customer review. */
    record Review(int score, String text) {}

    /** Returns the purchase record the done page carries and the reward reads. */
    Map<String, Object> purchase(Map<String, String> chosen) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("asin", asin);
        p.put("name", name);
        p.put("title", title);
        p.put("query", query);
        p.put("category", category);
        p.put("product_category", productCategory);
        p.put("attributes", attributes);
        p.put("bullets", bullets);
        p.put("description", description);
        p.put("options", new LinkedHashMap<>(chosen));
        p.put("price", price);
        return p;
    }
}
