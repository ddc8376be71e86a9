package org.kepu.media.internal.processing;

/**
 * The file was refused for safety: a zip bomb, a decompression bomb of an image, or a document that
 * needed more memory or time than allowed. Also a 422 for the uploader (it is a {@link CorruptMediaException}).
 */
public class UnsafeDocumentException extends CorruptMediaException {

    public UnsafeDocumentException(String message) {
        super(message);
    }
}
