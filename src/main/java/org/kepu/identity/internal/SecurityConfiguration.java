package org.kepu.identity.internal;

import java.time.Clock;
import java.time.Duration;

import org.kepu.platform.ProblemException;
import org.kepu.platform.Problems;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.SpringSecurityMessageSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /**
     * Coarse rules by role, checked before a request body is even read; which society's work an account
     * may touch is checked by the modules themselves ({@code Actor}).
     */
    private static final String[] STAFF = {"ADMIN", "EDITOR"};
    private static final String[] AUTHORS = {"ADMIN", "EDITOR", "SOCIETY_ADMIN", "SOCIETY_MEMBER"};
    private static final String[] SIGNERS = {"REVIEWER_POLITICAL", "REVIEWER_SCIENTIFIC", "APPROVER"};
    private static final String[] REVIEW_READERS = {"ADMIN", "EDITOR", "REVIEWER_POLITICAL", "REVIEWER_SCIENTIFIC", "APPROVER"};
    /** Events: staff and society administrators write series (their own society's), 一审 and 终审 sign them. */
    private static final String[] EVENT_AUTHORS = {"ADMIN", "EDITOR", "SOCIETY_ADMIN"};
    private static final String[] EVENT_SIGNERS = {"REVIEWER_POLITICAL", "APPROVER", "EDITOR"};
    private static final String[] EVENT_READERS = {"ADMIN", "EDITOR", "SOCIETY_ADMIN", "REVIEWER_POLITICAL", "REVIEWER_SCIENTIFIC",
            "APPROVER"};

    /**
     * WeChat's callback is signed by WeChat (the controller checks it), never by a browser or an account, and comes in
     * bursts. Its own chain writes the security headers and nothing else: no session, CSRF token or sign-in to look
     * at, which were a tenth of a callback's cost.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain weChatCallbackFilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(new PathPatternParserServerWebExchangeMatcher("/api/wechat/callback"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /**
     * Two ways to sign in: HTTP Basic on every request (scripts, API clients), or a browser session in
     * Redis ({@link SessionAccounts}, {@code POST /api/session}). Basic never creates a session, and no
     * response ever challenges with {@code WWW-Authenticate: Basic}: a browser would then remember the
     * password and send it with every request, forged ones included. Requests signed in by session
     * cookie need a CSRF token for every state change ({@link CsrfProtectedRequests}).
     */
    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Problems problems, SessionAccounts sessions,
                                                  CsrfTokens csrfTokens, SessionProperties session) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/session").permitAll()
                        .pathMatchers(HttpMethod.DELETE, "/api/session").permitAll()
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.POST, "/api/organisations").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.PUT, "/api/organisations/*").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.GET, "/api/topics/**", "/api/organisations/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/search", "/api/search/suggest").permitAll()
                        .pathMatchers("/api/events/public/**").permitAll()
                        .pathMatchers("/api/rumors/public/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/rumors/items/*/decisions").hasAnyRole(SIGNERS)
                        .pathMatchers(HttpMethod.GET, "/api/rumors/items", "/api/rumors/items/*").hasAnyRole(REVIEW_READERS)
                        .pathMatchers("/api/rumors/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.POST, "/api/events/series/*/decisions").hasAnyRole(EVENT_SIGNERS)
                        .pathMatchers(HttpMethod.GET, "/api/events/series", "/api/events/series/*").hasAnyRole(EVENT_READERS)
                        .pathMatchers("/api/events/occurrences/*/volunteers", "/api/events/occurrences/*/registrations").hasAnyRole(STAFF)
                        .pathMatchers("/api/events/occurrences/*/check-ins").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/events/my/check-in-duties").authenticated()
                        .pathMatchers("/api/events/**").hasAnyRole(EVENT_AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/views/*").permitAll()
                        .pathMatchers("/api/site/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.POST, "/api/topics/**").hasAnyRole(STAFF)
                        .pathMatchers("/api/columns", "/api/columns/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.POST, "/api/works", "/api/works/*/submissions").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.PUT, "/api/works/*/draft").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/works/*/revisions/*/restore").hasAnyRole(AUTHORS)
                        .pathMatchers("/api/works/*/unpublish", "/api/schedule", "/api/review/cases/*/schedule").hasAnyRole(STAFF)
                        .pathMatchers("/api/media/uploads/**").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/media/assets").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/review/cases/*/decisions").hasAnyRole(SIGNERS)
                        .pathMatchers("/api/review/**").hasAnyRole(REVIEW_READERS)
                        .pathMatchers("/api/volunteers/**").hasAnyRole(STAFF)
                        // The callback has its own chain (weChatCallbackFilterChain); the console API is for staff.
                        .pathMatchers("/api/wechat/**").hasAnyRole(STAFF)
                        .pathMatchers("/api/society/**").hasRole("SOCIETY_ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().permitAll())
                .securityContextRepository(sessions)
                .httpBasic(basic -> basic
                        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange, PasswordSignIn.problem(failure))))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> problems.write(exchange,
                                new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated")))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                new ProblemException(HttpStatus.FORBIDDEN, "forbidden"))))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens.repository())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(new CsrfProtectedRequests(session.cookieName()))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                new ProblemException(HttpStatus.FORBIDDEN, "csrf-invalid"))))
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /**
     * Spring Security's strict firewall as it is, with its character checks for header and parameter names and header
     * values done by {@link PrintableCharacters} instead of a regular expression per header read (a twentieth of a
     * callback's CPU).
     */
    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(PrintableCharacters::name);
        firewall.setAllowedHeaderValues(PrintableCharacters::headerValue);
        firewall.setAllowedParameterNames(PrintableCharacters::name);
        return firewall;
    }

    /**
     * Spring Security reads its message bundle on first use (a sign-in to a disabled account needs its text): read it
     * at start, so that it is cached before a non-blocking thread asks for it.
     */
    @Bean
    SmartInitializingSingleton preloadSecurityMessages() {
        return () -> SpringSecurityMessageSource.getAccessor()
                .getMessage("AbstractUserDetailsAuthenticationProvider.disabled", "User is disabled");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5),
                Clock.systemUTC());
    }
}
