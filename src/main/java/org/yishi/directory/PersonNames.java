package org.yishi.directory;

final class PersonNames {

    private PersonNames() {
    }

    static String name(String nameZh, String nameRomanized, boolean english) {
        boolean hasZh = nameZh != null && !nameZh.isBlank();
        boolean hasRoman = nameRomanized != null && !nameRomanized.isBlank();
        if (english) {
            return hasRoman ? nameRomanized : nameZh;
        }
        return hasZh ? nameZh : nameRomanized;
    }
}
