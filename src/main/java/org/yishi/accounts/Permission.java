package org.yishi.accounts;

import java.util.List;

/**
 * The permissions Yishi checks. Roles are sets of these strings, editable by the security administrator. Each
 * permission's description is in the message bundles under {@code permission.<name>}.
 */
public final class Permission {

    public static final String ACCOUNT_MANAGE = "account:manage";
    public static final String ROLE_MANAGE = "role:manage";
    public static final String ROLE_ASSIGN = "role:assign";
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_EXPORT = "audit:export";
    public static final String AUDIT_VERIFY = "audit:verify";
    public static final String DIRECTORY_READ = "directory:read";
    public static final String DIRECTORY_EDIT = "directory:edit";
    /** Meetings of the bodies the user is a member of (in the meeting's term). */
    public static final String MEETING_READ = "meeting:read";
    /** Meetings of every body. */
    public static final String MEETING_READ_ALL = "meeting:read-all";
    public static final String MEETING_EDIT = "meeting:edit";
    public static final String ITEM_READ_INTERNAL = "meeting:item:read-internal";
    public static final String ITEM_READ_CONFIDENTIAL = "meeting:item:read-confidential";
    public static final String READOUT_READ = "readout:read";
    /** Notify, open, check in, take votes, decide and close meetings. */
    public static final String MEETING_RUN = "meeting:run";
    /** Edit rule sets and assign them to bodies. */
    public static final String RULES_EDIT = "rules:edit";
    /** Keep the queue of central directives. */
    public static final String DIRECTIVE_EDIT = "directive:edit";
    /** Read the meeting record (confidential: each member's opinion and the counts). */
    public static final String RECORD_READ = "record:read";
    public static final String MINUTES_READ = "minutes:read";
    public static final String MINUTES_DRAFT = "minutes:draft";
    public static final String MINUTES_CHECK = "minutes:check";
    /** Sign off minutes; only the meeting's presiding person can use it. */
    public static final String MINUTES_SIGN = "minutes:sign";
    public static final String MINUTES_ISSUE = "minutes:issue";
    /** Read every supervised item, the ledger and the dashboard. */
    public static final String SUPERVISION_READ_ALL = "supervision:read-all";
    /** Register, assign, review, suspend and decide extensions: the supervision office. */
    public static final String SUPERVISION_MANAGE = "supervision:manage";
    /** Act for one's own unit on its items: accept, return, report, ask for more time. */
    public static final String SUPERVISION_REPORT = "supervision:report";
    /** Volunteer service (issue 15): register oneself as a volunteer and read one's own record. */
    public static final String VOLUNTEER_SELF = "volunteer:self";
    /** Keep the volunteers of the stations one manages, and nothing of other stations. */
    public static final String VOLUNTEER_STATION = "volunteer:station";
    /** Keep every station, its managers and every volunteer. */
    public static final String VOLUNTEER_MANAGE = "volunteer:manage";

    /** Sessions of the people's congress and the CPPCC (issue 13): see terms, rosters, sessions and roll calls. */
    public static final String CONGRESS_READ = "congress:read";
    /** Keep congress and CPPCC terms, their rosters (import too), sessions, sittings and agenda. */
    public static final String CONGRESS_EDIT = "congress:edit";
    /** Run the check-in desk of a sitting: check deputies in, record leave, open the sitting on its quorum. */
    public static final String CONGRESS_ROLL_CALL = "congress:roll-call";

    /** Every permission, in the order the role editor shows them. */
    public static final List<String> ALL = List.of(ACCOUNT_MANAGE, ROLE_MANAGE, ROLE_ASSIGN, AUDIT_READ, AUDIT_EXPORT,
            AUDIT_VERIFY, DIRECTORY_READ, DIRECTORY_EDIT, MEETING_READ, MEETING_READ_ALL, MEETING_EDIT,
            ITEM_READ_INTERNAL, ITEM_READ_CONFIDENTIAL, READOUT_READ, MEETING_RUN, RULES_EDIT, DIRECTIVE_EDIT,
            RECORD_READ, MINUTES_READ, MINUTES_DRAFT, MINUTES_CHECK, MINUTES_SIGN, MINUTES_ISSUE, SUPERVISION_READ_ALL,
            SUPERVISION_MANAGE, SUPERVISION_REPORT, VOLUNTEER_SELF, VOLUNTEER_STATION, VOLUNTEER_MANAGE, CONGRESS_READ,
            CONGRESS_EDIT, CONGRESS_ROLL_CALL);

    /** Permissions that touch business data; an administrator role may hold none of them (三员分立). */
    public static final List<String> BUSINESS = List.of(DIRECTORY_READ, DIRECTORY_EDIT, MEETING_READ, MEETING_READ_ALL,
            MEETING_EDIT, ITEM_READ_INTERNAL, ITEM_READ_CONFIDENTIAL, READOUT_READ, MEETING_RUN, RULES_EDIT,
            DIRECTIVE_EDIT, RECORD_READ, MINUTES_READ, MINUTES_DRAFT, MINUTES_CHECK, MINUTES_SIGN, MINUTES_ISSUE,
            SUPERVISION_READ_ALL, SUPERVISION_MANAGE, SUPERVISION_REPORT, VOLUNTEER_SELF, VOLUNTEER_STATION,
            VOLUNTEER_MANAGE, CONGRESS_READ, CONGRESS_EDIT, CONGRESS_ROLL_CALL);

    private Permission() {
    }
}
