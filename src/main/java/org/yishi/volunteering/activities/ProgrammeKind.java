package org.yishi.volunteering.activities;

/** 常态化 standing (monthly, on fixed days of the month) or a campaign between two dates (the March campaign). */
public enum ProgrammeKind { STANDING, CAMPAIGN }
