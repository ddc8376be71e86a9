package org.kepu.content;

/** The four kinds of science works: 图文, 科普微视频, 科普动画, 科普音频. */
public enum WorkKind {
    ARTICLE, VIDEO, ANIMATION, AUDIO
}
