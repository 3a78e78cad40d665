package dev.gauntlet.suites.webshop;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * BM25 search over the catalogue with Apache Lucene, as upstream searches with Pyserini (Lucene): one field holding
 * title, description and bullet points, English analysis (stop words, Porter stemming), the top 50 results.
 * The index lives in memory; searching is thread-safe.
 */
final class ProductSearch implements AutoCloseable {

    /** Upstream shows the top 50 results. */
    static final int TOP = 50;
    /** Longest query accepted; longer ones are refused (an agent pasting a page into the box). */
    static final int MAX_QUERY_CHARS = 500;

    private final Directory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    ProductSearch(List<Product> products) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Product p : products) {
                    Document doc = new Document();
                    doc.add(new StoredField("asin", p.asin()));
                    doc.add(new TextField("text", p.title() + "\n" + p.description() + "\n"
                            + String.join("\n", p.bullets()), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the product index", e);
        }
    }

    /**
     * Returns the ids of the best {@link #TOP} products for {@code keywords}, best first.
     *
     * @throws IllegalArgumentException when the query is empty, too long, or has no searchable word
     */
    List<String> search(String keywords) {
        String q = keywords == null ? "" : keywords.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("empty search query");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("search query too long (" + q.length() + " characters; at most "
                    + MAX_QUERY_CHARS + ")");
        }
        try {
            Query query = new QueryParser("text", analyzer).parse(QueryParser.escape(q));
            List<String> out = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, TOP).scoreDocs) {
                out.add(searcher.storedFields().document(hit.doc).get("asin"));
            }
            return out;
        } catch (ParseException e) {
            throw new IllegalArgumentException("query has no searchable words: '" + q + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
