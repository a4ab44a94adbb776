/**
 * Volunteer service (志愿服务, learning from Lei Feng): the registry of volunteers with the fields of the 2020
 * measures on volunteer service records, kept by the service stations of the civilisation-practice centres
 * (新时代文明实践中心/所/站). ID numbers are validated (GB 11643), stored encrypted (AES-GCM), found again through a
 * blind index (HMAC-SHA256) and shown masked; every reading of a full number is audited.
 *
 * <p>This module publishes nothing to other modules yet; its parts live in internal sub-packages
 * ({@code volunteering.registry}). It uses the accounts module (who is looking) and the audit module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteer service")
package org.yishi.volunteering;
