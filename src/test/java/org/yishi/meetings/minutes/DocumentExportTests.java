package org.yishi.meetings.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/**
 * The exports open in the tools people use and show Chinese: the PDF's text extracts (so its glyphs map back to
 * Unicode) and its font is embedded; the .docx names the East Asian fonts on every run. Page 1 of each PDF is also
 * rendered to target/screenshots for a person to look at.
 */
class DocumentExportTests {

    private final DocumentExport export = new DocumentExport();
    private final MeetingDocumentFacts facts = MeetingDocumentSamples.meeting(5);
    private final MeetingDocument minutesZh = MeetingDocumentSamples.minutesWriter().write(facts, Locale.SIMPLIFIED_CHINESE);
    private final MeetingDocument recordZh = MeetingDocumentSamples.recordWriter().write(facts, Locale.SIMPLIFIED_CHINESE);
    private final MeetingDocument minutesEn = MeetingDocumentSamples.minutesWriter().write(facts, Locale.ENGLISH);

    @Test
    void thePdfOfTheMinutesCarriesItsChineseTextAndItsFont() throws IOException {
        byte[] pdf = export.pdf(minutesZh);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertThat(text).contains("八届区委常委会第16次会议纪要",
                    squeeze("2024年3月12日下午，区委书记林海峰在区委第一会议室主持召开八届区委常委会第16次会议。"),
                    "二、审议《青川区2024年民生实事项目实施方案》",
                    "会议经表决，原则同意《青川区2024年民生实事项目实施方案》。",
                    "会议决定，该事项暂缓审议。", "请假：黄振宇（赴省委党校学习）");
            List<PDFont> fonts = fonts(doc);
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                assertThat(f.getName()).contains("NotoSansSC");
                assertThat(f.isEmbedded()).as("%s embedded", f.getName()).isTrue();
            });
            screenshot(doc, "minutes-zh.png");
        }
        // the font goes in as a subset: the PDF is far smaller than the 10 MB font file
        assertThat(pdf.length).isLessThan(400_000);
    }

    @Test
    void thePdfOfTheRecordKeepsEachMembersWordsAndTheCounts() throws IOException {
        try (PDDocument doc = Loader.loadPDF(export.pdf(recordZh))) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertThat(text).contains("八届区委常委会第16次会议记录", "内部资料",
                    "陈志远发言：同意方案，建议把老旧小区改造列为第一项。",
                    squeeze("黄振宇书面意见（未到会，记录在案，不计入表决）：同意方案。"),
                    "表决情况：7人参加投票；无记名投票不记录个人的表决意见",
                    "结果：应到会9人；赞成6票，超过4.5：通过。");
            screenshot(doc, "record-zh.png");
        }
    }

    @Test
    void theEnglishPdfUsesTheSameFontForLatinText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(export.pdf(minutesEn))) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertThat(text).contains(squeeze("Of the 9 members who should attend, 8 were present."),
                    squeeze("After a vote, the meeting agreed in principle."));
            assertThat(fonts(doc)).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
            screenshot(doc, "minutes-en.png");
        }
    }

    @Test
    void theDocxNamesTheEastAsianFontsOfOfficialDocuments() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(export.docx(minutesZh)))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("八届区委常委会第16次会议纪要", "二、审议《青川区2024年民生实事项目实施方案》",
                    "会议经表决，原则同意《青川区2024年民生实事项目实施方案》。", "请假：黄振宇（赴省委党校学习）");
            XWPFRun title = paragraphs.getFirst().getRuns().getFirst();
            assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
            XWPFRun heading = run(paragraphs, "二、审议《青川区2024年民生实事项目实施方案》");
            assertThat(heading.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            XWPFRun body = run(paragraphs, "会议经表决，原则同意《青川区2024年民生实事项目实施方案》。");
            assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(body.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("Times New Roman");
            assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
            for (XWPFParagraph p : paragraphs) {
                for (XWPFRun r : p.getRuns()) {
                    assertThat(r.getFontFamily(XWPFRun.FontCharRange.eastAsia)).as("run %s", r.text()).isNotBlank();
                }
            }
        }
    }

    @Test
    void theRecordAsDocxKeepsEveryLine() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(export.docx(recordZh)))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("表决方式：无记名投票", "回避：赵立新（涉及本人亲属）",
                    "计票结果：同意6票，不同意1票，弃权1票");
        }
    }

    /** The PDF's text without the line breaks that the layout puts in. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    private static XWPFRun run(List<XWPFParagraph> paragraphs, String text) {
        return paragraphs.stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow()
                .getRuns().getFirst();
    }

    private static void screenshot(PDDocument doc, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", dir.resolve(name).toFile());
    }
}
