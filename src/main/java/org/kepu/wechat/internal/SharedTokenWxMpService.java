package org.kepu.wechat.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;

/**
 * WxJava's service with one change: the access token is fetched by one caller across all instances. WxJava's own
 * loop fetches again as soon as it gets the lock, so a caller that waited for another's fetch would fetch a second
 * token (and invalidate the first); here the token is read again under the lock. With {@code forceRefresh} the token
 * is fetched unless another caller has already replaced the one this caller saw. On errcode 40001/42001 WxJava
 * drops the token it used (only if it is still the stored one, under the same lock) and retries the call once.
 */
class SharedTokenWxMpService extends WxMpServiceHttpClientImpl {

    private static final long LOCK_WAIT_SECONDS = 10;

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        RedisTokenStore store = (RedisTokenStore) getWxMpConfigStorage();
        String seen = store.getAccessToken();
        if (!forceRefresh && seen != null) {
            return seen;
        }
        Lock lock = store.getAccessTokenLock();
        try {
            if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new WxRuntimeException("Timed out waiting for the access-token lock of " + store.getAppId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WxRuntimeException(e);
        }
        try {
            String current = store.getAccessToken();
            if (current != null && (!forceRefresh || !current.equals(seen))) {
                return current;
            }
            return extractAccessToken(doGetAccessTokenRequest());
        } catch (IOException e) {
            throw new WxRuntimeException(e);
        } finally {
            lock.unlock();
        }
    }
}
