package dev.gauntlet.suites.webshop;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.api.BrowserPage;
import dev.gauntlet.api.EvaluationContext;
import dev.gauntlet.api.Oracle;
import dev.gauntlet.api.Trajectory;
import dev.gauntlet.api.Verdict;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * WebShop's oracle for one goal. On the built-in shop it computes {@link WebShopReward} from the goal and the
 * purchase the done page carries as JSON; on an upstream server ({@code goal} null) it reads the score the done page
 * shows. Success is a reward of exactly 1.0; the verdict's score is the reward, and WebShop's native score is
 * 100 × the reward ({@link #scoreScale()}).
 *
 * @param goal the built-in goal, or null for a goal of an upstream server
 */
public record WebShopOracle(Goal goal) implements Oracle {

    /** The oracle type of WebShop tasks. */
    public static final String TYPE = "webshop-reward";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ = "() => {"
            + " const p = document.getElementById('gauntlet-purchase');"
            + " const r = document.querySelector('#reward pre') || document.getElementById('reward');"
            + " return {purchase: p ? p.textContent : '', shown: r ? r.textContent.trim() : ''}; }";

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public double scoreScale() {
        return 100;
    }

    @Override
    public Verdict evaluate(Trajectory trajectory, EvaluationContext context) throws IOException {
        BrowserPage page = context.page().orElseThrow(() -> new IllegalStateException("WebShop reward needs the live page"));
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) page.evaluate(READ);
        String purchase = String.valueOf(read.get("purchase"));
        String shown = String.valueOf(read.get("shown"));
        if (!purchase.isBlank() && goal != null) {
            Map<String, Object> bought = JSON.readValue(purchase, new TypeReference<>() {});
            return judge(goal.toMap(), bought, shown);
        }
        if (!shown.isBlank()) {
            return fromShownScore(shown, page.url());
        }
        return Verdict.failure(TYPE, 0.0, "nothing was bought (" + trajectory.stopReason() + "); reward 0",
                Map.of("url", page.url()));
    }

    /** Scores a purchase of the built-in shop (separate from the page for unit tests). */
    static Verdict judge(Map<String, Object> goal, Map<String, Object> purchase, String shown) {
        WebShopReward.Result r = WebShopReward.compute(goal, purchase);
        Map<String, Object> evidence = new LinkedHashMap<>(r.toMap());
        evidence.put("asin", String.valueOf(purchase.get("asin")));
        evidence.put("goal_asin", String.valueOf(goal.get("asin")));
        evidence.put("options", String.valueOf(purchase.get("options")));
        evidence.put("price", String.valueOf(purchase.get("price")));
        evidence.put("shown_score", shown);
        String text = String.format(Locale.ROOT,
                "reward %.3f: r_type %.1f, attributes %d/%d, options %d/%d, price %s (bought %s, wanted %s)",
                r.reward(), r.rType(), r.attributeMatches(), r.attributeCount(), r.optionMatches(), r.optionCount(),
                r.priceOk() ? "ok" : "over the cap", purchase.get("asin"), goal.get("asin"));
        return r.reward() == 1.0 ? Verdict.success(TYPE, r.reward(), text, evidence)
                : Verdict.failure(TYPE, r.reward(), text, evidence);
    }

    /** Takes an upstream done page's score, which is all an upstream server shows of the reward. */
    static Verdict fromShownScore(String shown, String url) {
        double reward;
        try {
            reward = Double.parseDouble(shown.replaceAll("[^0-9.eE+-]", ""));
        } catch (NumberFormatException e) {
            return Verdict.unscored(TYPE, "the done page at " + url + " shows no readable score ('" + shown + "')");
        }
        Map<String, Object> evidence = Map.of("reward", reward, "source", "upstream done page", "url", url);
        String text = String.format(Locale.ROOT, "reward %.3f (read from the upstream done page)", reward);
        return reward == 1.0 ? Verdict.success(TYPE, reward, text, evidence) : Verdict.failure(TYPE, reward, text, evidence);
    }
}
