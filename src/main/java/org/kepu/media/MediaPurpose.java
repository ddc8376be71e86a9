package org.kepu.media;

/** What an uploaded file is for; each purpose has its own accepted types and size limits. */
public enum MediaPurpose {
    VIDEO, ANIMATION, AUDIO, DOCUMENT, IMAGE
}
