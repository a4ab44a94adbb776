package org.yishi.volunteering.registry;

import java.util.List;

/** A station as submitted, with the accounts that manage it. */
record StationDraft(StationKind kind, String name, Long parentId, String area, List<Long> managerAccountIds) {

    StationDraft {
        managerAccountIds = managerAccountIds == null ? List.of() : List.copyOf(managerAccountIds);
        area = area == null ? "" : area.strip();
    }
}
