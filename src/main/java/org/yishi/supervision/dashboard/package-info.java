/**
 * The supervision dashboard, internal to supervision: the counts by state, colour, unit and source that the office
 * reads at a glance, with links into the ledger, as a page and as JSON.
 */
package org.yishi.supervision.dashboard;
