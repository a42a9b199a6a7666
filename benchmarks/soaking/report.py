"""The soak's figures from the clients' tallies, the check and the server's log, and their
printed form."""

import math
import os
from collections import Counter

from benchmarks.soaking.common import KINDS, LOCKED, LOG_ALARMS


def percentile(values, fraction):
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def summarize(report, tallies, accepted, refused, checked, server_log):
    latency = {
        kind: [value for tally in tallies for value in tally["latency"][kind]] for kind in KINDS
    }
    statuses = Counter()
    for tally in tallies:
        statuses.update(tally["statuses"])
    report.update(
        requests=sum(statuses.values()),
        statuses=dict(sorted(statuses.items())),
        reads=len(latency["read"]),
        forms=len(latency["form"]),
        saves=len(latency["save"]),
        accepted=len(accepted),
        refused=len(refused),
        server_errors=sum(tally["server_errors"] for tally in tallies),
        locked=sum(tally["locked"] for tally in tallies),
        stale=sum(tally["stale"] for tally in tallies),
        errors=sum(tally["failure_count"] for tally in tallies),
        verified_records=checked["records"],
        latency={
            kind: {"p50": percentile(values, 0.50), "p99": percentile(values, 0.99)}
            for kind, values in latency.items()
        },
    )
    failures = report["failures"]
    for tally in tallies:
        failures += tally["failures"]
    failures += checked["failures"]
    report["unsaved"] = checked["failures"]
    alarms = [line for line in server_log.splitlines() if any(a in line for a in LOG_ALARMS)]
    if alarms:
        failures.append(f"{len(alarms)} alarming lines in the server's log, first: {alarms[0]}")
    report["server_log_alarms"] = alarms[:20]
    if report["reads"] == 0 or report["accepted"] == 0:
        failures.append("the run read or saved nothing: it proves nothing")


def render(report):
    elapsed = report.get("elapsed") or report["duration"]

    def line(label, count, kind=None):
        text = f"{label:<14} {count:>8,}  {count / elapsed:8.1f}/s"
        if kind:
            figures = report["latency"][kind]
            text += f"   p50 {figures['p50']:7.1f} ms   p99 {figures['p99']:7.1f} ms"
        return text

    lines = [
        f"Soak on {report['database']} ({report['films']:,} films, {report['people']:,} "
        f"people): {elapsed:.0f} s, gunicorn with {report['workers']} sync workers, "
        f"{report['readers']} readers and {report['writers']} writers, "
        f"{os.cpu_count()} cores shared by all",
        f"{'setup':<14} {report['setup_seconds']:.0f} s ("
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in report["setup_steps"].items())
        + ")",
        line("requests", report["requests"]),
        line("public reads", report["reads"], "read"),
        line("admin forms", report["forms"], "form"),
        line("saves", report["saves"], "save"),
        f"{'':<14} {report['accepted']:,} accepted, {report['refused']:,} refused as edit "
        "conflicts",
        f"{'statuses':<14} "
        + ", ".join(f"{status}: {count:,}" for status, count in report["statuses"].items()),
        f"{'errors':<14} {report['errors']:,} (5xx: {report['server_errors']}, "
        f"'{LOCKED}': {report['locked']}, stale public pages: {report['stale']})",
        f"{'verified':<14} {report['verified_records']} records: every accepted save stored, "
        "no refused one, versions and history counted"
        if not report["failures"]
        else f"{'FAILED':<14} " + "\n               ".join(report["failures"][:20]),
    ]
    return "\n".join(lines)
