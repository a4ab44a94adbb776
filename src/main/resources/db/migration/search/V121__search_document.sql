-- Search (issue 17): one row per searchable document, its words segmented in Java (HanLP) into a tsvector of the
-- 'simple' configuration, and what the permission filter of a query needs beside it: the body and term of a meeting
-- (members see their terms' meetings), the item's visibility, whether it is published in a readout, and the units a
-- supervised item concerns (a liaison sees their unit's only).
create table search_document (
    id          bigint generated always as identity primary key,
    kind        text    not null check (kind in ('MEETING', 'ITEM', 'SUPERVISED_ITEM')),
    source_id   bigint  not null,
    meeting_id  bigint,
    body_id     bigint,
    term_id     bigint,
    unit_ids    bigint[] not null default '{}',
    visibility  text    not null check (visibility in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL')),
    published   boolean not null,
    year        int     not null,
    title       text    not null,
    text        text    not null,
    segmented   text    not null,
    tsv         tsvector not null,
    fingerprint text    not null,
    indexed_at  timestamptz not null default now(),
    unique (kind, source_id)
);
create index search_document_tsv on search_document using gin (tsv);
create index search_document_units on search_document using gin (unit_ids);
create index search_document_term on search_document (term_id);

-- The words of the directory (names of people, bodies, units) added to the segmenter's user dictionary, so that a
-- node starting again knows them, and a new one reindexes only the documents that contain it.
create table search_dictionary_word (
    word     text primary key,
    added_at timestamptz not null default now()
);
