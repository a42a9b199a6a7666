"""What runs inside Django, in a process of its own with the server's settings: the set-up
of the database and the clients' plans, and the check of every save afterwards."""

import json
import os
import subprocess
import sys
import time
import urllib.parse
from collections import defaultdict

from benchmarks.soaking.common import FIXTURE, PYTHON, ROOT, SHARED_FILM, USER_PREFIX, SoakError


def in_django(env, task, **arguments):
    """Run ``task`` (a function of :data:`TASKS`) in a new process with the server's
    settings (this process may have other settings, e.g. pytest's) and return its result."""
    result = subprocess.run(
        [PYTHON, "-c", "from benchmarks.soaking import tasks; tasks.task_main()", task],
        input=json.dumps(arguments),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise SoakError(f"{task} failed:\n{result.stderr.strip()}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def task_main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    result = TASKS[sys.argv[1]](**json.load(sys.stdin))
    print(json.dumps(result))


def prepare(writers, per_writer, films, password):
    """Runs in Django: the database, the static files, the accounts, and what each client
    does (the writers' records, the readers' pages)."""
    import io

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import transaction
    from django.urls import reverse

    from archive.models import Film, Person
    from archive.models.history import FOUND_REASONS
    from archive.views.lists import ArchiveListView

    quiet = io.StringIO()
    steps, started = {}, time.monotonic()

    def step(name):
        nonlocal started
        steps[name] = time.monotonic() - started
        started = time.monotonic()

    call_command("migrate", verbosity=0, stdout=quiet)
    step("migrate")
    call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)
    step("collectstatic")
    soaked_before = User.objects.filter(username__startswith=USER_PREFIX).exists()
    if Film.objects.exists() and not soaked_before:
        sys.exit(
            "This database holds an archive that no soak made, and the soak edits records: "
            "point --database-url at a scratch database."
        )
    if not Film.objects.exists():
        call_command("loaddata", FIXTURE, verbosity=0, stdout=quiet)
        call_command(
            "generate_archive", films=films, seed=1, verbosity=0, stdout=quiet, stderr=quiet
        )
        step("archive")

    group = Group.objects.get(name="Editors")
    hashed = make_password(password)  # one slow hash for every account
    with transaction.atomic():
        for number in range(1, writers + 1):
            user, _ = User.objects.update_or_create(
                username=f"{USER_PREFIX}{number}",
                defaults={"is_staff": True, "is_active": True, "password": hashed},
            )
            user.groups.add(group)

    def target(record, field, separator):
        model = record._meta.model_name
        history = type(record).history.filter(id=record.pk)
        return {
            "model": model,
            "pk": record.pk,
            "label": str(record),
            "field": field,
            "separator": separator,
            "form": f"{model}_form",
            "admin": reverse(f"admin:archive_{model}_change", args=[record.pk]),
            "public": record.get_absolute_url(),
            "version": record.version,
            "changes": history.exclude(history_change_reason__in=FOUND_REASONS).count(),
        }

    shared = Film.objects.get(slug=SHARED_FILM)
    needed = writers * per_writer
    own_films = list(Film.objects.exclude(pk=shared.pk).order_by("pk")[:needed])
    own_people = list(Person.objects.order_by("pk")[:needed])
    if len(own_films) < needed or len(own_people) < needed:
        sys.exit(f"The archive has too few films or people for {writers} writers.")
    plans = [
        [target(film, "summary", " ") for film in own_films[number::writers]]
        + [target(person, "other_names", "\n") for person in own_people[number::writers]]
        for number in range(writers)
    ]

    film_count = Film.objects.count()
    words = sorted(
        {
            word
            for title in Film.objects.order_by("pk").values_list("title_folded", flat=True)[:200]
            for word in title.split()
            if len(word) >= 4
        }
    )
    films_url = reverse("archive:film-list")
    people_url = reverse("archive:person-list")
    urls = [
        reverse("archive:home"),
        films_url,
        f"{films_url}?country=KR",
        f"{films_url}?year_min=1990&year_max=2010",
        f"{films_url}?country=KR&format=csv",
        people_url,
        reverse("archive:adaptation-list"),
        reverse("archive:award-list"),
        shared.get_absolute_url(),
        f"{shared.get_absolute_url()}?format=json",
    ]
    if film_count > ArchiveListView.paginate_by:
        urls.append(f"{films_url}?page=2")
    urls += [f"{films_url}?q={urllib.parse.quote(word)}" for word in words[:8]]
    urls += [f"{people_url}?q={urllib.parse.quote(word)}" for word in words[8:12]]
    urls += [film.get_absolute_url() for film in Film.objects.order_by("-pk")[:10]]
    urls += [person.get_absolute_url() for person in Person.objects.order_by("-pk")[:10]]
    return {
        "login": reverse("admin:login"),
        "shared": target(shared, "summary", " "),
        "plans": plans,
        "urls": urls,
        "films": film_count,
        "people": Person.objects.count(),
        "steps": steps,
    }


def verify(targets, accepted, refused):
    """Runs in Django: every accepted save is in its record, no refused save is, and the
    record's version and its edit history counted exactly the accepted saves."""
    from archive.models import Film, Person
    from archive.models.history import FOUND_REASONS

    models = {"film": Film, "person": Person}
    saved, not_saved = defaultdict(list), defaultdict(list)
    for write in accepted:
        saved[(write["model"], write["pk"])].append(write["marker"])
    for write in refused:
        not_saved[(write["model"], write["pk"])].append(write["marker"])
    failures = []
    for target in targets:
        key = (target["model"], target["pk"])
        model = models[target["model"]]
        record = model.objects.get(pk=target["pk"])
        text = getattr(record, target["field"])
        markers = saved[key]
        missing = [marker for marker in markers if marker not in text]
        if missing:
            failures.append(
                f"{target['label']}: {len(missing)} of {len(markers)} accepted saves are "
                f"missing from the database (first: {missing[0]})"
            )
        kept = [marker for marker in not_saved[key] if marker in text]
        if kept:
            failures.append(f"{target['label']}: {len(kept)} refused saves are in the database")
        if record.version != target["version"] + len(markers):
            failures.append(
                f"{target['label']}: version {record.version}, expected "
                f"{target['version']} + {len(markers)} accepted saves"
            )
        changes = (
            model.history.filter(id=record.pk)
            .exclude(history_change_reason__in=FOUND_REASONS)
            .count()
        )
        if changes - target["changes"] != len(markers):
            failures.append(
                f"{target['label']}: {changes - target['changes']} versions in the edit "
                f"history for {len(markers)} accepted saves"
            )
    return {"failures": failures, "records": len(targets)}


TASKS = {"prepare": prepare, "verify": verify}
