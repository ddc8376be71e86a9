/**
 * The Official Account: callback (plain and AES), replies, article publishing (draft, freepublish, mass-send quota), notifications, token store in Redis.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeChat")
package org.kepu.wechat;
