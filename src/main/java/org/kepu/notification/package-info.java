/**
 * The in-app inbox: notices to submitters and to the reviewers whose turn it is. Senders call
 * {@link org.kepu.notification.Notifications} inside their own transaction, so a notice exists exactly when
 * the change it tells of was committed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.kepu.notification;
