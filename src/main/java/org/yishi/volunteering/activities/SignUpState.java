package org.yishi.volunteering.activities;

/** A sign-up holds a place, waits for one (in order of signing up), or was cancelled. */
public enum SignUpState { PLACED, WAITING, CANCELLED }
