package org.kepu.wechat.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a callback's XML into the field map WxJava keeps as a message's {@code allFieldsMap}: each child of the root by
 * name, a leaf as its text, an element with children as a map of the same kind, a repeated name as a list.
 *
 * <p>WxJava's own reader ({@code XmlUtils.xml2Map}) asks JAXP for a new parser factory on every call, and JAXP looks
 * for one on the whole class path each time; under load that lookup was most of a callback's cost. This reader builds
 * the JDK's parser factory once, with document types refused and no external entities.
 */
final class CallbackXml {

    private static final SAXParserFactory FACTORY = secureFactory();
    /** A parser is not thread-safe, and making one costs more than a short message's parsing. */
    private static final ThreadLocal<SAXParser> PARSERS = ThreadLocal.withInitial(CallbackXml::newParser);

    private CallbackXml() {
    }

    /** @throws IllegalArgumentException when the text is not well-formed XML or declares a document type */
    static Map<String, Object> fields(String xml) {
        FieldsHandler handler = new FieldsHandler();
        SAXParser parser = PARSERS.get();
        try {
            parser.parse(new InputSource(new StringReader(xml)), handler);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("unreadable callback XML", e);
        } finally {
            parser.reset();
        }
        return handler.root;
    }

    private static SAXParser newParser() {
        try {
            return FACTORY.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
    }

    private static SAXParserFactory secureFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        factory.setXIncludeAware(false);
        return factory;
    }

    /** Builds the maps while parsing: one frame per open element below the root. */
    private static final class FieldsHandler extends DefaultHandler {

        private final Map<String, Object> root = new HashMap<>();
        private final Deque<Frame> open = new ArrayDeque<>();
        private int depth;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (depth == 1) {
                return;
            }
            Frame parent = open.peek();
            if (parent != null) {
                parent.hasChildren = true;
            }
            open.push(new Frame(qName));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Frame current = open.peek();
            if (current != null) {
                current.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            depth--;
            if (depth == 0) {
                return;
            }
            Frame done = open.pop();
            Object value = done.hasChildren ? done.children : done.text.toString();
            Frame parent = open.peek();
            add(parent == null ? root : parent.children, done.name, value);
        }

        @SuppressWarnings("unchecked")
        private static void add(Map<String, Object> into, String name, Object value) {
            Object present = into.get(name);
            if (present == null) {
                into.put(name, value);
            } else if (present instanceof List<?> list) {
                ((List<Object>) list).add(value);
            } else {
                List<Object> list = new ArrayList<>(List.of(present));
                list.add(value);
                into.put(name, list);
            }
        }
    }

    private static final class Frame {

        private final String name;
        private final StringBuilder text = new StringBuilder();
        private final Map<String, Object> children = new HashMap<>();
        private boolean hasChildren;

        private Frame(String name) {
            this.name = name;
        }
    }
}
