package org.yishi.search.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A document as the index files it: what it is ({@code kind}, {@code sourceId}), what the permission filter needs
 * (body, term, units, visibility, whether a readout publishes it), the facets (body, year), and its text.
 */
record Document(Kind kind, long sourceId, Long meetingId, Long bodyId, Long termId, List<Long> unitIds,
        String visibility, boolean published, int year, String title, String text) {

    /** The kinds of document, as the kind facet names them. */
    enum Kind {
        MEETING, ITEM, SUPERVISED_ITEM
    }

    /** Changes whenever anything filed changes: an unchanged document is not segmented again. */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String all = String.join("\u0000", kind.name(), String.valueOf(meetingId), String.valueOf(bodyId),
                    String.valueOf(termId), unitIds.toString(), visibility, String.valueOf(published),
                    String.valueOf(year), title, text);
            return HexFormat.of().formatHex(sha.digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
