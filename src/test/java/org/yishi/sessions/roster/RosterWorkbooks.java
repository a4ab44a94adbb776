package org.yishi.sessions.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Rosters as an office keeps them in Excel, for the import's tests. */
final class RosterWorkbooks {

    private RosterWorkbooks() {
    }

    /** A workbook with a title row, the header, and the rows as given (null cells left empty). */
    static byte[] workbook(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("鹤山区第十二届人民代表大会代表名单");
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP whose one part declares (and inflates to) the given megabytes of zeros: small packed, huge unpacked. */
    static byte[] bomb(int megabytes) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(packed)) {
            out.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packed.toByteArray();
    }
}
