"""archive.synthetic.generator: the values of an archive, made without the database."""

from archive.synthetic.generator import Generator, Ring


def values(seed, films, batch_size):
    batches = Generator(seed, films).batches(batch_size)
    return [
        (batch.people, batch.films, batch.titles, batch.roles, batch.awards, batch.figures)
        for batch in batches
    ]


def test_the_same_seed_makes_the_same_values():
    assert values(5, 60, 60) == values(5, 60, 60)
    assert values(5, 60, 60) != values(6, 60, 60)


def test_the_batch_size_splits_the_same_values():
    whole = values(5, 60, 60)[0]
    parts = values(5, 60, 25)
    assert [len(part[1]) for part in parts] == [25, 25, 10]
    for kind in range(len(whole)):
        assert [row for part in parts for row in part[kind]] == whole[kind]


def test_a_ring_keeps_the_last_items():
    ring = Ring(3)
    for item in range(5):
        ring.add(item)
    assert sorted(ring.items) == [2, 3, 4]
