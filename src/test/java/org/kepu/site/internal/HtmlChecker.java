package org.kepu.site.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu HTML Checker (the engine of validator.w3.org/nu), in process and offline: HTML5 parsing, the
 * RELAX NG schema and the checker's own assertions (ARIA, tables, attributes). Its jar is loaded in a class
 * loader of its own next to the Jetty 11 HTTP client it is built against (the test class path has Spring
 * Boot's Jetty 12); the build copies those jars to the folder named by {@code kepu.test.nu-validator-jetty}.
 */
final class HtmlChecker {

    /** One message of the checker: {@code error}, {@code info} (subtype {@code warning}) or {@code non-document-error}. */
    record Message(String type, String subType, long line, long column, String message, String extract) {

        boolean error() {
            return !type.equals("info");
        }

        @Override
        public String toString() {
            return "%s%s at %d:%d: %s%n    %s".formatted(type, subType == null ? "" : "/" + subType, line, column, message,
                    extract == null ? "" : extract.replace('\n', ' '));
        }
    }

    private final Object validator;
    private final Method validate;

    HtmlChecker() {
        try {
            List<URL> jars = new ArrayList<>();
            jars.add(EmbeddedValidator.class.getProtectionDomain().getCodeSource().getLocation());
            Path jetty = Path.of(System.getProperty("kepu.test.nu-validator-jetty", "target/nu-validator-jetty"));
            try (Stream<Path> files = Files.list(jetty)) {
                for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
                    jars.add(jar.toUri().toURL());
                }
            }
            ClassLoader loader = new ChildFirst(jars.toArray(URL[]::new), HtmlChecker.class.getClassLoader());
            Class<?> type = loader.loadClass(EmbeddedValidator.class.getName());
            validator = type.getConstructor().newInstance();
            Class<?> format = loader.loadClass(EmbeddedValidator.OutputFormat.class.getName());
            type.getMethod("setOutputFormat", format).invoke(validator, format.getField("JSON").get(null));
            validate = type.getMethod("validate", InputStream.class);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("the Nu HTML Checker could not be loaded (run the build's generate-test-resources "
                    + "phase, which copies its Jetty 11 jars)", e);
        }
    }

    List<Message> check(byte[] html) {
        String json;
        try {
            json = (String) validate.invoke(validator, new ByteArrayInputStream(html));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Nu HTML Checker failed", e);
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : JsonMapper.shared().readTree(json).path("messages")) {
            messages.add(new Message(message.path("type").asString(), message.path("subType").asStringOpt().orElse(null),
                    message.path("lastLine").asLong(), message.path("lastColumn").asLong(),
                    message.path("message").asString(), message.path("extract").asStringOpt().orElse(null)));
        }
        return messages;
    }

    /** Finds its own classes first, so the checker sees Jetty 11 rather than the test class path's Jetty 12. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> found = findLoadedClass(name);
                if (found == null && !name.startsWith("java.")) {
                    try {
                        found = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        found = null;
                    }
                }
                if (found == null) {
                    found = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(found);
                }
                return found;
            }
        }
    }
}
