/**
 * Progress reports, internal to supervision: the report cycles an item's recurrence makes (monthly, quarterly, fixed
 * days), the obligations they create with their due dates in working days, and the reports' API.
 */
package org.yishi.supervision.reports;
