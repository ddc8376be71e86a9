/**
 * Works (article, micro-video, animation, audio), topics, columns (专栏), tags, revisions (published release and working draft), lifecycle and scheduled publishing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package org.kepu.content;
