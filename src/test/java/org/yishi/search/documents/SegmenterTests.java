package org.yishi.search.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Chinese cut into words as the index and the queries see it, and the display form that maps back exactly. */
class SegmenterTests {

    @Test
    void wordsAreFoundAsWordsAndNeverAcrossTwoWords() {
        String vector = Segmenter.tsvector("深入开展志愿服务活动，加强基层党建工作。");
        assertThat(vector).contains("'志愿':3", "'服务':4", "'党建':8").doesNotContain("'务").doesNotContain("'志'");
        assertThat(Segmenter.tsquery("志愿服务")).isEqualTo("('志愿' <-> '服务')");
        assertThat(Segmenter.tsquery("党建  志愿服务")).isEqualTo("('党建') & ('志愿' <-> '服务')");
        // a long word also stands for the shorter words inside it, at its own position
        assertThat(Segmenter.tsvector("组建志愿服务队")).contains("'服务':3");
    }

    @Test
    void namesOfTheDirectoryAreWordsOfTheirOwn() {
        Segmenter.addWords(List.of("王芳", "石门县民政局"));
        assertThat(Segmenter.tsvector("区委常委王芳出席会议")).contains("'王芳':");
        assertThat(Segmenter.queryWords("王芳")).containsExactly("王芳");
        assertThat(Segmenter.tsvector("责成石门县民政局牵头")).contains("'石门县民政局':2", "'民政局':2");
    }

    @Test
    void operatorsAndPunctuationLeaveNoWord() {
        assertThat(Segmenter.queryWords("&|!<->():* ，。？！")).isEmpty();
        assertThat(Segmenter.tsquery("&|!<->():* ，。？！")).isNull();
        assertThat(Segmenter.queryWords("Standing Committee & 2024")).containsExactly("standing", "committee", "2024");
    }

    @Test
    void theDisplayFormMapsBackToTheText() {
        String text = "会议要求，全区 各级 要把志愿服务\n作为 a b  c 重点。";
        String display = Segmenter.displayOf(text);
        assertThat(display).contains(" 志愿 服务").doesNotContain("  ");
        assertThat(Segmenter.restore(display)).isEqualTo(text);
    }
}
