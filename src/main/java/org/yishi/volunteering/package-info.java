/**
 * Volunteer service (志愿服务, learning from Lei Feng): the registry of volunteers with the fields of the 2020
 * measures on volunteer service records, kept by the service stations of the civilisation-practice centres
 * (新时代文明实践中心/所/站). ID numbers are validated (GB 11643), stored encrypted (AES-GCM), found again through a
 * blind index (HMAC-SHA256) and shown masked; every reading of a full number is audited.
 *
 * <p>Its parts live in internal sub-packages: {@code registry} (volunteers and stations), {@code activities}
 * (programmes, activities, sign-ups within the places, check-in by a code that changes every minute, the roll),
 * {@code records} (service records, hours, star levels) and {@code pages}. To other modules it publishes
 * {@link org.yishi.volunteering.Volunteering} (setting up stations, volunteers, programmes and activities, used by the
 * demo data). It uses the accounts module (who is looking), the audit module, and the supervision module's
 * working-day calendar (records are due within 10 working days).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteer service")
package org.yishi.volunteering;
