"""What the soak's parts share: where the project is, the names and markers they agree on."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
FIXTURE = "miracle_in_cell_no_7"
#: The film every writer edits, to make edit conflicts (the Turkish remake: its admin page
#: is of a common size; the 2013 original's, with every credit and award, is four times it).
SHARED_FILM = "7-kogustaki-mucize-2019"
#: The writers' accounts are this followed by their number.
USER_PREFIX = "soak-editor-"
#: Every n-th save of a writer goes to the shared film.
SHARED_EVERY = 5
#: Seconds a client waits for one answer (gunicorn's worker timeout is 30).
REQUEST_TIMEOUT = 30
#: The start of the message of a save refused as an edit conflict.
CONFLICT = "Not saved:"
LOCKED = "database is locked"
#: Lines of the server's log (gunicorn's and Django's) that fail the run.
LOG_ALARMS = (
    "Traceback",
    "Internal Server Error",
    LOCKED,
    "[ERROR]",
    "[CRITICAL]",
    "WORKER TIMEOUT",
)
#: The first error of a form the admin sends back.
ERROR_ITEM = re.compile(r'class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', re.S)
KINDS = {"read": "public reads", "form": "admin forms", "save": "saves"}


class SoakError(Exception):
    """The soak could not be set up (not a finding about the archive)."""


def log_to_stderr(message):
    print(message, file=sys.stderr, flush=True)
