"""The province's data revision: raised with every audited change, in the change's transaction."""

from __future__ import annotations

import pytest
from django.db import transaction

from chiso.audit.services import record, revision_of


@pytest.mark.django_db
def test_every_audited_change_raises_its_province_only(province, make_agency):
    from chiso.accounts.models import Province

    other = Province.objects.create(code="01", name="Hà Nội", slug="ha-noi")
    agency = make_agency(province, "Sở Nội vụ")
    assert revision_of(province.pk) == 0
    record(None, agency, "agency.rename")
    record(None, agency, "agency.rename")
    assert revision_of(province.pk) == 2
    assert revision_of(other.pk) == 0


@pytest.mark.django_db
def test_a_national_change_raises_every_province(province):
    from chiso.accounts.models import Province

    other = Province.objects.create(code="01", name="Hà Nội", slug="ha-noi")
    record(None, province, "results.import", province=None)
    assert revision_of(province.pk) == 1 and revision_of(other.pk) == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_the_revision(province, make_agency):
    agency = make_agency(province, "Sở Nội vụ")
    record(None, agency, "agency.rename")
    with pytest.raises(RuntimeError), transaction.atomic():
        record(None, agency, "agency.rename")
        raise RuntimeError("the service failed after writing")
    assert revision_of(province.pk) == 1
