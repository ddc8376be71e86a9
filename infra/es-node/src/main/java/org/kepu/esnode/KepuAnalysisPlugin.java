package org.kepu.esnode;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.kepu.esnode.analysis.AsciiFoldingFilterFactory;
import org.kepu.esnode.analysis.CjkAnalyzerProvider;
import org.kepu.esnode.analysis.CjkBigramFilterFactory;
import org.kepu.esnode.analysis.CjkWidthFilterFactory;
import org.kepu.esnode.analysis.EdgeNGramFilterFactory;
import org.kepu.esnode.analysis.EdgeNGramTokenizerFactory;
import org.kepu.esnode.analysis.FlattenGraphFilterFactory;
import org.kepu.esnode.analysis.HtmlStripCharFilterFactory;
import org.kepu.esnode.analysis.KeywordTokenizerFactory;
import org.kepu.esnode.analysis.LowercaseFilterFactory;
import org.kepu.esnode.analysis.MappingCharFilterFactory;
import org.kepu.esnode.analysis.NoOpFilterFactory;
import org.kepu.esnode.analysis.SimpleAnalyzerProviders;
import org.kepu.esnode.analysis.SmartcnAnalyzerProvider;
import org.kepu.esnode.analysis.SmartcnStopFilterFactory;
import org.kepu.esnode.analysis.SmartcnTokenizerFactory;
import org.kepu.esnode.analysis.SynonymFilterFactory;
import org.kepu.esnode.analysis.WhitespaceTokenizerFactory;

import java.util.Map;
import java.util.TreeMap;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * Registers, under the names production Elasticsearch gives them, the analysis components of the
 * official analysis-smartcn plugin and of the analysis-common module that Kepu's index templates
 * use; neither is published on Maven Central. Components the server module already provides
 * ({@code standard} tokenizer/analyzer, {@code stop}, {@code shingle}, pre-configured
 * {@code lowercase}, pre-built {@code keyword}/{@code whitespace}/{@code simple} analyzers) are
 * not registered again: a duplicate name would fail the node's startup.
 */
public class KepuAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new TreeMap<>();
        m.put("smartcn", SmartcnAnalyzerProvider::new);
        m.put("cjk", CjkAnalyzerProvider::new);
        m.put("keyword", SimpleAnalyzerProviders.Keyword::new);
        m.put("whitespace", SimpleAnalyzerProviders.Whitespace::new);
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("smartcn_tokenizer", SmartcnTokenizerFactory::new);
        m.put("smartcn_sentence", SmartcnTokenizerFactory::new); // legacy alias kept by the smartcn plugin
        m.put("keyword", KeywordTokenizerFactory::new);
        m.put("whitespace", WhitespaceTokenizerFactory::new);
        m.put("edge_ngram", EdgeNGramTokenizerFactory::new);
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("smartcn_stop", SmartcnStopFilterFactory::new);
        m.put("smartcn_word", NoOpFilterFactory::new); // legacy no-op kept by the smartcn plugin
        m.put("cjk_bigram", CjkBigramFilterFactory::new);
        m.put("cjk_width", CjkWidthFilterFactory::new);
        m.put("lowercase", LowercaseFilterFactory::new);
        m.put("asciifolding", AsciiFoldingFilterFactory::new);
        m.put("edge_ngram", EdgeNGramFilterFactory::new);
        m.put("flatten_graph", FlattenGraphFilterFactory::new);
        m.put("synonym", requiresAnalysisSettings(SynonymFilterFactory::plain));
        m.put("synonym_graph", requiresAnalysisSettings(SynonymFilterFactory::graph));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", HtmlStripCharFilterFactory::new, "mapping", requiresAnalysisSettings(MappingCharFilterFactory::new));
    }
}
