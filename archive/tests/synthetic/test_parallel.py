"""archive.synthetic.parallel: batches made in a forked process, and its failures."""

import pytest

from archive.synthetic.errors import ProducerFailed
from archive.synthetic.generator import Generator
from archive.synthetic.parallel import CAN_FORK, forked_batches

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="needs fork")


class Failing:
    def batches(self, size):
        yield ["first"]
        raise ValueError("no more films")


def test_the_forked_batches_are_the_generators():
    forked = [batch.films for batch in forked_batches(Generator(2, 30), 12)]
    here = [batch.films for batch in Generator(2, 30).batches(12)]
    assert forked == here and len(forked) == 3


def test_a_failure_in_the_second_process_is_raised_here_with_its_traceback():
    batches = forked_batches(Failing(), 1)
    assert next(batches) == ["first"]
    with pytest.raises(ProducerFailed, match="ValueError: no more films"):
        next(batches)
