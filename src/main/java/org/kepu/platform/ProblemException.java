package org.kepu.platform;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand: it becomes an RFC 9457 problem response whose
 * {@code detail} is the message {@code problem.<code>} in the caller's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] arguments;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String code, Object... arguments) {
        this(status, code, null, arguments);
    }

    private ProblemException(HttpStatus status, String code, Duration retryAfter, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
        this.retryAfter = retryAfter;
    }

    /** The same problem, telling the caller when to try again (a {@code Retry-After} header in seconds). */
    public ProblemException retryAfter(Duration wait) {
        return new ProblemException(status, code, wait, arguments);
    }

    /** Null when the caller need not wait. */
    public Duration retryAfter() {
        return retryAfter;
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
