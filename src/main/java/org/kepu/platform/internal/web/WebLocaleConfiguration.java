package org.kepu.platform.internal.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Chinese first, English second; nothing else is resolved, so no other bundle is ever read. */
@Configuration(proxyBeanMethods = false)
class WebLocaleConfiguration {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleContextResolver localeContextResolver(MessageSource messages) {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        // Message bundles load lazily from the classpath: load them now, not on a request thread.
        SUPPORTED.forEach(locale -> messages.getMessage("problem.internal", null, locale));
        return resolver;
    }
}
