package org.kepu.platform.internal.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ErrorPages;
import org.kepu.platform.ProblemException;
import org.kepu.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error leaves Kepu as {@code application/problem+json} with a message in the caller's
 * language (Chinese unless the request asks for English), for annotated and functional endpoints alike.
 */
@Component
@Order(-3)
class ProblemDetailsHandler implements WebExceptionHandler, Problems {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);
    private static final String TYPE_BASE = "https://kepu.org.cn/problems/";

    private final MessageSource messages;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ObjectProvider<ErrorPages> pages;

    ProblemDetailsHandler(MessageSource messages, JsonMapper json, AuditLog audit, ObjectProvider<ErrorPages> pages) {
        this.messages = messages;
        this.json = json;
        this.audit = audit;
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemException problem = toProblem(error);
        ErrorPages page = pages.getIfAvailable();
        if (page != null && page.handles(exchange)) {
            return recordDenial(exchange, problem).then(page.write(exchange, problem.status()));
        }
        return write(exchange, problem, fieldErrors(exchange, error));
    }

    @Override
    public Mono<Void> write(ServerWebExchange exchange, ProblemException problem) {
        return write(exchange, problem, List.of());
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemException problem, List<Map<String, String>> fieldErrors) {
        Locale locale = locale(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + problem.code());
        body.put("title", messages.getMessage("problem.title." + problem.status().value(), null,
                problem.status().getReasonPhrase(), locale));
        body.put("status", problem.status().value());
        body.put("detail", messages.getMessage("problem." + problem.code(), problem.arguments(),
                messages.getMessage("problem.http." + problem.status().value(), null, problem.status().getReasonPhrase(), locale),
                locale));
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", problem.code());
        if (!fieldErrors.isEmpty()) {
            body.put("errors", fieldErrors);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLanguage(locale);
        if (problem.retryAfter() != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        byte[] bytes = json.writeValueAsBytes(body);
        return recordDenial(exchange, problem).then(response.writeWith(Mono.just(response.bufferFactory().wrap(bytes))));
    }

    /**
     * A refused action is permission-relevant: who tried what, from where. A failure to record it is logged
     * and does not change the answer.
     */
    private Mono<Void> recordDenial(ServerWebExchange exchange, ProblemException problem) {
        if (problem.status() != HttpStatus.FORBIDDEN) {
            return Mono.empty();
        }
        String subject = "http:" + exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
        String named = exchange.getAttribute(PrincipalNameFilter.ATTRIBUTE);
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty(named == null ? "anonymous" : named)
                .flatMap(actor -> audit.record(actor, "access.denied", subject, Map.of("code", problem.code())))
                .contextWrite(Context.of(ServerWebExchange.class, exchange))
                .onErrorResume(failure -> {
                    log.warn("Could not record a refused request to {}", subject, failure);
                    return Mono.empty();
                });
    }

    private ProblemException toProblem(Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem;
        }
        if (error instanceof DataBufferLimitException) {
            return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "http.413");
        }
        if (redisUnavailable(error)) {
            log.warn("Redis unavailable: {}", error.toString());
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "redis-unavailable");
        }
        if (error instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            if (status != null && !status.is5xxServerError()) {
                return new ProblemException(status, "http." + status.value());
            }
            return unexpected(error, response.getStatusCode());
        }
        return unexpected(error, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * Lettuce's own failures (not connected, connection refused, timeout), also when Spring Data wraps
     * them; an error reply of the server ({@link RedisCommandExecutionException}) is a bug, not an outage.
     */
    private static boolean redisUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisException && !(cause instanceof RedisCommandExecutionException)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException unexpected(Throwable error, HttpStatusCode status) {
        log.error("Request failed", error);
        HttpStatus resolved = HttpStatus.resolve(status.value());
        return new ProblemException(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved,
                resolved == HttpStatus.SERVICE_UNAVAILABLE ? "http.503" : "internal");
    }

    private List<Map<String, String>> fieldErrors(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof WebExchangeBindException binding)) {
            return List.of();
        }
        Locale locale = locale(exchange);
        return binding.getFieldErrors().stream()
                .map(field -> Map.of("field", field.getField(), "message", messages.getMessage(field, locale)))
                .toList();
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}
