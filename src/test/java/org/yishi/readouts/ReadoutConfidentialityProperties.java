package org.yishi.readouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/**
 * Whatever a meeting's agenda, its readout in either language never names or quotes an item that is not PUBLIC,
 * and names every PUBLIC item. Each generated text carries a marker no other text contains (⟦T3zh⟧ is the Chinese
 * title of item 3), so finding it in a readout can only mean that this very text was leaked.
 */
class ReadoutConfidentialityProperties {

    @Property(tries = 500)
    void onlyPublicItemsAreNamedOrQuoted(@ForAll("meetings") MeetingFacts meeting) {
        String zh = meeting.zh();
        String en = meeting.en();

        for (AgendaItem item : meeting.items) {
            if (item.visibility() == Visibility.PUBLIC) {
                assertThat(zh).contains(item.titleZh().strip());
                assertThat(en).contains(item.titleEn().strip());
            } else {
                for (String text : texts(item)) {
                    assertThat(zh).doesNotContain(text);
                    assertThat(en).doesNotContain(text);
                }
            }
        }
    }

    /** The title and every line of the conclusions, in both languages, as the readout would quote them. */
    private static List<String> texts(AgendaItem item) {
        List<String> texts = new ArrayList<>();
        Stream.of(item.titleZh(), item.titleEn(), item.conclusionsZh(), item.conclusionsEn())
                .filter(t -> t != null)
                .flatMap(String::lines)
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .forEach(texts::add);
        return texts;
    }

    @Provide
    Arbitrary<MeetingFacts> meetings() {
        return Combinators.combine(item().list().ofMaxSize(8), Arbitraries.of(TimeOfDay.class).injectNull(0.2),
                Arbitraries.of(MeetingKind.class), Arbitraries.subsetOf(MeetingFacts.ZHAO, MeetingFacts.SUN,
                        MeetingFacts.HUANG, MeetingFacts.CHEN), Arbitraries.subsetOf(MeetingFacts.MA, MeetingFacts.HE))
                .as((items, timeOfDay, kind, present, inAttendance) -> {
                    MeetingFacts m = new MeetingFacts();
                    m.timeOfDay = timeOfDay;
                    m.kind = kind;
                    m.present.addAll(present);
                    m.inAttendance = List.copyOf(inAttendance);
                    m.groups = List.of(MeetingFacts.UNITS);
                    items.forEach(item -> item.addTo(m));
                    return m;
                });
    }

    /** An item before it is numbered. Only PUBLIC items need both languages for the readouts to be written. */
    private record Item(Visibility visibility, ItemKind kind, boolean headline, String titleZh, String titleEn,
            List<String> conclusionsZh, List<String> conclusionsEn, boolean englishKnown) {

        void addTo(MeetingFacts m) {
            int n = m.items.size() + 1;
            boolean english = englishKnown || visibility == Visibility.PUBLIC;
            m.item(kind, headline, visibility, "⟦T" + n + "zh⟧" + titleZh, english ? "⟦T" + n + "en⟧" + titleEn : null,
                    lines(n, "zh", conclusionsZh), english ? lines(n, "en", conclusionsEn) : null);
        }

        private static String lines(int n, String language, List<String> lines) {
            if (lines.isEmpty()) {
                return null;
            }
            List<String> marked = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                marked.add("⟦C" + n + "." + (i + 1) + language + "⟧" + lines.get(i));
            }
            return String.join("\n", marked);
        }
    }

    private static Arbitrary<Item> item() {
        Arbitrary<List<String>> conclusions = text().list().ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(Visibility.class), Arbitraries.of(ItemKind.class),
                Arbitraries.of(true, false), text(), text(), conclusions, conclusions, Arbitraries.of(true, false))
                .as(Item::new)
                // conclusions come in both languages or in neither
                .filter(i -> i.conclusionsZh().isEmpty() == i.conclusionsEn().isEmpty());
    }

    /** Chinese and Latin words, with the punctuation of the genre, never a marker bracket or a line break. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withCharRange('a', 'z').withChars(" ，、。《》.,")
                .ofMinLength(1).ofMaxLength(40);
    }
}
