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


@pytest.mark.django_db
def test_a_change_confined_to_a_scope_raises_that_scope_instead_of_the_shared_counter(
    province, make_agency
):
    from chiso.accounts.models import Agency
    from chiso.audit.models import DataRevision, ScopeRevision
    from chiso.audit.services import raise_revision, with_scope_revision

    agency = make_agency(province, "Sở Nội vụ")
    record(None, agency, "agency.rename")  # an agency has no scope: every page of the province
    mine, other = f"agency:{agency.pk}", f"agency:{agency.pk + 1}"
    for scope in (mine, mine, other):  # e.g. two reports on one task, one on another
        raise_revision(province, scope=scope)
    row = DataRevision.objects.get(province=province)
    assert (row.number, row.shared) == (4, 1)
    assert dict(ScopeRevision.objects.values_list("scope", "number")) == {mine: 2, other: 1}
    seen = with_scope_revision(Agency.objects.filter(pk=agency.pk), "agency:", "id").get()
    assert (seen.shared_revision, seen.scope_revision) == (1, 2)
    unseen = with_scope_revision(Agency.objects.filter(pk=agency.pk), "other:", "id").get()
    assert unseen.scope_revision == 0


@pytest.mark.django_db
def test_the_scopes_changed_since_a_revision_are_listed(province):
    """What a kept state catches up on: the scopes raised after the number it holds, of its
    own province and kind only."""
    from chiso.accounts.models import Province
    from chiso.audit.services import raise_revision, scopes_changed_since

    other = Province.objects.create(code="01", name="Hà Nội", slug="ha-noi")
    raise_revision(province, scope="task:1")  # created: number 1
    raise_revision(province, scope="task:2")
    raise_revision(province, scope="task:1")  # raised again: number 3
    raise_revision(province, scope="plan:9")
    raise_revision(other, scope="task:7")
    assert revision_of(province.pk) == 4
    assert sorted(scopes_changed_since(province.pk, 0, "task:")) == ["task:1", "task:2"]
    assert scopes_changed_since(province.pk, 2, "task:") == ["task:1"]
    assert scopes_changed_since(province.pk, 3, "task:") == []
    assert scopes_changed_since(province.pk, 3, "plan:") == ["plan:9"]
    assert scopes_changed_since(other.pk, 0, "task:") == ["task:7"]
