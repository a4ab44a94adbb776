package org.yishi.platform;

/** Nothing of this kind with this id exists (or the user may not know that it does). */
public class NotFound extends RuntimeException {

    private final String kindCode;
    private final String id;

    /** @param kindCode message code naming the kind of thing, e.g. {@code kind.meeting} */
    public NotFound(String kindCode, Object id) {
        super(kindCode + " " + id);
        this.kindCode = kindCode;
        this.id = String.valueOf(id); // as text: a message would show the number 987654321 as "987,654,321"
    }

    public String kindCode() {
        return kindCode;
    }

    /** The id as written, ready to stand in a message. */
    public String id() {
        return id;
    }
}
