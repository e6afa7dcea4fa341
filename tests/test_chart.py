"""The progress chart: a portrait PNG that decodes, is not blank, in the reader's language;
served by GET /api/events/{id}/chart.png to members only."""
from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image, ImageStat

from bot.services import rsvp
from bot.services.charts import HEIGHT_PX, WIDTH_PX, Progress, figure, render_png
from storage.models import Guest
from tests.api_helpers import seed
from tests.phone import phone_factory  # noqa: F401  (fixture)

T0 = datetime(2027, 5, 1, tzinfo=timezone.utc)


def _progress(name="Dana's wedding") -> Progress:
    return Progress(name, start=T0, now=T0 + timedelta(days=10),
                    confirmed_at=[T0 + timedelta(days=d) for d in (0, 1, 3, 7)],
                    declined_at=[T0 + timedelta(days=2)],
                    counts={"confirmed": 4, "declined": 1, "maybe": 1, "pending": 3}, headcount=9,
                    by_side={"bride": {"confirmed": 3, "declined": 0, "pending": 2},
                             "groom": {"confirmed": 1, "declined": 1, "pending": 2}})


def _check(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG"
    assert image.size == (WIDTH_PX, HEIGHT_PX) and image.height > image.width   # portrait
    stat = ImageStat.Stat(image.convert("L"))
    assert stat.stddev[0] > 20                                                # not blank
    return image


@pytest.mark.parametrize("lang,name", [("en", "Dana's wedding"), ("he", "החתונה של דנה"), ("ar", "حفل زفاف")])
def test_the_chart_decodes_is_portrait_and_not_blank(lang, name, tmp_path):
    png = render_png(_progress(name), lang)
    _check(png)
    (tmp_path / f"chart-{lang}.png").write_bytes(png)


def test_an_event_without_answers_still_draws():
    _check(render_png(Progress("Empty", start=T0, now=T0), "en"))


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def _over_time(fig):
    return fig.axes[0]


@pytest.mark.parametrize("lang,empty,guests", [("en", "No answers yet", "Guests: 4"), ("he", "עוד אין תשובות", "אורחים: 4")])
def test_before_any_answer_the_chart_says_so_in_whole_numbers_and_counts_guests_not_invitations(lang, empty, guests):
    fig = figure(Progress("Party", start=T0, now=T0 + timedelta(hours=3),
                          counts={"confirmed": 0, "declined": 0, "maybe": 0, "pending": 4}), lang)
    texts = _texts(fig)
    assert empty in texts and any(guests in t for t in texts)
    ticks = _over_time(fig).get_yticks()
    assert all(float(t).is_integer() for t in ticks)          # never "0.015" of a guest


@pytest.mark.parametrize("days", [1, 3, 10, 45])
def test_the_time_axis_names_each_date_once(days):
    fig = figure(Progress("Party", start=T0, now=T0 + timedelta(days=days, hours=5),
                          confirmed_at=[T0 + timedelta(days=days)], counts={"confirmed": 1, "declined": 0,
                                                                             "maybe": 0, "pending": 0}), "he")
    labels = [t.get_text() for t in _over_time(fig).get_xticklabels()]
    assert 2 <= len(labels) <= 4 and len(set(labels)) == len(labels), labels


@pytest.fixture
def media_client(client, runtime):
    return client, runtime


def test_the_chart_endpoint_serves_members_only(media_client):
    client, runtime = media_client
    world = seed(runtime)
    with runtime.transaction() as s:
        rsvp.record_answer(s, s.get(Guest, uuid.UUID(world.guest_id)), "yes", 2, via="page")
    r = client.get(f"/api/events/{world.event_id}/chart.png", headers=world.headers("viewer"))
    assert r.status_code == 200 and r.mimetype == "image/png"
    _check(r.data)
    assert client.get(f"/api/events/{world.event_id}/chart.png").status_code == 401
    r = client.get(f"/api/events/{world.event_id}/chart.png", headers=world.headers("outsider"))
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_found"


def test_a_guest_link_is_given_to_members_and_renewed_by_editors(media_client):
    client, runtime = media_client
    world = seed(runtime)
    url = f"/api/events/{world.event_id}/guests/{world.guest_id}/link"
    first = client.get(url, headers=world.headers("viewer")).get_json()
    assert first["url"].endswith(f"/r/{first['token']}")
    assert client.get(f"/r/{first['token']}").status_code == 200
    assert client.post(url, headers=world.headers("viewer")).status_code == 403
    renewed = client.post(url, headers=world.headers("editor")).get_json()
    assert renewed["token"] != first["token"]
    assert client.get(f"/r/{first['token']}").status_code == 404
    assert client.get(f"/r/{renewed['token']}").status_code == 200
    assert client.get(url, headers=world.headers("outsider")).status_code == 404


def test_an_organiser_who_sends_chart_gets_the_picture_in_the_chat(phone_factory, fake_graph):
    dana = phone_factory("+972521234567", "Dana")
    dana.send("new event Wedding")
    dana.send("add guest Avi Cohen 052-123-4567")
    dana.send("chart")
    picture = dana.received[-1]
    assert picture.type == "image"
    assert picture.payload["image"]["caption"] == "📊 Wedding: the answers so far"
    data, mime, _name = fake_graph.media(picture.payload["image"]["id"])
    assert mime == "image/png"
    _check(data)
    dana.send("שפה עברית")
    dana.send("גרף")
    assert dana.received[-1].payload["image"]["caption"] == "📊 \u2068Wedding\u2069: התשובות עד עכשיו"


def _share(image: Image.Image, colour: str, top: float, bottom: float) -> float:
    """The part of the picture's band [top, bottom) (fractions of its height) in `colour`."""
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    band = image.convert("RGB").crop((0, int(top * image.height), image.width, int(bottom * image.height)))
    raw = band.tobytes()
    pixels = [raw[i:i + 3] for i in range(0, len(raw), 3)]
    return sum(all(abs(a - b) <= 8 for a, b in zip(p, want)) for p in pixels) / len(pixels)


def test_a_yes_and_a_no_at_the_same_moment_both_show_over_time():
    """Two answers in the same minute: the declined area sits on the confirmed one, neither hides the other."""
    at = T0 + timedelta(hours=1)
    image = _check(render_png(Progress("Jen's 40th", start=T0, now=T0 + timedelta(hours=4), confirmed_at=[at],
                                       declined_at=[at], counts={"confirmed": 1, "declined": 1, "maybe": 0,
                                                                 "pending": 2}), "en"))
    over_time = (0.15, 0.5)   # the first panel's band of the picture
    assert _share(image, "#1b7f3b", *over_time) > 0.05 and _share(image, "#b3261e", *over_time) > 0.05


def test_the_first_hours_read_by_the_hour_on_the_events_clock():
    """Invitations out at 10:10 in Israel (07:10 UTC) and answers within hours: the axis names hours, not one date."""
    start = datetime(2027, 5, 1, 7, 10, tzinfo=timezone.utc)
    fig = figure(Progress("מסיבה", start=start, now=start + timedelta(hours=5),
                          confirmed_at=[start + timedelta(hours=2)], counts={"confirmed": 1, "declined": 0,
                                                                             "maybe": 0, "pending": 3},
                          timezone="Asia/Jerusalem"), "he")
    labels = [t.get_text() for t in _over_time(fig).get_xticklabels()]
    assert labels[0] == "10:00" and all(":" in label for label in labels) and 2 <= len(labels) <= 4, labels


@pytest.mark.parametrize("lang,maybe,rtl", [("he", "אולי", True), ("en", "Maybe", False)])
def test_answers_over_time_count_every_answer_and_read_in_the_languages_direction(lang, maybe, rtl):
    """A maybe is an answer too: the panel over time shows all three answers the panel below counts,
    and in Hebrew its time runs from the right like the panels below it."""
    fig = figure(Progress("Party", start=T0, now=T0 + timedelta(hours=6), confirmed_at=[T0 + timedelta(hours=1)],
                          declined_at=[T0 + timedelta(hours=2)], maybe_at=[T0 + timedelta(hours=3)],
                          counts={"confirmed": 1, "declined": 1, "maybe": 1, "pending": 2}), lang)
    ax = _over_time(fig)
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == maybe
    tops = [max(p.vertices[:, 1]) for c in ax.collections for p in c.get_paths()]
    assert max(tops) == 3                                   # all three answers, stacked
    left, right = ax.get_xlim()
    assert (left > right) == rtl
