"""Provinces, agencies and people. Every workspace object hangs off a Province."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.base_session import AbstractBaseSession
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ProvinceQuerySet(models.QuerySet["Province"]):
    def served(self) -> ProvinceQuerySet:
        """The provinces still served: not merged into another (chiso.restructuring.merger)."""
        return self.filter(merged_into__isnull=True)


class Province(models.Model):
    """A province served by this deployment (one server may serve several). A province merged
    into another (Ninh Thuận into Khánh Hòa, 1/7/2025) keeps its row, emptied, with
    `merged_into` and `merged_on`: no longer served, its results and history still shown."""

    code = models.CharField(_("mã tỉnh (GSO)"), max_length=8, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=60, unique=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_provinces",
        verbose_name=_("đã hợp nhất vào"),
    )
    merged_on = models.DateField(_("ngày hợp nhất"), null=True, blank=True)

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tỉnh/thành phố")
        verbose_name_plural = _("tỉnh/thành phố")

    def __str__(self) -> str:
        return self.name


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT_COMMITTEE = "district_committee", _("UBND cấp huyện")
    COMMUNE_COMMITTEE = "commune_committee", _("UBND cấp xã")
    FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
    PARTY_BODY = "party_body", _("Cơ quan Đảng")
    MEDIA = "media", _("Cơ quan báo chí")
    POLICE = "police", _("Công an")
    SOCIAL_INSURANCE = "social_insurance", _("Bảo hiểm xã hội")
    OTHER = "other", _("Khác")


# Bodies the People's Committee cannot order: tasks for them are requests (đề nghị). The
# province's own press (its radio-TV station, its newspaper) is not among them: the plan
# instructs it directly (seed II.2.c, no "đề nghị"), like any provincial unit.
REQUEST_ONLY_KINDS = frozenset({AgencyKind.FATHERLAND_FRONT, AgencyKind.PARTY_BODY})


class Agency(models.Model):
    """A node in the province's tree of bodies; levels are not hard-coded."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="agencies")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name = models.CharField(_("tên cơ quan"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    code = models.CharField(
        _("mã"), max_length=20, blank=True, help_text=_("Mã đơn vị hành chính hoặc mã nội bộ.")
    )
    kind = models.CharField(_("loại"), max_length=32, choices=AgencyKind.choices)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    active = models.BooleanField(_("đang hoạt động"), default=True)
    # Set when the body was dissolved (the 2025 abolition of district level, a merger): it is
    # kept, inactive, with its history; its open work went to a successor (chiso.restructuring).
    dissolved_on = models.DateField(_("ngày giải thể"), null=True, blank=True)

    class Meta:
        ordering = ["province", "kind", "name"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["province", "name_key"], name="agency_unique_name"),
            models.UniqueConstraint(
                fields=["province", "code"],
                condition=~models.Q(code=""),
                name="agency_unique_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        from chiso.accounts.names import agency_key

        self.name_key = agency_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        _refuse_same_name(
            self, _("Tỉnh đã có cơ quan “%(name)s” (tên trùng khi bỏ dấu, hoa thường).")
        )
        if self.parent_id and self.parent and self.parent.province_id != self.province_id:
            raise ValidationError({"parent": _("Cơ quan cấp trên phải thuộc cùng tỉnh.")})

    @property
    def request_only(self) -> bool:
        return self.kind in REQUEST_ONLY_KINDS


class AgencyGroup(models.Model):
    """A named set of agencies ("UBND các huyện, thị xã, thành phố") that expands to members."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="agency_groups")
    name = models.CharField(_("tên nhóm"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    members = models.ManyToManyField(Agency, related_name="groups", verbose_name=_("thành viên"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("nhóm cơ quan")
        verbose_name_plural = _("nhóm cơ quan")
        constraints = [
            models.UniqueConstraint(fields=["province", "name_key"], name="group_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        from chiso.accounts.names import agency_key

        self.name_key = agency_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        _refuse_same_name(self, _("Tỉnh đã có nhóm “%(name)s” (tên trùng khi bỏ dấu, hoa thường)."))


def _refuse_same_name(obj: Agency | AgencyGroup, message: str | Promise) -> None:
    """The database's unique (province, name_key) rule, said as a form error on the name: the
    admin would otherwise hit the constraint (name_key is not a form field) with a server error."""
    from chiso.accounts.names import agency_key

    if not obj.province_id or not obj.name:
        return
    same = (
        type(obj)
        ._default_manager.filter(province_id=obj.province_id, name_key=agency_key(obj.name))
        .exclude(pk=obj.pk)
    )
    if same.exists():
        raise ValidationError({"name": message % {"name": obj.name}})


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Điều phối kế hoạch (Sở Nội vụ)")
    AGENCY_HEAD = "agency_head", _("Lãnh đạo cơ quan")
    AGENCY_OFFICER = "agency_officer", _("Chuyên viên cơ quan")
    LEADERSHIP = "leadership", _("Lãnh đạo tỉnh (chỉ xem)")
    SUPERVISOR = "supervisor", _("Giám sát (Mặt trận Tổ quốc)")
    NATIONAL_VIEWER = "national_viewer", _("Xem toàn quốc (chỉ xem)")
    ADMIN = "admin", _("Quản trị hệ thống")


class User(AbstractUser):
    """A person working in one agency of one province, with one role."""

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    role = models.CharField(
        _("vai trò"), max_length=32, choices=Role.choices, default=Role.AGENCY_OFFICER
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def clean(self) -> None:
        super().clean()
        if self.agency_id is None:
            return
        agency = Agency.objects.only("province_id").get(pk=self.agency_id)
        if self.province_id is None:
            self.province_id = agency.province_id
        elif agency.province_id != self.province_id:
            raise ValidationError(
                {"agency": _("Cơ quan này thuộc tỉnh khác với tỉnh của người dùng.")}
            )

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names (`last_name`) before the given name."""
        return f"{self.last_name} {self.first_name}".strip()

    def get_short_name(self) -> str:
        # People are addressed by their full name (the admin's greeting said only "THỐNG").
        return self.get_full_name() or self.get_username()


class UserSession(AbstractBaseSession):
    """A log-in session that knows whose it is, so that all of a person's sessions can be ended
    at once (password changed, account locked) without decoding every session in the table."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="sessions"
    )

    class Meta:
        verbose_name = _("phiên đăng nhập")
        verbose_name_plural = _("phiên đăng nhập")

    @classmethod
    def get_session_store_class(cls) -> type[Any]:
        from chiso.accounts.sessions import SessionStore

        return SessionStore
