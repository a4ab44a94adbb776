package org.yishi.platform;

import java.util.List;

/**
 * What was asked for cannot be produced yet because the data lacks something (for example an English readout of a
 * meeting whose English wording is missing). Answered with 409 and the list of what is missing.
 */
public class Incomplete extends RuntimeException {

    private final String titleCode;
    private final List<Violation> missing;

    public Incomplete(String titleCode, List<Violation> missing) {
        super(titleCode + " " + missing);
        this.titleCode = titleCode;
        this.missing = List.copyOf(missing);
    }

    public String titleCode() {
        return titleCode;
    }

    public List<Violation> missing() {
        return missing;
    }
}
