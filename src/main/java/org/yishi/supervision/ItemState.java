package org.yishi.supervision;

/**
 * Where a supervised item stands: registered by the office, assigned (交办) to its lead unit, returned by the unit as
 * outside its remit, in progress once the unit accepts it (签收), reported complete (报送), suspended, closed (销号).
 */
public enum ItemState {
    REGISTERED, ASSIGNED, RETURNED, IN_PROGRESS, REPORTED, SUSPENDED, CLOSED;

    public boolean open() {
        return this != CLOSED;
    }
}
