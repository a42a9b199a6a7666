"""Box-office figures and a parsed SVG: the helpers the chart tests share."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from archive.models import BoxOfficeFigure

SVG = "{http://www.w3.org/2000/svg}"
RELEASE = date(2013, 1, 23)


def figure(value, day=None, reported_on=None, kind="admissions", qualifier="", note="", key="k"):
    return BoxOfficeFigure(
        kind=kind,
        key=key,
        value=Decimal(value),
        days_since_release=day,
        reported_on=reported_on,
        qualifier=qualifier,
        note=note,
    )


def miracle_figures():
    return [
        figure("4600000", day=14, note="In its first two weeks"),
        figure("10000000", day=32),
        figure("12000000", day=46, qualifier="more_than"),
        figure("12320000", reported_on=date(2013, 3, 15)),
        figure("12800000", qualifier="about", key="final"),
        figure("30000000", day=14, kind="gross"),
    ]


def parse(chart):
    return ET.fromstring(str(chart["svg"]))
