package org.yishi.platform;

import java.util.List;

/**
 * What was asked is not allowed in the present state of things (a meeting without its quorum, a vote by a member
 * who is absent, a ballot after the count), for the reasons listed; nothing was changed. Answered with 409.
 */
public class Refused extends InvalidInput {

    public Refused(List<Violation> reasons) {
        super(reasons);
    }

    public Refused(String code, Object... args) {
        this(List.of(Violation.of("", code, args)));
    }
}
