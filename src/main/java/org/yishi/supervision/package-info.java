/**
 * Supervision of implementation (督查督办): every adopted decision, leader's instruction or task from above becomes a
 * supervised item with a lead unit and a deadline, and is driven through assignment, acceptance, progress, completion
 * report and review until it is closed (销号). The API is {@link org.yishi.supervision.Supervision}; adopted decisions
 * arrive as {@code DecisionAdopted} events and wait in the office's inbox as proposals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.yishi.supervision;
