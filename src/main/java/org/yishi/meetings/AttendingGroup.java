package org.yishi.meetings;

/** An unnamed group sitting in, e.g. 区直有关单位主要负责同志 / "the main responsible comrades of relevant units". */
public record AttendingGroup(String labelZh, String labelEn) {
}
