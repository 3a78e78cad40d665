package dev.gauntlet.suites.webshop;

import java.util.List;
import java.util.Map;

/**
 * The words the built-in catalogue is made of, written for Gauntlet: departments with their category chains, product
 * types, attributes, option kinds and price ranges, plus brands and option values shared by all.
 */
final class Vocabulary {

    private Vocabulary() {}

    /**
     * A department: its category chain (joined by " › "), the search query its products were "scraped" with, the
     * product types, materials or styles for titles, the attribute pool, the option kinds its products may offer and
     * a price range in dollars.
     */
    record Department(String chain, String query, List<String> types, List<String> styles, List<String> attributes,
                      List<String> optionKinds, double minPrice, double maxPrice) {

        /** Returns the top-level department name. */
        String category() {
            return chain.split(" › ")[0];
        }
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department("Beauty & Personal Care › Hair Care › Shampoo & Conditioner", "hair care",
                    List.of("shampoo", "conditioner", "hair mask", "dry shampoo"),
                    List.of("Moisturizing", "Clarifying", "Volumizing", "Repairing", "Botanical"),
                    List.of("sulfate free", "paraben free", "cruelty free", "for dry hair", "color safe",
                            "natural ingredients", "long lasting", "for curly hair"),
                    List.of("scent", "volume"), 6, 38),
            new Department("Beauty & Personal Care › Skin Care › Face", "face skin care",
                    List.of("face moisturizer", "face serum", "facial cleanser", "sunscreen lotion"),
                    List.of("Daily", "Hydrating", "Brightening", "Gentle", "Overnight"),
                    List.of("fragrance free", "for sensitive skin", "oil free", "hyaluronic acid", "vitamin c",
                            "non greasy", "dermatologist tested", "anti aging"),
                    List.of("volume"), 9, 65),
            new Department("Clothing, Shoes & Jewelry › Men › Clothing › Shirts", "men shirts",
                    List.of("t-shirt", "polo shirt", "hoodie", "sweatshirt", "henley shirt"),
                    List.of("Cotton", "Classic", "Athletic", "Heavyweight", "Vintage"),
                    List.of("machine wash", "slim fit", "short sleeve", "long sleeve", "moisture wicking",
                            "relaxed fit", "button closure", "pre shrunk"),
                    List.of("color", "size"), 12, 55),
            new Department("Clothing, Shoes & Jewelry › Women › Shoes", "women shoes",
                    List.of("running shoes", "sandals", "ankle boots", "slippers", "loafers"),
                    List.of("Comfort", "Casual", "Trail", "Suede", "Breathable"),
                    List.of("non slip", "rubber sole", "memory foam", "arch support", "lightweight", "waterproof",
                            "slip on", "wide width"),
                    List.of("color", "shoe size"), 18, 120),
            new Department("Home & Kitchen › Bedding › Sheets & Pillows", "bedding",
                    List.of("pillow", "duvet cover", "sheet set", "throw blanket", "mattress topper"),
                    List.of("Microfiber", "Bamboo", "Percale", "Quilted", "Plush"),
                    List.of("machine washable", "hypoallergenic", "breathable", "cooling", "wrinkle free",
                            "deep pocket", "down alternative", "fade resistant"),
                    List.of("color", "bed size"), 20, 140),
            new Department("Home & Kitchen › Kitchen & Dining › Cookware", "kitchen cookware",
                    List.of("frying pan", "saucepan", "dutch oven", "knife set", "cutting board"),
                    List.of("Cast Iron", "Ceramic", "Stainless", "Professional", "Hard Anodized"),
                    List.of("non stick", "dishwasher safe", "stainless steel", "oven safe", "induction compatible",
                            "bpa free", "heat resistant", "easy to clean"),
                    List.of("color", "diameter"), 15, 160),
            new Department("Grocery & Gourmet Food › Snacks › Bars & Jerky", "healthy snacks",
                    List.of("protein bars", "trail mix", "beef jerky", "granola bites", "rice crackers"),
                    List.of("Crunchy", "Chewy", "Roasted", "Baked", "Artisan"),
                    List.of("gluten free", "low sugar", "high protein", "non gmo", "keto friendly",
                            "individually wrapped", "plant based", "no artificial flavors"),
                    List.of("flavor", "pack"), 5, 45),
            new Department("Grocery & Gourmet Food › Beverages › Coffee & Tea", "coffee and tea",
                    List.of("green tea", "ground coffee", "coffee pods", "herbal tea", "cold brew coffee"),
                    List.of("Single Origin", "Dark Roast", "Medium Roast", "Loose Leaf", "Premium"),
                    List.of("usda organic", "caffeine free", "fair trade", "kosher", "whole bean", "low acid",
                            "sugar free", "rainforest alliance"),
                    List.of("flavor", "count"), 6, 50),
            new Department("Electronics › Headphones & Audio", "wireless audio",
                    List.of("wireless earbuds", "over ear headphones", "bluetooth speaker", "soundbar"),
                    List.of("Studio", "Sport", "Compact", "Bass Boost", "Portable"),
                    List.of("noise cancelling", "water resistant", "long battery life", "fast charging",
                            "built in microphone", "usb c", "hands free", "touch control"),
                    List.of("color"), 19, 260),
            new Department("Electronics › Cell Phones & Accessories", "phone accessories",
                    List.of("phone case", "charging cable", "power bank", "screen protector", "car mount"),
                    List.of("Slim", "Rugged", "Braided", "Magnetic", "Clear"),
                    List.of("shockproof", "wireless charging", "fast charging", "tempered glass", "scratch resistant",
                            "usb c", "easy install", "drop protection"),
                    List.of("color", "length"), 7, 60),
            new Department("Home & Kitchen › Furniture & Decor", "home furniture",
                    List.of("bookshelf", "desk lamp", "area rug", "wall mirror", "storage ottoman", "coffee table"),
                    List.of("Rustic", "Modern", "Farmhouse", "Scandinavian", "Industrial"),
                    List.of("easy to assemble", "solid wood", "space saving", "living room", "mid century",
                            "metal frame", "dimmable", "stain resistant"),
                    List.of("color", "dimensions"), 25, 420),
            new Department("Sports & Outdoors › Exercise & Fitness", "fitness gear",
                    List.of("yoga mat", "resistance bands", "dumbbells", "water bottle", "jump rope"),
                    List.of("Pro", "Eco", "Thick", "Adjustable", "Insulated"),
                    List.of("non slip", "extra thick", "bpa free", "leak proof", "eco friendly", "carrying strap",
                            "anti burst", "sweat resistant"),
                    List.of("color", "weight"), 8, 90));

    static final List<String> BRANDS = List.of("Nordhaven", "Kestrel", "Marlowe", "Brightwell", "Oakmere", "Tidewell",
            "Larkspur", "Corvane", "Halden", "Fernbrook", "Quillon", "Ashgrove", "Vantor", "Ellery", "Brisa",
            "Dunmore", "Solenne", "Ravello", "Tamsin", "Westcombe");

    /** Values of each option kind; a product offers a few of them. */
    static final Map<String, List<String>> OPTION_VALUES = Map.ofEntries(
            Map.entry("color", List.of("black", "white", "navy blue", "grey", "red", "forest green", "beige", "pink",
                    "burgundy", "sky blue", "charcoal", "olive", "lavender", "mustard", "teal")),
            Map.entry("size", List.of("small", "medium", "large", "x-large", "xx-large")),
            Map.entry("shoe size", List.of("6", "7", "8", "9", "10", "11")),
            Map.entry("bed size", List.of("twin", "full", "queen", "king", "california king")),
            Map.entry("scent", List.of("lavender", "coconut", "argan oil", "unscented", "tea tree", "citrus")),
            Map.entry("volume", List.of("2 fl oz", "8 fl oz", "12 fl oz", "16 fl oz", "32 fl oz")),
            Map.entry("diameter", List.of("8 inch", "10 inch", "12 inch", "14 inch")),
            Map.entry("flavor", List.of("chocolate", "peanut butter", "sea salt", "barbecue", "original", "honey",
                    "vanilla", "mint", "cinnamon")),
            Map.entry("pack", List.of("pack of 6", "pack of 12", "pack of 24")),
            Map.entry("count", List.of("20 count", "50 count", "100 count")),
            Map.entry("length", List.of("3 ft", "6 ft", "10 ft")),
            Map.entry("dimensions", List.of("2 x 3 feet", "4 x 6 feet", "5 x 8 feet", "8 x 10 feet")),
            Map.entry("weight", List.of("5 pounds", "10 pounds", "15 pounds", "20 pounds")));

    /** Sentence frames for bullet points; {a} is an attribute, {t} the product type. */
    static final List<String> BULLET_FRAMES = List.of(
            "{A}: every {t} is made to be {a}, tested batch by batch.",
            "Designed for daily use - {a} and ready when you are.",
            "{A} construction that keeps its shape wash after wash.",
            "Our {t} is {a}, so you can use it with confidence.",
            "Thoughtful details: {a}, with a finish that lasts.",
            "Customers choose this {t} because it is {a}.");

    static final List<String> DESCRIPTION_FRAMES = List.of(
            "Meet the {b} {t}, made for people who want something {a} without compromise.",
            "This {t} from {b} combines a {s} design with everyday practicality.",
            "Every {b} product is checked by hand before it leaves our workshop.",
            "Whether at home or on the go, the {t} fits right into your routine.",
            "Backed by a 30-day satisfaction promise from {b}.");

    static final List<String> REVIEW_FRAMES = List.of(
            "Exactly as described, and it arrived quickly.", "Good value for the price.",
            "The {t} is nice, but smaller than I expected.", "I bought a second one for my sister.",
            "Works fine, though the packaging was damaged.", "Not what I hoped for; returned it.",
            "Great quality {t}, would recommend.", "Does the job. Nothing more, nothing less.");
}
