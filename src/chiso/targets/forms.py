"""The GET form of the target page: province (for those who pick), year, goal, options.

A valid form yields `cleaned_data["query"]` (a `TargetQuery`); every refusal names the field and
says what would be accepted, in the user's language."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from chiso.index import Province as IndexProvince
from chiso.index import Results
from chiso.index.target_threshold import RANK, SCORE, TIER, Goal
from chiso.targets.service import (
    DEFAULT_CONFIDENCE,
    DEFAULT_DRAWS,
    MAX_DRAWS,
    ProvinceScope,
    TargetQuery,
    baseline_year,
    default_year,
    first_year,
    goal_of,
    province_by_code,
    province_choices,
    ranked_count,
)
from chiso.web.params import parse_id

# URL values of the goal kinds (Vietnamese, as the rest of the site's URLs).
KIND_BY_PARAM = {"nhom": TIER, "diem": SCORE, "hang": RANK}


def computes_tiers(results: Results) -> bool:
    """Tier goals need groups chiso computes (PAPI's quantiles, PAR INDEX's bands); PCI's are
    only ever published and SIPAS has none."""
    return results.framework.grouping != "published" and bool(results.framework.tiers)


def defaults(results: Results) -> dict[str, str]:
    """What a first visit shows: next year's target to stay in or reach the top tier (the top
    ten where the index's groups are not computed)."""
    if not computes_tiers(results):
        return {
            "nam": str(default_year(results)),
            "muc_tieu": "hang",
            "hang": "10",
            "seed": "0",
            "so_lan": str(DEFAULT_DRAWS),
            "tin_cay": str(DEFAULT_CONFIDENCE),
        }
    return {
        "nam": str(default_year(results)),
        "muc_tieu": "nhom",
        "nhom": results.framework.tiers[0].code,
        "seed": "0",
        "so_lan": str(DEFAULT_DRAWS),
        "tin_cay": str(DEFAULT_CONFIDENCE),
    }


MAX_SEED = 2**31 - 1
MIN_DRAWS = 100


def _range_messages(message: Any, low: int, high: int) -> dict[str, Any]:
    """One clear message for every way an integer option can be wrong."""
    text = format_lazy(message, low=low, high=high)
    return {"invalid": text, "min_value": text, "max_value": text}


class TargetForm(forms.Form):
    tinh = forms.ChoiceField(
        label=gettext_lazy("Tỉnh/thành phố"),
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Không có tỉnh/thành phố mã “%(value)s”.")},
    )
    nam = forms.IntegerField(
        label=gettext_lazy("Năm mục tiêu"),
        error_messages={
            "required": gettext_lazy("Nhập năm mục tiêu, ví dụ 2025."),
            "invalid": gettext_lazy("Năm mục tiêu phải là số nguyên, ví dụ 2025."),
        },
    )
    muc_tieu = forms.ChoiceField(
        label=gettext_lazy("Mục tiêu"),
        choices=[
            ("nhom", gettext_lazy("Đạt nhóm")),
            ("diem", gettext_lazy("Đạt điểm")),
            ("hang", gettext_lazy("Đạt thứ hạng")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy("Chọn loại mục tiêu: nhóm, điểm hoặc thứ hạng.")
        },
    )
    nhom = forms.ChoiceField(label=gettext_lazy("Nhóm"), required=False)
    diem = forms.CharField(
        label=gettext_lazy("Điểm"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    hang = forms.CharField(
        label=gettext_lazy("Thứ hạng"),
        required=False,
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "10"}),
    )
    nhom_noi_dung = forms.ChoiceField(
        label=gettext_lazy("Nhóm cho từng chỉ số nội dung"), required=False
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Hạt giống ngẫu nhiên (seed)"),
        required=False,
        min_value=0,
        max_value=MAX_SEED,
        error_messages=_range_messages(
            gettext_lazy("Seed phải là số nguyên từ {low} đến {high}."), 0, MAX_SEED
        ),
    )
    so_lan = forms.IntegerField(
        label=gettext_lazy("Số lần mô phỏng"),
        required=False,
        min_value=MIN_DRAWS,
        max_value=MAX_DRAWS,
        error_messages=_range_messages(
            gettext_lazy("Số lần mô phỏng phải là số nguyên từ {low} đến {high}."),
            MIN_DRAWS,
            MAX_DRAWS,
        ),
    )
    tin_cay = forms.IntegerField(
        label=gettext_lazy("Độ tin cậy (%)"),
        required=False,
        min_value=50,
        max_value=99,
        error_messages=_range_messages(
            gettext_lazy("Độ tin cậy phải là số nguyên từ {low} đến {high} (phần trăm)."), 50, 99
        ),
    )

    def __init__(self, *args: Any, results: Results, scope: ProvinceScope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results = results
        self.scope = scope
        english = (get_language() or "vi").startswith("en")
        tiers = [(t.code, t.label.en if english else t.label.vi) for t in results.framework.tiers]
        self.fields["diem"].widget.attrs["placeholder"] = number_format(45.0, 2)
        tier_field = self.fields["nhom"]
        assert isinstance(tier_field, forms.ChoiceField)
        tier_field.choices = tiers
        tier_field.error_messages["invalid_choice"] = _(
            "Nhóm không hợp lệ: “%(value)s”. Chọn một trong: {tiers}."
        ).format(tiers=", ".join(label for _code, label in tiers))
        dim_field = self.fields["nhom_noi_dung"]
        assert isinstance(dim_field, forms.ChoiceField)
        dim_field.choices = [("", _("Như nhóm mục tiêu (hoặc nhóm hiện tại)")), *tiers]
        dim_field.error_messages["invalid_choice"] = tier_field.error_messages["invalid_choice"]
        if not computes_tiers(results):
            kind_field = self.fields["muc_tieu"]
            assert isinstance(kind_field, forms.ChoiceField)
            kinds = cast(list[tuple[str, str]], kind_field.choices)
            kind_field.choices = [c for c in kinds if c[0] != "nhom"]
            del self.fields["nhom"], self.fields["nhom_noi_dung"]
        province_field = self.fields["tinh"]
        assert isinstance(province_field, forms.ChoiceField)
        if scope.can_pick:
            province_field.choices = [("", _("— Chọn —")), *province_choices(results)]
        else:
            del self.fields["tinh"]

    # --- field by field --------------------------------------------------------------------

    def clean_tinh(self) -> str:
        code = str(self.cleaned_data.get("tinh") or "")
        if not code:
            raise forms.ValidationError(_("Chọn tỉnh/thành phố."))
        return code

    def clean_nam(self) -> int:
        year = int(self.cleaned_data["nam"])
        last = default_year(self.results)
        if year > last:
            raise forms.ValidationError(
                _("Chỉ lập được lộ trình đến năm %(last)s (năm sau kết quả mới nhất %(latest)s).")
                % {"last": last, "latest": self.results.years[-1]}
            )
        return year

    def clean_diem(self) -> float | None:
        raw = str(self.cleaned_data.get("diem") or "").strip()
        if not raw:
            return None
        try:
            score = float(raw.replace(",", "."))
        except ValueError:
            raise forms.ValidationError(
                _("Điểm mục tiêu phải là số, ví dụ 45,00 (nhận được “%(value)s”).") % {"value": raw}
            ) from None
        if score < 0:
            raise forms.ValidationError(_("Điểm mục tiêu không được âm."))
        return score

    def clean_hang(self) -> int | None:
        raw = str(self.cleaned_data.get("hang") or "").strip()
        if not raw:
            return None
        rank = parse_id(raw)
        if rank is None:
            raise forms.ValidationError(
                _("Thứ hạng phải là số nguyên từ 1 trở lên (nhận được “%(value)s”).")
                % {"value": raw}
            )
        return rank

    # --- the whole query -------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        province = self._province(data)
        if province is None:
            return data
        year = int(data["nam"])
        base = baseline_year(self.results, province, year)
        if base is None:
            self.add_error("nam", self._no_baseline(province, year))
            return data
        goal = self._goal(data, year, base)
        if goal is None:
            return data
        dimension_tier = data.get("nhom_noi_dung") or (
            goal.tier if goal.kind == TIER else self._tier_in(province, base)
        )
        if not computes_tiers(self.results):
            dimension_tier = None  # no computed groups to bring the components to
        data["query"] = TargetQuery(
            province=province,
            year=year,
            goal=goal,
            dimension_tier=dimension_tier,
            seed=data.get("seed") or 0,
            draws=data.get("so_lan") or DEFAULT_DRAWS,
            confidence=data.get("tin_cay") or DEFAULT_CONFIDENCE,
        )
        return data

    def _province(self, data: dict[str, Any]) -> IndexProvince | None:
        if not self.scope.can_pick:
            return self.scope.province
        found = province_by_code(self.results, data["tinh"])
        if found is None:
            self.add_error("tinh", _("Chọn tỉnh/thành phố."))
        return found

    def _no_baseline(self, province: IndexProvince, year: int) -> str:
        first = first_year(self.results, province)
        if first is None:
            return _("%(province)s chưa có kết quả %(index)s nào.") % {
                "province": province.name,
                "index": self.results.index,
            }
        return _(
            "%(province)s chưa có kết quả trước năm %(year)s để làm mốc (kết quả có từ năm "
            "%(first)s)."
        ) % {"province": province.name, "year": year, "first": first}

    def _tier_in(self, province: IndexProvince, year: int) -> str | None:
        found = self.results.unit_result(province, year, "aggregate")
        return None if found is None else found.tier

    def _goal(self, data: dict[str, Any], year: int, base: int) -> Goal | None:
        kind = KIND_BY_PARAM[data["muc_tieu"]]
        if kind == TIER:
            if not data.get("nhom"):
                self.add_error("nhom", _("Chọn nhóm mục tiêu."))
                return None
            return goal_of(TIER, data["nhom"])
        if kind == SCORE:
            return self._score_goal(data.get("diem"), year)
        rank = data.get("hang")
        n = ranked_count(self.results, base)
        if rank is None or rank > n:
            self.add_error(
                "hang",
                _(
                    "Thứ hạng phải là số nguyên từ 1 đến %(n)s (%(n)s tỉnh, thành phố được xếp "
                    "hạng năm %(base)s)."
                )
                % {"n": n, "base": base},
            )
            return None
        return goal_of(RANK, rank)

    def _score_goal(self, score: float | None, year: int) -> Goal | None:
        if score is None:
            self.add_error("diem", _("Nhập điểm mục tiêu, ví dụ 45,00."))
            return None
        low, high = self.results.framework.scale_range("aggregate", year)
        if not low <= score <= high:
            self.add_error(
                "diem",
                _("Điểm mục tiêu phải trong thang điểm %(low)s–%(high)s của năm %(year)s.")
                % {"low": number_format(low, 0), "high": number_format(high, 0), "year": year},
            )
            return None
        return goal_of(SCORE, score)
