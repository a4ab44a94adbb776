package org.yishi.volunteering.activities;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InputBounds;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;
import org.yishi.volunteering.registry.StationReach;

/**
 * A station's programmes and their activities. The station's managers (and the office, which keeps every station)
 * create and read them; anything of another station answers as not found. Volunteers read activities, to sign up.
 */
@Service
public class ServiceProgrammes {

    static final int MAX_NAME = 200;
    static final int MAX_PLACES = 10_000;

    private final Programmes programmes;
    private final StationReach reach;
    private final Audit audit;
    private final ActivityZone zone;

    ServiceProgrammes(Programmes programmes, StationReach reach, Audit audit, ActivityZone zone) {
        this.programmes = programmes;
        this.reach = reach;
        this.audit = audit;
        this.zone = zone;
    }

    @Transactional
    Programme create(Viewer viewer, long stationId, ProgrammeDraft draft) {
        reach.keptStation(viewer, stationId);
        var problems = new InvalidInput.Collector();
        if (Text.blank(draft.name())) {
            problems.add("name", "volunteering.programme.name.required");
        } else if (draft.name().strip().length() > MAX_NAME) {
            problems.add("name", "volunteering.text.too-long", MAX_NAME);
        }
        if (draft.description().length() > InputBounds.MAX_TEXT) {
            problems.add("description", "volunteering.text.too-long", InputBounds.MAX_TEXT);
        }
        if (draft.kind() == null) {
            problems.add("kind", "volunteering.programme.kind.required");
        } else if (draft.kind() == ProgrammeKind.STANDING) {
            if (draft.daysOfMonth().isEmpty()) {
                problems.add("daysOfMonth", "volunteering.programme.days.required");
            }
            draft.daysOfMonth().stream().filter(d -> d == null || d < 1 || d > 31).findFirst()
                    .ifPresent(d -> problems.add("daysOfMonth", "volunteering.programme.days.range", String.valueOf(d)));
        } else {
            campaign(problems, draft.campaignFrom(), draft.campaignTo());
        }
        if (draft.supervisionItemId() != null && !programmes.supervisionItemExists(draft.supervisionItemId())) {
            problems.add("supervisionItemId", "volunteering.programme.item.unknown", String.valueOf(draft.supervisionItemId()));
        }
        if (draft.decisionItemId() != null && !programmes.decisionExists(draft.decisionItemId())) {
            problems.add("decisionItemId", "volunteering.programme.decision.unknown", String.valueOf(draft.decisionItemId()));
        }
        problems.throwIfAny();
        ProgrammeDraft kept = draft.kind() == ProgrammeKind.STANDING
                ? new ProgrammeDraft(draft.name(), draft.kind(), draft.description(), draft.daysOfMonth(), null, null,
                        draft.supervisionItemId(), draft.decisionItemId())
                : new ProgrammeDraft(draft.name(), draft.kind(), draft.description(), List.of(), draft.campaignFrom(),
                        draft.campaignTo(), draft.supervisionItemId(), draft.decisionItemId());
        Programme created = programmes.programme(programmes.add(stationId, kept, viewer.username())).orElseThrow();
        audit.record("programme.create", "programme", String.valueOf(created.id()), null, created);
        return created;
    }

    /** For the module's root API: a programme from plain values; answers its id. */
    public long start(Viewer viewer, long stationId, String name, ProgrammeKind kind, String description,
            List<Integer> daysOfMonth, LocalDate from, LocalDate to, Long supervisionItemId) {
        return create(viewer, stationId, new ProgrammeDraft(name, kind, description, daysOfMonth, from, to,
                supervisionItemId, null)).id();
    }

    /** For the module's root API: an activity from plain values; answers its id. */
    public long addActivity(Viewer viewer, long programmeId, LocalDate day, java.time.LocalTime start,
            java.time.LocalTime end, String place, String content, int places, List<String> skills) {
        return addActivity(viewer, programmeId, new ActivityDraft(day, start, end, place, content, places, skills)).id();
    }

    private static void campaign(InvalidInput.Collector problems, LocalDate from, LocalDate to) {
        if (from == null) {
            problems.add("campaignFrom", "volunteering.programme.from.required");
        }
        if (to == null) {
            problems.add("campaignTo", "volunteering.programme.to.required");
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("campaignTo", "volunteering.programme.to.before-from");
        }
    }

    List<Programme> programmesOf(Viewer viewer, long stationId) {
        reach.keptStation(viewer, stationId);
        return programmes.programmesOf(stationId);
    }

    /** A programme of a station the viewer keeps. */
    public Programme programme(Viewer viewer, long id) {
        return programmes.programme(id).filter(p -> reach.keeps(viewer, p.stationId()))
                .orElseThrow(() -> new NotFound("kind.programme", id));
    }

    List<Activity> activitiesOf(Viewer viewer, long programmeId) {
        return programmes.activitiesOf(programme(viewer, programmeId).id());
    }

    @Transactional
    Activity addActivity(Viewer viewer, long programmeId, ActivityDraft draft) {
        Programme p = programme(viewer, programmeId);
        var problems = new InvalidInput.Collector();
        if (draft.heldOn() == null) {
            problems.add("heldOn", "volunteering.activity.day.required");
        } else if (p.kind() == ProgrammeKind.STANDING && !p.daysOfMonth().contains(draft.heldOn().getDayOfMonth())) {
            problems.add("heldOn", "volunteering.activity.day.not-fixed", String.valueOf(draft.heldOn().getDayOfMonth()),
                    p.daysOfMonth().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、")));
        } else if (p.kind() == ProgrammeKind.CAMPAIGN
                && (draft.heldOn().isBefore(p.campaignFrom()) || draft.heldOn().isAfter(p.campaignTo()))) {
            problems.add("heldOn", "volunteering.activity.day.outside-campaign", p.campaignFrom(), p.campaignTo());
        } else if (draft.heldOn().isBefore(zone.today())) {
            problems.add("heldOn", "volunteering.activity.day.past");
        }
        if (draft.startTime() == null) {
            problems.add("startTime", "volunteering.activity.start.required");
        }
        if (draft.endTime() == null) {
            problems.add("endTime", "volunteering.activity.end.required");
        } else if (draft.startTime() != null && !draft.endTime().isAfter(draft.startTime())) {
            problems.add("endTime", "volunteering.activity.end.before-start");
        }
        text(problems, "place", draft.place());
        text(problems, "content", draft.content());
        if (draft.places() == null || draft.places() < 1 || draft.places() > MAX_PLACES) {
            problems.add("places", "volunteering.activity.places.range", MAX_PLACES);
        }
        problems.throwIfAny();
        Activity created = programmes.activity(programmes.addActivity(p, draft, viewer.username())).orElseThrow();
        audit.record("activity.create", "activity", String.valueOf(created.id()), null, created);
        return created;
    }

    private static void text(InvalidInput.Collector problems, String field, String value) {
        if (Text.blank(value)) {
            problems.add(field, "volunteering.activity." + field + ".required");
        } else if (value.strip().length() > MAX_NAME) {
            problems.add(field, "volunteering.text.too-long", MAX_NAME);
        }
    }

    /**
     * An activity as the viewer may see it: every volunteer sees every activity (to sign up); a manager those of
     * their stations.
     */
    public Activity activity(Viewer viewer, long id) {
        return programmes.activity(id).filter(a -> viewer.can(Permission.VOLUNTEER_SELF) || reach.keeps(viewer, a.stationId()))
                .orElseThrow(() -> new NotFound("kind.activity", id));
    }

    /** An activity of a station the viewer keeps. */
    public Activity keptActivity(Viewer viewer, long id) {
        return programmes.activity(id).filter(a -> reach.keeps(viewer, a.stationId()))
                .orElseThrow(() -> new NotFound("kind.activity", id));
    }

    /** Activities not yet started, open to sign up (places left or not: a full one has a waiting list). */
    public List<Activity> open(Viewer viewer) {
        viewer.require(Permission.VOLUNTEER_SELF);
        return programmes.openFrom(zone.now());
    }

    /** Every activity of the stations the viewer keeps, newest first. */
    public List<Activity> kept(Viewer viewer) {
        List<Long> stations = reach.keptStations(viewer);
        return stations.isEmpty() ? List.of() : programmes.activitiesAt(stations);
    }
}
