"""The audit log: who changed what, when, old → new. Rows are never edited or deleted."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.site.clock import SiteClockDateTimeField


class AuditEntry(models.Model):
    province = models.ForeignKey(
        "accounts.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = SiteClockDateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    action = models.CharField(_("hành động"), max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_object_idx")]
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"


class DataRevision(models.Model):
    """A counter per province, raised in the same transaction as every audited change.

    Pages cache what they render under the province's current number, so a change anywhere in
    the province's plan data (which is always audited) retires every cached page at once. A
    counter rather than the latest audit id: ids are handed out before commit, so a later id can
    become visible before an earlier one and a cache keyed on it would miss the earlier change.
    """

    province = models.OneToOneField(
        "accounts.Province", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    number = models.BigIntegerField(default=0)
    # The changes not confined to one scope (ScopeRevision): pages about one scope's data key on
    # this and the scope's own counter, so changes elsewhere in the province leave them cached.
    shared = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("phiên bản dữ liệu")
        verbose_name_plural = _("phiên bản dữ liệu")

    def __str__(self) -> str:
        return f"{self.province_id}: {self.number}"


class ScopeRevision(models.Model):
    """A counter per part of a province's data that changes on its own: "task:12" counts the
    changes to task 12's assignments, reports and periods (the objects' `revision_scope()`).
    Raised with the province's `number`, in the same transaction, instead of its `shared`."""

    scope = models.CharField(max_length=60, primary_key=True)
    number = models.BigIntegerField(default=0)
    # The province and its `number` at the scope's latest change: what changed since a number
    # was read is one indexed range (chiso.audit.services.scopes_changed_since). Numbers are
    # raised under the province row's lock, so they commit in order.
    province = models.ForeignKey(
        "accounts.Province", null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # db_default: a server still running the code from before this field inserts rows too.
    at = models.BigIntegerField(default=0, db_default=0)

    class Meta:
        verbose_name = _("phiên bản dữ liệu theo phạm vi")
        verbose_name_plural = _("phiên bản dữ liệu theo phạm vi")
        indexes = [models.Index(fields=["province", "at"], name="audit_scope_changed_idx")]

    def __str__(self) -> str:
        return f"{self.scope}: {self.number}"
