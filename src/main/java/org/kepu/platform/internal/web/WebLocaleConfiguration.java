package org.kepu.platform.internal.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Chinese first, English second; nothing else is resolved, so no other bundle is ever read, and
 * the bundles of both are read at start, never on a request thread.
 */
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

    /** Hibernate Validator loads its message bundles lazily too: validate once per language at start. */
    @Bean
    SmartInitializingSingleton preloadValidationMessages(Validator validator) {
        record Probe(@NotNull String value) {
        }
        return () -> SUPPORTED.forEach(locale -> {
            LocaleContextHolder.setLocale(locale);
            try {
                validator.validate(new Probe(null));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
    }
}
