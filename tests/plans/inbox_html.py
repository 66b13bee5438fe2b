"""Reading the review inbox's lists from its HTML (its rows are cached HTML, not objects)."""

from __future__ import annotations

import re
from typing import Any

ROW = re.compile(r'<tr data-report="(\d+)">.*?<td class="num"[^>]*>(\d+)</td>', re.DOTALL)


def listed(response: Any, testid: str = "inbox-waiting") -> list[tuple[int, int]]:
    """(report id, days waiting) of each row of the page's section `testid` ("inbox-waiting",
    "inbox-returned", "inbox-signoff"), in order; [] when the page has no such section."""
    body = response.content.decode()
    start = body.find(f'data-testid="{testid}"')
    if start < 0:
        return []
    section = body[start : body.index("</section>", start)]
    return [(int(pk), int(days)) for pk, days in ROW.findall(section)]


def ids(response: Any, testid: str = "inbox-waiting") -> list[int]:
    return [pk for pk, _days in listed(response, testid)]
