/**
 * The ledger (台账), internal to supervision: the filtered, sorted list of supervised items, its paged reading for the
 * API and the page, its .xlsx export, and the all-or-nothing import of an office's existing spreadsheet.
 */
package org.yishi.supervision.ledger;
