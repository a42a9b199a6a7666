"""The soak's client processes: readers of public pages and editors saving admin forms."""

import html
import json
import os
import random
import subprocess
import sys
import time
import traceback

from benchmarks.soaking.browser import Browser, Tally, form_fields, sign_in
from benchmarks.soaking.common import CONFLICT, ERROR_ITEM, PYTHON, ROOT, SHARED_EVERY


def reader(spec, tally):
    browser = Browser(spec["base"], tally)
    rng = random.Random(spec["seed"])
    urls = list(spec["urls"])
    while True:
        rng.shuffle(urls)
        for url in urls:
            if time.time() >= spec["stop_at"]:
                return
            answer = browser.request("read", url)
            if answer is not None and answer.status != 200:
                tally.fail(f"GET {url}: {answer.status}")


class Writer:
    """An editor: signs in, edits its own records, and the shared film now and then."""

    def __init__(self, spec, tally):
        self.spec = spec
        self.tally = tally
        self.browser = Browser(spec["base"], tally)
        self.visitor = Browser(spec["base"], tally)  # anonymous: reads through the cache
        self.rng = random.Random(spec["seed"])
        self.saves = 0

    def marker(self):
        """Unique in the run, and never part of another (``-w1-1]`` is not in ``-w1-12]``);
        brackets pass HTML escaping unchanged, so a public page shows it as it is."""
        self.saves += 1
        return f"[{self.spec['run']}-{self.spec['name']}-{self.saves}]"

    def open(self, target):
        answer = self.browser.request("form", target["admin"])
        if answer is None:
            return None
        fields = form_fields(answer.text, target["form"]) if answer.status == 200 else None
        if not fields or not any(name == "opened_version" for name, _ in fields):
            self.tally.fail(f"GET {target['admin']}: {answer.status}, no change form")
            return None
        return fields

    def save(self, target, fields, own):
        """'accepted', 'refused' (an edit conflict) or None (a failure)."""
        marker = self.marker()
        name, separator = target["field"], target["separator"]
        fields = [
            (key, f"{value}{separator}{marker}" if value else marker)
            if key == name
            else (key, value)
            for key, value in fields
        ]
        fields.append(("_save", "Save"))
        write = {"model": target["model"], "pk": target["pk"], "marker": marker}
        answer = self.browser.request("save", target["admin"], fields)
        if answer is None:
            return None
        if answer.status == 302 and "login" not in answer.location:
            self.tally.accepted.append(write)
            if own:
                self.read_back(target, marker)
            return "accepted"
        if answer.status == 200 and CONFLICT in answer.text:
            self.tally.refused.append(write)
            if own:
                self.tally.fail(f"{target['label']}: a save of the writer's own record refused")
            return "refused"
        error = ERROR_ITEM.search(answer.text)
        reason = html.unescape(error.group(1)) if error else "no form error shown"
        self.tally.fail(f"POST {target['admin']}: {answer.status} ({reason})")
        return None

    def read_back(self, target, marker):
        answer = self.visitor.request("read", target["public"])
        if answer is not None and answer.status == 200 and marker not in answer.text:
            self.tally.stale += 1
            self.tally.fail(f"GET {target['public']}: the page does not show the saved {marker}")
        elif answer is not None and answer.status != 200:
            self.tally.fail(f"GET {target['public']}: {answer.status}")

    def two_tabs(self, shared):
        """Open the shared film twice, save both: once the first tab's save is accepted, the
        second tab is stale and its save must be refused.

        When the first save is refused (another writer saved between the first opening and
        this save), the second tab may have been opened after that writer's save and be
        up to date, so its save may be accepted: then nothing is proved either way, and
        :func:`verify` still checks that every accepted save is stored and no refused one.
        """
        first, second = self.open(shared), self.open(shared)
        if first is None or second is None:
            return
        if self.save(shared, first, own=False) != "accepted":
            self.save(shared, second, own=False)
        elif self.save(shared, second, own=False) == "accepted":
            opened = dict(second).get("opened_version")
            self.tally.fail(
                f"{shared['label']}: a save from a stale tab (opened at version {opened}, "
                "before the other tab's accepted save) was accepted"
            )

    def run(self):
        """Turn 1 saves an own record, turn 2 the shared film from two tabs, then every
        fifth turn the shared film, the others the own records in turn. The first two
        turns are always made, even past the deadline: so each writer has at least one
        accepted and one refused save, however slow the machine."""
        spec = self.spec
        sign_in(self.browser, spec["login"], spec["username"], spec["password"])
        shared, targets = spec["shared"], spec["targets"]
        turn = 0
        while turn < 2 or time.time() < spec["stop_at"]:
            turn += 1
            if turn == 2:
                self.two_tabs(shared)
            elif turn % SHARED_EVERY == 0:
                fields = self.open(shared)
                if fields is not None:
                    time.sleep(self.rng.uniform(0, 0.3))  # another writer may save meanwhile
                    self.save(shared, fields, own=False)
            else:
                target = targets[turn % len(targets)]
                fields = self.open(target)
                if fields is not None:
                    self.save(target, fields, own=True)


def client_main():
    """A client process: runs the spec given as argument, prints its tally as JSON."""
    spec = json.loads(sys.argv[1])
    tally = Tally()
    try:
        if spec["role"] == "reader":
            reader(spec, tally)
        else:
            Writer(spec, tally).run()
    except Exception as error:  # the tally says so; the run fails
        traceback.print_exc()
        tally.fail(f"{spec['name']} stopped: {error!r}")
    print(json.dumps(tally.as_json()))


def start_client(spec):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            PYTHON,
            "-c",
            "from benchmarks.soaking import clients; clients.client_main()",
            json.dumps(spec),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
