package org.yishi.meetings.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.infra.Blackhole;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.ItemProceedings;
import org.yishi.meetings.Vote;
import org.yishi.meetings.rules.RuleSet;
import org.yishi.meetings.rules.RuleTexts;

/**
 * Target (issue 4): evaluating an outcome and rendering minutes for a 20-item meeting, under 50 ms together.
 *
 * <p>The meeting is built in memory ({@code MeetingDocumentSamples.meeting(20)}: nine members, eight present; items
 * studied, voted by name, voted by secret ballot with a recusal, deferred, heard), so the database is not part of what
 * is measured. {@link #evaluateAndWriteMinutes} counts every item against the party standing committee's rules
 * ({@link RuleSet#tally}), explains each count in words ({@link RuleTexts#explain(RuleSet.Tally, Locale)}), and writes
 * the minutes document in Chinese, with the real message bundles. {@link #evaluateAndWriteBothLanguages} does the same
 * and writes the English minutes too, as issuing does. {@link #minutesPdf} measures apart what an export adds: the
 * Chinese minutes laid out as a PDF with the embedded font (the font prepared once, in setup). Run with
 * {@code bench/minutes.sh}; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class MinutesBenchmark {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private MeetingDocumentFacts meeting;
    private RuleTexts texts;
    private MinutesWriter minutes;
    private DocumentExport export;
    private MeetingDocument minutesZh;

    /** Each item's votes as counted: what the tally is given. */
    private record Count(int recused, int yes, int no, int abstain) {
    }

    private final List<Count> counts = new ArrayList<>();

    @Setup
    public void setUp() {
        meeting = MeetingDocumentSamples.meeting(20);
        texts = MeetingDocumentSamples.ruleTexts();
        minutes = MeetingDocumentSamples.minutesWriter();
        export = new DocumentExport();
        for (AgendaItem item : meeting.meeting().items()) {
            ItemProceedings p = meeting.proceedingsOf(item);
            Vote v = p.vote();
            counts.add(v == null ? new Count(0, 8, 0, 0) : new Count(p.recusals().size(), v.yes(), v.no(), v.abstain()));
        }
        minutesZh = minutes.write(meeting, ZH);
        check();
    }

    @Benchmark
    public MeetingDocument evaluateAndWriteMinutes(Blackhole bh) {
        evaluate(bh, ZH);
        return minutes.write(meeting, ZH);
    }

    @Benchmark
    public void evaluateAndWriteBothLanguages(Blackhole bh) {
        evaluate(bh, ZH);
        evaluate(bh, Locale.ENGLISH);
        bh.consume(minutes.write(meeting, ZH));
        bh.consume(minutes.write(meeting, Locale.ENGLISH));
    }

    @Benchmark
    public byte[] minutesPdf() {
        return export.pdf(minutesZh);
    }

    private void evaluate(Blackhole bh, Locale locale) {
        int members = meeting.membersDue().size();
        for (Count c : counts) {
            RuleSet.Tally tally = meeting.rules().tally(members, c.recused(), c.yes(), c.no(), c.abstain());
            bh.consume(texts.explain(tally, locale));
        }
    }

    /** Measure the right thing: 20 items, each decided, the minutes whole, the PDF a PDF. */
    private void check() {
        String text = minutesZh.plainText();
        if (meeting.meeting().items().size() != 20 || !text.contains("二十、") || !text.contains("现将会议议定事项纪要如下")
                || !text.contains("会议经表决，原则同意《青川区2024年民生实事项目实施方案》。")) {
            throw new IllegalStateException("Unexpected minutes:\n" + text);
        }
        String explained = texts.explain(meeting.rules().tally(9, 0, 6, 1, 1), ZH);
        if (!explained.equals("应到会9人；赞成6票，超过4.5：通过。")) {
            throw new IllegalStateException("Unexpected explanation: " + explained);
        }
        byte[] pdf = export.pdf(minutesZh);
        if (pdf.length < 1000 || pdf[0] != '%' || pdf[1] != 'P') {
            throw new IllegalStateException("not a PDF");
        }
    }
}
