package org.kepu.media.internal;

final class ObjectKeys {

    /** Originals are stored under {@code originals/<asset id>}; the key never contains the uploader's file name. */
    static final String ORIGINALS = "originals/";

    private ObjectKeys() {
    }
}
