package org.kepu.platform;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand: it becomes an RFC 9457 problem response whose
 * {@code detail} is the message {@code problem.<code>} in the caller's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] arguments;

    public ProblemException(HttpStatus status, String code, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
