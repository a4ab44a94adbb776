/**
 * Platform: what every module stands on — the database, the language of the user, and the single mapping of
 * refusals to RFC 9457 problem details (API) and to the error page (UI). Modules signal bad input with
 * {@link org.yishi.platform.InvalidInput} and unknown ids with {@link org.yishi.platform.NotFound}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yishi.platform;
