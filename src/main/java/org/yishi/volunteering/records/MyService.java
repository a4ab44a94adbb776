package org.yishi.volunteering.records;

import java.util.List;

/**
 * A volunteer's own service: every record, the minutes and hours that count, the stars they earn, and the hours at
 * which the next star comes (null at the highest level).
 */
public record MyService(long volunteerId, List<ServiceRecord> records, long minutes, String hours, int stars,
        Integer nextStarAt) {
}
