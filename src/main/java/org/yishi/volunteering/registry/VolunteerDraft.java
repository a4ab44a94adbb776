package org.yishi.volunteering.registry;

import java.util.List;

/** A registration as submitted; sex and date of birth are taken from the identity number. */
record VolunteerDraft(String name, String idNumber, String area, String contact, List<String> skills,
        List<String> serviceCategories, String training, String awards) {

    VolunteerDraft {
        skills = skills == null ? List.of() : skills.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        serviceCategories = serviceCategories == null ? List.of()
                : serviceCategories.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        training = training == null ? "" : training.strip();
        awards = awards == null ? "" : awards.strip();
    }
}
