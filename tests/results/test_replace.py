"""`import-results` never shrinks a stored year silently (issue 11): a replacement that drops
provinces or units needs --replace, --dry-run shows the difference, the replaced release is kept
and --restore-previous brings it back; repeated columns and non-UTF-8 files are refused clearly."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from chiso.audit.models import AuditEntry
from chiso.results import store
from chiso.results.errors import ResultsError
from chiso.results.models import ResultRelease, UnitScore

pytestmark = pytest.mark.django_db
HEADER = "year,province,unit,score\n"
STORED = "2022,Khánh Hòa,1,4.5\n2022,Hà Nội,1,5\n2022,Khánh Hòa,2,3\n2021,Huế,1,4\n"
NEW = "2022,Khánh Hòa,1,4.6\n2022,Huế,1,6\n"


def csv_file(tmp_path: Path, body: str, name: str = "diem.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_results", *args, stdout=out)
    return out.getvalue()


def current_scores() -> list[tuple[int, str, str, float]]:
    rows = UnitScore.objects.filter(release__superseded_at__isnull=True).values_list(
        "release__year", "province_name", "unit", "score"
    )
    return sorted(rows)


def test_a_two_row_file_cannot_cut_a_national_year(tmp_path: Path, papi_data_dir: Path) -> None:
    """The finding: a valid 2-row file for 2024 cut the stored 2024 scores from 1,708 to 2."""
    folder = tmp_path / "papi"
    folder.mkdir()
    for name in ("2024.csv", "provinces.csv"):
        shutil.copy(papi_data_dir / name, folder / name)
    store.import_results(folder)
    stored = UnitScore.objects.count()
    assert stored == 1708
    two_rows = csv_file(tmp_path, "2024,Khánh Hòa,1,4.5\n2024,Hà Nội,1,5\n")
    with pytest.raises(ResultsError) as error:
        store.import_results(two_rows)
    message = error.value.message
    assert message.startswith("Không lưu gì: tệp bỏ đi tỉnh/thành phố hoặc chỉ số")
    assert "Năm 2024: 1708 điểm đang lưu → 2 điểm trong tệp" in message
    assert "--replace" in message and "--restore-previous 2024" in message
    assert UnitScore.objects.count() == stored and ResultRelease.objects.count() == 1


def test_dry_run_shows_the_difference(tmp_path: Path) -> None:
    run(str(csv_file(tmp_path, STORED)))
    out = run(str(csv_file(tmp_path, NEW, "moi.csv")), "--dry-run")
    assert "Kiểm tra xong (không lưu): 2 điểm, các năm 2022." in out
    assert (
        "Năm 2022: 3 điểm đang lưu → 2 điểm trong tệp\n"
        "  tỉnh/thành phố bị bỏ đi (1): Hà Nội\n"
        "  tỉnh/thành phố thêm mới (1): Thừa Thiên Huế\n"
        "  chỉ số bị bỏ đi (1): 2\n"
        "  điểm thay đổi (1): Khánh Hòa 1: 4,50 → 4,60\n"
    ) in out
    assert "khi nhập thật cần thêm --replace" in out
    assert len(current_scores()) == 4  # nothing saved


def test_dry_run_in_english(tmp_path: Path) -> None:
    run(str(csv_file(tmp_path, STORED)))
    with translation.override("en"):
        out = run(str(csv_file(tmp_path, NEW, "moi.csv")), "--dry-run")
    assert "Year 2022: 3 scores stored → 2 scores in the file" in out
    assert "  provinces removed (1): Hà Nội" in out
    assert "  scores changed (1): Khánh Hòa 1: 4.50 → 4.60" in out


def test_replace_keeps_the_previous_release_and_restore_brings_it_back(tmp_path: Path) -> None:
    run(str(csv_file(tmp_path, STORED)))
    before = current_scores()
    with pytest.raises(CommandError, match="Hà Nội"):
        run(str(csv_file(tmp_path, NEW, "moi.csv")))
    assert current_scores() == before
    run(str(csv_file(tmp_path, NEW, "moi.csv")), "--replace")
    replaced = current_scores()
    assert replaced == [(2021, "Thừa Thiên Huế", "1", 4.0), (2022, "Khánh Hòa", "1", 4.6),
                        (2022, "Thừa Thiên Huế", "1", 6.0)]  # fmt: skip
    assert "Hà Nội" not in {p.name for p in store.load_results().dataset.provinces}
    assert ResultRelease.objects.filter(year=2022).count() == 2  # the old one is kept
    out = run("--restore-previous", "2022")
    assert "Đã khôi phục kết quả PAPI năm 2022" in out and "(3 điểm)" in out
    assert current_scores() == before
    assert store.load_results().unit_result("Hà Nội", 2022, "1").score == 5  # not cached
    assert AuditEntry.objects.filter(action="results.restore").count() == 1
    run("--restore-previous", "2022")  # and back again
    assert current_scores() == replaced


def test_restore_without_a_replaced_release(tmp_path: Path) -> None:
    run(str(csv_file(tmp_path, STORED)))
    with pytest.raises(CommandError, match="Năm 2021 không có kết quả PAPI nào đã bị thay thế"):
        run("--restore-previous", "2021")
    with pytest.raises(CommandError, match="không đi kèm tệp"):
        run(str(csv_file(tmp_path, NEW)), "--restore-previous", "2022")
    with pytest.raises(CommandError, match="Cần đường dẫn tệp"):
        run()


def test_changed_or_added_scores_need_no_replace(tmp_path: Path) -> None:
    run(str(csv_file(tmp_path, STORED)))
    more = STORED.replace("4.5", "4.7") + "2022,Huế,1,6\n"
    out = run(str(csv_file(tmp_path, more, "them.csv")))
    assert "Đã nhập 5 điểm PAPI" in out
    assert (2022, "Khánh Hòa", "1", 4.7) in current_scores()


def test_a_repeated_column_is_refused_naming_file_and_column(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "2022,Khánh Hòa,1,4.5,2023\n", header="year,province,unit,score,year\n"
    )
    with pytest.raises(CommandError) as error:
        run(str(path))
    assert f"{path}, dòng 1, cột 'year': cột lặp lại (cột thứ 1 và thứ 5)" in str(error.value)
    assert not UnitScore.objects.exists()


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-16", "tệp mã hóa UTF-16, cần UTF-8"),
        ("cp1258", "tệp không phải UTF-8 (byte 0x"),
    ],
)
def test_a_file_in_another_encoding_gets_a_clear_message(
    tmp_path: Path, encoding: str, expected: str
) -> None:
    path = tmp_path / "diem.csv"
    path.write_bytes((HEADER + "2022,Cà Mau,1,4.5\n").encode(encoding))
    with pytest.raises(CommandError) as error:
        run(str(path))
    message = str(error.value)
    assert str(path) in message and expected in message and "CSV UTF-8" in message
    assert "UnicodeDecodeError" not in message
