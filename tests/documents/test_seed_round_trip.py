"""The seed's plan, loaded into chiso as demo data and generated again as a document, reads like
the seed (/work/shared/seed/000_d1686fdd3276dd8e.txt), section by section.

Layout may differ (bullets, line breaks, italics, "a) Sở Nội vụ" on its own line or not); the
words may not, with these named exceptions:
- the seed's own typing errors are corrected before comparing (`SEED_TYPOS`);
- "MTTQ" is the abbreviation chiso's agency list uses for "Mặt trận Tổ quốc";
- chiso prints each task's deadline ("hoàn thành trước ngày …"); the demo gives illustrative
  deadlines to tasks the seed leaves open, so deadlines are compared on their own: every deadline
  the seed states is printed in the same section;
- part II is built from the task framework, where who does what is data (agency groups, tasks
  split per agency); its sections must match the seed's words at `PART_II_MIN_RATIO` or more.
"""

from __future__ import annotations

import difflib
import io
import re
import unicodedata
from typing import Any

import pytest
from docx import Document

from chiso.demo import documents2023, organisations, plan2023
from chiso.documents.generate import plan_document
from chiso.plans.models import Plan
from tests.conftest import SHARED_DIR, TEST_OUTPUT

SEED = SHARED_DIR / "seed" / "000_d1686fdd3276dd8e.txt"
SEED_TYPOS = {
    "chính tinh": "chính tỉnh",
    "dân thu hưởng": "dân thụ hưởng",
    "Noi nhận": "Nơi nhận",
    "d) Đề nghị Ban Dân vận": "đ) Đề nghị Ban Dân vận",  # the seed lists d) twice
}
HEADINGS = [
    "I. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU CỦA KẾ HOẠCH",
    "1. Mục đích",
    "2. Yêu cầu",
    "3. Mục tiêu",
    "II. GIẢI PHÁP, NHIỆM VỤ VÀ TRÁCH NHIỆM THỰC HIỆN",
    "1. Quán triệt, chỉ đạo triển khai thực hiện các giải pháp cải thiện và nâng cao Chỉ số PAPI",
    "2. Tổ chức tập huấn, thông tin, tuyên truyền về PAPI",
    "3. Kiểm tra, đánh giá tình hình, kết quả việc triển khai các giải pháp cải thiện và nâng cao "
    "Chỉ số PAPI của các cơ quan, đơn vị, địa phương",
    "4. Phối hợp, hỗ trợ triển khai khảo sát PAPI năm 2023 trên địa bàn tỉnh",
    "III. TỔ CHỨC THỰC HIỆN",
    "Nơi nhận:",
]
PART_II = {5, 6, 7, 8}  # indexes of the sections under part II's headings
PART_II_MIN_RATIO = 0.97  # measured: 0.990, 0.975, 0.977, 1.000
ITEM = re.compile(r"^[a-zđ]\) ")
DEADLINE = re.compile(r"\(?(?:hoàn thành trước|chậm nhất) ngày (\d{1,2}/\d{1,2}/\d{4})\)?")


def _seed_lines() -> list[str]:
    if not SEED.exists():
        pytest.fail(f"seed document not found at {SEED} (set CHISO_SHARED_DIR)")
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    for wrong, right in SEED_TYPOS.items():
        text = text.replace(wrong, right)
    # The seed is a text extraction: a paragraph broken by a page ends without punctuation and
    # continues after a blank line ("cải cách hành\n\nchính"). Join such lines.
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if lines and lines[-1][-1:].isalpha() and line[:1].islower() and not ITEM.match(line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _generated_lines(content: bytes) -> list[str]:
    doc = Document(io.BytesIO(content))
    lines = [p.text.strip() for p in doc.paragraphs if p.text.strip()]
    recipients = doc.tables[-1].cell(0, 0).paragraphs
    return lines + [p.text.strip() for p in recipients if p.text.strip()]


def _sections(lines: list[str]) -> list[list[str]]:
    """The lines before the first heading, then between each heading and the next."""
    cuts: list[int] = []
    start = 0
    for heading in HEADINGS:
        index = lines.index(heading, start)  # ValueError: a heading is missing or misnumbered
        cuts.append(index)
        start = index + 1
    bounds = [*cuts, len(lines)]
    return [lines[: cuts[0]]] + [lines[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _words(lines: list[str]) -> list[str]:
    text = " ".join(lines)
    text = DEADLINE.sub(" ", text).replace("MTTQ", "Mặt trận Tổ quốc")
    text = re.sub(r"[*“”\"(),.;:!?…/–-]+", " ", text.lower())
    return text.split()


@pytest.fixture
def seed_plan(db: Any) -> Plan:
    def say(message: str) -> None:
        pass

    organisations.load(say)
    plan2023.load(say)
    documents2023.load(say)
    return Plan.objects.get(number=plan2023.NUMBER)


def test_generated_plan_reads_like_the_seed(seed_plan: Plan) -> None:
    made = plan_document(seed_plan, None, seed_plan.issued_on)
    seed = _sections(_seed_lines())
    generated = _sections(_generated_lines(made.content))
    # Before part I: the title block and the opening; compared from the opening on.
    seed[0] = seed[0][2:]
    generated[0] = generated[0][generated[0].index("KẾ HOẠCH") + 2 :]
    seed[-1] = seed[-1][:-1]  # the signer's name, which chiso prints in the signature block
    ratios = {}
    for i, (ours, theirs) in enumerate(zip(generated, seed, strict=True)):
        name = HEADINGS[i - 1] if i else "mở đầu"
        for deadline in DEADLINE.findall(" ".join(theirs)):
            assert deadline in " ".join(ours), (name, deadline)
        ratio = difflib.SequenceMatcher(None, _words(ours), _words(theirs), autojunk=False).ratio()
        ratios[name[:30]] = round(ratio, 3)
        if i in PART_II:
            assert ratio >= PART_II_MIN_RATIO, (name, ratio, ours)
        else:
            assert _words(ours) == _words(theirs), name
    print(ratios)


def test_generated_plan_text_for_reading(seed_plan: Plan, tmp_path: Any) -> None:
    """Writes the generated plan's text next to the test output, for people to compare."""
    lines = _generated_lines(plan_document(seed_plan, None, seed_plan.issued_on).content)
    TEST_OUTPUT.mkdir(exist_ok=True)
    (TEST_OUTPUT / "seed-plan-generated.txt").write_text("\n".join(lines), encoding="utf-8")
    assert lines[0] == "KẾ HOẠCH"


def test_group_agencies_and_request_wording(seed_plan: Plan) -> None:
    lines = _generated_lines(plan_document(seed_plan, None, seed_plan.issued_on).content)
    assert "a) Các cơ quan, đơn vị, địa phương thuộc tỉnh" in lines
    assert "c) UBND các huyện, thị xã, thành phố" in lines
    assert any(line.startswith("d) Đề nghị Ủy ban MTTQ Việt Nam tỉnh chỉ đạo") for line in lines)
    assert any(line.startswith("đ) Đề nghị Ban Dân vận Tỉnh ủy chỉ đạo") for line in lines)
    # The shared lead-in of II.1.c's four tasks is printed once, the tasks under it as "+".
    lead_in = (
        "- Chỉ đạo UBND các xã, phường, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện "
        "các nhiệm vụ sau:"
    )
    assert lines.count(lead_in) == 1
    after = lines[lines.index(lead_in) + 1 : lines.index(lead_in) + 5]
    assert all(line.startswith("+ ") for line in after)
    assert "- Lưu: VT, SNV, DL,...b." in lines
