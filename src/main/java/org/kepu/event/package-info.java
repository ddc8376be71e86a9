/**
 * Event series and occurrences (全国科普日, 科技活动周, contests, tour stops), venues, registration with capacity and waiting list, iCalendar feeds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event")
package org.kepu.event;
