package org.yishi.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The meeting editor's form: one row per member of the body with their status, checkboxes for those sitting in,
 * and repeatable rows for groups and agenda items.
 */
record MeetingForm(Long bodyId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, TimeOfDay timeOfDay,
        String place, MeetingKind kind, Long presidingPersonId, Long entrustedById, Boolean presidingSpeech,
        List<MemberRow> members, List<Long> inAttendance, String leadersLabelZh, String leadersLabelEn,
        List<GroupRow> groups, List<ItemRow> items, Integer sequence) {

    MeetingForm {
        members = members == null ? new ArrayList<>() : members.stream().filter(Objects::nonNull).toList();
        inAttendance = inAttendance == null ? List.of() : inAttendance.stream().filter(Objects::nonNull).toList();
        groups = groups == null ? List.of() : groups.stream()
                .filter(g -> g != null && !(blank(g.labelZh()) && blank(g.labelEn()))).toList();
        items = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }

    /** A member's line: PRESENT, ON_LEAVE (with a reason) or ABSENT. */
    record MemberRow(Long personId, String status, String reason) {
    }

    record GroupRow(String labelZh, String labelEn) {
    }

    /**
     * An agenda item's row; the last five fields sit in the row's "more" part: a 三重一大 matter, when the materials
     * reached the members, the directive a 传达学习 item conveys, and for a past meeting whether the item was raised
     * ad hoc and with the presiding person's consent.
     */
    record ItemRow(Long id, ItemKind kind, String titleZh, String titleEn, Boolean headline, Visibility visibility,
            String conclusionsZh, String conclusionsEn, Boolean collectiveDecision,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate materialsReceivedOn, Long directiveId,
            Boolean adHoc, Boolean adHocConsent) {

        /** Whether the row's "more" part holds anything, so that it is shown open. */
        public boolean hasMore() {
            return Boolean.TRUE.equals(collectiveDecision) || materialsReceivedOn != null || directiveId != null
                    || Boolean.TRUE.equals(adHoc) || Boolean.TRUE.equals(adHocConsent);
        }
    }

    static MeetingForm of(Meeting m) {
        List<MemberRow> rows = new ArrayList<>();
        m.present().forEach(p -> rows.add(new MemberRow(p, "PRESENT", null)));
        m.onLeave().forEach(l -> rows.add(new MemberRow(l.personId(), "ON_LEAVE", l.reason())));
        return new MeetingForm(m.bodyId(), m.date(), m.timeOfDay(), m.place(), m.kind(), m.presidingPersonId(),
                m.entrustedById(), m.presidingSpeech(), rows, m.inAttendance(), m.leadersLabelZh(), m.leadersLabelEn(),
                m.groups().stream().map(g -> new GroupRow(g.labelZh(), g.labelEn())).toList(),
                m.items().stream().map(i -> new ItemRow(i.id(), i.kind(), i.titleZh(), i.titleEn(), i.headline(),
                        i.visibility(), i.conclusionsZh(), i.conclusionsEn(), i.collectiveDecision(),
                        i.materialsReceivedOn(), i.directiveId(), i.adHoc(), i.adHocConsent())).toList(),
                m.sequence());
    }

    static MeetingForm empty(Long bodyId, LocalDate date) {
        return new MeetingForm(bodyId, date, TimeOfDay.MORNING, null, MeetingKind.REGULAR, null, null, true, null,
                null, "区领导", "District leaders", null,
                List.of(new ItemRow(null, ItemKind.CONVEY_STUDY, null, null, true, Visibility.INTERNAL, null, null, false, null,
                        null, false, false)), null);
    }

    /** The status the form shows for a member: what was chosen, or present for a new meeting. */
    public String statusOf(long personId) {
        return members.stream().filter(r -> Objects.equals(r.personId(), personId)).map(MemberRow::status)
                .filter(Objects::nonNull).findFirst().orElse("PRESENT");
    }

    public String reasonOf(long personId) {
        return members.stream().filter(r -> Objects.equals(r.personId(), personId)).map(MemberRow::reason)
                .filter(Objects::nonNull).findFirst().orElse("");
    }

    MeetingDraft toDraft() {
        List<Long> present = members.stream().filter(r -> "PRESENT".equals(r.status())).map(MemberRow::personId).toList();
        List<Leave> onLeave = members.stream().filter(r -> "ON_LEAVE".equals(r.status()))
                .map(r -> new Leave(r.personId(), r.reason())).toList();
        return new MeetingDraft(bodyId, date, timeOfDay, place, kind, presidingPersonId, entrustedById,
                presidingSpeech != null && presidingSpeech, present, onLeave, inAttendance,
                groups.stream().map(g -> new AttendingGroup(g.labelZh(), g.labelEn())).toList(), leadersLabelZh,
                leadersLabelEn, items.stream().map(i -> new ItemDraft(i.id(), i.kind(), i.titleZh(), i.titleEn(),
                        i.headline() != null && i.headline(), i.visibility(), i.conclusionsZh(), i.conclusionsEn(),
                        Boolean.TRUE.equals(i.adHoc()), Boolean.TRUE.equals(i.adHocConsent()),
                        Boolean.TRUE.equals(i.collectiveDecision()), i.materialsReceivedOn(), i.directiveId())).toList(),
                sequence);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
