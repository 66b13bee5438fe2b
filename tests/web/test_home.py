from django.test import Client

from chiso.accounts.models import Role


def test_it_works_for_visitors(db: None, client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="vi">' in body
    assert "Đăng nhập" in body


def test_it_greets_the_logged_in_user(province, make_user, client: Client) -> None:
    user = make_user("sonoivu", Role.COORDINATOR, province)
    user.first_name = "Lan"
    user.save()
    client.force_login(user)
    body = client.get("/").content.decode()
    assert "Xin chào, Lan" in body
    assert "Tỉnh Khánh Hòa" in body
    assert "Đăng xuất" in body


def test_it_switches_to_english(db: None, client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert "Log in" in body


def test_it_sends_security_headers(db: None, client: Client) -> None:
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_healthz(db: None, client: Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_menu_shows_only_what_the_role_may_open(province, make_user, client: Client) -> None:
    client.force_login(make_user("nhatrang", Role.AGENCY_OFFICER, province))
    officer_menu = client.get("/").context["nav_items"]
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    coordinator_menu = client.get("/").context["nav_items"]
    assert "/tai-lieu/" not in {item.url for item in officer_menu}
    assert "/tai-lieu/" in {item.url for item in coordinator_menu}
    assert "/cong-khai/" not in {item.url for item in coordinator_menu}


def test_visitors_see_the_public_pages_in_the_menu(db: None, client: Client) -> None:
    menu = {item.url for item in client.get("/").context["nav_items"]}
    assert "/cong-khai/" in menu
    assert "/ke-hoach/" not in menu


def test_pages_stay_vietnamese_for_an_english_browser(db: None, client: Client) -> None:
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in body
