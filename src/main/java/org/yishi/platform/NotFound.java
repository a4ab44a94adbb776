package org.yishi.platform;

/** Nothing of this kind with this id exists (or the user may not know that it does). */
public class NotFound extends RuntimeException {

    private final String kindCode;
    private final Object id;

    /** @param kindCode message code naming the kind of thing, e.g. {@code kind.meeting} */
    public NotFound(String kindCode, Object id) {
        super(kindCode + " " + id);
        this.kindCode = kindCode;
        this.id = id;
    }

    public String kindCode() {
        return kindCode;
    }

    public Object id() {
        return id;
    }
}
