package org.yishi.readouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.yishi.directory.ProtocolOrder;
import org.yishi.directory.Office;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.Visibility;
import org.yishi.platform.Incomplete;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * Writes a press readout from {@link ReadoutFacts} following the genre (domain.md §6):
 * <ol>
 * <li>the opening sentence: date, time of day, body, and the headline items;</li>
 * <li>who presided (and who entrusted them);</li>
 * <li>the members present in protocol order, each distinct title with its holder and shared titles after the
 * names that share them;</li>
 * <li>who sat in: the named leaders, then the unnamed groups;</li>
 * <li>each item's conclusions, one paragraph each;</li>
 * <li>what else the meeting studied.</li>
 * </ol>
 * Only PUBLIC items are named or quoted; if any other item exists the last sentence says so without naming it.
 * When a text the readout needs is missing in the language asked for, an {@link Incomplete} lists every gap.
 */
final class ReadoutWriter {

    private final Phrases zh;
    private final Phrases en;

    ReadoutWriter(Phrases zh, Phrases en) {
        this.zh = zh;
        this.en = en;
    }

    Readout write(ReadoutFacts facts, Language language) {
        return language == Language.EN ? new Draft(facts, en, true).write() : new Draft(facts, zh, false).write();
    }

    /** One rendering: collects the paragraphs and anything missing along the way. */
    private static final class Draft {
        private final ReadoutFacts f;
        private final Phrases ph;
        private final boolean english;
        private final List<Violation> missing = new ArrayList<>();

        Draft(ReadoutFacts facts, Phrases phrases, boolean english) {
            this.f = facts;
            this.ph = phrases;
            this.english = english;
        }

        Readout write() {
            List<AgendaItem> publicItems = f.items().stream().filter(i -> i.visibility() == Visibility.PUBLIC).toList();
            boolean hidden = publicItems.size() < f.items().size();

            List<String> sentences = new ArrayList<>();
            sentences.add(opening(publicItems.stream().filter(AgendaItem::headline).toList()));
            sentences.add(presiding());
            String present = present();
            if (present != null) {
                sentences.add(present);
            }
            String sittingIn = sittingIn();
            if (sittingIn != null) {
                sentences.add(sittingIn);
            }
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(String.join(ph.get("readout.sentence-gap"), sentences));

            for (AgendaItem item : publicItems) {
                String conclusions = english ? item.conclusionsEn() : item.conclusionsZh();
                String other = english ? item.conclusionsZh() : item.conclusionsEn();
                if (Text.blank(conclusions)) {
                    if (!Text.blank(other)) {
                        missing.add(Violation.of("items[" + (item.position() - 1) + "].conclusions", "readouts.missing.conclusions", item.position()));
                    }
                    continue;
                }
                for (String line : conclusions.split("\\R")) {
                    if (!line.isBlank()) {
                        paragraphs.add(line.strip());
                    }
                }
            }

            List<String> also = publicItems.stream().filter(i -> !i.headline()).map(this::title).toList();
            if (!also.isEmpty()) {
                paragraphs.add(ph.fill("readout.also", list(also, false)));
            } else if (hidden) {
                paragraphs.add(ph.get("readout.also-other"));
            }
            if (!missing.isEmpty()) {
                throw new Incomplete(english ? "readouts.incomplete.en" : "readouts.incomplete.zh", missing);
            }
            return new Readout(ph.language(), paragraphs);
        }

        private String opening(List<AgendaItem> headline) {
            String date = ph.fill("readout.date", ph.month(f.date().getMonth()), String.valueOf(f.date().getDayOfMonth()));
            String when = f.timeOfDay() == null ? ph.fill("readout.opening.no-time", date)
                    : ph.fill("readout.opening.time", ph.get("readout.time." + f.timeOfDay().name()), date);
            String body = english ? required(f.bodyNameEn(), "body", "readouts.missing.body") : f.bodyNameZh();
            String held = ph.get(f.kind() == MeetingKind.ENLARGED ? "readout.held-enlarged" : "readout.held");
            StringBuilder s = new StringBuilder(when).append(english ? "the " + body + " " : body).append(held);
            if (!headline.isEmpty()) {
                List<String> titles = headline.stream().map(this::title).toList();
                s.append(ph.get("readout.held-for"));
                if (english) {
                    // "to A", "to A, and to B", "to A, to B, and to C"
                    for (int i = 0; i < titles.size(); i++) {
                        if (i > 0) {
                            s.append(i == titles.size() - 1 ? ", and to " : ", to ");
                        }
                        s.append(titles.get(i));
                    }
                } else {
                    s.append(String.join("，", titles));
                }
            }
            return s.append(english ? "." : "。").toString();
        }

        private String presiding() {
            String presided = ph.get(f.presidingSpeech() ? "readout.presided-speech" : "readout.presided");
            String who = titledBefore(f.presiding());
            String sentence = english ? who + " " + presided + "." : who + presided + "。";
            if (f.entrustedBy() != null) {
                String entrusting = ph.fill("readout.entrusted", titledBefore(f.entrustedBy()));
                sentence = entrusting + sentence;
            }
            return sentence;
        }

        /** "District Party Secretary Zhang Chao" / "区委书记张超". */
        private String titledBefore(PersonStanding s) {
            String name = name(s);
            Office o = s.office();
            if (o == null) {
                return name;
            }
            if (english) {
                String title = Text.blank(o.titleEnShort()) ? o.titleEn() : o.titleEnShort();
                return Text.blank(title) ? missingTitle(s, name) : title + " " + name;
            }
            return o.titleZh() + name;
        }

        private String missingTitle(PersonStanding s, String name) {
            missing.add(Violation.of("office", "readouts.missing.title", s.person().name(false)));
            return name;
        }

        private String present() {
            List<PersonStanding> members = f.present().stream()
                    .filter(s -> s.personId() != f.presiding().personId())
                    .filter(s -> f.entrustedBy() == null || s.personId() != f.entrustedBy().personId())
                    .sorted(ProtocolOrder.PEOPLE).toList();
            if (members.isEmpty()) {
                return null;
            }
            List<String> groups = new ArrayList<>();
            int i = 0;
            while (i < members.size()) {
                Office office = members.get(i).office();
                int j = i + 1;
                while (j < members.size() && sameTitle(office, members.get(j).office())) {
                    j++;
                }
                groups.add(titledGroup(members.subList(i, j), office));
                i = j;
            }
            return english ? String.join(", ", groups) + " " + ph.get("readout.present") + "."
                    : String.join("，", groups) + ph.get("readout.present") + "。";
        }

        private static boolean sameTitle(Office a, Office b) {
            if (a == null || b == null) {
                return a == b;
            }
            return a.titleZh().equals(b.titleZh()) && Objects.equals(a.titleEn(), b.titleEn());
        }

        /** "Xing Yufu, Deputy Secretary …" or "A, B, and C, members of …"; "区委常委A、B、C". */
        private String titledGroup(List<PersonStanding> people, Office office) {
            List<String> names = people.stream().map(this::name).toList();
            if (office == null) {
                return list(names, !english);
            }
            if (!english) {
                return office.titleZh() + String.join("、", names);
            }
            String title = names.size() > 1 && !Text.blank(office.titleEnPlural()) ? office.titleEnPlural() : office.titleEn();
            if (Text.blank(title)) {
                missing.add(Violation.of("office", "readouts.missing.title", people.getFirst().person().name(false)));
                return list(names, false);
            }
            return list(names, false) + ", " + title;
        }

        private String sittingIn() {
            List<String> names = f.inAttendance().stream().sorted(ProtocolOrder.PEOPLE).map(this::name).toList();
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < f.groups().size(); i++) {
                AttendingGroup g = f.groups().get(i);
                String label = english ? g.labelEn() : g.labelZh();
                if (Text.blank(label)) {
                    missing.add(Violation.of("groups[" + i + "]", "readouts.missing.group", english ? g.labelZh() : g.labelEn()));
                } else {
                    groups.add(label.strip());
                }
            }
            if (names.isEmpty() && groups.isEmpty()) {
                return null;
            }
            String label = english ? f.leadersLabelEn() : f.leadersLabelZh();
            String sentence;
            if (english) {
                List<String> all = new ArrayList<>(names);
                all.addAll(groups);
                String who = list(all, false);
                if (!names.isEmpty() && !Text.blank(label)) {
                    who = label.strip() + " " + who;
                }
                sentence = Character.toUpperCase(who.charAt(0)) + who.substring(1) + " " + ph.get("readout.in-attendance") + ".";
            } else {
                StringBuilder who = new StringBuilder();
                if (!names.isEmpty()) {
                    who.append(Text.blank(label) ? "" : label.strip()).append(String.join("、", names));
                }
                if (!groups.isEmpty()) {
                    who.append(names.isEmpty() ? "" : ph.get("readout.and-groups")).append(String.join("、", groups));
                }
                sentence = who + ph.get("readout.in-attendance") + "。";
            }
            if (english && !names.isEmpty() && Text.blank(label) && !Text.blank(f.leadersLabelZh())) {
                missing.add(Violation.of("leadersLabelEn", "readouts.missing.leaders-label"));
            }
            return sentence;
        }

        private String title(AgendaItem item) {
            String title = english ? item.titleEn() : item.titleZh();
            if (Text.blank(title)) {
                missing.add(Violation.of("items[" + (item.position() - 1) + "].title", "readouts.missing.item", item.position()));
                return "";
            }
            return title.strip();
        }

        private String name(PersonStanding s) {
            String name = english ? s.person().nameRomanized() : s.person().nameZh();
            if (Text.blank(name)) {
                if (english) {
                    missing.add(Violation.of("person", "readouts.missing.name", s.person().nameZh()));
                }
                return s.person().name(english); // Chinese readouts use the romanised name when no Chinese one is known
            }
            return name;
        }

        private String required(String text, String field, String code) {
            if (Text.blank(text)) {
                missing.add(Violation.of(field, code));
                return "";
            }
            return text.strip();
        }

        /** English "A", "A and B", "A, B, and C"; Chinese joined by 、. */
        private String list(List<String> items, boolean chinese) {
            if (chinese || !english) {
                return String.join("、", items);
            }
            return switch (items.size()) {
                case 0 -> "";
                case 1 -> items.getFirst();
                case 2 -> items.get(0) + " and " + items.get(1);
                default -> String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.getLast();
            };
        }
    }
}
