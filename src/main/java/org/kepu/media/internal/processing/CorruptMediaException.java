package org.kepu.media.internal.processing;

/** The file cannot be read as the media it claims to be (truncated, damaged, unknown format): a 422 for the uploader. */
public class CorruptMediaException extends RuntimeException {

    public CorruptMediaException(String message) {
        super(message);
    }

    public CorruptMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
