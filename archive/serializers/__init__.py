"""The archive's serialization formats, registered through ``SERIALIZATION_MODULES``."""
