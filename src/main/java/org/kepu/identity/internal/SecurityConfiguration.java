package org.kepu.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.kepu.platform.ProblemException;
import org.kepu.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Problems problems) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/media/**").authenticated()
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService bootstrapAccounts(IdentityProperties properties, PasswordEncoder encoder) {
        IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        String password = admin.password();
        if (password == null || password.isBlank()) {
            password = oneTimePassword();
            log.warn("初始管理员 / first administrator: {} 一次性密码 / one-time password: {} "
                    + "(set kepu.identity.bootstrap-admin.password to choose one)", admin.username(), password);
        }
        return new MapReactiveUserDetailsService(User.withUsername(admin.username())
                .password(encoder.encode(password))
                .roles("ADMIN")
                .build());
    }

    private static String oneTimePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
