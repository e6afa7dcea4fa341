"""The guest's own page, /r/<token>: shown in the guest's language (the event's until they
write in another), answered with the same rules and organiser notices as WhatsApp,
protected, rate-limited, leaking nothing."""
from __future__ import annotations

import re
from datetime import date, time

from sqlalchemy import select

from bot.services import events, guests, questions, rsvp_links
from bot.services.users import get_or_create_user
from bot.web import page
from storage.models import Guest, Message, RsvpStatus
from tests.conftest import TEST_APP_SECRET

ORGANISER = "+972501000001"


def _seed(runtime, language="he", name="החתונה של דנה", location="גני התערוכה, תל אביב"):
    with runtime.transaction() as s:
        admin = get_or_create_user(s, phone=ORGANISER, display_name="Noa")
        event = events.create_event(s, admin, name, date=date(2027, 6, 12), location=location, language=language)
        guest = guests.add_guest(s, admin, event.id, guests.GuestInput(first_name="Dana", phone="+972502345678"))
        other = guests.add_guest(s, admin, event.id, guests.GuestInput(first_name="Secret", last_name="Other",
                                                                         phone="+972502345679"))
        return guest.id, rsvp_links.token_for(TEST_APP_SECRET, guest), other.id


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _guest(runtime, guest_id) -> Guest:
    with runtime.transaction() as s:
        g = s.get(Guest, guest_id)
        s.expunge(g)
        return g


def _notices(runtime) -> list[str]:
    with runtime.transaction() as s:
        return [m.body or "" for m in s.scalars(select(Message).where(Message.kind == "rsvp_notice"))]


def test_the_page_is_hebrew_right_to_left_with_map_links_and_a_calendar(client, runtime):
    _, token, _ = _seed(runtime)
    r = client.get(f"/r/{token}")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<html lang="he" dir="rtl">' in html
    assert "החתונה של דנה" in html and "שלום Dana" in html.replace("\u2068", "").replace("\u2069", "")
    assert "2027" in html and "ביוני" in html                  # the date, in Hebrew
    assert "https://www.google.com/maps/search/?api=1&amp;query=" in html and "https://waze.com/ul?q=" in html
    assert "Secret" not in html                                # nothing about other guests
    assert r.headers["Cache-Control"] == "no-store" and r.headers["Referrer-Policy"] == "no-referrer"
    assert "<script" not in html
    ics = client.get(f"/r/{token}/event.ics")
    assert ics.status_code == 200 and ics.mimetype == "text/calendar"
    assert "DTSTART;VALUE=DATE:20270612" in ics.get_data(as_text=True)


def test_the_page_is_english_left_to_right(client, runtime):
    _, token, _ = _seed(runtime, language="en", name="Dana's party", location="Tel Aviv")
    html = client.get(f"/r/{token}").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert "Will you come?" in html and "Sat 12 Jun 2027" in html
    for field in ("answer-yes", "answer-no", "answer-maybe", "adults", "children"):
        assert f'<label for="{field}">' in html                # every control has a label


def test_answering_records_and_notifies_the_organiser_then_a_change_is_recorded(client, runtime):
    guest_id, token, _ = _seed(runtime, language="en")
    csrf = _csrf(client.get(f"/r/{token}").get_data(as_text=True))
    r = client.post(f"/r/{token}", data={"csrf": csrf, "answer": "yes", "adults": "2", "children": "1"})
    assert r.status_code == 200
    assert "You are coming: 3 people, 1 of them a child." in r.get_data(as_text=True)
    g = _guest(runtime, guest_id)
    assert (g.status, g.party_size, g.children) == (RsvpStatus.confirmed, 3, 1)
    notices = _notices(runtime)
    assert len(notices) == 1 and "Dana" in notices[0]
    r = client.post(f"/r/{token}", data={"csrf": csrf, "answer": "no"})
    assert r.status_code == 200
    assert _guest(runtime, guest_id).status == RsvpStatus.declined
    assert len(_notices(runtime)) == 2
    assert "You are not coming." in client.get(f"/r/{token}").get_data(as_text=True)


def test_bad_values_are_refused_with_the_reason_and_nothing_changes(client, runtime):
    guest_id, token, _ = _seed(runtime, language="en")
    csrf = _csrf(client.get(f"/r/{token}").get_data(as_text=True))
    r = client.post(f"/r/{token}", data={"csrf": csrf, "answer": "yes", "adults": "0", "children": "x"})
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert 'role="alert"' in html and "from 1 to 50" in html and "from 0 to 49" in html
    assert _guest(runtime, guest_id).status == RsvpStatus.invited and _notices(runtime) == []


def test_a_post_without_the_csrf_token_changes_nothing(client, runtime):
    guest_id, token, _ = _seed(runtime, language="en")
    client.get(f"/r/{token}")
    assert client.post(f"/r/{token}", data={"answer": "yes"}).status_code == 400
    assert client.post(f"/r/{token}", data={"answer": "yes", "csrf": "0" * 64}).status_code == 400
    # A token for another guest's page does not work here either.
    assert _guest(runtime, guest_id).status == RsvpStatus.invited


def test_a_wrong_or_revoked_token_is_the_same_plain_404(client, runtime):
    guest_id, token, other_id = _seed(runtime)
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    bodies = set()
    for bad in (wrong, "nothing", "A" * 38, token[:22] + "x" * 16):
        r = client.get(f"/r/{bad}")
        assert r.status_code == 404
        bodies.add(r.get_data(as_text=True))
        assert client.post(f"/r/{bad}", data={"answer": "yes"}).status_code == 404
    assert len(bodies) == 1 and "Dana" not in bodies.pop()
    # A new phone number revokes the old link; so does a new link.
    with runtime.transaction() as s:
        g = s.get(Guest, guest_id)
        g.phone = "+972509999999"
    assert client.get(f"/r/{token}").status_code == 404
    with runtime.transaction() as s:
        g = s.get(Guest, guest_id)
        fresh = rsvp_links.token_for(TEST_APP_SECRET, g)
        newer = rsvp_links.new_link(s, g, TEST_APP_SECRET)
    assert fresh != newer
    assert client.get(f"/r/{fresh}").status_code == 404
    assert client.get(f"/r/{newer}").status_code == 200


def test_posts_are_rate_limited_per_token(client, runtime):
    _, token, _ = _seed(runtime, language="en")
    csrf = _csrf(client.get(f"/r/{token}").get_data(as_text=True))
    codes = [client.post(f"/r/{token}", data={"csrf": csrf, "answer": "maybe"}).status_code for _ in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429


def test_the_rate_limiter_forgets_after_the_window():
    now = [0.0]
    limiter = page.RateLimiter(limit=2, window=60, clock=lambda: now[0])
    assert limiter.allow("t") and limiter.allow("t") and not limiter.allow("t")
    assert limiter.allow("other")
    now[0] = 61
    assert limiter.allow("t")


def test_the_link_command_gives_a_guest_page_that_opens(settings, fake_graph, db):
    """An organiser texts `link <name>`; the URL in the reply opens the guest's page."""
    import re

    from bot import create_app
    from tests.phone import Phone

    app = create_app(settings.with_overrides(public_url="https://invites.example.com"))
    app.testing = True
    rt = app.extensions["invitebot"]
    try:
        dana = Phone(app.test_client(), rt, fake_graph, "+972521234567", "Dana")
        dana.send("new event Wedding")
        dana.send("add guest Avi Cohen 052-123-4567")
        reply = dana.send("link Avi")
        url = re.search(r"https://invites\.example\.com(/r/\S+)", reply)
        assert url and "Avi Cohen" in reply
        page = app.test_client().get(url.group(1).rstrip("\u2069"))
        assert page.status_code == 200 and "Wedding" in page.get_data(as_text=True)
        renewed = dana.send("link Avi new")
        assert "no longer works" in renewed
        assert app.test_client().get(url.group(1).rstrip("\u2069")).status_code == 404
    finally:
        rt.engine.dispose()


def test_the_page_shows_the_start_time_and_takes_answers_to_the_events_questions(client, runtime):
    guest_id, token, _ = _seed(runtime, language="en", name="Dana's party", location="Tel Aviv")
    with runtime.transaction() as s:
        admin = get_or_create_user(s, phone=ORGANISER)
        event_id = s.get(Guest, guest_id).event_id
        events.update_event(s, admin, event_id, start_time=time(19, 30))
        guests.mark_rsvp(s, admin, event_id, guest_id, "confirmed", party_size=2)
        questions.ask(s, admin, event_id, "Meal?", ["meat", "fish", "vegan"])
    html = client.get(f"/r/{token}").get_data(as_text=True)
    assert "Sat 12 Jun 2027, 19:30" in html
    assert "<legend>Meal?</legend>" in html and '<label for="q-1-2">fish</label>' in html
    r = client.post(f"/r/{token}", data={"csrf": _csrf(html), "answer": "yes", "adults": "2", "children": "0",
                                         "q-1": "2"})
    assert r.status_code == 200
    assert _guest(runtime, guest_id).answers == {"1": "fish"}
    assert 'id="q-1-2" value="2" checked' in client.get(f"/r/{token}").get_data(as_text=True)
    ics = client.get(f"/r/{token}/event.ics").get_data(as_text=True)
    assert "DTSTART:20270612T163000Z" in ics


def _writes(client, phone: str, text: str) -> None:
    """`phone` writes to the bot on WhatsApp, and the worker answers."""
    from bot.worker import drain
    from tests import webhooks

    body, headers = webhooks.signed(webhooks.text_message(phone, text, name="Dana"), TEST_APP_SECRET)
    assert client.post("/webhook", data=body, headers=headers).status_code == 200
    drain(client.application.extensions["invitebot"])


def test_a_guest_the_bot_writes_to_in_russian_gets_her_page_in_russian_though_the_event_is_hebrew(
        client, runtime, fake_graph):
    fake_graph.window_enforced = False
    _, token, _ = _seed(runtime)                                  # a Hebrew wedding
    _writes(client, "+972502345678", "Здравствуйте! А во сколько начало?")
    html = client.get(f"/r/{token}").get_data(as_text=True)
    assert '<html lang="ru" dir="ltr">' in html
    assert "Ваше приглашение" in html and "Придёте?" in html and "июня 2027" in html
    assert "החתונה של דנה" in html                                # the event's own name, as it is
    csrf = _csrf(html)
    answered = client.post(f"/r/{token}", data={"csrf": csrf, "answer": "yes", "adults": "2", "children": "0"})
    assert answered.status_code == 200 and "Ответ получен. До встречи!" in answered.get_data(as_text=True)


def test_a_guest_who_writes_english_reads_english_and_one_who_never_wrote_reads_the_events_language(
        client, runtime, fake_graph):
    fake_graph.window_enforced = False
    _, token, _ = _seed(runtime)
    assert '<html lang="he" dir="rtl">' in client.get(f"/r/{token}").get_data(as_text=True)
    _writes(client, "+972502345678", "Hi! Is there parking near the venue?")
    html = client.get(f"/r/{token}").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html and "Will you come?" in html
