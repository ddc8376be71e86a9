package org.kepu.site.internal;

import java.util.Locale;

import org.springframework.http.HttpHeaders;

/** Whether a request's {@code Accept-Encoding} allows gzip: named or {@code *}, with a weight above zero. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    static boolean gzip(HttpHeaders headers) {
        boolean gzip = false;
        Boolean named = null;
        for (String header : headers.getOrEmpty(HttpHeaders.ACCEPT_ENCODING)) {
            for (String item : header.split(",")) {
                String[] parts = item.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                boolean allowed = weight(parts) > 0;
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    named = allowed;
                } else if (coding.equals("*")) {
                    gzip = allowed;
                }
            }
        }
        return named != null ? named : gzip;
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
