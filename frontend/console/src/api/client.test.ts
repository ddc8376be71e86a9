import { describe, expect, it } from 'vitest';
import { cookie, requestHeaders, useLanguage } from './client';

describe('requests to the API', () => {
  it('reads a cookie among others and decodes it', () => {
    expect(cookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=ab%3Dcd; b=2')).toBe('ab=cd');
    expect(cookie('XSRF-TOKEN', 'a=1')).toBeUndefined();
  });

  it('echoes the CSRF cookie only on state changes', () => {
    const cookies = 'KEPU_SESSION=s; XSRF-TOKEN=t0k';
    expect(requestHeaders('POST', cookies)['X-XSRF-TOKEN']).toBe('t0k');
    expect(requestHeaders('delete', cookies)['X-XSRF-TOKEN']).toBe('t0k');
    expect(requestHeaders('GET', cookies)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('asks for problem details in the reader\'s language', () => {
    useLanguage('en');
    expect(requestHeaders('GET', '')['Accept-Language']).toBe('en');
    useLanguage('zh-CN');
    expect(requestHeaders('GET', '')['Accept-Language']).toBe('zh-CN');
  });
});
