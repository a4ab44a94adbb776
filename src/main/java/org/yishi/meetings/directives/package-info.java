/**
 * Directive pages and API, internal to meetings: the directives a meeting conveys and the ledger of them; the
 * service and its types ({@link org.yishi.meetings.Directives}) stay in the module's root.
 */
package org.yishi.meetings.directives;
