package org.yishi.search.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/**
 * Target (issue 17): indexing at least 2,000 documents a second on one core. This measures the Java part of it, the
 * part that grows with the text: cutting a generated agenda item (title and conclusions, about 120 Chinese
 * characters, with names of the user dictionary in it) into its {@code tsvector}, its display form for the headline,
 * and its fingerprint — what {@code SearchIndex} does for every changed document before the insert. Run with
 * {@code bench/search.sh} (one thread, pinned to one core); see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class SegmenterBenchmark {

    private List<Document> documents;
    private int next;

    @Setup
    public void generate() {
        Segmenter.addWords(SearchDocumentGenerator.NAMES);
        documents = new SearchDocumentGenerator(new Random(17)).items(1000);
        // the first segmentation loads HanLP's dictionaries: not part of what is measured
        Segmenter.tsvector(documents.getFirst().text());
    }

    @Benchmark
    public int indexOneDocument() {
        Document d = documents.get(next++ % documents.size());
        return Segmenter.tsvector(d.text()).length() + Segmenter.displayOf(d.text()).length() + d.fingerprint().length();
    }

    /** Generated agenda items, for the benchmark; also usable by a load generator. */
    static final class SearchDocumentGenerator {

        static final List<String> NAMES = List.of("王芳", "张超", "李秀英", "陈志远", "刘振华", "赵文静");
        private static final String[] TOPICS = {"志愿服务", "基层党建", "乡村振兴", "河长制", "安全生产", "营商环境",
                "生态环境保护", "防汛救灾", "文明城市创建", "学雷锋活动", "民生实事", "招商引资"};
        private static final String[] VERBS = {"研究", "审议", "听取", "传达学习"};
        private static final String[] DEMANDS = {"会议要求，要", "会议强调，", "会议指出，", "会议决定，"};
        private static final String[] ACTIONS = {"压实工作责任，确保各项任务落地见效", "加强统筹协调，形成工作合力",
                "坚持问题导向，补齐短板弱项", "强化督查督办，按期报送办理情况", "深入基层调研，及时回应群众关切"};

        private final Random random;

        SearchDocumentGenerator(Random random) {
            this.random = random;
        }

        List<Document> items(int count) {
            List<Document> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String topic = pick(TOPICS);
                String title = pick(VERBS) + topic + "工作";
                StringBuilder text = new StringBuilder(title).append('\n');
                for (int s = 0; s < 3; s++) {
                    text.append(pick(DEMANDS)).append(topic).append("方面").append(pick(ACTIONS)).append("，由")
                            .append(NAMES.get(random.nextInt(NAMES.size()))).append("同志牵头。");
                }
                items.add(new Document(Document.Kind.ITEM, i + 1, (long) i / 10 + 1, 2L, 1L, List.of(), "PUBLIC", true,
                        2020 + random.nextInt(6), title, text.toString()));
            }
            return items;
        }

        private String pick(String[] words) {
            return words[random.nextInt(words.length)];
        }
    }
}
