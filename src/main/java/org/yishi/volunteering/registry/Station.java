package org.yishi.volunteering.registry;

import java.util.List;

/** A volunteer service station of a civilisation-practice centre (中心), institute (所) or station (站). */
record Station(long id, StationKind kind, String name, Long parentId, String area, List<Long> managerAccountIds) {
}
