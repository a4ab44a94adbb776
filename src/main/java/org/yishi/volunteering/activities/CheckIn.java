package org.yishi.volunteering.activities;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.volunteering.registry.StationReach;

/**
 * Checking in and out of an activity: by the code shown at it (the current or the previous minute's), from half an
 * hour before the start to the end, for a volunteer holding a place; or by the manager's roll. A check-in nobody
 * closed is closed at the activity's end and flagged for the manager.
 */
@Service
public class CheckIn {

    /** How early before the start a volunteer may check in. */
    static final Duration EARLY = Duration.ofMinutes(30);

    private final Programmes programmes;
    private final SignUps signUps;
    private final Attendances attendances;
    private final CheckInCodes codes;
    private final StationReach reach;
    private final Enrolment enrolment;
    private final Audit audit;
    private final ActivityZone zone;

    CheckIn(Programmes programmes, SignUps signUps, Attendances attendances, CheckInCodes codes, StationReach reach,
            Enrolment enrolment, Audit audit, ActivityZone zone) {
        this.programmes = programmes;
        this.signUps = signUps;
        this.attendances = attendances;
        this.codes = codes;
        this.reach = reach;
        this.enrolment = enrolment;
        this.audit = audit;
        this.zone = zone;
    }

    /** The code to show at the activity now, and until when it is accepted. */
    public record ShownCode(long activityId, String code, Instant shownAt, Instant acceptedUntil) {
    }

    /** One line of the roll: a volunteer signed up, their place or position, and their attendance if any. */
    public record RollLine(long volunteerId, String name, SignUpState state, int waitingPosition,
            Attendance attendance) {
    }

    /** The manager's entry on the roll: the times of arrival and (optionally) leaving, on the activity's day. */
    public record RollEntry(Long volunteerId, LocalTime checkIn, LocalTime checkOut) {
    }

    public ShownCode code(Viewer viewer, long activityId) {
        Activity a = kept(viewer, activityId);
        Instant now = zone.now();
        return new ShownCode(a.id(), codes.code(a.id(), now), now, CheckInCodes.acceptedUntil(now));
    }

    @Transactional
    public Attendance checkIn(Viewer viewer, long activityId, String code) {
        long volunteer = enrolment.volunteerOf(viewer);
        Activity a = programmes.activity(activityId).orElseThrow(() -> new NotFound("kind.activity", activityId));
        Instant now = zone.now();
        if (now.isBefore(a.startsAt().minus(EARLY))) {
            throw new Refused("volunteering.check-in.not-yet", a.startTime().minus(EARLY).toString());
        }
        if (!now.isBefore(a.endsAt())) {
            throw new Refused("volunteering.check-in.over");
        }
        if (signUps.active(activityId, volunteer).filter(s -> s.state() == SignUpState.PLACED).isEmpty()) {
            throw new Refused("volunteering.check-in.not-placed");
        }
        requireValid(activityId, code, now);
        long id = attendances.checkIn(activityId, volunteer, now, "CODE")
                .orElseThrow(() -> new Refused("volunteering.check-in.already"));
        Attendance created = attendances.find(id).orElseThrow();
        audit.record("attendance.check-in", "attendance", String.valueOf(id), null, created);
        return created;
    }

    @Transactional
    public Attendance checkOut(Viewer viewer, long activityId, String code) {
        long volunteer = enrolment.volunteerOf(viewer);
        Activity a = programmes.activity(activityId).orElseThrow(() -> new NotFound("kind.activity", activityId));
        Instant now = zone.now();
        Attendance before = attendances.of(activityId, volunteer).filter(Attendance::open)
                .orElseThrow(() -> new Refused("volunteering.check-out.not-in"));
        if (!now.isBefore(a.endsAt())) {
            throw new Refused("volunteering.check-out.over");
        }
        requireValid(activityId, code, now);
        if (!attendances.checkOut(before.id(), now, "CODE")) {
            throw new Refused("volunteering.check-out.not-in");
        }
        Attendance after = attendances.find(before.id()).orElseThrow();
        audit.record("attendance.check-out", "attendance", String.valueOf(before.id()), before, after);
        return after;
    }

    private void requireValid(long activityId, String code, Instant now) {
        switch (codes.check(activityId, code, now)) {
            case VALID -> { }
            case EXPIRED -> throw new InvalidInput(org.yishi.platform.Violation.of("code", "volunteering.check-in.code-expired"));
            case WRONG -> throw new InvalidInput(org.yishi.platform.Violation.of("code", "volunteering.check-in.code-wrong"));
        }
    }

    /** The manager marks a volunteer present (or corrects the times) on the roll, once the activity has begun. */
    @Transactional
    public Attendance roll(Viewer viewer, long activityId, RollEntry entry) {
        Activity a = kept(viewer, activityId);
        if (zone.now().isBefore(a.startsAt().minus(EARLY))) {
            throw new Refused("volunteering.roll.not-yet");
        }
        var problems = new InvalidInput.Collector();
        if (entry.volunteerId() == null || signUps.active(activityId, entry.volunteerId()).isEmpty()) {
            problems.add("volunteerId", "volunteering.roll.not-signed-up");
        }
        LocalTime earliest = a.startTime().minus(EARLY);
        if (entry.checkIn() == null) {
            problems.add("checkIn", "volunteering.roll.check-in.required");
        } else if (entry.checkIn().isBefore(earliest) || !entry.checkIn().isBefore(a.endTime())) {
            problems.add("checkIn", "volunteering.roll.check-in.range", earliest.toString(), a.endTime().toString());
        }
        if (entry.checkOut() != null && entry.checkIn() != null
                && (!entry.checkOut().isAfter(entry.checkIn()) || entry.checkOut().isAfter(a.endTime()))) {
            problems.add("checkOut", "volunteering.roll.check-out.range", a.endTime().toString());
        }
        problems.throwIfAny();
        Instant in = a.heldOn().atTime(entry.checkIn()).atZone(zone.zone()).toInstant();
        Instant out = entry.checkOut() == null ? null : a.heldOn().atTime(entry.checkOut()).atZone(zone.zone()).toInstant();
        Optional<Attendance> before = attendances.of(activityId, entry.volunteerId());
        if (before.isPresent() && attendances.recorded(before.get().id())) {
            throw new Refused("volunteering.roll.recorded");
        }
        long id = before.map(Attendance::id)
                .orElseGet(() -> attendances.checkIn(activityId, entry.volunteerId(), in, "ROLL").orElseThrow());
        attendances.setByRoll(id, in, out);
        Attendance after = attendances.find(id).orElseThrow();
        audit.record("attendance.roll", "attendance", String.valueOf(id), before.orElse(null), after);
        return after;
    }

    /** The roll of an activity: who signed up, in order, with their attendance; forgotten check-ins closed first. */
    @Transactional
    public List<RollLine> roll(Viewer viewer, long activityId) {
        Activity a = kept(viewer, activityId);
        closeForgotten();
        Map<Long, Attendance> present = new java.util.HashMap<>();
        attendances.ofActivity(a.id()).forEach(t -> present.put(t.volunteerId(), t));
        return signUps.ofActivity(a.id()).stream().map(s -> new RollLine(s.volunteerId(),
                reach.volunteerName(s.volunteerId()).orElse(""), s.state(), s.waitingPosition(),
                present.get(s.volunteerId()))).toList();
    }

    /** The viewer's own attendance at an activity. */
    public Optional<Attendance> mine(Viewer viewer, long activityId) {
        return reach.volunteerOf(viewer).flatMap(v -> attendances.of(activityId, v));
    }

    /** Closes, at its activity's end, every check-in left open after the end, and flags it for the manager. */
    @Scheduled(fixedDelayString = "${yishi.volunteering.close-check-ins-ms:60000}", initialDelay = 30_000)
    @Transactional
    public List<Attendance> closeForgotten() {
        List<Attendance> closed = attendances.closeAtEnd(zone.now());
        closed.forEach(t -> audit.record("attendance.close-at-end", "attendance", String.valueOf(t.id()), null, t));
        return closed;
    }

    /** Every attendance of an activity of a station the viewer keeps, forgotten check-ins closed first. */
    @Transactional
    public List<Attendance> attendances(Viewer viewer, long activityId) {
        Activity a = kept(viewer, activityId);
        closeForgotten();
        return attendances.ofActivity(a.id());
    }

    private Activity kept(Viewer viewer, long activityId) {
        return programmes.activity(activityId).filter(x -> reach.keeps(viewer, x.stationId()))
                .orElseThrow(() -> new NotFound("kind.activity", activityId));
    }
}
