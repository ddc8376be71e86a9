package org.kepu.media.internal.processing;

/**
 * A sprite of thumbnails in a grid, with a WebVTT file ({@code storyboard.jpg#xywh=x,y,w,h} per cue, the
 * format video.js and Plyr read) and the same description as JSON.
 */
public record Storyboard(ProducedFile sprite, ProducedFile vtt, ProducedFile json,
                         int tileWidth, int tileHeight, int columns, int rows, int tiles, double intervalSeconds) {
}
