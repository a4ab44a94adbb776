package org.yishi.volunteering.registry;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;

/**
 * Registers volunteers and shows them to whom may see them: a volunteer sees their own record, a station manager the
 * volunteers and stations they manage, the office every one. Records outside the viewer's reach answer as not found.
 */
@Service
public class VolunteerRegistry {

    private static final int MAX_TEXT = 200;

    private final Volunteers volunteers;
    private final Stations stations;
    private final Audit audit;

    VolunteerRegistry(Volunteers volunteers, Stations stations, Audit audit) {
        this.volunteers = volunteers;
        this.stations = stations;
        this.audit = audit;
    }

    /** A volunteer account registers its own record (once). */
    @Transactional
    Volunteer registerSelf(Viewer viewer, VolunteerDraft draft, Long stationId) {
        viewer.require(Permission.VOLUNTEER_SELF);
        IdNumber number = validate(draft);
        if (stationId != null && stations.find(stationId).isEmpty()) {
            throw new InvalidInput(org.yishi.platform.Violation.of("stationId", "volunteering.station.unknown", stationId));
        }
        if (volunteers.hasAccount(viewer.accountId())) {
            throw new Refused("volunteering.volunteer.account-registered");
        }
        return add(viewer, draft, number, stationId, viewer.accountId());
    }

    /** A station's manager (or the office) registers a volunteer at the station. */
    @Transactional
    Volunteer registerAtStation(Viewer viewer, long stationId, VolunteerDraft draft) {
        Station station = station(viewer, stationId);
        IdNumber number = validate(draft);
        return add(viewer, draft, number, station.id(), null);
    }

    private Volunteer add(Viewer viewer, VolunteerDraft draft, IdNumber number, Long stationId, Long accountId) {
        if (volunteers.registered(number)) {
            throw new Refused("volunteering.volunteer.duplicate");
        }
        long id = volunteers.add(draft, number, stationId, accountId, viewer.username())
                .orElseThrow(() -> new Refused("volunteering.volunteer.duplicate"));
        Volunteer created = volunteers.find(id).orElseThrow();
        audit.record("volunteer.register", "volunteer", String.valueOf(id), null, created);
        return created;
    }

    Volunteer mine(Viewer viewer) {
        viewer.require(Permission.VOLUNTEER_SELF);
        return volunteers.findByAccount(viewer.accountId())
                .orElseThrow(() -> new NotFound("kind.volunteer", viewer.username()));
    }

    Volunteer volunteer(Viewer viewer, long id) {
        return volunteers.find(id).filter(v -> mayRead(viewer, v)).orElseThrow(() -> new NotFound("kind.volunteer", id));
    }

    /** The full identity number; the reading is audited, whoever reads it. */
    @Transactional
    String revealIdNumber(Viewer viewer, long id) {
        Volunteer v = volunteer(viewer, id);
        audit.record("volunteer.read-id-number", "volunteer", String.valueOf(id), null, Map.of("masked", v.idNumberMasked()));
        return volunteers.idNumber(id);
    }

    List<Volunteer> atStation(Viewer viewer, long stationId) {
        return volunteers.atStation(station(viewer, stationId).id());
    }

    List<Station> stations(Viewer viewer) {
        if (viewer.can(Permission.VOLUNTEER_MANAGE)) {
            return stations.all();
        }
        viewer.require(Permission.VOLUNTEER_STATION);
        return stations.managedBy(viewer.accountId());
    }

    /** A station the viewer may keep: the office every one, a manager their own; any other answers as not found. */
    Station station(Viewer viewer, long stationId) {
        boolean reach = viewer.can(Permission.VOLUNTEER_MANAGE)
                || viewer.can(Permission.VOLUNTEER_STATION) && stations.manages(viewer.accountId(), stationId);
        return stations.find(stationId).filter(s -> reach).orElseThrow(() -> new NotFound("kind.station", stationId));
    }

    @Transactional
    Station addStation(Viewer viewer, StationDraft draft) {
        viewer.require(Permission.VOLUNTEER_MANAGE);
        var problems = new InvalidInput.Collector();
        if (draft.kind() == null) {
            problems.add("kind", "volunteering.station.kind.required");
        }
        if (blank(draft.name())) {
            problems.add("name", "volunteering.station.name.required");
        } else if (stations.nameTaken(draft.name())) {
            problems.add("name", "volunteering.station.name.taken", draft.name().strip());
        }
        if (draft.parentId() != null && stations.find(draft.parentId()).isEmpty()) {
            problems.add("parentId", "volunteering.station.unknown", draft.parentId());
        }
        for (long account : draft.managerAccountIds()) {
            if (!stations.accountExists(account)) {
                problems.add("managerAccountIds", "volunteering.station.manager.unknown", account);
            }
        }
        problems.throwIfAny();
        Station created = stations.find(stations.add(draft, viewer.username())).orElseThrow();
        audit.record("station.create", "station", String.valueOf(created.id()), null, created);
        return created;
    }

    /** Seventeen digits followed by their check character. */
    public static String withCheckCharacter(String seventeenDigits) {
        return seventeenDigits + IdNumber.checkCharacter(seventeenDigits);
    }

    /** For the module's root API: a station from plain values; answers its id. */
    public long addStation(Viewer viewer, String kind, String name, Long parentId, String area, List<Long> managers) {
        return addStation(viewer, new StationDraft(StationKind.valueOf(kind), name, parentId, area, managers)).id();
    }

    /** For the module's root API: the viewer registers their own record at a station; answers its id. */
    public long registerSelf(Viewer viewer, long stationId, String name, String idNumber, String area, String contact,
            List<String> skills) {
        return registerSelf(viewer, new VolunteerDraft(name, idNumber, area, contact, skills, List.of(), "", ""),
                stationId).id();
    }

    /** For the module's root API: a manager registers a volunteer at a station; answers its id. */
    public long registerAtStation(Viewer viewer, long stationId, String name, String idNumber, String area,
            String contact, List<String> skills) {
        return registerAtStation(viewer, stationId, new VolunteerDraft(name, idNumber, area, contact, skills, List.of(),
                "", "")).id();
    }

    private boolean mayRead(Viewer viewer, Volunteer v) {
        return viewer.can(Permission.VOLUNTEER_MANAGE)
                || viewer.can(Permission.VOLUNTEER_SELF) && v.accountId() != null && v.accountId() == viewer.accountId()
                || viewer.can(Permission.VOLUNTEER_STATION) && v.stationId() != null
                        && stations.manages(viewer.accountId(), v.stationId());
    }

    private static IdNumber validate(VolunteerDraft draft) {
        var problems = new InvalidInput.Collector();
        required(problems, "name", draft.name());
        required(problems, "area", draft.area());
        required(problems, "contact", draft.contact());
        String number = IdNumber.canonical(draft.idNumber());
        if (blank(number)) {
            problems.add("idNumber", "volunteering.volunteer.idNumber.required");
        } else {
            IdNumber.flaw(number).ifPresent(flaw -> problems.add("idNumber",
                    "volunteering.volunteer.idNumber." + flaw.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        }
        problems.throwIfAny();
        return new IdNumber(number);
    }

    private static void required(InvalidInput.Collector problems, String field, String value) {
        if (blank(value)) {
            problems.add(field, "volunteering.volunteer." + field + ".required");
        } else if (value.strip().length() > MAX_TEXT) {
            problems.add(field, "volunteering.text.too-long", MAX_TEXT);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
