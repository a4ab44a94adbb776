package org.yishi.supervision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The kinds of file a progress report may carry, recognised by their content and not only by their name: PDF,
 * images (PNG, JPEG, GIF, WebP), Word and Excel documents (.docx, .xlsx, and the older .doc, .xls) and plain text.
 * A file whose content does not match its extension is refused, so a renamed program or page never passes as a
 * document.
 */
final class AttachmentTypes {

    /** What is accepted, as users see it in the form's hint and in the refusal. */
    static final String ACCEPTED = "PDF, PNG, JPG, GIF, WebP, DOCX, XLSX, DOC, XLS, TXT";

    /** The extensions accepted, for the file input's {@code accept} attribute. */
    static final String ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.doc,.xls,.txt";

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("docx", DOCX),
            Map.entry("xlsx", XLSX), Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"), Map.entry("txt", "text/plain"));

    private AttachmentTypes() {
    }

    /** The file's media type when its extension is accepted and its content is of that kind; empty otherwise. */
    static Optional<String> contentType(String fileName, byte[] content) {
        String extension = extension(fileName);
        String type = BY_EXTENSION.get(extension);
        if (type == null || content.length == 0) {
            return Optional.empty();
        }
        boolean matches = switch (extension) {
            case "pdf" -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "png" -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case "jpg", "jpeg" -> startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "gif" -> startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                    || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII));
            case "webp" -> startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII)) && content.length >= 12
                    && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
            case "docx" -> officeOpenXml(content, "word/");
            case "xlsx" -> officeOpenXml(content, "xl/");
            case "doc" -> compoundDocument(content, "WordDocument");
            case "xls" -> compoundDocument(content, "Workbook", "Book");
            case "txt" -> text(content).isPresent();
            default -> false;
        };
        if (!matches) {
            return Optional.empty();
        }
        return Optional.of(extension.equals("txt") ? "text/plain; charset=" + text(content).orElseThrow() : type);
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A ZIP package with [Content_Types].xml and parts under the folder of its kind (word/ or xl/). */
    private static boolean officeOpenXml(byte[] content, String folder) {
        if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        boolean types = false;
        boolean parts = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            // only the names are read, never the contents: a packed bomb costs nothing here
            ZipEntry entry;
            for (int n = 0; n < 10_000 && (entry = zip.getNextEntry()) != null; n++) {
                types |= entry.getName().equals("[Content_Types].xml");
                parts |= entry.getName().startsWith(folder);
                if (types && parts) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** An OLE2 compound document (the older Office formats) holding the stream of its kind. */
    private static boolean compoundDocument(byte[] content, String... streams) {
        byte[] ole = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        if (!startsWith(content, ole)) {
            return false;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            for (String stream : streams) {
                if (root.hasEntryCaseInsensitive(stream)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The encoding of plain text: UTF-8, or GB18030 as Chinese offices often save it; empty for binary content. */
    static Optional<String> text(byte[] content) {
        for (byte b : content) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return Optional.empty();
            }
        }
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
            try {
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
                return Optional.of(charset.name());
            } catch (CharacterCodingException e) {
                // try the next
            }
        }
        return Optional.empty();
    }
}
