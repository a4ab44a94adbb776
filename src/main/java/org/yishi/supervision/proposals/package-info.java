/**
 * Proposals, internal to supervision: the inbox that turns each adopted decision of the meetings module into a
 * proposal for the office, once, and the page on which the office registers or dismisses it.
 */
package org.yishi.supervision.proposals;
