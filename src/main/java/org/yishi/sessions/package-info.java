/**
 * Sessions of the people's congress and of the CPPCC (人大、政协会议): a congress term (5 years) with its deputies
 * grouped in delegations (代表团), a CPPCC term with its members in sectors (界别) and special committees; a term's
 * roster imported from .xlsx; the sessions of a term (第N次会议, the number entered) with their preparatory meeting
 * (预备会议) and plenary meetings (全体会议), the agenda, and the roll call of each meeting against the body's quorum;
 * the motions (议案) of a congress session with their co-signer rule.
 *
 * <p>Deputies and members are people of the directory (and members of the directory's term). Quorum and majorities
 * come from the body's rules of procedure through the meetings module. This module publishes nothing to other modules
 * beyond {@link org.yishi.sessions.Assemblies} (setting up terms, rosters and sessions, for the demo data) and
 * {@link org.yishi.sessions.Chamber}; its parts live in internal sub-packages ({@code sessions.roster},
 * {@code sessions.sitting}, {@code sessions.motion}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Congress and CPPCC sessions")
package org.yishi.sessions;
