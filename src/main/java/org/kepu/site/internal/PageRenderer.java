package org.kepu.site.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kepu.content.TopicName;
import org.kepu.content.Topics;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Renders a page template to HTML with what every page shows: the site's name, its assets, the topic
 * navigation and the page's meta data. Rendering runs on a bounded elastic thread (the engine may read a
 * template file the first time).
 */
@Component
class PageRenderer {

    private final ITemplateEngine engine;
    private final AssetManifest assets;
    private final SiteProperties properties;
    private final Topics topics;
    private final MessageSource messages;

    PageRenderer(ITemplateEngine engine, AssetManifest assets, SiteProperties properties, Topics topics, MessageSource messages) {
        this.engine = engine;
        this.assets = assets;
        this.properties = properties;
        this.topics = topics;
        this.messages = messages;
    }

    String message(String code, SiteRequest request, Object... arguments) {
        return messages.getMessage(code, arguments, request.locale());
    }

    Mono<RenderedPage> render(SiteRequest request, String template, PageMeta meta, Map<String, Object> model) {
        return topics.all().collectList().onErrorReturn(List.of())
                .flatMap(navigation -> Mono.fromCallable(() -> html(request, template, meta, model, navigation))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(html -> RenderedPage.of(html, RenderedPage.HTML));
    }

    private String html(SiteRequest request, String template, PageMeta meta, Map<String, Object> model, List<TopicName> navigation) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("site", Map.of("name", properties.name(), "base", request.baseUrl(), "webcal", request.webcalBase(),
                "english", request.english()));
        variables.put("assets", AssetManifest.model(assets.assets()));
        variables.put("navigation", navigation);
        variables.put("meta", meta);
        variables.put("canonical", request.absolute(meta.path()));
        variables.put("shareImage", meta.image() == null ? null : request.absolute(meta.image()));
        return engine.process(template, new Context(request.locale(), variables));
    }
}
