package dev.gauntlet.suites.webshop;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nouns and proper nouns of a product name, lower-cased, as WebShop's type reward compares them. Upstream tags
 * with spaCy; we use Apache OpenNLP's English Universal Dependencies (EWT) tokenizer and tagger, which emit the same
 * UPOS tags ({@code NOUN}, {@code PROPN}).
 */
final class TitleNouns {

    private static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static final TokenizerModel TOKENIZER_MODEL = load(TOKENS, TokenizerModel::new);
    private static final POSModel POS_MODEL = load(POS, POSModel::new);

    /** The tools are not thread-safe (the models are): one per thread. */
    private static final ThreadLocal<TokenizerME> TOKENIZER = ThreadLocal.withInitial(() -> new TokenizerME(TOKENIZER_MODEL));
    private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS_MODEL));
    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private TitleNouns() {}

    /** Returns the lower-cased tokens of {@code name} tagged as nouns or proper nouns. */
    static Set<String> of(String name) {
        return CACHE.computeIfAbsent(name, TitleNouns::tag);
    }

    private static Set<String> tag(String name) {
        String[] tokens = TOKENIZER.get().tokenize(name);
        String[] tags = TAGGER.get().tag(tokens);
        Set<String> nouns = new LinkedHashSet<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tags[i].equals("NOUN") || tags[i].equals("PROPN")) {
                nouns.add(tokens[i].toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(nouns);
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, ModelReader<T> reader) {
        try (InputStream in = TitleNouns.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path"
                        + " (org.apache.opennlp:opennlp-models-*-en)");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
        }
    }
}
