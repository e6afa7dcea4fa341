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
