"""Hold up under attack: path tricks on uploads, control characters, forged client addresses, odd encodings,
the translated 400 page, private pages kept out of caches and a Secure agenda cookie."""

import json

import pytest
from axes.models import AccessAttempt
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory

from conference import agenda
from conference.models import Session, Speaker
from feedback.models import ApiKey, Report
from openkrakow.middleware import client_ip
from pages.tests.factories import DocumentFactory

pytestmark = pytest.mark.integration

# What the 400 page says, and the 404 page, in each language.
BAD_REQUEST = {
    "en": "This address or form could not be read",
    "pl": "Nie udało się odczytać tego adresu ani formularza",
    "uk": "Не вдалося прочитати цю адресу або форму",
    "ru": "Не удалось прочитать этот адрес или форму",
}
NOT_FOUND = {"en": "Page not found", "pl": "Nie znaleziono strony", "uk": "Сторінку не знайдено"}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_bad_request_page(response, language):
    html = response.content.decode()
    assert response.status_code == 400, html[:300]
    assert BAD_REQUEST[language] in html
    assert f'<html lang="{language}"' in html


# --- 1. Uploaded files are found by their row, never by a path --------------------------------------------------


@pytest.fixture
def documents(db, settings):
    settings.SERVE_MEDIA = True
    draft = DocumentFactory(status="draft", file__filename="draft.txt", file__data=b"Secret draft text.")
    published = DocumentFactory(file__filename="public.txt", file__data=b"Published text.")
    return draft, published


def draft_spellings(name: str) -> list[str]:
    folder, year, filename = name.split("/")
    return [
        f"/media/{name}",
        f"/media//{name}",
        f"/media/./{name}",
        f"/media/%2E/{name}",
        f"/media/%2e/{name}",
        f"/media/x/../{name}",
        f"/media/x/%2e%2e/{name}",
        f"/media/x/%2E%2E/{name}",
        f"/media/{folder}/{year}/../{year}/{filename}",
        f"/media/{folder}/{year}/./{filename}",
        f"/media/{folder}//{year}/{filename}",
        f"/media/%252E/{name}",
        f"/media/x/%252E%252E/{name}",
        f"/media/{folder}%5C{year}%5C{filename}",
        f"/media/.%5C{name}",
        f"/media/{name}/",
        f"/media/{name.upper()}",
        f"/media/{folder}/{year}/{filename.upper()}",
        f"/media/{name}%00",
        f"/media/{name}%00.pdf",
        f"/media/%00/{name}",
        f"/media/{name}?download=1",
    ]


def test_a_draft_is_never_served_to_visitors_however_its_path_is_spelt(client, documents):
    draft, _published = documents
    for url in draft_spellings(draft.file.name):
        response = client.get(url, follow=True)
        assert response.status_code in (400, 404), url
        assert b"Secret draft text." not in body(response), url


def test_the_published_document_still_downloads_with_its_type(client, documents):
    _draft, published = documents
    response = client.get(f"/media/{published.file.name}")
    assert response.status_code == 200
    assert body(response) == b"Published text."
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"] == 'attachment; filename="public.txt"'
    pdf = DocumentFactory(file__filename="ustawa.pdf", file__data=b"%PDF-1.4 ustawa")
    response = client.get(pdf.file.url)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert body(response) == b"%PDF-1.4 ustawa"


def test_staff_download_a_draft(admin_client, documents):
    draft, _published = documents
    response = admin_client.get(draft.file.url)
    assert response.status_code == 200
    assert body(response) == b"Secret draft text."


@pytest.mark.parametrize("folder", ["documents/2017", "exports", "speakers"])
def test_a_file_in_the_media_folder_without_its_row_is_not_served(client, documents, settings, folder):
    stray = settings.MEDIA_ROOT / folder / "stray.txt"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"Left behind.")
    response = client.get(f"/media/{folder}/stray.txt", follow=True)
    assert response.status_code == 404
    assert b"Left behind." not in body(response)


def test_a_speakers_photo_is_served_by_its_row(client, db, settings):
    settings.SERVE_MEDIA = True
    speaker = Speaker.objects.create(slug="olena", name="Olena")
    speaker.photo.save("olena.png", SimpleUploadedFile("olena.png", b"\x89PNG fake"))
    response = client.get(speaker.photo.url)
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert body(response) == b"\x89PNG fake"
    response = client.get(speaker.photo.url.replace("/media/", "/media/./"), follow=True)
    assert response.status_code == 404


# --- 2. Control characters in the address, the query or a form ----------------------------------------------------

NUL_ADDRESSES = [
    "/en/%00/",
    "/en/news/%00/",
    "/en/conference/sessions/%00/",
    "/en/conference/sessions/%00.ics",
    "/en/conference/speakers/%00/",
    "/en/conference/venues/%00/",
    "/en/conference/agenda/%00/",
    "/en/feedback/status/%00/",
    "/en/conference/registrations/%00/",
    "/en/conference/agenda/star/?session=%00",
    "/en/search/?q=%00",
    "/en/conference/schedule/?day=%00",
    "/en/%01/",
    "/en/%1B[31m/",
    "/en/news/%7F/",
    "/en/news/%0D%0ASet-Cookie:x=1/",
    "/en/?%00=x",
]


@pytest.mark.parametrize("address", NUL_ADDRESSES)
def test_control_characters_in_an_address_get_the_translated_400(client, demo, settings, address):
    settings.SERVE_MEDIA = True
    client.raise_request_exception = False
    response = client.get(address, headers={"accept-language": "en"})
    assert_bad_request_page(response, "en")


def test_nul_in_a_media_address_is_a_400(client, db, settings):
    settings.SERVE_MEDIA = True
    client.raise_request_exception = False
    assert_bad_request_page(client.get("/media/documents/%00", headers={"accept-language": "en"}), "en")


def test_the_400_for_a_nul_speaks_the_addresss_language(client, demo):
    assert_bad_request_page(client.get("/uk/news/%00/"), "uk")
    assert_bad_request_page(client.get("/pl/conference/agenda/star/", {"session": "\x00"}), "pl")


def test_nul_in_a_form_is_a_400_and_stores_nothing(client, demo, report_data):
    before = Report.objects.count()
    response = client.post("/uk/feedback/", report_data(message="Smog\x00"))
    assert_bad_request_page(response, "uk")
    assert Report.objects.count() == before


def assert_open311_bad_request(response):
    """Under /open311/ a refused request gets the GeoReport error list a city system reads, not the page."""
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    [error] = json.loads(response.content)
    assert error["code"] == 400 and error["description"]


@pytest.mark.parametrize(
    "address", ["/open311/v2/requests.json?service_code=%00", "/open311/v2/services.json?locale=%00"]
)
def test_control_characters_in_an_open311_address_get_the_geo_report_400(client, demo, address):
    assert_open311_bad_request(client.get(address, headers={"accept-language": "en"}))


@pytest.mark.parametrize("field", ["service_code", "description", "first_name", "api_key"])
def test_nul_in_an_open311_post_is_a_400(client, demo, field):
    ApiKey.objects.create(name="City system", key_hash=ApiKey.hash("secret-key"))
    data = {"api_key": "secret-key", "service_code": "air-quality", "description": "Smog", field: "x\x00"}
    before = Report.objects.count()
    response = client.post("/open311/v2/requests.json", data, headers={"accept-language": "pl"})
    assert_open311_bad_request(response)
    assert Report.objects.count() == before


def test_line_breaks_and_tabs_in_a_form_still_go_through(client, demo, report_data):
    response = client.post("/en/feedback/", report_data(message="Smog\r\nnear\tmy home.", email="lines@example.org"))
    assert response.status_code == 302
    assert Report.objects.get(email="lines@example.org").message == "Smog\r\nnear\tmy home."


# --- 3. The client's address behind a proxy -------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    "forwarded,expected",
    [
        ("203.0.113.5", "203.0.113.5"),
        ("203.0.113.5:4000", "203.0.113.5"),
        (" 203.0.113.5 ", "203.0.113.5"),
        ('"203.0.113.5:4000"', "203.0.113.5"),
        ("[2001:db8::1]:4711", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ('"[2001:db8::1]:4711"', "2001:db8::1"),
        ("::ffff:203.0.113.5", "203.0.113.5"),
        ("198.51.100.1, 203.0.113.5:4000", "203.0.113.5"),
        ("unknown", "192.0.2.1"),
        ("_hidden", "192.0.2.1"),
        ("_SEVKISEK", "192.0.2.1"),
        ("", "192.0.2.1"),
        ("<script>", "192.0.2.1"),
        ("203.0.113.500", "192.0.2.1"),
        ("203.0.113.5:port", "192.0.2.1"),
        ("[2001:db8::1", "192.0.2.1"),
        ("fe80::1%eth0", "192.0.2.1"),
        ("203.0.113.5\x00", "192.0.2.1"),
        ("x" * 5000, "192.0.2.1"),
    ],
)
def test_client_ip_reads_what_proxies_really_send(settings, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.unit
def test_client_ip_without_a_usable_address_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="")) is None
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="unix:/run/gunicorn.sock")) is None
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="192.0.2.1")) == "192.0.2.1"


@pytest.mark.parametrize(
    "forwarded,stored",
    [("203.0.113.5:4000", "203.0.113.5"), ("unknown", "127.0.0.1"), ("[2001:db8::7]:1", "2001:db8::7")],
)
def test_a_report_behind_an_odd_proxy_header_is_stored(client, demo, settings, forwarded, stored, report_data):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.post(
        "/en/feedback/", report_data(email="proxy@example.org"), headers={"x-forwarded-for": forwarded}
    )
    assert response.status_code == 302
    assert Report.objects.get(email="proxy@example.org").client_ip == stored


@pytest.mark.parametrize("forwarded,counted", [("203.0.113.5:4000", "203.0.113.5"), ("unknown", "127.0.0.1")])
def test_an_admin_login_failure_behind_an_odd_proxy_header_is_counted(
    client, django_user_model, settings, db, forwarded, counted
):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_superuser("boss", "boss@example.org", "right-password-123")
    login = {"admin_login_view-current_step": "auth", "username": "boss", "password": "x"}
    response = client.post("/admin/login/", login, headers={"x-forwarded-for": forwarded})
    assert response.status_code == 200
    attempt = AccessAttempt.objects.get()
    assert (attempt.ip_address, attempt.failures_since_start) == (counted, 1)


# --- 4. Forms in encodings the site does not speak ---------------------------------------------------------------

ODD_BODIES = [
    ("application/x-www-form-urlencoded; charset=utf-16", "name=x&message=y".encode("utf-16")),
    ("application/x-www-form-urlencoded; charset=utf-16", b"name=x&message=y"),
    ("application/x-www-form-urlencoded; charset=latin-1", b"name=\xe9"),
    ("application/x-www-form-urlencoded; charset=bogus", b"name=x&message=y"),
    ("application/x-www-form-urlencoded", b"name=\xff\xfe&message=\xc3\x28"),
    ("multipart/form-data", b"name=x"),
    ("multipart/form-data; boundary=", b"name=x"),
    ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\nx\r\n--x--\r\n"),
    ("multipart/form-data; boundary=x; charset=utf-16", b"--x\r\nbroken"),
]
FORMS = ["/uk/feedback/", "/uk/conference/register/", "/uk/search/", "/uk/conference/agenda/star/", "/admin/login/"]


@pytest.fixture
def csrf_client(demo):
    """A browser that opened the forms, so that its posts carry a valid CSRF token, as an attacker's can."""
    client = Client(enforce_csrf_checks=True)
    client.raise_request_exception = False
    client.get("/uk/feedback/")
    return client


@pytest.mark.parametrize("content_type,data", ODD_BODIES)
@pytest.mark.parametrize("address", FORMS)
def test_a_form_in_an_odd_encoding_is_never_a_500(csrf_client, content_type, data, address):
    token = csrf_client.cookies["csrftoken"].value
    if content_type.startswith("application/x-www-form-urlencoded"):
        data = f"csrfmiddlewaretoken={token}&".encode() + data
    # A multipart body without a boundary cannot carry the token: that one comes in the header.
    headers = {"x-csrftoken": token} if content_type.startswith("multipart/") else {}
    response = csrf_client.generic("POST", address, data, content_type=content_type, headers=headers)
    assert response.status_code in (200, 302, 400, 403, 404, 405), response.content.decode()[:300]
    if response.status_code == 400 and not address.startswith("/admin/"):
        assert '<html lang="uk"' in response.content.decode()


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded; charset=utf-16", "multipart/form-data"])
def test_a_form_in_utf16_or_without_a_boundary_gets_the_translated_400(csrf_client, content_type):
    token = csrf_client.cookies["csrftoken"].value
    data = f"csrfmiddlewaretoken={token}&message=hello".encode()
    response = csrf_client.generic("POST", "/uk/feedback/", data, content_type=content_type)
    assert_bad_request_page(response, "uk")


@pytest.mark.parametrize("content_type,data", ODD_BODIES)
def test_an_open311_post_in_an_odd_encoding_is_never_a_500(client, demo, content_type, data):
    client.raise_request_exception = False
    response = client.generic("POST", "/open311/v2/requests.json", data, content_type=content_type)
    assert response.status_code in (400, 403)


# --- 5. The 400 page --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_a_three_megabyte_post_gets_the_translated_400(client, demo, language):
    assert_bad_request_page(client.post(f"/{language}/feedback/", {"message": "x" * 3_000_000}), language)


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_a_post_with_1500_fields_gets_the_translated_400(client, demo, language):
    data = {f"field{n}": "x" for n in range(1500)}
    assert_bad_request_page(client.post(f"/{language}/conference/register/", data), language)


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_a_bad_host_gets_the_translated_400_without_links_to_that_host(client, demo, language, settings):
    for address in (f"/{language}/", f"/{language}/conference/schedule/"):
        response = client.get(address, headers={"host": "evil.example"})
        assert_bad_request_page(response, language)
        assert "evil.example" not in response.content.decode()
    settings.PAGE_CACHE = True  # the page cache keys a page by its host: it must not trip over a bad one first
    response = client.get(f"/{language}/", headers={"host": "evil.example"})
    assert_bad_request_page(response, language)


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_a_dot_dot_media_address_gets_a_translated_page(client, db, settings, language):
    settings.SERVE_MEDIA = True
    response = client.get("/media/%2e%2e/%2e%2e/etc/passwd", headers={"accept-language": language}, follow=True)
    html = response.content.decode()
    assert response.status_code in (400, 404)
    assert f'<html lang="{language}"' in html
    assert (BAD_REQUEST if response.status_code == 400 else NOT_FOUND)[language] in html
    assert "root:" not in html


def test_the_400_page_falls_back_to_plain_text_when_it_cannot_render(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template engine down")

    monkeypatch.setattr("core.views.render", broken)
    response = client.get("/en/news/%00/")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


# --- 6. Pages reached by a secret token are kept by no cache ---------------------------------------------------------


def assert_not_stored(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "X-Page-Cache" not in response


def test_pages_reached_by_a_secret_token_are_private_and_not_stored(client, demo, settings):
    settings.PAGE_CACHE = True
    report = Report.objects.first()
    registration = Session.objects.get(code="OK1716").bookings.first().registration
    token = agenda.make_token(["OK1701"])
    for url in (
        report.get_status_url(),
        registration.get_manage_url(),
        registration.get_manage_url() + "calendar.ics",
        f"/en/conference/agenda/{token}/",
        f"/en/conference/agenda/{token}.ics",
    ):
        for _ in range(2):  # the second time would be a page-cache hit if the first had been kept
            response = Client().get(url)
            assert response.status_code == 200, url
            assert_not_stored(response)


# --- 7. The agenda cookie ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("https", [True, False])
def test_the_agenda_cookie_is_secure_when_the_site_runs_on_https(client, demo, settings, https):
    settings.HTTPS = https
    response = client.post("/en/conference/agenda/star/", {"session": "OK1701"}, secure=True)
    cookie = response.cookies[agenda.COOKIE]
    assert bool(cookie["secure"]) is https
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    shared = Client().get(f"/en/conference/agenda/{agenda.make_token(['OK1702'])}/", secure=True)
    assert bool(shared.cookies[agenda.COOKIE]["secure"]) is https


def test_too_many_query_fields_get_the_styled_400_page_and_its_search_box_stays_empty(db, client, caplog):
    # The page's search box reads ?q=, the very query that was refused: the page must still render, not fall back.
    query = "&".join(f"f{n}=1" for n in range(1_500))
    response = client.get(f"/uk/search/?q=smog&{query}")
    page = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="uk"' in page
    assert 'value="smog"' not in page
    assert not [record for record in caplog.records if "failed to render" in record.getMessage()]
