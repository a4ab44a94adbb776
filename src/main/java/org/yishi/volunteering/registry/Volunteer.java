package org.yishi.volunteering.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A volunteer's record as the 2020 measures list it: basic information, training and awards. The identity number
 * appears only masked; its full form is read on its own, and each reading is audited.
 */
record Volunteer(long id, String name, Sex sex, LocalDate birthDate, String idNumberMasked, String area, String contact,
        List<String> skills, List<String> serviceCategories, String training, String awards, Long stationId,
        Long accountId) {
}
