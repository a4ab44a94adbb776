package org.yishi.readouts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yishi.directory.Office;
import org.yishi.directory.Person;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.AttendingGroup;
import org.yishi.meetings.ItemKind;
import org.yishi.meetings.MeetingKind;
import org.yishi.meetings.TimeOfDay;
import org.yishi.meetings.Visibility;

/**
 * Target (issue): rendering a readout, at least 20,000 readouts per second on one core.
 *
 * <p>Renders the Heshan seed meeting of 27 February 2023 to its plain text, as {@code GET
 * /api/meetings/{id}/readout} serves it, in English and in Chinese, with the real message bundles. The facts are
 * built as {@code DemoData} records them and {@code Readouts.facts} reads them back; the database is not part of
 * what is measured. Setup checks the English readout against the published one, so the figure is that of the
 * right text. Run with {@code bench/readout.sh} (one thread, pinned to one core); see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class ReadoutBenchmark {

    private static final long STANDING_COMMITTEE = 2;
    private static final int STANDING_COMMITTEE_RANK = 10;
    private static final String MEMBER_ZH = "区委常委";
    private static final String MEMBER_EN = "member of the Standing Committee of the District Party Committee";
    private static final String MEMBERS_EN = "members of the Standing Committee of the District Party Committee";

    private ReadoutWriter writer;
    private ReadoutFacts heshan;
    private long nextId = 1;
    private byte[] englishBytes;
    private MessageDigest sha256;

    @Setup
    public void setUp() {
        // as WebConfiguration makes it, less the default locale (Phrases always asks for zh_CN or en)
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        writer = new ReadoutWriter(new Phrases(messages, Language.ZH), new Phrases(messages, Language.EN));
        heshan = heshan();
        check();
        englishBytes = writer.write(heshan, Language.EN).text().getBytes(StandardCharsets.UTF_8);
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The baseline, measured in the same run: a fixed JDK workload (SHA-256 over the English readout's bytes), so that
     * the figures above can be read against what this machine did at that moment.
     */
    @Benchmark
    public byte[] baselineSha256() {
        return sha256.digest(englishBytes);
    }

    @Benchmark
    public String english() {
        return writer.write(heshan, Language.EN).text();
    }

    @Benchmark
    public String chinese() {
        return writer.write(heshan, Language.ZH).text();
    }

    /** The Heshan meeting as DemoData records it: nine members present, four leaders and a group sitting in. */
    private ReadoutFacts heshan() {
        PersonStanding zhang = member("张超", "Zhang Chao", "区委书记", "Secretary of the District Party Committee",
                null, "District Party Secretary", 1);
        List<PersonStanding> present = new ArrayList<>(List.of(zhang,
                member(null, "Xing Yufu", "区委副书记、区长",
                        "Deputy Secretary of the District Party Committee and Mayor of the District Government", null,
                        null, 2),
                member(null, "Zhou Xiang", "区委副书记", "Deputy Secretary of the District Party Committee", null, null, 3)));
        int rank = 4;
        for (String name : List.of("Tian Qingchang", "Wang Chunlei", "Su Yuxin", "Wang Fei", "Wang Junhong", "Guo Xueguang")) {
            present.add(member(null, name, MEMBER_ZH, MEMBER_EN, MEMBERS_EN, null, rank++));
        }
        List<PersonStanding> leaders = new ArrayList<>();
        for (String name : List.of("Qi Tielin", "Lu Jun", "Qin Xin’e", "Ma Quanlin")) {
            leaders.add(new PersonStanding(new Person(nextId++, null, name), null, 0));
        }
        List<AgendaItem> items = List.of(
                new AgendaItem(1, 1, ItemKind.CONVEY_STUDY, "传达学习习近平总书记关于深入开展学雷锋活动的重要指示精神",
                        "convey the spirit of learning from General Secretary Xi Jinping’s important instructions on the in-depth study of Lei Feng activities",
                        true, Visibility.PUBLIC, demoText("HESHAN_CONCLUSIONS_ZH"), demoText("HESHAN_CONCLUSIONS_EN")),
                new AgendaItem(2, 2, ItemKind.DELIBERATE, "研究贯彻落实意见", "study and implement the opinions", true,
                        Visibility.PUBLIC, null, null),
                new AgendaItem(3, 3, ItemKind.DELIBERATE, "召开鹤山区第十二届人民代表大会第四次会议和政协鹤山区第九届委员会第二次会议",
                        "holding the Fourth Session of the Twelfth National People’s Congress of Heshan District and the Second Session of the Ninth Heshan District Committee of the Chinese People’s Political Consultative Conference",
                        false, Visibility.PUBLIC, null, null));
        return new ReadoutFacts(LocalDate.of(2023, 2, 27), TimeOfDay.MORNING, MeetingKind.REGULAR, "区委常委会",
                "Standing Committee of the Heshan District Party Committee", zhang, null, true, present, "区领导",
                "District leaders", leaders,
                List.of(new AttendingGroup("区直有关单位主要负责同志",
                        "the main responsible comrades of relevant units directly under the district")),
                items);
    }

    private PersonStanding member(String nameZh, String nameRomanized, String titleZh, String titleEn,
            String titleEnPlural, String titleEnShort, int protocolRank) {
        Person person = new Person(nextId++, nameZh, nameRomanized);
        Office office = new Office(nextId++, person.id(), STANDING_COMMITTEE, titleZh, titleEn, titleEnPlural,
                titleEnShort, protocolRank, null, null);
        return new PersonStanding(person, office, STANDING_COMMITTEE_RANK);
    }

    /** The published conclusions, kept in one place: DemoData (package-private there, hence reflection). */
    private static String demoText(String field) {
        try {
            var f = Class.forName("org.yishi.demo.DemoData").getDeclaredField(field);
            f.setAccessible(true);
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DemoData." + field + " is gone: update the benchmark", e);
        }
    }

    /** Measure the right thing: the English readout is the published one, the Chinese one is whole. */
    private void check() {
        String en = english().strip();
        try (InputStream in = ReadoutBenchmark.class.getResourceAsStream("/seed/heshan-standing-committee-readout.en.txt")) {
            String expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (expected != null && !expected.equals(en)) {
                throw new IllegalStateException("The English readout differs from the published one:\n" + en);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String zh = chinese();
        if (!en.startsWith("On the morning of February 27, the Standing Committee of the Heshan District Party Committee")
                || !zh.startsWith("2月27日上午，区委常委会召开会议") || !zh.contains("会议还研究了")) {
            throw new IllegalStateException("Unexpected readout:\n" + en + "\n" + zh);
        }
    }
}
