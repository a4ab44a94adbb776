package org.yishi.volunteering.registry;

/** 新时代文明实践中心 (district), 所 (township or street), 站 (village or community). */
enum StationKind { CENTRE, INSTITUTE, STATION }
