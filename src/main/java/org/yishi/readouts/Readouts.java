package org.yishi.readouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.PersonStanding;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.Meetings;
import org.yishi.accounts.Viewer;
import org.yishi.accounts.Viewers;
import org.yishi.platform.NotFound;

/**
 * The readouts API: the press readout of a recorded meeting in the language asked for, rendered afresh from the
 * meeting and the directory as they stood on the meeting's date (never stored). Unknown meetings raise
 * {@code NotFound}; a readout whose language lacks wording raises {@code Incomplete} listing the gaps.
 */
@Service
public class Readouts {

    private final Meetings meetings;
    private final Directory directory;
    private final ReadoutWriter writer;

    Readouts(Meetings meetings, Directory directory, MessageSource messages) {
        this.meetings = meetings;
        this.directory = directory;
        this.writer = new ReadoutWriter(new Phrases(messages, Language.ZH), new Phrases(messages, Language.EN));
    }

    /**
     * The readout of a meeting. Once the meeting is closed it is public to every reader; before that only those who
     * may see the meeting itself get it, as a preview, and for others the meeting does not exist.
     */
    public Readout readout(long meetingId, Language language) {
        return writer.write(facts(meetingOf(meetingId)), language);
    }

    /** The meeting a readout is of, under the same rule: closed, or visible to the signed-in user. */
    public Meeting meetingOf(long meetingId) {
        Meeting m = meetings.meeting(meetingId);
        if (!published(m)) {
            Viewer viewer = Viewers.find().orElseThrow(() -> new NotFound("kind.meeting", meetingId));
            meetings.meetingFor(viewer, meetingId);
        }
        return m;
    }

    /** Whether the meeting's readout is public: the meeting has been held and closed. */
    public static boolean published(Meeting m) {
        return m.state().held() && m.state() != MeetingState.OPEN;
    }

    ReadoutFacts facts(Meeting m) {
        Body body = directory.body(m.bodyId());
        Map<Long, PersonStanding> standings = directory.standingsOn(m.date(), m.people());
        List<PersonStanding> present = new ArrayList<>();
        m.present().forEach(id -> present.add(standings.get(id)));
        List<PersonStanding> inAttendance = new ArrayList<>();
        m.inAttendance().forEach(id -> inAttendance.add(standings.get(id)));
        return new ReadoutFacts(m.date(), m.timeOfDay(), m.kind(), body.runningNameZh(), body.nameEn(),
                standings.get(m.presidingPersonId()),
                m.entrustedById() == null ? null : standings.get(m.entrustedById()), m.presidingSpeech(), present,
                m.leadersLabelZh(), m.leadersLabelEn(), inAttendance, m.groups(), m.items());
    }
}
