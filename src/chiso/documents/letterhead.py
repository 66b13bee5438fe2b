"""Who issues a report, where and when, and who signs it — the parts of the Decree 30 layout
that do not depend on the report's content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from chiso.documents.decree30 import DocumentHead, IssuingBody, Signature

# (percent done, what is being done) — reported while a document is generated.
Progress = Callable[[int, str], None]


def no_progress(percent: int, step: str) -> None:
    """The progress sink for callers that do not show progress (the CLI, tests)."""


@dataclass(frozen=True)
class Letterhead:
    body: IssuingBody
    place: str  # "Khánh Hòa"
    date: dt.date
    signature: Signature
    recipients: tuple[str, ...]
    number: str = ""

    def head(self, kind_code: str, kind_title: str, summary: str) -> DocumentHead:
        return DocumentHead(
            body=self.body,
            kind_code=kind_code,
            number=self.number,
            place=self.place,
            date=self.date,
            kind_title=kind_title,
            summary=summary,
            recipients=self.recipients,
            signature=self.signature,
        )


def committee_line(province_name: str, kind: str = "tỉnh") -> str:
    """UBND TỈNH KHÁNH HÒA — the governing body written above a department's name."""
    return f"UBND {kind} {province_name}".upper()


def home_affairs_letterhead(
    province_name: str,
    date: dt.date,
    province_kind: str = "tỉnh",
    signer: str = "",
    signer_title: str = "GIÁM ĐỐC",
) -> Letterhead:
    """The usual author of PAPI reports: the Department of Home Affairs (Sở Nội vụ)."""
    return Letterhead(
        body=IssuingBody(
            name_lines=("SỞ NỘI VỤ",),
            symbol="SNV",
            parent=committee_line(province_name, province_kind),
            label="Sở Nội vụ",
        ),
        place=province_name,
        date=date,
        signature=Signature(tuple(signer_title.split("\n")), signer),
        recipients=(
            f"UBND {province_kind} (để báo cáo)",
            "Các cơ quan, đơn vị, địa phương",
            "Lưu: VT, SNV",
        ),
    )
