-- Imports of what other systems really write (issue 25): dry runs, moved addresses, the file's faults that were
-- recovered or assumed, Remark42's pinned comments, and the counters the job's result shows. Written in the SQL that
-- H2 and PostgreSQL share.

-- dryRun=true: the file is read whole and the job says what would be stored, storing nothing
ALTER TABLE import_job ADD COLUMN dry_run BOOLEAN DEFAULT FALSE NOT NULL;
-- urlFrom/urlTo pairs of the request, as JSON, for the admins' view
ALTER TABLE import_job ADD COLUMN url_map VARCHAR(8000);
-- CHECKING (the whole file is read once before anything is stored) or WRITING, while RUNNING
ALTER TABLE import_job ADD COLUMN phase VARCHAR(16);
-- articles whose id came from a fallback (no slug: the post id, else the link)
ALTER TABLE import_job ADD COLUMN id_fallbacks INTEGER DEFAULT 0 NOT NULL;
-- Disqus threads that posts name but the file lacks: their articles were made from the thread's id
ALTER TABLE import_job ADD COLUMN missing_threads INTEGER DEFAULT 0 NOT NULL;
-- comments without a status in the file, held as PENDING
ALTER TABLE import_job ADD COLUMN without_status INTEGER DEFAULT 0 NOT NULL;
-- WordPress's editorial notes (comment_type note), which are not readers' comments
ALTER TABLE import_job ADD COLUMN notes_skipped INTEGER DEFAULT 0 NOT NULL;
-- what the importer had to repair to read the file (an undeclared namespace prefix), as admins read it
ALTER TABLE import_job ADD COLUMN recovery VARCHAR(2000);
-- a restore's counts per part of the export (reports, bans, ...), as JSON
ALTER TABLE import_job ADD COLUMN parts VARCHAR(4000);

-- FAILURE: the element was not imported; WARNING: it was, under an assumption the admin should know of
ALTER TABLE import_failure ADD COLUMN kind VARCHAR(16) DEFAULT 'FAILURE' NOT NULL;
ALTER TABLE import_failure ADD CONSTRAINT import_failure_kind_check CHECK (kind IN ('FAILURE', 'WARNING'));

-- pinned in the system it came from (Remark42): kept for the editors' picks to come
ALTER TABLE comment ADD COLUMN pinned BOOLEAN DEFAULT FALSE NOT NULL;

-- An import looks up a batch's source ids in one query (source_id IN (...)): the unique constraint leads with
-- source_id now, so both H2 and PostgreSQL answer that list from the index (H2 does not use an index for an IN list
-- on its second column, which made the first imports ask once per comment). Same uniqueness as before.
ALTER TABLE comment DROP CONSTRAINT comment_source_uk;
ALTER TABLE comment ADD CONSTRAINT comment_source_uk UNIQUE (source_id, source);
