package org.yishi.volunteering.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.supervision.HolidayCalendar;
import org.yishi.volunteering.activities.Activity;
import org.yishi.volunteering.activities.ActivityZone;
import org.yishi.volunteering.activities.Attendance;
import org.yishi.volunteering.activities.CheckIn;
import org.yishi.volunteering.activities.ServiceProgrammes;
import org.yishi.volunteering.registry.StationReach;

/**
 * Service records: the manager records an activity's service once it has ended, one record per closed attendance,
 * with the minutes actually served. Service is recorded within 10 working days of the activity (the supervision
 * office's working-day calendar); a later record is marked late and counts only once a second person approved it.
 * The manager corrects minutes (never beyond the activity's length), with a reason; every change is audited. A
 * volunteer reads only their own records, a manager only their stations'.
 */
@Service
public class Recording {

    /** Working days after the activity within which its service is recorded [law: 2020 measures]. */
    static final int RECORD_WITHIN_WORKING_DAYS = 10;
    static final int MAX_REASON = 200;

    private final ServiceRecords records;
    private final ServiceProgrammes programmes;
    private final CheckIn checkIn;
    private final StationReach reach;
    private final HolidayCalendar calendar;
    private final StarLevels stars;
    private final Audit audit;
    private final ActivityZone zone;
    private final double minimumShare;

    Recording(ServiceRecords records, ServiceProgrammes programmes, CheckIn checkIn, StationReach reach,
            HolidayCalendar calendar, StarLevels stars, Audit audit, ActivityZone zone,
            @Value("${yishi.volunteering.min-attendance-share:0.6}") double minimumShare) {
        if (minimumShare < 0 || minimumShare > 1) {
            throw new IllegalStateException("yishi.volunteering.min-attendance-share must be between 0 and 1");
        }
        this.records = records;
        this.programmes = programmes;
        this.checkIn = checkIn;
        this.reach = reach;
        this.calendar = calendar;
        this.stars = stars;
        this.audit = audit;
        this.zone = zone;
        this.minimumShare = minimumShare;
    }

    /** The last day on which an activity's service is recorded without a second person's approval. */
    LocalDate recordBy(LocalDate heldOn) {
        return calendar.calendar().plus(heldOn, RECORD_WITHIN_WORKING_DAYS);
    }

    /** Records the service of every attendance of an ended activity not recorded yet. */
    @Transactional
    public List<ServiceRecord> record(Viewer viewer, long activityId) {
        Activity a = programmes.keptActivity(viewer, activityId);
        Instant now = zone.now();
        if (now.isBefore(a.endsAt())) {
            throw new Refused("volunteering.record.not-ended", a.endTime().toString());
        }
        boolean late = zone.today().isAfter(recordBy(a.heldOn()));
        List<ServiceRecord> made = new ArrayList<>();
        for (Attendance t : checkIn.attendances(viewer, activityId)) {
            if (t.open()) {
                continue;
            }
            int served = ServedTime.minutes(t.checkedInAt(), t.checkedOutAt(), a.startsAt(), a.endsAt());
            records.add(a.id(), t.volunteerId(), t.id(), a.stationId(), a.heldOn(), served, a.minutes(),
                    ServedTime.counts(served, a.minutes(), minimumShare), late, now, viewer.username())
                    .flatMap(records::find).ifPresent(made::add);
        }
        if (made.isEmpty()) {
            throw new Refused("volunteering.record.nothing");
        }
        made.forEach(r -> audit.record("service-record.create", "service_record", String.valueOf(r.id()), null, r));
        return made;
    }

    /** A second person approves a late record; its hours count from then on. */
    @Transactional
    public ServiceRecord approve(Viewer viewer, long id) {
        ServiceRecord before = kept(viewer, id);
        if (!"AWAITING_APPROVAL".equals(before.state())) {
            throw new Refused("volunteering.record.not-awaiting");
        }
        if (before.recordedBy().equals(viewer.username())) {
            throw new Refused("volunteering.record.same-person");
        }
        records.approve(id, zone.now(), viewer.username());
        ServiceRecord after = records.find(id).orElseThrow();
        audit.record("service-record.approve", "service_record", String.valueOf(id), before, after);
        return after;
    }

    /** The manager corrects the minutes served, giving the reason. */
    @Transactional
    public ServiceRecord correct(Viewer viewer, long id, Integer minutes, String reason) {
        ServiceRecord before = kept(viewer, id);
        var problems = new InvalidInput.Collector();
        if (minutes == null || minutes < 0 || minutes > before.activityMinutes()) {
            problems.add("minutes", "volunteering.record.minutes.range", before.activityMinutes());
        }
        if (Text.blank(reason)) {
            problems.add("reason", "volunteering.record.reason.required");
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add("reason", "volunteering.text.too-long", MAX_REASON);
        }
        problems.throwIfAny();
        records.correct(id, minutes, ServedTime.counts(minutes, before.activityMinutes(), minimumShare), reason.strip(),
                zone.now(), viewer.username());
        ServiceRecord after = records.find(id).orElseThrow();
        audit.record("service-record.correct", "service_record", String.valueOf(id), before, after);
        return after;
    }

    ServiceRecord kept(Viewer viewer, long id) {
        return records.find(id).filter(r -> reach.keeps(viewer, r.stationId()))
                .orElseThrow(() -> new NotFound("kind.service-record", id));
    }

    public List<ServiceRecord> ofActivity(Viewer viewer, long activityId) {
        return records.ofActivity(programmes.keptActivity(viewer, activityId).id());
    }

    List<ServiceRecord> ofStation(Viewer viewer, long stationId) {
        reach.keptStation(viewer, stationId);
        return records.ofStation(stationId);
    }

    /** Late records waiting for approval at the stations the viewer keeps. */
    public List<ServiceRecord> awaiting(Viewer viewer) {
        List<Long> stations = reach.keptStations(viewer);
        return stations.isEmpty() ? List.of() : records.awaiting(stations);
    }

    /** The viewer's own records, hours and stars. */
    public MyService mine(Viewer viewer) {
        viewer.require(Permission.VOLUNTEER_SELF);
        long volunteer = reach.volunteerOf(viewer).orElseThrow(() -> new NotFound("kind.volunteer", viewer.username()));
        long minutes = records.minutesInHours(volunteer);
        return new MyService(volunteer, records.ofVolunteer(volunteer), minutes, hours(minutes), stars.stars(minutes),
                stars.nextAt(minutes).orElse(null));
    }

    /** Minutes as hours with one decimal, rounded down (so 59 minutes is 0.9 h, never 1.0 h). */
    static String hours(long minutes) {
        long tenths = minutes / 6;
        return String.format(Locale.ROOT, "%d.%d", tenths / 10, tenths % 10);
    }
}
