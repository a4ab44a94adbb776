/**
 * Meeting notices, internal to meetings: the notice sent before a meeting with its materials, its receipts, its mails
 * and wording, and the meeting calendar with its pages.
 */
package org.yishi.meetings.notices;
