package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.Reader;
import java.text.ParseException;

/**
 * Synonym rule parsers (Solr and WordNet formats) with Elasticsearch's {@code lenient} behaviour:
 * when lenient, a term that the analysis chain cannot turn into a synonym input (e.g. it is
 * removed by a stop filter) makes its rule be skipped instead of failing the whole index.
 */
final class LenientSynonymParsers {

    private LenientSynonymParsers() {}

    /** Parses {@code rules} in the given format ("" or "solr", or "wordnet") and builds the map. */
    static SynonymMap parse(String format, boolean expand, boolean lenient, Analyzer analyzer, Reader rules)
        throws IOException, ParseException {
        if ("wordnet".equalsIgnoreCase(format)) {
            Wordnet parser = new Wordnet(expand, lenient, analyzer);
            parser.parse(rules);
            return parser.build();
        }
        Solr parser = new Solr(expand, lenient, analyzer);
        parser.parse(rules);
        return parser.build();
    }

    private static CharsRef analyzeLeniently(boolean lenient, Analyzing delegate, String text, CharsRefBuilder reuse)
        throws IOException {
        try {
            return delegate.analyzeStrict(text, reuse);
        } catch (IllegalArgumentException e) {
            if (lenient) {
                return new CharsRef(); // empty: the rule using it is skipped in add()
            }
            throw e;
        }
    }

    private interface Analyzing {
        CharsRef analyzeStrict(String text, CharsRefBuilder reuse) throws IOException;
    }

    private static final class Solr extends SolrSynonymParser implements Analyzing {
        private final boolean lenient;

        Solr(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return analyzeLeniently(lenient, this, text, reuse);
        }

        @Override
        public CharsRef analyzeStrict(String text, CharsRefBuilder reuse) throws IOException {
            return super.analyze(text, reuse);
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (input.length > 0 && output.length > 0) {
                super.add(input, output, includeOrig);
            }
        }
    }

    private static final class Wordnet extends WordnetSynonymParser implements Analyzing {
        private final boolean lenient;

        Wordnet(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return analyzeLeniently(lenient, this, text, reuse);
        }

        @Override
        public CharsRef analyzeStrict(String text, CharsRefBuilder reuse) throws IOException {
            return super.analyze(text, reuse);
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (input.length > 0 && output.length > 0) {
                super.add(input, output, includeOrig);
            }
        }
    }
}
