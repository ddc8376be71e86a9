package org.kepu.content;

/**
 * Page views of a work as the public site counted them and last moved them to PostgreSQL.
 *
 * @param views    every view (PV)
 * @param visitors unique visitors (UV), counted per day and added up over the days
 */
public record WorkViews(WorkId work, long views, long visitors) {
}
