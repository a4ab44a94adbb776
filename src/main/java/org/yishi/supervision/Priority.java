package org.yishi.supervision;

public enum Priority {
    NORMAL, HIGH, URGENT
}
