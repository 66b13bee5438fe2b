"""`chiso load_demo` builds the demo and can run again without changing anything."""

from io import StringIO

import pytest
from django.core.management import call_command

from chiso.accounts.models import User
from chiso.results.models import ResultRelease


@pytest.mark.django_db
def test_load_demo_twice_is_idempotent(papi_data_dir, settings) -> None:
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    first = StringIO()
    call_command("load_demo", stdout=first)
    counts = {model: model.objects.count() for model in (User, ResultRelease)}
    second = StringIO()
    call_command("load_demo", stdout=second)
    assert {model: model.objects.count() for model in counts} == counts
    assert ResultRelease.objects.filter(index="PAPI").count() == 14
    assert "chiso-demo" in first.getvalue()
    for username in ("admin", "sonoivu"):
        assert User.objects.get(username=username).check_password("chiso-demo")
    assert "đã có trong cơ sở dữ liệu" in second.getvalue()


@pytest.mark.django_db
def test_load_demo_says_how_to_import_without_shared_data(tmp_path, settings) -> None:
    settings.CHISO_SHARED_DIR = tmp_path
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "chiso import-results" in out.getvalue()
    assert ResultRelease.objects.count() == 0
