"""Dates as the public site writes them ("22 November 2026"), in the admin too: Django's
English formats with the date and time formats replaced (``FORMAT_MODULE_PATH``)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
