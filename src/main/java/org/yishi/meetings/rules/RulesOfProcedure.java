package org.yishi.meetings.rules;

/**
 * A rule set as stored: its name, the rules of quorum and majority, and how many days before the meeting an item's
 * materials must reach the members.
 */
public record RulesOfProcedure(long id, String code, String nameZh, String nameEn, RuleSet rules, int materialsDays,
        int version) {

    public String name(boolean english) {
        return english && nameEn != null ? nameEn : nameZh;
    }
}
