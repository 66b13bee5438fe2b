import pytest

from chiso.index.provinces import (
    UnknownProvince,
    match_province,
    province_by_code,
    provinces_34,
    provinces_63,
    provinces_for_year,
)


def test_lists_have_official_sizes_and_unique_codes() -> None:
    assert len(provinces_63()) == 63
    assert len({p.code for p in provinces_63()}) == 63
    assert len(provinces_34()) == 34
    assert len({p.code for p in provinces_34()}) == 34


def test_khanh_hoa_gso_code_in_both_eras() -> None:
    old = match_province("Khánh Hòa", 2022)
    new = match_province("Khánh Hòa", 2025)
    assert (old.code, old.era, old.successor_code) == ("56", "63", "56")
    assert (new.code, new.era) == ("56", "34")


def test_every_old_province_has_a_successor_in_the_34() -> None:
    new_codes = {p.code for p in provinces_34()}
    assert all(p.successor_code in new_codes for p in provinces_63())
    assert {p.successor_code for p in provinces_63()} == new_codes


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("Khanh Hoa", "56"),
        ("khánh hoà", "56"),
        ("Tỉnh Khánh Hòa", "56"),
        ("KHÁNH  HÒA", "56"),
        ("Thua Thien Hue", "46"),
        ("Thừa Thiên - Huế", "46"),
        ("Ho Chi Minh City", "79"),
        ("TP. Hồ Chí Minh", "79"),
        ("Thành phố Hồ Chí Minh", "79"),
        ("HCMC", "79"),
        ("Hanoi", "01"),
        ("Hà Nội", "01"),
        ("Ba Ria - Vung Tau", "77"),
        ("Bà Rịa–Vũng Tàu", "77"),
        ("Đắk Lắk", "66"),
        ("Dak Lak", "66"),
        ("Hòa Bình", "17"),
        ("Hoà Bình", "17"),
        ("56", "56"),
    ],
)
def test_spellings_match_the_63(spelling: str, code: str) -> None:
    assert match_province(spelling, 2022).code == code


def test_codes_differ_between_eras() -> None:
    assert match_province("Gia Lai", 2022).code == "64"
    assert match_province("Gia Lai", 2025).code == "52"
    assert province_by_code("52").name == "Bình Định"


def test_merged_away_province_unknown_after_2025() -> None:
    with pytest.raises(UnknownProvince):
        match_province("Ninh Thuận", 2025)
    assert match_province("Ninh Thuận").era == "63"


def test_new_era_names() -> None:
    assert match_province("Huế", 2026).name == "Huế"
    assert match_province("Hue", 2026).name_en == "Hue"
    assert match_province("Ho Chi Minh City", 2026).code == "79"
    assert provinces_for_year(2024) == provinces_63()
    assert provinces_for_year(2025) == provinces_34()


def test_unknown_province_suggests_close_names() -> None:
    with pytest.raises(UnknownProvince) as err:
        match_province("Khanh Hao", 2022)
    assert "Khánh Hòa" in err.value.suggestions
    assert "Khanh Hao" in str(err.value)


def test_unknown_without_suggestion() -> None:
    with pytest.raises(UnknownProvince) as err:
        match_province("Atlantis")
    assert err.value.suggestions == ()


def test_display_names() -> None:
    p = match_province("Khanh Hoa", 2022)
    assert p.full_name == "Tỉnh Khánh Hòa"
    assert p.display() == "Khánh Hòa"  # names keep their diacritics in English too
    assert p.name_en == "Khanh Hoa"
    assert match_province("Hanoi", 2022).full_name == "Thành phố Hà Nội"


def test_each_of_the_34_has_the_namesake_it_kept() -> None:
    from chiso.index.provinces import namesake_63

    by_name = {p.name: namesake_63(p) for p in provinces_34()}
    assert (by_name["Huế"].name, by_name["Huế"].code) == ("Thừa Thiên Huế", "46")
    assert (by_name["Lào Cai"].name, by_name["Lào Cai"].code) == ("Lào Cai", "10")
    assert by_name["Khánh Hòa"].code == "56"
    assert len({p.code for p in by_name.values()}) == 34


def test_a_deployment_finds_its_province_across_the_merger() -> None:
    """Lào Cai's deployment keeps code 10; in 2025 the code 10 is gone and 15 is Lào Cai's."""
    from chiso.index.provinces import match_deployment

    assert match_deployment("Lào Cai", "10", 2022).code == "10"
    assert match_deployment("Lào Cai", "10", 2025).code == "15"
    assert match_deployment("Thừa Thiên Huế", "46", 2025).name == "Huế"
    # A name the list does not know falls back to the code of that year's list.
    assert match_deployment("Khánh Hoà (tỉnh)", "56", 2022).name == "Khánh Hòa"
