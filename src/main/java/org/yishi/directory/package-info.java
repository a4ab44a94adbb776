/**
 * Directory: the bodies (Party committee, its standing committee, congress, government, CPPCC), their terms (届),
 * the people, the offices they hold with bilingual titles and an explicit protocol order, membership of bodies,
 * and the units directly under the district (区直单位).
 *
 * <p>The API is {@link org.yishi.directory.Directory} and the records beside it; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.yishi.directory;
