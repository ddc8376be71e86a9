package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * Token filter type {@code lowercase} with the optional {@code language} parameter (greek, irish,
 * turkish). The server itself only has the pre-configured {@code lowercase} without parameters.
 */
public final class LowercaseFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final String language;

    public LowercaseFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.language = settings.get("language", null);
        if (language != null && !language.equalsIgnoreCase("greek") && !language.equalsIgnoreCase("irish")
            && !language.equalsIgnoreCase("turkish")) {
            throw new IllegalArgumentException("language [" + language + "] not supported for lowercase filter [" + name + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (language == null) {
            return new LowerCaseFilter(tokenStream);
        } else if (language.equalsIgnoreCase("greek")) {
            return new GreekLowerCaseFilter(tokenStream);
        } else if (language.equalsIgnoreCase("irish")) {
            return new IrishLowerCaseFilter(tokenStream);
        } else {
            return new TurkishLowerCaseFilter(tokenStream);
        }
    }
}
