package org.yishi.volunteering.activities;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.volunteering.registry.StationReach;

/**
 * Signing up for activities within their places. Every sign-up and cancellation of one activity takes the activity's
 * row lock first, so that a burst of sign-ups for the last places places exactly as many as there are and puts the
 * rest on the waiting list; a cancelled place goes to the first in line. Nothing changes once the activity started.
 */
@Service
public class Enrolment {

    private final Programmes programmes;
    private final SignUps signUps;
    private final StationReach reach;
    private final Audit audit;
    private final ActivityZone zone;

    Enrolment(Programmes programmes, SignUps signUps, StationReach reach, Audit audit, ActivityZone zone) {
        this.programmes = programmes;
        this.signUps = signUps;
        this.reach = reach;
        this.audit = audit;
        this.zone = zone;
    }

    /** The viewer's own volunteer record's id, or a refusal saying that they must register first. */
    long volunteerOf(Viewer viewer) {
        viewer.require(org.yishi.accounts.Permission.VOLUNTEER_SELF);
        return reach.volunteerOf(viewer).orElseThrow(() -> new Refused("volunteering.sign-up.not-registered"));
    }

    @Transactional
    public SignUp signUp(Viewer viewer, long activityId) {
        long volunteer = volunteerOf(viewer);
        Activity a = programmes.lockActivity(activityId).orElseThrow(() -> new NotFound("kind.activity", activityId));
        Instant now = zone.now();
        if (!now.isBefore(a.startsAt())) {
            throw new Refused("volunteering.sign-up.started");
        }
        if (signUps.active(activityId, volunteer).isPresent()) {
            throw new Refused("volunteering.sign-up.already");
        }
        SignUpState state = a.placed() < a.places() ? SignUpState.PLACED : SignUpState.WAITING;
        SignUp created = signUps.find(signUps.add(activityId, volunteer, state, now)).orElseThrow();
        audit.record("activity.sign-up", "sign_up", String.valueOf(created.id()), null, created);
        return created;
    }

    @Transactional
    public SignUp cancel(Viewer viewer, long activityId) {
        long volunteer = volunteerOf(viewer);
        programmes.lockActivity(activityId).filter(a -> zone.now().isBefore(a.startsAt()))
                .orElseThrow(() -> programmes.activity(activityId).isPresent()
                        ? new Refused("volunteering.sign-up.cancel-started")
                        : new NotFound("kind.activity", activityId));
        SignUp before = signUps.active(activityId, volunteer)
                .orElseThrow(() -> new Refused("volunteering.sign-up.none"));
        Instant now = zone.now();
        signUps.change(before.id(), SignUpState.CANCELLED, now);
        SignUp after = signUps.find(before.id()).orElseThrow();
        audit.record("activity.cancel-sign-up", "sign_up", String.valueOf(before.id()), before, after);
        if (before.state() == SignUpState.PLACED) {
            signUps.firstWaiting(activityId).ifPresent(next -> {
                signUps.change(next.id(), SignUpState.PLACED, now);
                audit.record("activity.promote", "sign_up", String.valueOf(next.id()), next,
                        signUps.find(next.id()).orElseThrow());
            });
        }
        return after;
    }

    /** The viewer's own sign-ups. */
    public List<SignUp> mine(Viewer viewer) {
        return reach.volunteerOf(viewer).map(signUps::ofVolunteer).orElse(List.of());
    }

    /** The viewer's own sign-up for an activity, if any. */
    public java.util.Optional<SignUp> mine(Viewer viewer, long activityId) {
        return reach.volunteerOf(viewer).flatMap(v -> signUps.active(activityId, v));
    }

    /** The sign-ups of an activity of a station the viewer keeps. */
    public List<SignUp> of(Viewer viewer, long activityId) {
        Activity a = programmes.activity(activityId).filter(x -> reach.keeps(viewer, x.stationId()))
                .orElseThrow(() -> new NotFound("kind.activity", activityId));
        return signUps.ofActivity(a.id());
    }
}
