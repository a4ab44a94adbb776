/**
 * Minutes and the record, internal to meetings: the minutes desk (draft, check, sign-off, issue), the record and
 * minutes writers, their documents' wording in both languages, and the PDF and Word exports.
 */
package org.yishi.meetings.minutes;
