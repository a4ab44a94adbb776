package org.yishi.volunteering.records;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Star levels by cumulative hours served [local, common]: one star from 100 hours, then 300, 600, 1000 and 1500
 * ({@code yishi.volunteering.star-hours}, strictly increasing whole hours). Hours are counted in whole minutes, so
 * 99 h 59 min is still no star.
 */
@Component
class StarLevels {

    private final List<Integer> hours;

    StarLevels(@Value("${yishi.volunteering.star-hours:100,300,600,1000,1500}") List<Integer> hours) {
        if (hours.isEmpty()) {
            throw new IllegalStateException("yishi.volunteering.star-hours names no level");
        }
        for (int i = 0; i < hours.size(); i++) {
            if (hours.get(i) <= 0 || i > 0 && hours.get(i) <= hours.get(i - 1)) {
                throw new IllegalStateException("yishi.volunteering.star-hours must be positive and strictly increasing: "
                        + hours);
            }
        }
        this.hours = List.copyOf(hours);
    }

    /** The stars earned by this many minutes: the number of thresholds reached. */
    int stars(long minutes) {
        int stars = 0;
        while (stars < hours.size() && minutes >= hours.get(stars) * 60L) {
            stars++;
        }
        return stars;
    }

    /** The hours at which the next star comes, or empty at the highest level. */
    Optional<Integer> nextAt(long minutes) {
        int s = stars(minutes);
        return s < hours.size() ? Optional.of(hours.get(s)) : Optional.empty();
    }

    int highest() {
        return hours.size();
    }
}
