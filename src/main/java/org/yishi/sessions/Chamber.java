package org.yishi.sessions;

/** Which kind of assembly a term belongs to: a people's congress (deputies) or a CPPCC committee (members). */
public enum Chamber {
    CONGRESS, CONFERENCE
}
