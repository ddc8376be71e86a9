package org.kepu.media.internal.processing;

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

/**
 * The child JVM's main: parses one document with Tika and writes the result as JSON. Launched by
 * {@link DocumentExtractor} with a small heap; it never runs inside the application.
 *
 * <p>Arguments: input file, output JSON file, maximum characters, time limit in seconds. Exit codes:
 * 0 done, {@value #CORRUPT} unreadable, {@value #UNSAFE} refused (zip bomb), {@value #ENCRYPTED} password
 * protected, 3 out of memory ({@code -XX:+ExitOnOutOfMemoryError}).
 */
public final class DocumentExtractionMain {

    static final int CORRUPT = 10;
    static final int UNSAFE = 11;
    static final int ENCRYPTED = 12;

    private DocumentExtractionMain() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        int maxChars = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000 + 5000);
                Runtime.getRuntime().halt(UNSAFE);
            } catch (InterruptedException ignored) {
                // done in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(extract(input, output, maxChars));
    }

    static int extract(Path input, Path output, int maxChars) throws Exception {
        Metadata metadata = new Metadata();
        StringWriter text = new StringWriter();
        WriteOutContentHandler limited = new WriteOutContentHandler(text, maxChars);
        boolean truncated = false;
        try (TikaInputStream stream = TikaInputStream.get(input, metadata)) {
            new AutoDetectParser().parse(stream, new BodyContentHandler(limited), metadata, new ParseContext());
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else if (causedBy(e, EncryptedDocumentException.class)) {
                System.err.println("The document is protected by a password");
                return ENCRYPTED;
            } else if (mentionsZipBomb(e)) {
                System.err.println("Refused as a zip bomb: " + rootMessage(e));
                return UNSAFE;
            } else {
                System.err.println("Unreadable document: " + rootMessage(e));
                return CORRUPT;
            }
        }
        String body = text.toString().strip();
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
        Files.writeString(output, JsonMapper.builder().build().writeValueAsString(result));
        return 0;
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
