"""`chiso import-results` and the core commands reading the database."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from chiso.results.models import ResultRelease, UnitScore


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "scores.csv"
    path.write_text("year,province,unit,score\n" + body, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_command_imports_with_progress(tmp_path: Path) -> None:
    out = StringIO()
    call_command("import_results", str(write(tmp_path, "2022,Khánh Hòa,1,4.5\n")), stdout=out)
    text = out.getvalue()
    assert "1/1" in text and "Đã nhập 1 điểm PAPI" in text
    assert UnitScore.objects.count() == 1


@pytest.mark.django_db
def test_command_dry_run(tmp_path: Path) -> None:
    out = StringIO()
    path = write(tmp_path, "2022,Khánh Hòa,1,4.5\n")
    call_command("import_results", str(path), "--dry-run", stdout=out)
    assert "không lưu" in out.getvalue() and not ResultRelease.objects.exists()


@pytest.mark.django_db
def test_command_rejects_bad_file_naming_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "2022,Khánh Hòa,1,4.5\n2022,Hà Nội,1,99\n")
    with pytest.raises(CommandError) as err:
        call_command("import_results", str(path), stdout=StringIO())
    message = str(err.value)
    assert "dòng 3" in message and "'score'" in message and "không lưu gì" in message
    assert not UnitScore.objects.exists()


@pytest.mark.django_db
def test_command_unknown_index(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="XYZ.*PAPI, PAR_INDEX, PCI, SIPAS"):
        call_command("import_results", str(write(tmp_path, "")), "--index", "XYZ")


@pytest.mark.django_db
def test_command_refuses_a_file_without_any_score(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="không có điểm"):
        call_command("import_results", str(write(tmp_path, "")), "--index", "PCI")
    assert not ResultRelease.objects.exists()


@pytest.mark.django_db
def test_core_commands_without_data_read_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chiso.index.cli import main
    from chiso.results.store import load_results

    body = "2022,Khánh Hòa,1,4.5\n2022,Hà Nội,1,5.5\n2022,Huế,1,4\n"
    call_command("import_results", str(write(tmp_path, body)), stdout=StringIO())
    code = main(["ranking", "--year", "2022", "--unit", "1", "--format", "json"], load_results)
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["of"] == 3
    assert [r["province"]["code"] for r in doc["rows"][:3]] == ["01", "56", "46"]
