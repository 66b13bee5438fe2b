from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.spreadsheets.framework_import import MAX_FILE_BYTES


class FrameworkUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp bộ khung nhiệm vụ (.xlsx)"),
        help_text=_(
            "Các cột theo mẫu: STT, Mục, Nhiệm vụ, Chỉ số/nội dung liên quan, Cơ quan chủ "
            "trì, Cơ quan phối hợp, Thời hạn, Sản phẩm."
        ),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Cần tệp Excel .xlsx."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn hơn %(mb)s MB.") % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload
