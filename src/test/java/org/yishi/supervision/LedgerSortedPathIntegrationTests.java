package org.yishi.supervision;

import org.yishi.YishiIntegrationTest;

/**
 * The ledger's checks again with a walk budget of two rows: almost every page is then found by sorting the matching
 * items instead of walking the sort column's index, and must be the same page.
 */
@YishiIntegrationTest({"yishi.demo-data=off", "yishi.supervision.ledger.walk-budget=2"})
class LedgerSortedPathIntegrationTests extends LedgerQueryChecks {
}
