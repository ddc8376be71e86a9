package org.kepu.wechat.internal;

import java.util.Set;

import org.kepu.platform.Job;
import org.kepu.platform.ProblemException;

/** Which failures of a WeChat step are worth retrying (the durable job retries them with backoff). */
final class Failures {

    /**
     * Unreachable (WxJava reports I/O failures and bad HTTP statuses as -99), system busy (-1), API frequency limits
     * (45009 daily, 45011 per minute), token trouble left after WxJava's one retry (40001, 42001).
     */
    private static final Set<Integer> TRANSIENT = Set.of(WeChatApiException.UNREACHABLE, -99, -1, 45009, 45011, 40001, 42001);

    private Failures() {
    }

    static int code(Throwable failure) {
        return failure instanceof WeChatApiException api ? api.code() : 0;
    }

    static String message(Throwable failure) {
        return failure instanceof ProblemException problem ? problem.code() : String.valueOf(failure.getMessage());
    }

    /** Whether the job should fail now for good rather than be retried. */
    static boolean permanent(Throwable failure, Job job) {
        boolean transientFailure = failure instanceof WeChatApiException api ? TRANSIENT.contains(api.code())
                : !(failure instanceof ProblemException problem) || problem.status().is5xxServerError();
        return !transientFailure || job.attempt() >= job.maxAttempts();
    }
}
