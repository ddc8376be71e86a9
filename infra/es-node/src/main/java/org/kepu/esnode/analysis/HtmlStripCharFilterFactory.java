package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;

import java.io.Reader;
import java.util.Set;

/** Char filter {@code html_strip}: Lucene's HTMLStripCharFilter; parameter {@code escaped_tags}. */
public final class HtmlStripCharFilterFactory extends AbstractCharFilterFactory {

    private final Set<String> escapedTags;

    public HtmlStripCharFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        this.escapedTags = Set.copyOf(settings.getAsList("escaped_tags"));
    }

    @Override
    public Reader create(Reader reader) {
        return escapedTags.isEmpty() ? new HTMLStripCharFilter(reader) : new HTMLStripCharFilter(reader, escapedTags);
    }
}
