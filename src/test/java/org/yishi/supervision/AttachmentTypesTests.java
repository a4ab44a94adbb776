package org.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A report's attachments are recognised by what they contain; a file whose content is not its kind is refused. */
class AttachmentTypesTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** The start of a Windows program. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};

    static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("整改报告");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xls() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            book.write(out);
            return out.toByteArray();
        }
    }

    /** An OLE2 compound document as Word 97–2003 writes it: with its WordDocument stream. */
    static byte[] doc() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "WordDocument");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    @Test
    void documentsImagesAndTextAreRecognisedByTheirContent() throws IOException {
        assertThat(AttachmentTypes.contentType("验收报告.pdf", PDF)).contains("application/pdf");
        assertThat(AttachmentTypes.contentType("现场照片.PNG", PNG)).contains("image/png");
        assertThat(AttachmentTypes.contentType("照片.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
                .contains("image/jpeg");
        assertThat(AttachmentTypes.contentType("整改报告.docx", docx()))
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(AttachmentTypes.contentType("台账.xlsx", xlsx()))
                .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(AttachmentTypes.contentType("台账.xls", xls())).contains("application/vnd.ms-excel");
        assertThat(AttachmentTypes.contentType("报告.doc", doc())).contains("application/msword");
        assertThat(AttachmentTypes.contentType("说明.txt", "已完成整改。\n".getBytes(StandardCharsets.UTF_8)))
                .contains("text/plain; charset=UTF-8");
        assertThat(AttachmentTypes.contentType("说明.txt", "已完成整改。\n".getBytes(Charset.forName("GB18030"))))
                .contains("text/plain; charset=GB18030");
    }

    @Test
    void aFileWhoseContentIsNotOfItsKindIsRefused() throws IOException {
        assertThat(AttachmentTypes.contentType("验收报告.pdf", EXE)).isEmpty();
        assertThat(AttachmentTypes.contentType("setup.exe", EXE)).isEmpty();
        assertThat(AttachmentTypes.contentType("照片.png", PDF)).isEmpty();
        // a workbook renamed as a document, and the other way round
        assertThat(AttachmentTypes.contentType("整改报告.docx", xlsx())).isEmpty();
        assertThat(AttachmentTypes.contentType("台账.xls", doc())).isEmpty();
        // any ZIP is not a document
        assertThat(AttachmentTypes.contentType("材料.docx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0})).isEmpty();
        assertThat(AttachmentTypes.contentType("说明.txt", EXE)).isEmpty();
        assertThat(AttachmentTypes.contentType("page.html", "<script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AttachmentTypes.contentType("没有扩展名", PDF)).isEmpty();
        assertThat(AttachmentTypes.contentType("空.pdf", new byte[0])).isEmpty();
    }

    @Test
    void namesKeepOnlyTheFileAndSizesReadAsUsersReadThem() {
        assertThat(Attachments.name("C:\\Users\\李明\\Desktop\\验收报告.pdf")).isEqualTo("验收报告.pdf");
        assertThat(Attachments.name("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.name("a\u0000b\n.txt")).isEqualTo("ab.txt");
        assertThat(Attachments.name("x".repeat(300) + ".pdf")).hasSize(194).endsWith(".pdf");
        assertThat(Attachments.size(300)).isEqualTo("1 KB");
        assertThat(Attachments.size(850 * 1024)).isEqualTo("850 KB");
        assertThat(Attachments.size(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(Attachments.size(12L * 1024 * 1024 + 400 * 1024)).isEqualTo("12.4 MB");
    }
}
