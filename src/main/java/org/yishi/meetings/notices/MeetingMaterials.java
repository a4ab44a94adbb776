package org.yishi.meetings.notices;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Visibility;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;

/**
 * The materials of each agenda item, delivered to the members through Yishi: every upload is a new version, the
 * newest is the one to read. Uploading delivers it: the item's materials date becomes the day its newest version was
 * delivered, so that the "materials late" warning rests on what actually reached the members and when. Each reading
 * of a version by an account is recorded (a read receipt), shown to the office.
 */
@Service
@Transactional
class MeetingMaterials {

    /** A version of an item's materials, with how many accounts have read it. */
    public record Material(long id, long itemId, int version, String fileName, String contentType, long size,
            Instant uploadedAt, long readers) {
    }

    /** A version's content, for downloading. */
    public record Content(Material material, byte[] bytes) {
    }

    /** An account that read a version, and when. */
    public record Reading(long materialId, long accountId, Instant readAt) {
    }

    static final String ACCEPTED = "PDF, DOCX, XLSX, PPTX, OFD, DOC, XLS, PPT, TXT";

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Audit audit;
    private final Clock clock;
    private final long maxBytes;

    MeetingMaterials(JdbcClient jdbc, Meetings meetings, Audit audit, Optional<Clock> clock,
            @Value("${yishi.meetings.max-material-bytes:20971520}") long maxBytes) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Delivers a new version of the item's materials; refused once the meeting is over, or for a bad file. */
    public Material upload(Viewer viewer, long meetingId, long itemId, String fileName, byte[] bytes) {
        viewer.require(Permission.MEETING_EDIT);
        Meeting m = meetings.meeting(meetingId);
        if (m.item(itemId) == null) {
            throw new NotFound("kind.item", itemId);
        }
        if (m.state() != MeetingState.DRAFT && m.state() != MeetingState.NOTIFIED && m.state() != MeetingState.OPEN) {
            throw new Refused("materials.too-late", InvalidInput.label("enum.MeetingState." + m.state()));
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "").strip();
        String type = type(name, bytes);
        var problems = new InvalidInput.Collector();
        if (name.isEmpty() || name.length() > 200) {
            problems.add("file", "materials.name");
        }
        if (bytes == null || bytes.length == 0) {
            problems.add("file", "materials.empty");
        } else if (bytes.length > maxBytes) {
            problems.add("file", "materials.too-large", maxBytes / (1024 * 1024));
        } else if (type == null) {
            problems.add("file", "materials.type", ACCEPTED);
        }
        problems.throwIfAny();
        jdbc.sql("select id from agenda_item where id = :i for update").param("i", itemId).query(Long.class).single();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from agenda_material where agenda_item_id = :i")
                .param("i", itemId).query(Integer.class).single();
        long id = jdbc.sql("""
                insert into agenda_material (agenda_item_id, version, file_name, content_type, size_bytes, content,
                       uploaded_by) values (:i, :v, :n, :t, :s, :c, :by) returning id""")
                .param("i", itemId).param("v", version).param("n", name).param("t", type).param("s", bytes.length)
                .param("c", bytes).param("by", viewer.accountId()).query(Long.class).single();
        LocalDate delivered = LocalDate.now(clock);
        jdbc.sql("update agenda_item set materials_received_on = :d where id = :i").param("d", delivered)
                .param("i", itemId).update();
        audit.record("meeting.materials-upload", "agenda_item", String.valueOf(itemId), null,
                Map.of("version", version, "file", name, "bytes", bytes.length, "deliveredOn", delivered.toString()));
        return material(id).orElseThrow();
    }

    /** Every version of the meeting's items' materials, by item and version. */
    @Transactional(readOnly = true)
    public List<Material> of(long meetingId) {
        return jdbc.sql(SELECT + " where i.meeting_id = :m order by i.position, m.version").param("m", meetingId)
                .query(MeetingMaterials::row).list();
    }

    /** Who read the meeting's materials, version by version, for the office. */
    @Transactional(readOnly = true)
    public List<Reading> readings(Viewer viewer, long meetingId) {
        viewer.require(Permission.MEETING_RUN);
        return jdbc.sql("""
                select r.material_id, r.account_id, r.read_at from agenda_material_receipt r
                join agenda_material m on m.id = r.material_id join agenda_item i on i.id = m.agenda_item_id
                where i.meeting_id = :m order by r.read_at""").param("m", meetingId)
                .query((rs, n) -> new Reading(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    /**
     * A version for a viewer who may read the item (someone who may see the meeting and its item, or a recipient of
     * its notice for an item not confidential); recorded as read by them.
     */
    public Content read(Viewer viewer, long materialId, MeetingNotices notices) {
        Material material = material(materialId).orElseThrow(() -> new NotFound("kind.material", materialId));
        long meetingId = jdbc.sql("select meeting_id from agenda_item where id = :i").param("i", material.itemId())
                .query(Long.class).single();
        boolean visible = meetings.visibleTo(viewer, meetingId)
                && meetings.meetingFor(viewer, meetingId).item(material.itemId()) != null;
        boolean invited = notices.recipient(viewer, meetingId)
                && meetings.meeting(meetingId).item(material.itemId()).visibility() != Visibility.CONFIDENTIAL;
        if (!visible && !invited) {
            throw new NotFound("kind.material", materialId);
        }
        jdbc.sql("""
                insert into agenda_material_receipt (material_id, account_id) values (:m, :a)
                on conflict do nothing""").param("m", materialId).param("a", viewer.accountId()).update();
        byte[] bytes = jdbc.sql("select content from agenda_material where id = :id").param("id", materialId)
                .query(byte[].class).single();
        return new Content(material, bytes);
    }

    private Optional<Material> material(long id) {
        return jdbc.sql(SELECT + " where m.id = :id").param("id", id).query(MeetingMaterials::row).optional();
    }

    private static final String SELECT = """
            select m.id, m.agenda_item_id, m.version, m.file_name, m.content_type, m.size_bytes, m.uploaded_at,
                   (select count(*) from agenda_material_receipt r where r.material_id = m.id) as readers
            from agenda_material m join agenda_item i on i.id = m.agenda_item_id""";

    private static Material row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Material(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getLong(8));
    }

    /** The content type, judged by the content and the name's ending together; null when not accepted. */
    static String type(String name, byte[] b) {
        if (b == null || b.length < 4) {
            return b != null && b.length > 0 && name.toLowerCase().endsWith(".txt") && utf8(b) ? "text/plain; charset=UTF-8" : null;
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        boolean pdf = b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
        boolean zip = b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole = (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0;
        return switch (ext) {
            case "pdf" -> pdf ? "application/pdf" : null;
            case "docx" -> zip ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
            case "xlsx" -> zip ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
            case "pptx" -> zip ? "application/vnd.openxmlformats-officedocument.presentationml.presentation" : null;
            case "ofd" -> zip ? "application/ofd" : null;
            case "doc" -> ole ? "application/msword" : null;
            case "xls" -> ole ? "application/vnd.ms-excel" : null;
            case "ppt" -> ole ? "application/vnd.ms-powerpoint" : null;
            case "txt" -> utf8(b) ? "text/plain; charset=UTF-8" : null;
            default -> null;
        };
    }

    private static boolean utf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
