package org.yishi.meetings.minutes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.yishi.meetings.minutes.MeetingDocument.Field;
import org.yishi.meetings.minutes.MeetingDocument.Section;

/**
 * The record and the minutes as files: PDF (A4, laid out from XHTML by openhtmltopdf on PDFBox) and Word .docx (Apache
 * POI), in the document's language.
 *
 * <p>Chinese renders on any machine: the PDF embeds a subset of Noto Sans SC (TrueType outlines, shipped with the build
 * on the class path as {@value #FONT}, SIL Open Font License), with the Unicode mapping that lets readers copy and
 * search its text. The .docx names the conventional East Asian fonts of official documents (仿宋_GB2312 for the body,
 * 黑体 for headings, 宋体 for the title), which Word and WPS have, and Times New Roman for Latin text.
 */
@Component
public class DocumentExport {

    /** The CJK font on the class path, put there by the build (see pom.xml and NOTICE). */
    static final String FONT = "fonts/NotoSansSC-Regular.ttf";
    static final String FONT_FAMILY = "Noto Sans SC";

    static final String DOCX_BODY_FONT = "仿宋_GB2312";
    static final String DOCX_HEADING_FONT = "黑体";
    static final String DOCX_TITLE_FONT = "宋体";
    static final String DOCX_LATIN_FONT = "Times New Roman";

    /**
     * The font, read and prepared once (about 10 MB; PDFBox parses it for each document and embeds the subset used).
     *
     * <p>The font maps some glyphs from several characters: 八 (U+516B) and the Kangxi radical ⼋ (U+2F0B), 黄 and the
     * radical ⻩ (U+2EE9), and the compatibility ideographs. PDFBox writes each embedded glyph's Unicode value from the
     * font's mapping, taking the lowest code point, so a PDF made with the font as it is would copy and search as
     * "⼋届…⻩振宇" instead of "八届…黄振宇". Here the radicals and compatibility ideographs are left out of the mapping
     * wherever an ordinary character is drawn with the same glyph; everything else in the Basic Multilingual Plane
     * stays (PDFBox's subsetter writes no other plane), so every glyph maps back to its ordinary character.
     */
    private static final class Font {
        static final byte[] BYTES = prepare(read());

        private static byte[] read() {
            try (InputStream in = DocumentExport.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is not on the class path: build with ./mvnw, which puts it there");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] prepare(byte[] original) {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(original))) {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                int[] glyphs = new int[0x10000];
                Set<Integer> drawnByOrdinary = new HashSet<>();
                for (int cp = 0; cp <= 0xFFFF; cp++) {
                    if (cp < 0xD800 || cp > 0xDFFF) { // surrogates are not characters
                        glyphs[cp] = cmap.getGlyphId(cp);
                        if (glyphs[cp] != 0 && !variant(cp)) {
                            drawnByOrdinary.add(glyphs[cp]);
                        }
                    }
                }
                TTFSubsetter kept = new TTFSubsetter(font);
                for (int cp = 0; cp <= 0xFFFF; cp++) {
                    if (glyphs[cp] != 0 && !(variant(cp) && drawnByOrdinary.contains(glyphs[cp]))) {
                        kept.add(cp);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
                kept.writeToStream(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** CJK radicals (supplement and Kangxi) and compatibility ideographs: other forms of ordinary characters. */
        private static boolean variant(int cp) {
            return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF);
        }
    }

    // ------------------------------------------------------------------------------------------------ PDF

    public byte[] pdf(MeetingDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useFont(() -> new ByteArrayInputStream(Font.BYTES), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .withHtmlContent(xhtml(document), null)
                    .withProducer("Yishi")
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The document as XHTML for the PDF: one font for every script, A4 with page numbers, nothing fetched. */
    static String xhtml(MeetingDocument d) {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(d.english() ? "en" : "zh-CN").append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(d.title())).append("</title><style>")
                .append("@page { size: A4; margin: 25mm 24mm 22mm 24mm;")
                .append(" @bottom-center { content: counter(page) ' / ' counter(pages); font-family: '")
                .append(FONT_FAMILY).append("'; font-size: 9pt; color: #555; }");
        if (d.draftMark() != null) {
            // a draft says so on every page, not only on the first
            h.append(" @top-center { content: '").append(esc(d.draftMark()).replace("'", "\\'")).append("'; font-family: '")
                    .append(FONT_FAMILY).append("'; font-size: 10pt; color: #b00020; letter-spacing: 1pt; }");
        }
        h.append(" }")
                .append(" body { font-family: '").append(FONT_FAMILY).append("'; font-size: 11pt; line-height: 1.65; color: #111; }")
                .append(" h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 4pt 0; }")
                .append(" .subtitle { text-align: center; color: #444; margin: 0 0 14pt 0; }")
                .append(" .draft { text-align: center; color: #b00020; font-size: 14pt; letter-spacing: 3pt;")
                .append(" border: 1pt solid #b00020; padding: 3pt; margin: 0 0 10pt 0; }")
                .append(" .mark { text-align: center; color: #8a1c1c; letter-spacing: 2pt; margin: 0 0 14pt 0; }")
                .append(" h2 { font-size: 12.5pt; font-weight: normal; margin: 12pt 0 4pt 0; padding-bottom: 2pt;")
                .append(" border-bottom: 0.5pt solid #999; page-break-after: avoid; }")
                .append(" p { margin: 0 0 4pt 0; }")
                .append(" p.prose { text-indent: ").append(d.english() ? "0" : "2em").append("; }")
                .append(" .label { color: #333; }")
                .append(" .header, .footer { margin: 0 0 10pt 0; }")
                .append(" .footer { margin-top: 14pt; border-top: 0.5pt solid #999; padding-top: 6pt; }")
                .append("</style></head><body>");
        if (d.draftMark() != null) {
            h.append("<p class=\"draft\">").append(esc(d.draftMark())).append("</p>");
        }
        h.append("<h1>").append(esc(d.title())).append("</h1>");
        if (d.subtitle() != null && !d.subtitle().isEmpty()) {
            h.append("<p class=\"").append(d.kind() == MeetingDocument.Kind.RECORD ? "mark" : "subtitle").append("\">")
                    .append(esc(d.subtitle())).append("</p>");
        }
        fields(h, d, "header", d.header());
        for (Section s : d.sections()) {
            String heading = d.numberedHeading(s);
            if (!heading.isEmpty()) {
                h.append("<h2>").append(esc(heading)).append("</h2>");
            }
            fields(h, d, "section", s.fields());
        }
        fields(h, d, "footer", d.footer());
        return h.append("</body></html>").toString();
    }

    private static void fields(StringBuilder h, MeetingDocument d, String kind, List<Field> fields) {
        if (fields.isEmpty()) {
            return;
        }
        h.append("<div class=\"").append(kind).append("\">");
        for (Field f : fields) {
            List<String> lines = f.text() == null ? List.of("") : f.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (f.label() == null) {
                    h.append("<p class=\"prose\">").append(esc(lines.get(i))).append("</p>");
                } else if (i == 0) {
                    h.append("<p><span class=\"label\">").append(esc(f.label())).append(d.english() ? ": " : "：")
                            .append("</span>").append(esc(lines.get(i))).append("</p>");
                } else {
                    h.append("<p class=\"prose\">").append(esc(lines.get(i))).append("</p>");
                }
            }
        }
        h.append("</div>");
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    // ------------------------------------------------------------------------------------------------ .docx

    public byte[] docx(MeetingDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
            pageSetup(doc);
            doc.getProperties().getCoreProperties().setTitle(d.title());
            doc.getProperties().getCoreProperties().setCreator("Yishi");

            if (d.draftMark() != null) {
                XWPFParagraph mark = doc.createParagraph();
                mark.setAlignment(ParagraphAlignment.CENTER);
                mark.setSpacingAfter(200);
                run(mark, d.draftMark(), DOCX_BODY_FONT, 14, true).setColor("B00020");
            }
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(200);
            run(title, d.title(), DOCX_TITLE_FONT, 22, true);
            if (d.subtitle() != null && !d.subtitle().isEmpty()) {
                XWPFParagraph sub = doc.createParagraph();
                sub.setAlignment(ParagraphAlignment.CENTER);
                sub.setSpacingAfter(300);
                run(sub, d.subtitle(), DOCX_BODY_FONT, 14, false);
            }
            fields(doc, d, d.header());
            for (Section s : d.sections()) {
                String heading = d.numberedHeading(s);
                if (!heading.isEmpty()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setSpacingBefore(240);
                    p.setSpacingAfter(60);
                    p.setKeepNext(true);
                    run(p, heading, DOCX_HEADING_FONT, 16, false);
                }
                fields(doc, d, s.fields());
            }
            if (!d.footer().isEmpty()) {
                doc.createParagraph().setSpacingBefore(240);
                fields(doc, d, d.footer());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fields(XWPFDocument doc, MeetingDocument d, List<Field> fields) {
        for (Field f : fields) {
            List<String> lines = f.text() == null ? List.of("") : f.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                XWPFParagraph p = doc.createParagraph();
                p.setSpacingAfter(60);
                if (f.label() != null && i == 0) {
                    run(p, f.label() + (d.english() ? ": " : "："), DOCX_HEADING_FONT, 16, false);
                } else if (!d.english()) {
                    p.setIndentationFirstLine(640); // two characters of 16 pt, as Chinese paragraphs begin
                }
                run(p, lines.get(i), DOCX_BODY_FONT, 16, false);
            }
        }
    }

    /** A run of text in the given East Asian font (and Times New Roman for Latin text), size in points. */
    private static XWPFRun run(XWPFParagraph p, String text, String eastAsianFont, int points, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(DOCX_LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(DOCX_LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(eastAsianFont, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(points);
        r.setBold(bold);
        var rPr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        rPr.addNewLang().setEastAsia("zh-CN");
        return r;
    }

    /** A4 with the margins of official documents (GB/T 9704: 37 mm top, 35 bottom, 28 left, 26 right). */
    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setRight(BigInteger.valueOf(twips(26)));
    }

    private static long twips(int millimetres) {
        return Math.round(millimetres * 1440 / 25.4);
    }
}
