import pytest

from chiso.index.names import compact_name, normalize_name, strip_diacritics


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Khánh Hòa", "Khánh Hoà"),  # old vs new tone placement
        ("Thủy", "Thuỷ"),
        ("Tỉnh Khánh Hòa", "khanh hoa"),
        ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
        ("TP. Hồ Chí Minh", "ho chi minh"),
        ("TP Đà Nẵng", "Da Nang"),
        ("  Thừa   Thiên  Huế ", "thua thien hue"),
        ("Bà Rịa – Vũng Tàu", "Ba Ria - Vung Tau"),
        ("Bà Rịa-Vũng Tàu", "ba ria vung tau"),
    ],
)
def test_variants_compare_equal(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_nfd_and_nfc_input_compare_equal() -> None:
    import unicodedata

    name = "Đắk Lắk"
    assert normalize_name(unicodedata.normalize("NFD", name)) == normalize_name(name) == "dak lak"


def test_d_stroke_becomes_d() -> None:
    assert strip_diacritics("Đồng Tháp đẹp") == "Dong Thap dep"


def test_prefix_only_stripped_as_whole_word() -> None:
    # "Thanh" of Thanh Hóa is not the prefix "Thành phố"; "Tinh" not stripped inside a name
    assert normalize_name("Thanh Hóa") == "thanh hoa"
    assert normalize_name("Tỉnh Thanh Hóa") == "thanh hoa"


def test_distinct_names_stay_distinct() -> None:
    assert normalize_name("Hà Nam") != normalize_name("Hà Nội")
    assert normalize_name("Quảng Nam") != normalize_name("Quảng Ngãi")


def test_compact_name_joins_words() -> None:
    assert compact_name("Hà Nội") == compact_name("Hanoi") == "hanoi"
