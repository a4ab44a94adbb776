package org.yishi.volunteering;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.volunteering.activities.ProgrammeKind;
import org.yishi.volunteering.activities.ServiceProgrammes;
import org.yishi.volunteering.registry.VolunteerRegistry;

/**
 * The volunteer service's API to other modules (the demo data): setting up stations, volunteers, programmes and
 * activities on behalf of a viewer, with every rule and permission check the JSON API applies. Each method answers
 * the new record's id, or throws the refusal ({@link org.yishi.platform.InvalidInput}) the API would answer with.
 */
@Service
public class Volunteering {

    private final VolunteerRegistry registry;
    private final ServiceProgrammes programmes;

    Volunteering(VolunteerRegistry registry, ServiceProgrammes programmes) {
        this.registry = registry;
        this.programmes = programmes;
    }

    /** A station of kind CENTRE, INSTITUTE or STATION, with the accounts that manage it. */
    @Transactional
    public long addStation(Viewer viewer, String kind, String name, Long parentId, String area, List<Long> managers) {
        return registry.addStation(viewer, kind, name, parentId, area, managers);
    }

    /** The viewer's own volunteer record (a volunteer account), at a station. */
    @Transactional
    public long registerSelf(Viewer viewer, long stationId, String name, String idNumber, String area, String contact,
            List<String> skills) {
        return registry.registerSelf(viewer, stationId, name, idNumber, area, contact, skills);
    }

    /** A volunteer registered by a station's manager (or the office). */
    @Transactional
    public long registerAtStation(Viewer viewer, long stationId, String name, String idNumber, String area,
            String contact, List<String> skills) {
        return registry.registerAtStation(viewer, stationId, name, idNumber, area, contact, skills);
    }

    /**
     * A programme: standing on fixed days of the month ({@code daysOfMonth}), or, with {@code daysOfMonth} empty, a
     * campaign from {@code from} to {@code to}; optionally linked to the supervised item that launched it.
     */
    @Transactional
    public long startProgramme(Viewer viewer, long stationId, String name, String description, List<Integer> daysOfMonth,
            LocalDate from, LocalDate to, Long supervisionItemId) {
        ProgrammeKind kind = daysOfMonth.isEmpty() ? ProgrammeKind.CAMPAIGN : ProgrammeKind.STANDING;
        return programmes.start(viewer, stationId, name, kind, description, daysOfMonth, from, to, supervisionItemId);
    }

    @Transactional
    public long addActivity(Viewer viewer, long programmeId, LocalDate day, LocalTime start, LocalTime end,
            String place, String content, int places, List<String> skills) {
        return programmes.addActivity(viewer, programmeId, day, start, end, place, content, places, skills);
    }

    /** A fictional identity number for demonstrations: seventeen digits and their GB 11643 check character. */
    public static String withCheckCharacter(String seventeenDigits) {
        return VolunteerRegistry.withCheckCharacter(seventeenDigits);
    }
}
