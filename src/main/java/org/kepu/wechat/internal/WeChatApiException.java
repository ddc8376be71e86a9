package org.kepu.wechat.internal;

/** WeChat answered a call with an error code ({@code errcode}), or could not be reached ({@code code} -1000). */
class WeChatApiException extends RuntimeException {

    static final int UNREACHABLE = -1000;

    private final int code;

    WeChatApiException(int code, String message, Throwable cause) {
        super("WeChat errcode " + code + ": " + message, cause);
        this.code = code;
    }

    int code() {
        return code;
    }
}
