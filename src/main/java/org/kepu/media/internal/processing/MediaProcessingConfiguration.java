package org.kepu.media.internal.processing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processing components as beans. Nothing runs or unpacks at start: ffmpeg is located on first use. */
@Configuration(proxyBeanMethods = false)
class MediaProcessingConfiguration {

    @Bean
    FfmpegTools ffmpegTools(FfmpegProperties properties) {
        return new FfmpegTools(properties);
    }

    @Bean
    FfmpegRunner ffmpegRunner(FfmpegTools tools, FfmpegProperties properties) {
        return new FfmpegRunner(tools, properties);
    }

    @Bean
    MediaProbe mediaProbe(FfmpegRunner runner) {
        return new MediaProbe(runner);
    }

    @Bean
    VideoProcessor videoProcessor(FfmpegRunner runner) {
        return new VideoProcessor(runner);
    }

    @Bean
    AudioProcessor audioProcessor(FfmpegRunner runner) {
        return new AudioProcessor(runner);
    }

    @Bean
    ImageProcessor imageProcessor(FfmpegRunner runner) {
        return new ImageProcessor(runner);
    }

    @Bean
    DocumentExtractor documentExtractor(DocumentExtractionProperties properties) {
        return new DocumentExtractor(properties);
    }
}
