from django.test import Client

from chiso.accounts.models import Role


def test_it_logs_in_and_out(province, make_user, client: Client) -> None:
    make_user("camranh", Role.AGENCY_OFFICER, province)
    response = client.post("/dang-nhap/", {"username": "camranh", "password": "chiso-test-pw"})
    assert response.status_code == 302
    assert client.get("/").context["user"].username == "camranh"
    client.post("/dang-xuat/")
    assert not client.get("/").context["user"].is_authenticated


def test_it_throttles_failed_logins(province, make_user, client: Client) -> None:
    make_user("camranh", Role.AGENCY_OFFICER, province)
    for _ in range(5):
        client.post("/dang-nhap/", {"username": "camranh", "password": "wrong"})
    response = client.post("/dang-nhap/", {"username": "camranh", "password": "chiso-test-pw"})
    assert response.status_code == 429
    assert "Tạm khoá" in response.content.decode()


def test_passwords_are_hashed_with_argon2(province, make_user) -> None:
    user = make_user("mttq", Role.SUPERVISOR, province)
    assert user.password.startswith("argon2")


def test_agency_names_match_ignoring_tone_placement(province, make_agency) -> None:
    from chiso.accounts.names import agency_key

    agency = make_agency(province, "UBND thị xã Ninh Hòa")
    assert agency.name_key == agency_key("ubnd thi xa ninh hoà")


def test_full_names_read_in_vietnamese_order(province, make_user) -> None:
    user = make_user("lan", Role.COORDINATOR, province)
    user.last_name, user.first_name = "Nguyễn Thị", "Lan"
    assert user.get_full_name() == "Nguyễn Thị Lan"
