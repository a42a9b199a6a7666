"""The values of a synthetic archive, made in order from one seeded random generator."""

import datetime
import random

from django.utils.text import slugify

from archive.models import Film, FilmTitle, Person, Role
from archive.text import fold

from .batch import Batch, derived
from .cultures import CULTURE_WEIGHTS, CULTURES, ENGLISH, PARTNER_CODES, PARTNER_WEIGHTS
from .honours import awards, box_office
from .names import EPITHETS
from .records import (
    ADAPTATION_KINDS,
    ADAPTATION_WEIGHTS,
    ANIMATION,
    BOX_OFFICE,
    FESTIVALS,
    GENRE_INDEXES,
    GENRE_WEIGHTS,
    GENRES,
    PRESS_KIT,
    SLUG_PREFIX,
    TRADE_PRESS,
    YEAR_FIRST,
    YEAR_LAST,
    YEARBOOK,
)
from .vocabulary import ADJECTIVES_EN, NOUNS_EN

RELEASED_SHARE = 0.94  # the rest is in production or announced, with no year yet
P_NEW_PERSON = 0.2  # a credit goes to a newcomer: about 2 new people per film of 10 credits
WARM_UP = 20  # ... more often while a culture's cast or crew has fewer newcomers than this
P_PREFERENTIAL = 0.6  # otherwise it goes to the person of a recent credit (busy people get
CREDIT_MEMORY = 5000  # busier), among the last credits of the culture's cast or crew,
ROSTER_MEMORY = 3000  # or else to one of its recent newcomers
CAREER_YEARS = 15  # the mean career, from the first credit to the last
REMAKE_MEMORY = 5000  # a uniform sample of earlier released films, the sources of remakes
P_REMAKE = 0.05
P_AWARDS = 0.08  # films in the awards season: about 0.3 awards per film in all
P_FIGURES = 0.12  # released films (1970 on) with box-office figures


class Ring:
    """The last ``size`` items added: once full, each new item replaces the oldest."""

    def __init__(self, size):
        self.items, self.size, self.at = [], size, 0

    def add(self, item):
        if len(self.items) < self.size:
            self.items.append(item)
        else:
            self.items[self.at] = item
            self.at = (self.at + 1) % self.size


class Pool:
    """Recent credits and newcomers of one culture's cast or crew, in bounded rings, so that
    memory stays flat: people are (number, female, name, last year) tuples."""

    def __init__(self):
        self.credits = Ring(CREDIT_MEMORY)
        self.roster = Ring(ROSTER_MEMORY)

    def pick(self, rng):
        ring = self.credits if rng.random() < P_PREFERENTIAL else self.roster
        return ring.items[rng.randrange(len(ring.items))]


class Generator:
    """Makes the films in order from one seeded random generator: same seed, same films.

    Films come in the order of their years (a stratified draw), so the people of a film are
    drawn from those of recent films of its culture and careers stay in their time.
    """

    def __init__(self, seed, films):
        self.rng = random.Random(seed)
        self.total = films
        self.films_made = 0
        self.people_made = 0
        self.year = YEAR_FIRST  # of the film being made, or the last year for unreleased films
        self.pools = {(culture.code, crew): Pool() for culture in CULTURES for crew in (0, 1)}
        self.remake_sources = []
        self.released_seen = 0

    def batches(self, size):
        while self.films_made < self.total:
            batch = Batch()
            for _ in range(min(size, self.total - self.films_made)):
                self.film(batch)
            yield batch

    # People

    def new_person(self, culture, female, batch):
        rng = self.rng
        given, given_original = rng.choice(culture.women if female else culture.men)
        surname = rng.choice(culture.surnames)
        family, family_original = (surname[2], surname[3]) if female else surname[:2]
        other_names = ""
        if culture.unspaced:
            name_original = f"{family_original}{given_original}"
        else:
            name_original = f"{given_original} {family_original}" if given_original else ""
        name = f"{family} {given}" if culture.family_first else f"{given} {family}"
        if surname[4] and rng.random() < 0.3:
            other_names = f"{surname[4]} {given}"  # another romanization of a Korean surname
        if culture.code == "es" and rng.random() < 0.4:
            name = f"{name} {rng.choice(culture.surnames)[0]}"
        self.people_made += 1
        slug = f"{SLUG_PREFIX}{slugify(fold(name))}-{self.people_made}"
        person = Person(name=name, slug=slug, name_original=name_original, other_names=other_names)
        batch.people.append(derived(person))
        # A career of a few years for most, of decades for some: (number, female, name, last year).
        last_year = self.year + min(60, int(rng.expovariate(1 / CAREER_YEARS)))
        return (self.people_made, female, name, last_year)

    def person(self, culture, crew, batch, exclude=()):
        """Someone of the culture for a credit: a newcomer, or a person with earlier credits."""
        rng = self.rng
        pool = self.pools[culture.code, crew]
        chosen = None
        p_new = max(P_NEW_PERSON, 1 - len(pool.roster.items) / WARM_UP)
        if pool.credits.items and rng.random() >= p_new:
            for _ in range(4):
                candidate = pool.pick(rng)
                if candidate[3] >= self.year and candidate not in exclude:
                    chosen = candidate
                    break
        if chosen is None:
            female = rng.random() < (0.2 if crew else 0.45)
            chosen = self.new_person(culture, female, batch)
            pool.roster.add(chosen)
        pool.credits.add(chosen)
        return chosen

    def character(self, culture, female):
        rng = self.rng
        surname = rng.choice(culture.surnames)[2 if female else 0]
        if rng.random() < 0.2:
            return rng.choice(EPITHETS[female]).format(surname)
        given = rng.choice(culture.women if female else culture.men)[0]
        if rng.random() < 0.5:
            return given
        return f"{surname} {given}" if culture.family_first else f"{given} {surname}"

    # Films

    def concept(self):
        """A title, as indexes: (noun, adjective, second noun, sequel number)."""
        rng = self.rng
        noun = rng.randrange(len(NOUNS_EN))
        shape = rng.random()
        adjective = other = -1
        if shape < 0.6:
            adjective = rng.randrange(len(ADJECTIVES_EN))
        elif shape < 0.85:
            other = rng.randrange(len(NOUNS_EN) - 1)
            other += other >= noun  # never "The River and the River"
        sequel = rng.choice((2, 2, 2, 3)) if rng.random() < 0.04 else 0
        return noun, adjective, other, sequel

    @staticmethod
    def render(culture, concept):
        noun, adjective, other, sequel = concept
        text, latin = culture.render(noun, adjective, other)
        if sequel:
            text = f"{text} {sequel}"
            latin = latin and f"{latin} {sequel}"
        return text, latin

    def pick_culture(self, unlike=None):
        while True:
            culture = self.rng.choices(CULTURES, CULTURE_WEIGHTS)[0]
            if culture is not unlike:
                return culture

    def film(self, batch):
        rng = self.rng
        self.films_made += 1
        number = self.films_made
        share = (number - 1 + rng.random()) / self.total
        if share < RELEASED_SHARE:
            status = Film.Status.RELEASED
            span = YEAR_LAST - YEAR_FIRST + 1
            year = YEAR_FIRST + int(span * (share / RELEASED_SHARE) ** 0.55)
        else:
            middle = (1 + RELEASED_SHARE) / 2
            status = Film.Status.IN_PRODUCTION if share < middle else Film.Status.ANNOUNCED
            year = None

        self.year = year or YEAR_LAST
        source = None
        if self.remake_sources and rng.random() < P_REMAKE:
            candidate = rng.choice(self.remake_sources)
            if year is None or candidate[1] < year:
                source = candidate
        if source is None:
            culture = self.pick_culture()
            concept = self.concept()
        else:
            _, _, source_culture, source_concept, _, _, _ = source
            unlike = None if rng.random() < 0.15 else source_culture
            culture = self.pick_culture(unlike)
            concept = source_concept[:3] + (0,)

        country, _, demonym, currency = rng.choices(culture.countries, culture.country_weights)[0]
        countries = [country]
        if rng.random() < 0.15:
            partner = rng.choices(PARTNER_CODES, PARTNER_WEIGHTS)[0]
            if partner != country:
                countries.append(partner)
        genres = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            genre = rng.choices(GENRE_INDEXES, GENRE_WEIGHTS)[0]
            if genre not in genres:
                genres.append(genre)

        titles, display, english = self.titles(culture, concept, status, source)
        release_date = runtime = None
        if year:
            days = 366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365
            release_date = datetime.date(year, 1, 1) + datetime.timedelta(rng.randrange(days))
            mean = 140 if culture.code == "hi" else (75 if year < 1935 else 102)
            runtime = max(40, min(240, int(rng.gauss(86 if genres[0] == ANIMATION else mean, 18))))

        base = slugify(fold(display)) if display else "untitled"
        slug = f"{SLUG_PREFIX}{base}-{year}-{number}" if year else f"{SLUG_PREFIX}{base}-{number}"
        for kind, text, language, note in titles:
            title = FilmTitle(kind=kind, text=text, note=note)
            batch.titles.append((number, derived(title), language))
        for code in countries:
            batch.countries.append((number, code))
        for genre in genres:
            batch.genres.append((number, genre))

        credits = self.credits(number, culture, status, genres, batch)
        genre_name = GENRES[genres[0]][0].lower()
        director = credits[0][0][2]
        if year:
            summary = f"A {year} {demonym} {genre_name} film directed by {director}."
        else:
            summary = f"An upcoming {demonym} {genre_name} film directed by {director}."
        based_on = ""
        if source is not None:
            source_number, source_year, _, _, _, source_demonym, source_title = source
            kind = rng.choices(ADAPTATION_KINDS, ADAPTATION_WEIGHTS)[0]
            note = ""
            if rng.random() < 0.3:
                note = f"A {demonym} remake of the {source_year} {source_demonym} film."
            batch.adaptations.append((source_number, number, kind, note))
            based_on = f"The {source_year} {source_demonym} film {source_title}."
        film = Film(
            title=display,
            slug=slug,
            year=year,
            release_date=release_date,
            status=status,
            runtime=runtime,
            summary=summary,
            based_on=based_on,
        )
        batch.films.append((derived(film), culture.code))

        if rng.random() < 0.3:
            batch.sources.append((number, rng.choice((YEARBOOK, TRADE_PRESS, PRESS_KIT))))
        if year:
            if year >= 1970 and rng.random() < P_FIGURES:
                box_office(rng, number, release_date, currency, batch)
                batch.sources.append((number, BOX_OFFICE))
            if rng.random() < P_AWARDS and awards(rng, number, year, culture, credits, batch):
                batch.sources.append((number, FESTIVALS))
            self.remember((number, year, culture, concept, english, demonym, display))

    def titles(self, culture, concept, status, source):
        """The film's titles as (kind, text, language, note), its display title and its
        English title."""
        rng = self.rng
        original, latin = self.render(culture, concept)
        if status == Film.Status.ANNOUNCED and source is None and rng.random() < 0.4:
            return [(FilmTitle.Kind.WORKING, original, culture.code, "Working title")], "", ""
        titles = [(FilmTitle.Kind.ORIGINAL, original, culture.code, culture.original_note)]
        if latin:
            titles.append((FilmTitle.Kind.ROMANIZED, latin, culture.code, culture.romanized_note))
        display = english = original
        if culture is not ENGLISH:
            literal = self.render(ENGLISH, concept)[0]
            if source is not None and source[4]:
                english = source[4]  # remakes keep the original's English title
            elif rng.random() < 0.25:
                english = self.render(ENGLISH, self.concept())[0]
            else:
                english = literal
            titles.append((FilmTitle.Kind.RELEASE, english, "en", "English title"))
            if literal != english:
                titles.append(
                    (FilmTitle.Kind.LITERAL, literal, "en", "Literal English translation")
                )
            if culture.english_display:
                display = english
        if len(titles) < 4 and rng.random() < 0.08:
            working = self.render(culture, self.concept())[0]
            if working != original:
                titles.append((FilmTitle.Kind.WORKING, working, culture.code, "Working title"))
        return titles, display, english

    def credits(self, film, culture, status, genres, batch):
        """The credits as (person, kind, character, note, billing), the director first."""
        rng = self.rng
        unreleased = status != Film.Status.RELEASED
        announced = "announced" if unreleased else ""
        director = self.person(culture, 1, batch)
        credits = [(director, Role.Kind.DIRECTOR, "", announced, None)]
        if status != Film.Status.ANNOUNCED:
            writers = [director] if rng.random() < 0.4 else []
            for _ in range(rng.choices((1, 2, 3), (55, 30, 15))[0] - len(writers)):
                writers.append(self.person(culture, 1, batch, writers))
            credits += [
                (writer, Role.Kind.WRITER, "", "", n) for n, writer in enumerate(writers, 1)
            ]
            producers = []
            for _ in range(rng.choices((0, 1, 2), (30, 40, 30))[0]):
                producers.append(self.person(culture, 1, batch, producers))
            credits += [
                (person, Role.Kind.PRODUCER, "", "", n) for n, person in enumerate(producers, 1)
            ]
        count = rng.randint(0, 2) if status == Film.Status.ANNOUNCED else rng.randint(3, 11)
        note = announced or ("voice" if genres[0] == ANIMATION else "")
        actors, characters = [], []
        while len(actors) < count:
            actor = self.person(culture, 0, batch, actors)
            actors.append(actor)
            character = self.character(culture, actor[1])
            if character in characters:
                character = self.character(culture, actor[1])
            characters.append(character)
            if len(actors) == 2 and not unreleased and rng.random() < 0.04:
                # One character at two ages, as Ye-sung in the seed film.
                credits.append((actor, Role.Kind.ACTOR, character, "child", len(actors)))
                adult = self.person(culture, 0, batch, actors)
                actors.append(adult)
                credits.append((adult, Role.Kind.ACTOR, character, "adult", len(actors)))
                continue
            last = len(actors) > 3 and not unreleased and rng.random() < 0.03
            credits.append(
                (actor, Role.Kind.ACTOR, character, "uncredited" if last else note, len(actors))
            )
        for person, kind, character, role_note, billing in credits:
            role = Role(kind=kind, character=character, note=role_note, billing=billing)
            batch.roles.append((film, person[0], derived(role)))
        return credits

    def remember(self, film):
        """Keep a uniform sample of the released films so far, the sources of remakes."""
        self.released_seen += 1
        if len(self.remake_sources) < REMAKE_MEMORY:
            self.remake_sources.append(film)
        else:
            slot = self.rng.randrange(self.released_seen)
            if slot < REMAKE_MEMORY:
                self.remake_sources[slot] = film
