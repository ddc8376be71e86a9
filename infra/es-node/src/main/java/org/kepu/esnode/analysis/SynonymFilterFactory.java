package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersions;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;

/**
 * Token filters {@code synonym_graph} and {@code synonym} (same names and parameters as in
 * analysis-common): {@code synonyms} (inline rules) or {@code synonyms_path} (a UTF-8 file
 * relative to the node's config directory), {@code format} ({@code solr} default, or
 * {@code wordnet}), {@code expand} (true), {@code lenient}, {@code updateable} (true makes the
 * filter search-time only). {@code synonyms_set} (synonyms API) is not available here.
 *
 * <p>The rules are parsed with the analysis chain that precedes the filter in each analyzer
 * (tokenizer, char filters, earlier token filters), which is why the real work happens in
 * {@link #getChainAwareTokenFilterFactory}.
 */
public final class SynonymFilterFactory extends AbstractTokenFilterFactory {

    private final boolean graph;
    private final Environment environment;
    private final String inlineRules; // null when synonyms_path is used
    private final String rulesPath;
    private final String format;
    private final boolean expand;
    private final boolean lenient;
    private final AnalysisMode analysisMode;

    private SynonymFilterFactory(boolean graph, IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.graph = graph;
        this.environment = env;
        if (settings.hasValue("synonyms_set")) {
            throw new IllegalArgumentException(
                "[" + name + "]: [synonyms_set] (synonyms API) is not supported by the embedded node; use [synonyms] or [synonyms_path]"
            );
        }
        if (settings.hasValue("synonyms")) {
            StringBuilder sb = new StringBuilder();
            for (String line : Analysis.getWordList(env, settings, "synonyms")) {
                sb.append(line).append('\n');
            }
            this.inlineRules = sb.toString();
            this.rulesPath = null;
        } else if (settings.hasValue("synonyms_path")) {
            this.inlineRules = null;
            this.rulesPath = settings.get("synonyms_path");
        } else {
            throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
        }
        this.format = settings.get("format", "");
        this.expand = settings.getAsBoolean("expand", true);
        boolean updateable = settings.getAsBoolean("updateable", false);
        boolean lenientDefault = updateable && indexSettings.getIndexVersionCreated().onOrAfter(IndexVersions.LENIENT_UPDATEABLE_SYNONYMS);
        this.lenient = settings.getAsBoolean("lenient", lenientDefault);
        this.analysisMode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    /** {@code synonym_graph}: Lucene's SynonymGraphFilter. */
    public static SynonymFilterFactory graph(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new SynonymFilterFactory(true, indexSettings, env, name, settings);
    }

    /** {@code synonym}: Lucene's (older, non-graph) SynonymFilter. */
    public static SynonymFilterFactory plain(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new SynonymFilterFactory(false, indexSettings, env, name, settings);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("[" + name() + "] must be specialised for its analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        // earlier synonym filters contribute their "synonym filter" (identity) so rules are not expanded twice
        Analyzer chain = new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
        final SynonymMap map;
        String origin = rulesPath != null ? rulesPath : "'" + name() + "' analyzer settings";
        try (Reader rules = rulesPath != null ? Analysis.getReaderFromFile(environment, rulesPath, "synonyms") : new StringReader(inlineRules)) {
            map = LenientSynonymParsers.parse(format, expand, lenient, chain, rules);
        } catch (Exception e) {
            throw new IllegalArgumentException("failed to build synonyms from [" + origin + "]", e);
        }
        return new ChainSynonymFilter(name(), graph, map, analysisMode, rulesPath);
    }

    /** The specialised factory, bound to one analysis chain. */
    private record ChainSynonymFilter(String name, boolean graph, SynonymMap map, AnalysisMode analysisMode, String resource)
        implements
            TokenFilterFactory {

        @Override
        @SuppressWarnings("deprecation")
        public TokenStream create(TokenStream tokenStream) {
            if (map.fst == null) {
                return tokenStream;
            }
            return graph ? new SynonymGraphFilter(tokenStream, map, false) : new SynonymFilter(tokenStream, map, false);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            // a later synonym filter must not see this one's expansions while parsing its rules
            return IDENTITY_FILTER;
        }

        @Override
        public AnalysisMode getAnalysisMode() {
            return analysisMode;
        }

        @Override
        public String getResourceName() {
            return resource;
        }
    }
}
