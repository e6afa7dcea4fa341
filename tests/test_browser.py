"""The guest page in a real browser: Playwright drives Debian's Chromium against the app
served on a real socket. Answer in Hebrew and English, change the answer, a bad token,
a phone-sized screenshot kept under instance/test-artifacts/ (git-ignored).

These tests never skip: without /usr/bin/chromium (or $CHROMIUM) they fail and say how
to install it (`apt-get install -y chromium`; .ci/run does it)."""
from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from bot.services import events, guests, rsvp_links
from bot.services.users import get_or_create_user
from storage.models import Guest, RsvpStatus
from tests.conftest import TEST_APP_SECRET

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "instance" / "test-artifacts"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
                    "(or set CHROMIUM to its path); the browser tests need a real browser.", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def server(app):
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    thread.join(timeout=10)


def _seed(runtime, language: str, name: str, phone: str):
    with runtime.transaction() as s:
        admin = get_or_create_user(s, phone="+972501000001", display_name="Noa")
        event = events.create_event(s, admin, name, date=date(2027, 6, 12), location="Tel Aviv", language=language)
        guest = guests.add_guest(s, admin, event.id, guests.GuestInput(first_name="Dana", phone=phone))
        return guest.id, rsvp_links.token_for(TEST_APP_SECRET, guest)


def _guest(runtime, guest_id) -> Guest:
    with runtime.transaction() as s:
        g = s.get(Guest, guest_id)
        s.expunge(g)
        return g


def test_a_guest_answers_in_hebrew_then_changes_the_answer_on_a_phone(browser, server, runtime):
    guest_id, token = _seed(runtime, "he", "החתונה של דנה", "+972502345678")
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}/r/{token}")
    assert tab.locator("html").get_attribute("dir") == "rtl"
    assert tab.locator("html").get_attribute("lang") == "he"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "rsvp-page-he-phone.png"), full_page=True)
    # Nothing wider than the phone: no sideways scrolling.
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.get_by_label("כן, מגיעים").check()
    tab.get_by_label("מבוגרים (כולל אותך)").fill("2")
    tab.get_by_label("ילדים").fill("1")
    tab.get_by_role("button", name="שליחת התשובה").click()
    assert "התשובה התקבלה" in tab.locator("#thanks").inner_text()
    # the answer is said once, with its numbers, under the thanks
    assert "מגיעים" not in tab.locator("#thanks").inner_text()
    assert tab.locator("#current-answer").inner_text() == "מגיעים: 3 אנשים, מתוכם ילד אחד."
    g = _guest(runtime, guest_id)
    assert (g.status, g.party_size, g.children) == (RsvpStatus.confirmed, 3, 1)
    tab.get_by_role("link", name="חזרה להזמנה").click()
    tab.get_by_label("לא נוכל להגיע").check()
    tab.get_by_role("button", name="שינוי התשובה").click()
    assert _guest(runtime, guest_id).status == RsvpStatus.declined
    tab.screenshot(path=str(ARTIFACTS / "rsvp-thanks-he-phone.png"), full_page=True)
    context.close()


def test_a_guest_answers_in_english_with_the_keyboard_only(browser, server, runtime):
    guest_id, token = _seed(runtime, "en", "Dana's party", "+972502345679")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}/r/{token}")
    assert tab.locator("html").get_attribute("dir") == "ltr"
    # The skip link comes first; then the keyboard reaches the answer and the button.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.className") == "skip"
    tab.get_by_label("Maybe").focus()
    tab.keyboard.press("Space")
    tab.get_by_role("button", name="Send my answer").focus()
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#thanks")
    assert "maybe" not in tab.locator("#thanks").inner_text()
    assert tab.locator("#current-answer").inner_text() == "You said maybe."
    g = _guest(runtime, guest_id)
    assert g.status == RsvpStatus.invited and g.answered_at is not None
    context.close()


def test_a_bad_token_is_a_plain_not_found(browser, server, runtime):
    _seed(runtime, "en", "Dana's party", "+972502345670")
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    response = tab.goto(f"{server}/r/{'A' * 38}")
    assert response.status == 404
    assert tab.locator("h1").inner_text() == "Not found"
    context.close()
