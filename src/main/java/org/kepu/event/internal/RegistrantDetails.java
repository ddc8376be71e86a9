package org.kepu.event.internal;

import java.util.regex.Pattern;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Who registers: a name and a mainland mobile number (stored as its 11 digits; {@code +86}, spaces and dashes are
 * dropped). The number identifies a registration (one per occurrence) and stays private.
 */
record RegistrantDetails(String name, String phone) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final int MAX_NAME = 50;

    static RegistrantDetails of(String name, String phone) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "name");
        }
        if (stripped.length() > MAX_NAME) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-too-long", "name", MAX_NAME);
        }
        String digits = phone == null ? "" : phone.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-phone-invalid");
        }
        return new RegistrantDetails(stripped, digits);
    }
}
