package org.yishi.supervision;

/** The warning colour of an open item by the time left before its deadline: green, yellow, orange, red (overdue). */
public enum Colour {
    GREEN, YELLOW, ORANGE, RED
}
