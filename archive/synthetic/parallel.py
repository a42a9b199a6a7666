"""Making the values in a forked second process while this one inserts the previous batch.

Only plain values cross (see :func:`.batch.derived`); the child never touches the database.
"""

import multiprocessing
import queue
import traceback

from .errors import ProducerFailed

#: Whether generation can run in a forked second process (not on Windows).
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def _produce(generator, batch_size, handover):
    """The second process: make the batches and hand them over (a traceback on failure)."""
    try:
        for batch in generator.batches(batch_size):
            handover.put(batch)
        handover.put(None)
    except BaseException:
        handover.put(traceback.format_exc())


def forked_batches(generator, batch_size):
    """The generator's batches, made in a forked process, two at the most waiting."""
    context = multiprocessing.get_context("fork")
    handover = context.Queue(maxsize=2)
    process = context.Process(target=_produce, args=(generator, batch_size, handover), daemon=True)
    process.start()
    try:
        while True:
            try:
                item = handover.get(timeout=1)
            except queue.Empty:
                if not process.is_alive():
                    raise ProducerFailed(
                        f"The generating process stopped (exit code {process.exitcode})."
                    ) from None
                continue
            if item is None:
                break
            if isinstance(item, str):
                raise ProducerFailed(f"The generating process failed:\n{item}")
            yield item
        process.join()
    finally:
        if process.is_alive():
            process.terminate()
            process.join()
