"""`make bench`'s admin table: the film form with its 50 credits and every other part, as a
ratio to the same film's form without its parts (inlines).

Both forms are asked in-process by a test client signed in as a superuser (benchmarks/
measure.py ``--admin``, pages in benchmarks/prepare.py); the form without parts is the film's
own admin on the benchmark's admin site (benchmarks/urls.py), so the two differ by the
inlines only. The table goes to its own part of docs/benchmarks.md, between its own markers,
so that ``--admin-only`` (on any archive, a small one included) leaves the public pages'
table as it was.
"""

#: The reference of the table, and the most each other page may cost, in its multiples.
REFERENCE = "plain film form"
TARGETS = {"film form": 3}
PAGES = (REFERENCE, *TARGETS)
START, END = "<!-- make bench admin: start -->", "<!-- make bench admin: end -->"


def render(started, machine, load, args, databases):
    """The admin part of the docs, and the pages that missed their target per database.

    ``databases`` maps a database's name to ``(facts, films)``: what ``measure.py --admin``
    printed and how many films its archive holds.
    """
    lines = [
        START,
        "",
        f"Run of {started} UTC: {machine}. Load average {load}. `--rounds {args.rounds} "
        f"--warmup {args.warmup}`.",
        "",
    ]
    missed = {}
    for name, (facts, films) in databases.items():
        pages = facts["pages"]
        reference = pages[REFERENCE]["cpu_ms"]
        lines += [
            f"### {name} ({facts['database']}; {films:,} films)",
            "",
            "| page | queries | median CPU ms | ratio | target | met? | median wall ms "
            "| requests |",
            "|---|---|---:|---:|---:|---|---:|---:|",
        ]
        for key, page in pages.items():
            ratio = page["cpu_ms"] / reference
            target = TARGETS.get(key)
            target_text = f"≤ {target}×" if target else ""
            met = "" if target is None else ("yes" if ratio <= target else "**NO**")
            if target is not None and ratio > target:
                missed.setdefault(name, []).append(key)
            queries = str(page["queries"])
            if page["repeated"]:
                queries += f" ({page['repeated']} repeated)"
            lines.append(
                f"| {page['label']} | {queries} | {page['cpu_ms']:.1f} | {ratio:.1f}× "
                f"| {target_text} | {met} | {page['wall_ms']:.1f} | {page['requests']} |"
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines) + "\n", missed


HEADING = """## The admin's film form

`make bench` also times the admin's change form of the film with 50 credits (every part:
titles, credits, awards, figures, companies, links, notes, pictures), asked by a signed-in
superuser, against the same film's form without its parts (benchmarks/admin_forms.py).
`make bench ARGS="--admin-only --films 2000"` measures only this, on any archive.

"""


def write(path, section):
    """Put ``section`` between the admin markers of ``path``, or at its end with a heading."""
    text = path.read_text(encoding="utf-8")
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
    else:
        head, tail = text.rstrip("\n") + "\n\n" + HEADING, ""
    path.write_text(head + section.rstrip("\n") + tail.rstrip("\n") + "\n", encoding="utf-8")
