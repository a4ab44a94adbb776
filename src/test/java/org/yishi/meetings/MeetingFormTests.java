package org.yishi.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The meeting editor's form carries every field of an agenda item there and back. */
class MeetingFormTests {

    @Test
    void theAgendaRulesFieldsOfAnItemRoundTrip() {
        AgendaItem study = new AgendaItem(11, 1, ItemKind.CONVEY_STUDY, "传达学习习近平总书记重要讲话精神", null, true,
                Visibility.PUBLIC, null, null, false, false, false, LocalDate.of(2024, 3, 8), 7L);
        AgendaItem project = new AgendaItem(12, 2, ItemKind.DELIBERATE, "研究重大项目投资事项", null, false,
                Visibility.INTERNAL, null, null, true, true, true, LocalDate.of(2024, 3, 11), null);
        Meeting meeting = new Meeting(5, 2, 3, null, LocalDate.of(2024, 3, 12), TimeOfDay.MORNING, null,
                MeetingKind.REGULAR, 21, null, true, List.of(21L, 22L), List.of(), List.of(), List.of(), null, null,
                List.of(study, project), MeetingState.DRAFT);

        MeetingForm form = MeetingForm.of(meeting);
        List<ItemDraft> items = form.toDraft().items();

        assertThat(form.items().get(0).hasMore()).isTrue();
        assertThat(items.get(0)).isEqualTo(new ItemDraft(11L, ItemKind.CONVEY_STUDY, "传达学习习近平总书记重要讲话精神", null,
                true, Visibility.PUBLIC, null, null, false, false, false, LocalDate.of(2024, 3, 8), 7L));
        assertThat(items.get(1)).isEqualTo(new ItemDraft(12L, ItemKind.DELIBERATE, "研究重大项目投资事项", null, false,
                Visibility.INTERNAL, null, null, true, true, true, LocalDate.of(2024, 3, 11), null));
    }

    @Test
    void aNewItemRowHasNothingInItsMorePart() {
        MeetingForm.ItemRow row = MeetingForm.empty(1L, LocalDate.of(2024, 3, 12)).items().getFirst();
        assertThat(row.hasMore()).isFalse();
        assertThat(MeetingForm.empty(1L, LocalDate.of(2024, 3, 12)).toDraft().items().getFirst())
                .extracting(ItemDraft::adHoc, ItemDraft::adHocConsent, ItemDraft::collectiveDecision,
                        ItemDraft::materialsReceivedOn, ItemDraft::directiveId)
                .containsExactly(false, false, false, null, null);
    }
}
