package dev.gauntlet.suites.webarena;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * url_match. WebArena ("GOLD in PRED", the only rule its current evaluator knows): trailing slashes stripped; some
 * reference's host+path must be a substring of the final URL's host+path; every query key of the references (values
 * pooled over the {@code |OR|} alternatives) must appear in the final URL with one of those values. Earlier releases of
 * {@code test.raw.json} mark 67 tasks {@code EXACT}, which their evaluator scored as whole-URL equality after one
 * trailing slash is dropped; that is what it means here too. Lite: {@code localhost}
 * read as {@code 127.0.0.1}, one trailing slash stripped, rule {@code EXACT} (default) or plain substring.
 */
final class UrlMatch {

    private UrlMatch() {}

    static Part score(JsonNode eval, String finalUrl, Dialect dialect) {
        String reference = eval.path("reference_url").asText("");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("final_url", finalUrl);
        evidence.put("reference_url", reference);
        String[] refs = reference.split(" \\|OR\\| ");
        boolean ok = dialect == Dialect.LITE ? lite(eval, finalUrl, refs) : goldInPred(eval, finalUrl, refs);
        return new Part("url_match", ok ? 1 : 0, ok ? "url_match: the final URL matches"
                : "url_match: final URL " + finalUrl + " does not match " + reference, evidence);
    }

    private static boolean goldInPred(JsonNode eval, String finalUrl, String[] refs) {
        String rule = eval.path("url_note").asText("GOLD in PRED");
        if (rule.equals("EXACT")) {
            // earlier releases of test.raw.json mark 67 tasks EXACT; their evaluator compared the whole URL after
            // dropping one trailing slash (the current one knows only GOLD in PRED and raises on anything else)
            String pred = oneSlash(finalUrl);
            return java.util.Arrays.stream(refs).map(UrlMatch::oneSlash).anyMatch(pred::equals);
        }
        if (!rule.equals("GOLD in PRED")) {
            throw new IllegalArgumentException("unknown url_note matching rule '" + rule + "'");
        }
        String[] pred = split(rstrip(finalUrl));
        Map<String, List<String>> predQuery = parseQs(pred[1]);
        boolean base = false;
        Map<String, Set<String>> refQuery = new LinkedHashMap<>();
        for (String r : refs) {
            String[] ref = split(rstrip(r));
            base |= pred[0].contains(ref[0]);
            parseQs(ref[1]).forEach((k, v) -> refQuery.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        }
        boolean query = true;
        for (Map.Entry<String, Set<String>> e : refQuery.entrySet()) {
            List<String> have = predQuery.getOrDefault(e.getKey(), List.of());
            query &= e.getValue().stream().anyMatch(have::contains);
        }
        return base && query;
    }

    private static boolean lite(JsonNode eval, String finalUrl, String[] refs) {
        String rule = eval.path("url_note").asText("EXACT");
        String pred = liteClean(finalUrl);
        boolean exact = rule.equals("EXACT");
        if (!exact && !rule.equals("GOLD in PRED")) {
            throw new IllegalArgumentException("unknown url_note matching rule '" + rule + "'");
        }
        for (String r : refs) {
            String ref = liteClean(r);
            if (exact ? pred.equals(ref) : pred.contains(ref)) {
                return true;
            }
        }
        return false;
    }

    private static String liteClean(String url) {
        return oneSlash(url.replace("localhost", "127.0.0.1"));
    }

    private static String oneSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String rstrip(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /** Returns {netloc + path, query} as Python's urlparse splits them. */
    static String[] split(String url) {
        String rest = url;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        return new String[] {rest, query};
    }

    /** Python's {@code parse_qs}: blank values dropped, {@code +} and percent-escapes decoded. */
    static Map<String, List<String>> parseQs(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty() || eq < 0 || eq == pair.length() - 1) {
                continue;
            }
            String k = unquote(pair.substring(0, eq).replace('+', ' '));
            String v = unquote(pair.substring(eq + 1).replace('+', ' '));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /**
     * Python's {@code urllib.parse.unquote}: each run of {@code %XX} escapes is decoded as UTF-8 (a bad sequence
     * becomes U+FFFD) and a {@code %} not followed by two hex digits is kept as it is, where Java's URLDecoder throws.
     */
    static String unquote(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) && hex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
