"""The user guides (docs/guide/*.md, Vietnamese), rendered as pages under the help menu."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Guide:
    slug: str
    file: str
    title: str | Promise


GUIDES = (
    Guide("dieu-phoi", "dieu-phoi.md", _("Hướng dẫn cho Sở Nội vụ (điều phối kế hoạch)")),
    Guide("co-quan", "co-quan.md", _("Hướng dẫn cho cơ quan, đơn vị, địa phương")),
    Guide("lanh-dao", "lanh-dao.md", _("Hướng dẫn cho lãnh đạo tỉnh")),
    Guide("giam-sat", "giam-sat.md", _("Hướng dẫn cho Mặt trận Tổ quốc (giám sát)")),
    Guide(
        "kiem-tra-tuyen-truyen",
        "inspections-activities.md",
        _("Kiểm tra, tập huấn, tuyên truyền và hỗ trợ khảo sát PAPI"),
    ),
)

# Raw HTML in the guides is not passed through: they are text written by the team, and
# escaping keeps the page safe under the site's content security policy all the same.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def render_guide(guide: Guide, folder: Path) -> SafeString:
    text = (folder / guide.file).read_text(encoding="utf-8")
    return mark_safe(_MARKDOWN.render(text))  # noqa: S308 — markdown-it escapes, html is off
