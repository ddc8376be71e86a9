/**
 * Uploads (resumable, straight to object storage), type sniffing and extraction with Tika, processing with ffmpeg (poster, HLS ladder, audio waveform), renditions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.kepu.media;
