"""Two taps on "Yes" handled at the same time (two web workers) run the bulk send once."""
from __future__ import annotations

import threading

from bot.worker import drain
from tests import webhooks
from tests.conftest import TEST_APP_SECRET
from tests.phone import phone_factory  # noqa: F401  (fixture)

ORGANISER = "+972521110000"
GUESTS = ["+972521110001", "+972521110002", "+972521110003"]


def test_a_double_tap_on_yes_sends_the_broadcast_once(phone_factory, app, runtime, fake_graph):
    dana = phone_factory(ORGANISER, "Dana")
    dana.send("new event Garden party")
    dana.send("add guests\n" + "\n".join(f"Guest{chr(65 + i)} {p}" for i, p in enumerate(GUESTS)))
    for p in GUESTS:
        fake_graph.open_window(p)
    question = dana.send("broadcast Bring a sweater, it gets cold at night")
    assert "3 guests" in question

    taps = [webhooks.interactive_reply(ORGANISER, "confirm:yes", "Yes") for _ in range(2)]
    barrier = threading.Barrier(2)
    statuses = []

    def tap(payload):
        body, headers = webhooks.signed(payload, TEST_APP_SECRET)
        barrier.wait()
        statuses.append(app.test_client().post("/webhook", data=body, headers=headers).status_code)

    threads = [threading.Thread(target=tap, args=(p,)) for p in taps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    drain(runtime)

    assert statuses == [200, 200]
    for p in GUESTS:
        got = [m.text for m in fake_graph.sent_to(p) if "sweater" in (m.text or "")]
        assert len(got) == 1, (p, got)
    replies = [m.text for m in fake_graph.sent_to(ORGANISER)][-2:]
    assert any("nothing waiting" in r for r in replies)  # the second tap is told, not ignored
