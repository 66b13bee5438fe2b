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
    summary: str | Promise = ""  # what the reader finds inside, on the guides' index


GUIDES = (
    Guide(
        "dieu-phoi",
        "dieu-phoi.md",
        _("Hướng dẫn cho Sở Nội vụ (điều phối kế hoạch)"),
        _("Lập kế hoạch, giao nhiệm vụ, duyệt báo cáo, theo dõi tiến độ, báo cáo tổng hợp."),
    ),
    Guide(
        "co-quan",
        "co-quan.md",
        _("Hướng dẫn cho cơ quan, đơn vị, địa phương"),
        _("Xem nhiệm vụ được giao, gửi báo cáo kèm minh chứng, bổ sung báo cáo bị trả lại."),
    ),
    Guide(
        "lanh-dao",
        "lanh-dao.md",
        _("Hướng dẫn cho lãnh đạo tỉnh"),
        _("Kết quả PAPI của tỉnh, mục tiêu, tiến độ kế hoạch và cơ quan chậm trễ."),
    ),
    Guide(
        "giam-sat",
        "giam-sat.md",
        _("Hướng dẫn cho Mặt trận Tổ quốc (giám sát)"),
        _("Theo dõi việc thực hiện, giám sát tại cơ sở, kiến nghị."),
    ),
    Guide(
        "kiem-tra-tuyen-truyen",
        "inspections-activities.md",
        _("Kiểm tra, tập huấn, tuyên truyền và hỗ trợ khảo sát PAPI"),
        _("Kế hoạch kiểm tra, ghi nhận hoạt động, niêm yết, hỗ trợ đoàn khảo sát."),
    ),
    Guide("xa-thon-linh-vuc", "xa-thon-linh-vuc.md", _("Xã, thôn và lĩnh vực của cơ quan")),
    Guide(
        "kho-khan-chi-dao",
        "kho-khan-chi-dao.md",
        _("Khó khăn, vướng mắc, chỉ đạo và kiến nghị giám sát"),
        _(
            "Nêu và xử lý khó khăn, chỉ đạo của UBND tỉnh, kiến nghị của Mặt trận, "
            "góp ý của người dân."
        ),
    ),
)

# Raw HTML in the guides is not passed through: they are text written by the team, and
# escaping keeps the page safe under the site's content security policy all the same.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def render_guide(guide: Guide, folder: Path) -> SafeString:
    text = (folder / guide.file).read_text(encoding="utf-8")
    return mark_safe(_MARKDOWN.render(text))  # noqa: S308 — markdown-it escapes, html is off
