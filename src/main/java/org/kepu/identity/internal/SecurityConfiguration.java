package org.kepu.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.kepu.platform.ClientAddress;
import org.kepu.platform.ProblemException;
import org.kepu.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Problems problems) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.GET, "/api/topics/**", "/api/organisations/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/search", "/api/search/suggest").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/topics/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.POST, "/api/works", "/api/works/*/submissions").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.PUT, "/api/works/*/draft").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/works/*/revisions/*/restore").hasAnyRole(AUTHORS)
                        .pathMatchers("/api/media/uploads/**").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/media/assets").hasAnyRole(AUTHORS)
                        .pathMatchers(HttpMethod.POST, "/api/review/cases/*/decisions").hasAnyRole(SIGNERS)
                        .pathMatchers("/api/review/**").hasAnyRole(REVIEW_READERS)
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((exchange, denied) -> {
                    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Kepu\"");
                    return problems.write(exchange, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated"));
                }))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> problems.write(exchange,
                                new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated")))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                new ProblemException(HttpStatus.FORBIDDEN, "forbidden"))))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // The JSON API authenticates every request explicitly; browser forms keep CSRF protection.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new BrowserFormRequests()))
                .build();
    }

    /**
     * Password checks count failures per account and per client address ({@link LoginAttempts}) and
     * hash on a bounded elastic thread; the rest of the request goes back to a non-blocking thread,
     * where a blocking call is a bug (and fails under BlockHound in tests).
     */
    @Bean
    ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService accounts, PasswordEncoder encoder,
                                                        LoginAttempts attempts) {
        var passwords = new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
        passwords.setPasswordEncoder(encoder);
        return authentication -> ClientAddress.current().flatMap(address -> {
            String username = authentication.getName();
            String from = address.isEmpty() ? null : address;
            return attempts.checkAllowed(username, from)
                    .flatMap(earlierFailures -> passwords.authenticate(authentication)
                            .flatMap(success -> earlierFailures ? attempts.clear(username).thenReturn(success) : Mono.just(success)))
                    .onErrorResume(BadCredentialsException.class, bad -> attempts.failed(username, from).then(Mono.error(bad)));
        }).publishOn(Schedulers.parallel());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    @Bean
    ReactiveUserDetailsService accountDetails(AccountsTable accounts) {
        return username -> accounts.find(username.strip().toLowerCase(Locale.ROOT)).map(AccountDetails::new);
    }
}
