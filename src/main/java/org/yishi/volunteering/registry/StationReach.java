package org.yishi.volunteering.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.platform.NotFound;

/**
 * What the module's other parts ask of the registry: which stations a viewer keeps (the office every one, a manager
 * their own), which volunteer a viewer is, and the names to show. A station outside the viewer's reach answers as
 * not found.
 */
@Component
public class StationReach {

    private final Stations stations;
    private final Volunteers volunteers;

    StationReach(Stations stations, Volunteers volunteers) {
        this.stations = stations;
        this.volunteers = volunteers;
    }

    /** Whether the viewer keeps the station: manages it, or keeps every station. */
    public boolean keeps(Viewer viewer, long stationId) {
        return viewer.can(Permission.VOLUNTEER_MANAGE)
                || viewer.can(Permission.VOLUNTEER_STATION) && stations.manages(viewer.accountId(), stationId);
    }

    /** The station's name when the viewer keeps it; otherwise not found. */
    public String keptStation(Viewer viewer, long stationId) {
        return stations.find(stationId).filter(s -> keeps(viewer, stationId)).map(Station::name)
                .orElseThrow(() -> new NotFound("kind.station", stationId));
    }

    /** The stations the viewer keeps, as ids. */
    public List<Long> keptStations(Viewer viewer) {
        if (viewer.can(Permission.VOLUNTEER_MANAGE)) {
            return stations.all().stream().map(Station::id).toList();
        }
        if (!viewer.can(Permission.VOLUNTEER_STATION)) {
            return List.of();
        }
        return stations.managedBy(viewer.accountId()).stream().map(Station::id).toList();
    }

    public Optional<String> stationName(long stationId) {
        return stations.find(stationId).map(Station::name);
    }

    /** The volunteer record of the viewer's own account, if it has registered one. */
    public Optional<Long> volunteerOf(Viewer viewer) {
        if (!viewer.can(Permission.VOLUNTEER_SELF)) {
            return Optional.empty();
        }
        return volunteers.findByAccount(viewer.accountId()).map(Volunteer::id);
    }

    public Optional<String> volunteerName(long volunteerId) {
        return volunteers.find(volunteerId).map(Volunteer::name);
    }
}
