/**
 * Finding things across modules: the directive ledger (传达学习台账) — for one central directive, every body's meetings
 * that conveyed and studied it, their measures and the supervised items that came of them — and, next, one search box
 * over everything a user may see. It reads the meetings, supervision and directory modules through their APIs only;
 * no other module depends on it. Its parts live in internal sub-packages ({@code search.ledger}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.yishi.search;
