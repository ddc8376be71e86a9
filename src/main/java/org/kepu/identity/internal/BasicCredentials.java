package org.kepu.identity.internal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Whether a request names its account itself, with an {@code Authorization: Basic} header. */
final class BasicCredentials {

    private BasicCredentials() {
    }

    static boolean sent(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
