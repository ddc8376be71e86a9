package org.kepu.console.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the built console: its content-hashed files for good, and its one page for every other path
 * under {@code /console/}, so that the application's own router shows the screen a link names.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleApp implements WebFluxConfigurer {

    static final String LOCATION = "static/console/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations("classpath:/" + LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    RouterFunction<ServerResponse> consolePage() {
        Resource page = new ClassPathResource(LOCATION + "index.html");
        RequestPredicate screens = GET("/console/**").and(path("/console/assets/**").negate());
        return route(GET("/console"), request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(screens, request -> page.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(page)
                        : ServerResponse.notFound().build());
    }
}
