-- Issue 5: the ledger's date range on the day of closing (dateField=closed, the dashboard's "closed per month"): the
-- closed items by the instant of closing, so that a month of closings is found without reading every closed item.
create index supervision_item_closed_at on supervision_item (closed_at, id) where state = 'CLOSED';
