"""Why a run stops: the command turns these into its own error messages."""


class GenerationError(Exception):
    """A run that cannot go on; nothing of the batch in hand is kept."""


class ArchiveNotEmpty(GenerationError):
    """The database already holds generated films or people."""


class MissingReferenceData(GenerationError):
    """The languages or countries that the migrations create are not there."""


class ProducerFailed(GenerationError):
    """The second process stopped or raised."""
