package org.yishi.readouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/**
 * Whatever a meeting's agenda, its readout in either language never names or quotes an item that is not PUBLIC,
 * and names every PUBLIC item. Each generated text carries a marker no other text contains (⟦T3zh⟧ is the Chinese
 * title of item 3), so finding it in a readout can only mean that this very text was leaked.
 *
 * <p>Property-based with QuickTheories: 500 random meetings per run, shrunk to a smallest failing one.
 */
class ReadoutConfidentialityProperties {

    @Test
    void onlyPublicItemsAreNamedOrQuoted() {
        qt().withExamples(500).withShrinkCycles(200).forAll(meetings()).checkAssert(meeting -> {
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
        });
    }

    /** The title and every line of the conclusions, in both languages, as the readout would quote them. */
    private static List<String> texts(AgendaItem item) {
        return Stream.of(item.titleZh(), item.titleEn(), item.conclusionsZh(), item.conclusionsEn())
                .filter(t -> t != null)
                .flatMap(String::lines)
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static Gen<MeetingFacts> meetings() {
        Gen<List<Item>> items = lists().of(item()).ofSizeBetween(0, 8);
        Gen<TimeOfDay> timeOfDay = arbitrary().enumValues(TimeOfDay.class).toOptionals(80).map(o -> o.orElse(null));
        Gen<MeetingKind> kind = arbitrary().enumValues(MeetingKind.class);
        Gen<List<PersonStanding>> present = subsetOf(MeetingFacts.ZHAO, MeetingFacts.SUN, MeetingFacts.HUANG, MeetingFacts.CHEN);
        Gen<List<PersonStanding>> inAttendance = subsetOf(MeetingFacts.MA, MeetingFacts.HE);
        return items.zip(timeOfDay, kind, present, (i, t, k, p) -> {
            MeetingFacts m = new MeetingFacts();
            m.timeOfDay = t;
            m.kind = k;
            m.present.addAll(p);
            m.groups = List.of(MeetingFacts.UNITS);
            i.forEach(item -> item.addTo(m));
            return m;
        }).zip(inAttendance, (m, a) -> {
            m.inAttendance = List.copyOf(a);
            return m;
        });
    }

    @SafeVarargs
    private static <T> Gen<List<T>> subsetOf(T... all) {
        return lists().of(booleans().all()).ofSize(all.length).map(chosen -> {
            List<T> subset = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (chosen.get(i)) {
                    subset.add(all[i]);
                }
            }
            return subset;
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

    private static Gen<Item> item() {
        Gen<List<String>> conclusions = lists().of(text()).ofSizeBetween(0, 3);
        Gen<Visibility> visibility = arbitrary().enumValues(Visibility.class);
        Gen<ItemKind> kind = arbitrary().enumValues(ItemKind.class);
        Gen<String[]> titles = text().zip(text(), (zh, en) -> new String[] {zh, en});
        // conclusions come in both languages or in neither
        Gen<List<List<String>>> bothConclusions = conclusions.zip(conclusions, (zh, en) -> zh.isEmpty() || en.isEmpty()
                ? List.<List<String>>of(List.of(), List.of()) : List.of(zh, en));
        return visibility.zip(kind, booleans().all(), titles, (v, k, h, t) -> new Object[] {v, k, h, t})
                .zip(bothConclusions, booleans().all(), (head, c, englishKnown) -> new Item((Visibility) head[0],
                        (ItemKind) head[1], (Boolean) head[2], ((String[]) head[3])[0], ((String[]) head[3])[1],
                        c.get(0), c.get(1), englishKnown));
    }

    /** The characters texts are made of: Chinese, Latin letters and the genre's punctuation; never a marker bracket. */
    private static final String PUNCTUATION = " ，、。《》.,";
    private static final int CHINESE = 0x9fa5 - 0x4e00 + 1;

    /** Chinese and Latin words with the genre's punctuation, never a marker bracket or a line break. */
    private static Gen<String> text() {
        Gen<Character> character = integers().between(0, CHINESE + 26 + PUNCTUATION.length() - 1).map(i ->
                i < CHINESE ? (char) (0x4e00 + i) : i < CHINESE + 26 ? (char) ('a' + i - CHINESE)
                        : PUNCTUATION.charAt(i - CHINESE - 26));
        return lists().of(character).ofSizeBetween(1, 40)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
