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
 * time (a PostgreSQL advisory lock). The sources are read a page at a time, so memory does not grow with the index.
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
    /** {@code yishi.search.indexing=off} stops the refreshes at start and on schedule (e.g. while benchmarking). */
    private final boolean enabled;

    private final org.springframework.beans.factory.ObjectProvider<SearchIndex> proxy;

    SearchIndex(JdbcClient jdbc, Meetings meetings, MeetingTitles titles, Supervision supervision, Directory directory,
            org.springframework.beans.factory.ObjectProvider<SearchIndex> proxy,
            @org.springframework.beans.factory.annotation.Value("${yishi.search.indexing:on}") String indexing) {
        this.proxy = proxy;
        this.enabled = !"off".equals(indexing);
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
        if (!enabled) {
            return;
        }
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

    /**
     * Goes through the sources a page at a time, so that memory does not grow with the index: meetings (with their
     * items) 200 at a time, supervised items 1,000 at a time by id. Only the page's fingerprints are read.
     */
    private synchronized int update() {
        updateDictionary();
        int changed = 0;
        Set<Long> meetingIds = new HashSet<>();
        for (int offset = 0; ; offset += MEETING_PAGE) {
            List<MeetingSummary> page = meetings.list(INDEXER, null, MEETING_PAGE, offset);
            List<Document> docs = new ArrayList<>();
            for (MeetingSummary s : page) {
                meetingIds.add(s.id());
                meetings.find(s.id()).ifPresent(m -> addMeeting(m, docs));
            }
            changed += apply(docs);
            List<Long> ids = page.stream().map(MeetingSummary::id).toList();
            // items taken off a meeting's agenda
            changed += jdbc.sql("delete from search_document where kind = 'ITEM' and meeting_id = any(cast(:m as bigint[])) "
                    + "and not (source_id = any(cast(:i as bigint[])))").param("m", ids.toArray(Long[]::new))
                    .param("i", docs.stream().filter(d -> d.kind() == Kind.ITEM).map(Document::sourceId).toArray(Long[]::new))
                    .update();
            if (page.size() < MEETING_PAGE) {
                break;
            }
        }
        // meetings gone altogether (few: drafts deleted)
        List<Long> indexed = jdbc.sql("select distinct meeting_id from search_document where kind in ('MEETING', 'ITEM')")
                .query(Long.class).list();
        Long[] gone = indexed.stream().filter(id -> !meetingIds.contains(id)).toArray(Long[]::new);
        if (gone.length > 0) {
            changed += jdbc.sql("delete from search_document where kind in ('MEETING', 'ITEM') and meeting_id = any(cast(:g as bigint[]))")
                    .param("g", gone).update();
        }
        long after = 0;
        while (true) {
            List<SupervisionItem> page = supervision.itemsAfter(after, ITEM_PAGE);
            List<Document> docs = page.stream().map(SearchIndex::supervised).toList();
            changed += apply(docs);
            long last = page.isEmpty() ? Long.MAX_VALUE : page.getLast().id();
            // items gone between the previous page and this one's last (or beyond, after the last page)
            changed += jdbc.sql("delete from search_document where kind = 'SUPERVISED_ITEM' and source_id > :a "
                    + "and source_id <= :b and not (source_id = any(cast(:ids as bigint[])))").param("a", after)
                    .param("b", page.size() < ITEM_PAGE ? Long.MAX_VALUE : last)
                    .param("ids", page.stream().map(SupervisionItem::id).toArray(Long[]::new)).update();
            if (page.size() < ITEM_PAGE) {
                break;
            }
            after = last;
        }
        return changed;
    }

    private static final int MEETING_PAGE = 200;
    private static final int ITEM_PAGE = 1000;

    /** Writes the documents whose fingerprint changed; answers how many. */
    private int apply(List<Document> docs) {
        if (docs.isEmpty()) {
            return 0;
        }
        Map<String, String> known = new HashMap<>();
        for (Kind kind : Kind.values()) {
            Long[] ids = docs.stream().filter(d -> d.kind() == kind).map(Document::sourceId).toArray(Long[]::new);
            if (ids.length > 0) {
                jdbc.sql("select source_id, fingerprint from search_document where kind = :k and source_id = any(cast(:ids as bigint[]))")
                        .param("k", kind.name()).param("ids", ids)
                        .query(rs -> {
                            known.put(kind.name() + ":" + rs.getLong(1), rs.getString(2));
                        });
            }
        }
        int written = 0;
        for (Document d : docs) {
            String fingerprint = d.fingerprint();
            if (!fingerprint.equals(known.get(d.kind().name() + ":" + d.sourceId()))) {
                write(d, fingerprint);
                written++;
            }
        }
        return written;
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

    private static Document supervised(SupervisionItem i) {
        List<Long> units = new ArrayList<>(List.of(i.leadUnitId()));
        units.addAll(i.coUnitIds());
        return new Document(Kind.SUPERVISED_ITEM, i.id(), i.meetingId(), null, null, units, "PUBLIC", false,
                i.receivedOn().getYear(), i.serial(), join(i.serial(), i.content(), i.sourceNote(), i.replyRequirements()));
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
