/**
 * Meetings as recorded: a body's meeting on a date within one of its terms, numbered within the term (第N次), with
 * who presided (and who entrusted them), who was present, on leave or sitting in, and the agenda with each item's
 * conclusions. The API is {@link org.yishi.meetings.Meetings} and the records beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.yishi.meetings;
