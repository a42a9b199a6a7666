"""A synthetic archive, for load tests and for trying the site at scale.

``python manage.py generate_archive --films 100000 --seed 1`` makes 100,000 films with about
220,000 people, 1,000,000 credits, 230,000 titles, 5,000 remakes, 26,000 awards and
65,000 box-office figures, in proportions like those of a real film database:

- every film has a culture (English, French, Spanish, Turkish, Korean, Russian, Greek,
  Hindi, Japanese or Chinese) that sets its countries (real ISO codes), its original
  language, its people's names and its titles: an original title in its own script
  (조용한 강, Тихая река, Το σιωπηλό ποτάμι, ख़ामोश नदी, 静かな川, 沉默的河, Sessiz Nehir), a
  romanization for the non-Latin scripts, an English release title and sometimes a literal
  translation or a working title. People of a non-Latin script have their name in it too
  (김민준, 佐藤さくら, 张伟) beside the Latin one;
- credits: one director, one to three writers (often the director), up to two producers
  and the cast with characters and billing order. People are shared between the films of
  their culture and time: careers last some years, most people have a few credits and a
  few have hundreds (busy people get busier). So the bigger the archive, the more it
  shares: about two people a film at 100,000 films, three at 10,000, five at 300;
- most films are released, with a year from 1920 to 2026 and a release date; some are in
  production or announced, with no year; one in twenty is a remake of an earlier film;
- awards and nominations at 17 real ceremonies, box-office admissions by day of the run
  (keys ``day-1`` ... ``day-30``, ``final``), gross and budget; a few synthetic sources.

The records depend only on ``--seed`` and ``--films``: two runs with the same values make
the same rows (slugs, names, titles, credits, figures) inserted in the same order; only
primary keys and timestamps may differ. ``--batch-size`` changes how many films go into
each transaction, never the records.

Generated films and people have slugs that start with ``gen-`` and end with their number
in the run (``gen-the-silent-river-1987-42``, ``gen-kim-min-jun-17``), so they never clash
with real records such as the seed fixture's, and they are easy to tell apart. Genres and
ceremonies are looked up by slug or name and created only when missing, so a fixture
loaded before or after shares them.

The command refuses to run (it exits with an error and changes nothing) when the database
already holds generated films or people: a second run would mix two archives, and there is
deliberately no option to delete or overwrite. Run it on a fresh database: point
``DATABASE_URL`` at a new one and migrate. (``manage.py flush`` is not enough: it also
empties the countries and languages that a migration created.) Each batch is committed on
its own, so a run stopped half-way keeps its finished batches and a new run needs a fresh
database too.

How: one seeded ``random.Random`` makes the films in the order of their years, batch by
batch, as plain values (:mod:`.generator`, with :mod:`.honours`; the words and names are in
:mod:`.vocabulary`, :mod:`.titles`, :mod:`.names`, :mod:`.cultures` and :mod:`.records`);
each batch goes into the database in one transaction (:mod:`.loader`: ``bulk_create`` for
the rows that later rows refer to, plain rows through :mod:`.rows` for titles and credits).
Where the system can fork, the values are made in a second process while this one inserts
the previous batch (:mod:`.parallel`; ``--no-parallel`` does both here; the records are the
same). Memory stays flat: the generator keeps only bounded samples of recent people and
earlier films, and the loader keeps the primary key of every film and person it made (8
bytes each), never the rows. ``bulk_create`` sends no ``pre_save`` signal, so the search
columns are derived with :func:`archive.signals.derive_search_fields` where the values are
made; ``auto_now`` and ``auto_now_add`` do apply to ``bulk_create`` (the fields'
``pre_save`` runs), so the timestamps are the time of the insert. At the end
(:mod:`.run`) the archive's version goes up (the cached pages and counts are stale: no
signal told them) and the database's statistics are refreshed (``ANALYZE``; ``VACUUM
ANALYZE`` on PostgreSQL outside a transaction), so that the planner does not plan for the
empty tables it saw before. The search indexes (FTS5 triggers, trigram indexes) are dropped
for the run and built once at its end (``archive.search.deferred``).

The command ``generate_archive`` parses the options and draws the progress bar;
:func:`.run.generate` does the rest.
"""
