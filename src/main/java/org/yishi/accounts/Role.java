package org.yishi.accounts;

import java.util.List;

/** A role: a named set of permissions. Administrator roles hold no business permission. */
public record Role(String code, String nameZh, String nameEn, boolean administrator, List<String> permissions) {
}
