package org.yishi.meetings;

/** When in the day a meeting was held (上午 / 下午 / 晚上); a meeting may leave it open. */
public enum TimeOfDay {
    MORNING, AFTERNOON, EVENING
}
