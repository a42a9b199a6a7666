"""Box-office figures and awards of a generated film."""

import datetime
from decimal import Decimal

from archive.models import Award, BoxOfficeFigure, Role

from .cultures import TICKET_PRICES
from .records import (
    ACTOR,
    ACTRESS,
    CEREMONIES,
    DIRECTOR,
    FOR_FILM,
    QUALIFIERS,
    SUPPORTING_ACTOR,
    SUPPORTING_ACTRESS,
    WRITER,
    YEAR_LAST,
)

#: The days of the run with an admissions figure.
ADMISSION_DAYS = (1, 3, 7, 14, 30)


def box_office(rng, film, release_date, currency, batch):
    """Admissions by day of the run, the final admissions and gross, maybe a budget."""
    total = int(rng.lognormvariate(12.5, 1.4)) + 1000
    share = rng.uniform(0.04, 0.12)
    for day in ADMISSION_DAYS:
        if day > 1:
            share = min(0.98, share * rng.uniform(1.3, 2.4))
        fields = {
            "kind": BoxOfficeFigure.Kind.ADMISSIONS,
            "key": f"day-{day}",
            "value": Decimal(int(total * share)),
            "days_since_release": day,
            "reported_on": release_date + datetime.timedelta(day - 1),
        }
        batch.figures.append((film, fields, False))
    final = release_date + datetime.timedelta(rng.randint(60, 180))
    fields = {
        "kind": BoxOfficeFigure.Kind.ADMISSIONS,
        "key": "final",
        "value": Decimal(total),
        "reported_on": final,
        "note": "Total admissions at the end of the run",
    }
    batch.figures.append((film, fields, True))
    gross = int(total * TICKET_PRICES[currency] * rng.uniform(0.8, 1.2))
    fields = {
        "kind": BoxOfficeFigure.Kind.GROSS,
        "key": "final",
        "value": Decimal(gross),
        "currency": currency,
        "reported_on": final,
    }
    batch.figures.append((film, fields, True))
    if rng.random() < 0.5:
        fields = {
            "kind": BoxOfficeFigure.Kind.BUDGET,
            "key": "production",
            "value": Decimal(int(gross * rng.uniform(0.2, 1.5)) // 1000 * 1000),
            "currency": currency,
            "qualifier": rng.choice(QUALIFIERS),
        }
        batch.figures.append((film, fields, True))


def awards(rng, film, year, culture, credits, batch):
    """Nominations and wins at one to three ceremonies; True if there was any."""
    eligible, weights = [], []  # mostly at home: the festivals are open to all films
    for index, (_, _, first, delay, scope, _) in enumerate(CEREMONIES):
        if first <= year + delay <= YEAR_LAST and scope in (None, culture.code):
            eligible.append(index)
            weights.append(1 if scope is None else 4)
    if not eligible:
        return False
    honoured = {FOR_FILM: None, DIRECTOR: credits[0][0]}
    actors = [person for person, kind, *_ in credits if kind == Role.Kind.ACTOR]
    men = [person for person in actors if not person[1]]
    women = [person for person in actors if person[1]]
    for who, group, rank in (
        (ACTOR, men, 0),
        (SUPPORTING_ACTOR, men, 1),
        (ACTRESS, women, 0),
        (SUPPORTING_ACTRESS, women, 1),
    ):
        if len(group) > rank:
            honoured[who] = group[rank]
    writers = [person for person, kind, *_ in credits if kind == Role.Kind.WRITER]
    if writers:
        honoured[WRITER] = writers[0]
    chosen = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        index = rng.choices(eligible, weights)[0]
        if index not in chosen:
            chosen.append(index)
    for index in chosen:
        name, _, _, delay, _, categories = CEREMONIES[index]
        categories = [item for item in categories if item[1] in honoured]
        for category, who in rng.sample(categories, min(len(categories), rng.randint(1, 4))):
            result = Award.Result.WON if rng.random() < 0.25 else Award.Result.NOMINATED
            person = honoured[who][0] if honoured[who] else 0
            batch.awards.append((film, index, year + delay, category, result, person))
    return True
