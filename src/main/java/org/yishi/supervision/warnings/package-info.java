/**
 * Warnings and notices, internal to supervision: the daily sweep that colours items and report obligations by
 * {@link org.yishi.supervision.WarningThresholds}, the reminders (催办) and notices of new work it and the workflow
 * raise, their mails, and the pages for warnings and the working-day calendar.
 */
package org.yishi.supervision.warnings;
