package org.kepu.platform.internal.servers;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable server at start into two plain lines instead of a stack trace. */
class ServerUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<ServerUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServerUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Point " + cause.server().describeSetting() + " at a reachable " + cause.server().serverName()
                        + " with valid credentials, or leave it empty to let Kepu start an embedded one.",
                cause);
    }
}
