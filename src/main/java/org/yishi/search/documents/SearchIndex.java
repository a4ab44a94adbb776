package org.yishi.search.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Directory;
import org.yishi.meetings.AgendaItem;
import org.yishi.meetings.Meeting;
import org.yishi.meetings.MeetingState;
import org.yishi.meetings.MeetingSummary;
import org.yishi.meetings.MeetingTitles;
import org.yishi.meetings.Meetings;
import org.yishi.meetings.Visibility;
import org.yishi.search.documents.Document.Kind;
import org.yishi.supervision.Supervision;
import org.yishi.supervision.SupervisionItem;

/**
 * Keeps search_document up to date by reading the other modules through their APIs — meetings with their items, and
 * supervised items — every few seconds ({@code yishi.search.refresh-ms}, 3 s by default) and at start. Each
 * document's fingerprint says whether it changed; only a changed one is segmented and written again, and a document
 * whose source is gone is removed. The directory's names (people, bodies, units) are the segmenter's user
 * dictionary: a name new to it is added, and the documents containing it are segmented again. One node refreshes at a
 * time (a PostgreSQL advisory lock).
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final long LOCK = 0x5EA4C417L;
    /** Reads everything there is to index: every meeting and item, whatever its visibility. */
    private static final Viewer INDEXER = new Viewer(0, "search-index", Set.of(Permission.MEETING_READ_ALL,
            Permission.ITEM_READ_INTERNAL, Permission.ITEM_READ_CONFIDENTIAL), null, null);

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingTitles titles;
    private final Supervision supervision;
    private final Directory directory;
    private volatile boolean dictionaryLoaded;

    private final org.springframework.beans.factory.ObjectProvider<SearchIndex> proxy;

    SearchIndex(JdbcClient jdbc, Meetings meetings, MeetingTitles titles, Supervision supervision, Directory directory,
            org.springframework.beans.factory.ObjectProvider<SearchIndex> proxy) {
        this.proxy = proxy;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.titles = titles;
        this.supervision = supervision;
        this.directory = directory;
    }

    /** This bean through its transactional proxy, for the calls from its own scheduled methods. */
    private SearchIndex self() {
        return proxy.getObject();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        refreshQuietly();
    }

    @Scheduled(fixedDelayString = "${yishi.search.refresh-ms:3000}", initialDelayString = "${yishi.search.refresh-ms:3000}")
    void scheduled() {
        refreshQuietly();
    }

    private void refreshQuietly() {
        try {
            self().refreshUnlessBusy();
        } catch (RuntimeException e) {
            log.warn("search index not refreshed this time: {}", e.toString());
        }
    }

    /** Brings the index up to date, waiting for another node's refresh; answers how many documents were written or removed. */
    @Transactional
    public int refresh() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:k)) x").param("k", LOCK).query(Integer.class).single();
        return update();
    }

    /** As {@link #refresh}, but does nothing when another node (or thread) is refreshing now. */
    @Transactional
    public int refreshUnlessBusy() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single()) {
            return 0;
        }
        return update();
    }

    private synchronized int update() {
        updateDictionary();
        Map<String, String> known = new HashMap<>();
        jdbc.sql("select kind, source_id, fingerprint from search_document").query(rs -> {
            known.put(rs.getString(1) + ":" + rs.getLong(2), rs.getString(3));
        });
        Set<String> seen = new HashSet<>();
        int written = 0;
        for (Document d : documents()) {
            String key = d.kind().name() + ":" + d.sourceId();
            seen.add(key);
            String fingerprint = d.fingerprint();
            if (!fingerprint.equals(known.get(key))) {
                write(d, fingerprint);
                written++;
            }
        }
        List<String> gone = known.keySet().stream().filter(k -> !seen.contains(k)).toList();
        for (String key : gone) {
            String[] parts = key.split(":");
            jdbc.sql("delete from search_document where kind = :k and source_id = :s").param("k", parts[0])
                    .param("s", Long.parseLong(parts[1])).update();
        }
        return written + gone.size();
    }

    private void updateDictionary() {
        if (!dictionaryLoaded) {
            Segmenter.addWords(jdbc.sql("select word from search_dictionary_word").query(String.class).list());
            dictionaryLoaded = true;
        }
        Set<String> words = new HashSet<>();
        directory.people().forEach(p -> words.add(p.nameZh()));
        directory.bodies().forEach(b -> Stream.of(b.nameZh(), b.shortNameZh()).forEach(words::add));
        directory.units().forEach(u -> Stream.of(u.nameZh(), u.shortNameZh()).forEach(words::add));
        words.remove(null);
        Set<String> stored = new HashSet<>(jdbc.sql("select word from search_dictionary_word").query(String.class).list());
        List<String> fresh = words.stream().filter(w -> !stored.contains(w.strip()) && w.strip().length() >= 2).toList();
        Segmenter.addWords(fresh);
        for (String word : fresh) {
            jdbc.sql("insert into search_dictionary_word (word) values (:w) on conflict do nothing").param("w", word.strip())
                    .update();
            // documents containing a new word are cut into words again at this refresh
            jdbc.sql("update search_document set fingerprint = '' where strpos(text, :w) > 0").param("w", word.strip())
                    .update();
        }
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            List<MeetingSummary> page = meetings.list(INDEXER, null, 500, offset);
            for (MeetingSummary s : page) {
                meetings.find(s.id()).ifPresent(m -> addMeeting(m, all));
            }
            if (page.size() < 500) {
                break;
            }
        }
        for (long after = 0; ; ) {
            List<SupervisionItem> page = supervision.itemsAfter(after, 1000);
            for (SupervisionItem i : page) {
                List<Long> units = new ArrayList<>(List.of(i.leadUnitId()));
                units.addAll(i.coUnitIds());
                all.add(new Document(Kind.SUPERVISED_ITEM, i.id(), i.meetingId(), null, null, units, "PUBLIC", false,
                        i.receivedOn().getYear(), i.serial(), join(i.serial(), i.content(), i.sourceNote(),
                        i.replyRequirements())));
                after = i.id();
            }
            if (page.size() < 1000) {
                break;
            }
        }
        return all;
    }

    private void addMeeting(Meeting m, List<Document> all) {
        boolean published = m.state().compareTo(MeetingState.CLOSED) >= 0;
        String zh = titles.heading(m, Locale.SIMPLIFIED_CHINESE);
        String en = titles.heading(m, Locale.ENGLISH);
        all.add(new Document(Kind.MEETING, m.id(), m.id(), m.bodyId(), m.termId(), List.of(), "PUBLIC", published,
                m.date().getYear(), zh, join(zh, en, m.place())));
        for (AgendaItem i : m.items()) {
            all.add(new Document(Kind.ITEM, i.id(), m.id(), m.bodyId(), m.termId(), List.of(), i.visibility().name(),
                    published && i.visibility() == Visibility.PUBLIC, m.date().getYear(), i.title(false),
                    join(i.titleZh(), i.conclusionsZh(), i.titleEn(), i.conclusionsEn())));
        }
    }

    private static String join(String... parts) {
        return String.join("\n", Stream.of(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private void write(Document d, String fingerprint) {
        jdbc.sql("""
                insert into search_document (kind, source_id, meeting_id, body_id, term_id, unit_ids, visibility,
                                             published, year, title, text, segmented, tsv, fingerprint)
                values (:kind, :source, :meeting, :body, :term, cast(:units as bigint[]), :visibility, :published, :year, :title, :text,
                        :segmented, cast(:tsv as tsvector), :fingerprint)
                on conflict (kind, source_id) do update set meeting_id = excluded.meeting_id, body_id = excluded.body_id,
                    term_id = excluded.term_id, unit_ids = excluded.unit_ids, visibility = excluded.visibility,
                    published = excluded.published, year = excluded.year, title = excluded.title, text = excluded.text,
                    segmented = excluded.segmented, tsv = excluded.tsv, fingerprint = excluded.fingerprint,
                    indexed_at = now()""")
                .param("kind", d.kind().name()).param("source", d.sourceId()).param("meeting", d.meetingId())
                .param("body", d.bodyId()).param("term", d.termId()).param("units", d.unitIds().toArray(Long[]::new))
                .param("visibility", d.visibility()).param("published", d.published()).param("year", d.year())
                .param("title", d.title()).param("text", d.text()).param("segmented", Segmenter.displayOf(d.text()))
                .param("tsv", Segmenter.tsvector(d.text())).param("fingerprint", fingerprint).update();
    }
}
