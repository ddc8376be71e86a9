package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import tools.jackson.databind.json.JsonMapper;

/** Parses documents with one Tika {@link AutoDetectParser} and writes each result as JSON; runs in the child JVM only. */
final class TikaExtraction {

    private final AutoDetectParser parser = new AutoDetectParser();
    private final JsonMapper json = JsonMapper.builder().build();

    ExtractionStatus extract(Path input, Path output, int maxChars) throws IOException {
        Metadata metadata = new Metadata();
        StringWriter text = new StringWriter();
        WriteOutContentHandler limited = new WriteOutContentHandler(text, maxChars);
        boolean truncated = false;
        try (TikaInputStream stream = TikaInputStream.get(input, metadata)) {
            parser.parse(stream, new BodyContentHandler(limited), metadata, new ParseContext());
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else if (causedBy(e, EncryptedDocumentException.class)) {
                return new ExtractionStatus(ExtractionStatus.Outcome.ENCRYPTED, "The document is protected by a password");
            } else if (mentionsZipBomb(e)) {
                return new ExtractionStatus(ExtractionStatus.Outcome.UNSAFE, "Refused as a zip bomb: " + rootMessage(e));
            } else {
                return new ExtractionStatus(ExtractionStatus.Outcome.CORRUPT, "Unreadable document: " + rootMessage(e));
            }
        }
        Files.writeString(output, json.writeValueAsString(result(metadata, text.toString().strip(), truncated)));
        return ExtractionStatus.OK;
    }

    private static Map<String, Object> result(Metadata metadata, String body, boolean truncated) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("contentType", metadata.get(Metadata.CONTENT_TYPE));
        result.put("title", metadata.get(TikaCoreProperties.TITLE));
        result.put("author", metadata.get(TikaCoreProperties.CREATOR));
        Date created = metadata.getDate(TikaCoreProperties.CREATED);
        result.put("created", created == null ? null : created.toInstant().toString());
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        result.put("pages", pages != null ? pages : metadata.getInt(Office.PAGE_COUNT));
        result.put("words", metadata.getInt(Office.WORD_COUNT));
        result.put("characters", body.codePoints().filter(c -> !Character.isWhitespace(c)).count());
        result.put("truncated", truncated);
        result.put("text", body);
        return result;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("zipbomb")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").trim();
    }
}
