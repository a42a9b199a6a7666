"""The editors' side: an admin for every archive record.

Built for a large archive: relations are chosen through autocomplete (never a list of every
film or person), lists sort only on indexed columns and skip the second full count, every
page costs a fixed number of queries however many rows it shows, and every database
constraint reaches the editor as a form error. ``base`` holds what the admins share,
``forms`` their forms and formsets, ``rows`` how the rows of a record's page are drawn; one
module per part of the domain, as in ``archive.models``.
"""

from . import adaptation, award, film, history, person, reference  # noqa: F401  (registers)
