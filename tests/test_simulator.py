"""The chat simulator, driven the way a person uses it: lines on standard input.

`flask --app wsgi chat --from <phone>` runs as a separate process on the test's
database with no WhatsApp credentials; everything it shows comes through the real
webhook (signed deliveries) and the real outbox.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from bot.config import Settings
from storage.models import Guest, RsvpStatus

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ORGANISER = "+972501234567"
RUTH = "+972521111111"
AVI = "+972522222222"


def tour_lines() -> list[str]:
    """The 60-second tour exactly as the README shows it (the block after `<!-- tour -->`)."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- tour -->\s*```[a-z]*\n(.*?)```", text, re.S)
    assert match, "README.md has no tour block (<!-- tour --> followed by a code block)"
    return [line for line in match.group(1).splitlines() if line.strip()]


def chat(db, lines: list[str], *, phone: str = ORGANISER, extra_env: dict | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the simulator with `lines` on its standard input; returns the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WHATSAPP_", "FLASK_"))}
    env.update({name: "" for name in Settings.env_names()})  # nothing from a developer's .env
    env.update(DATABASE_URL=db.url, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "chat", "--from", phone],
        input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8",
        cwd=ROOT, env=env, timeout=timeout,
    )


def said_after(out: str, typed: str) -> str:
    """What the screen showed after the line `typed` was entered, up to the next typed line."""
    typed_line = re.search(rf"^(?:\+\d+ ›|\.\.\.) {re.escape(typed)}\n", out, re.M)
    assert typed_line, f"{typed!r} was never typed:\n{out}"
    rest = out[typed_line.end():]
    following = re.search(r"^(?:\+\d+ ›|\.\.\.) ", rest, re.M)
    return rest[: following.start()] if following else rest


def test_the_readme_tour_runs_from_a_new_event_to_a_confirmed_guest(db):
    lines = tour_lines()
    result = chat(db, lines)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "WhatsApp simulator" in out.splitlines()[0]
    assert "Traceback" not in result.stderr
    # Each guest sees their own invitation, labelled with their number, buttons numbered.
    invited = said_after(out, "yes")
    for phone, first in ((RUTH, "Ruth"), (AVI, "Avi")):
        block = invited.split(f"bot → to {phone} › ", 1)[1]
        assert block.startswith(f"💌 {first}, you're invited to Dana & Noam's wedding!")
        assert "[1] ✅ Yes, coming" in block.split("bot", 1)[0]
    # Once both are out, the organiser gets the tally.
    assert "bot › ✅ Invitations for Dana & Noam's wedding are out: 2 sent." in invited
    # Ruth taps "yes": she is asked how many come, and the organiser hears about it.
    tapped = said_after(out, "/tap 1")
    assert "(tapped [1] ✅ Yes, coming)" in tapped
    assert f"bot → to {ORGANISER} › Ruth Levi: ✅ coming" in tapped
    assert "How many people are coming" in tapped
    assert "2 people" in said_after(out, "2")
    # Back as the organiser, stats counts her.
    stats = said_after(out, "stats")
    assert stats.startswith("bot › ")
    assert "✅ 1 confirmed" in stats
    assert "⏳ 1 pending" in stats
    assert re.search(r"2 sent.*2 delivered", stats)
    assert out.rstrip().endswith("Bye.")

    with db.engine.connect() as conn:
        ruth = conn.execute(select(Guest.status, Guest.party_size).where(Guest.phone == RUTH)).one()
    assert ruth == (RsvpStatus.confirmed, 2)


def test_an_invitation_template_is_shown_with_its_words_and_its_quick_replies_tap_as_buttons(db):
    lines = [
        "new event Dana & Noam's wedding",
        "set date 2027-06-12",
        "set location Tel Aviv port",
        "add guest Ruth Levi 052-111-1111",
        "invite",
        "/tap 1",
        f"/as {RUTH}",
        "/tap 2",
    ]
    result = chat(db, lines, extra_env={"INVITATION_TEMPLATE": "event_invitation"})

    assert result.returncode == 0, result.stderr
    invitation = said_after(result.stdout, "/tap 1")
    assert f"bot → to {RUTH} › You're invited to Dana & Noam's wedding on Sat 12 Jun 2027 at Tel Aviv port." \
        in invitation
    assert "[1] Yes, coming   [2] Can't come" in invitation
    declined = said_after(result.stdout, "/tap 2")
    assert "(tapped [2] Can't come)" in declined
    assert f"bot → to {ORGANISER} › Ruth Levi: ❌" in declined
    with db.engine.connect() as conn:
        assert conn.execute(select(Guest.status).where(Guest.phone == RUTH)).scalar_one() == RsvpStatus.declined


def test_a_message_of_several_lines_and_the_keys_mistakes(db):
    lines = [
        "/tap 1",
        "/dance",
        "/as not-a-phone",
        "new event Picnic",
        "add guests \\",
        "Ruth Levi 052-111-1111 \\",
        "Avi Cohen 052-222-2222",
        "/contact Tamar Ben David 053-555-5555",
        "/contact Tamar",
        "/help",
        "/quit",
        "guests",  # never sent: the simulator has left
    ]
    result = chat(db, lines)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "(nothing to tap: no message with buttons for you yet)" in said_after(out, "/tap 1")
    assert "/help lists them" in said_after(out, "/dance")
    assert "/as not-a-phone" in out and "you are now" not in said_after(out, "/as not-a-phone")
    added = said_after(out, "Avi Cohen 052-222-2222")
    assert "Added 2 guests" in added
    assert "✅ Added Tamar Ben David +972 53-555-5555 to Picnic." in said_after(out, "/contact Tamar Ben David 053-555-5555")
    assert "(usage: /contact <name> <phone>" in said_after(out, "/contact Tamar")
    assert "/as <phone>" in said_after(out, "/help") and "/tap <n>" in said_after(out, "/help")
    assert said_after(out, "/quit").strip() == "Bye."  # the line after /quit was never sent
    with db.engine.connect() as conn:
        assert len(conn.execute(select(Guest.id)).all()) == 3


def test_it_refuses_to_run_with_whatsapp_credentials(db):
    result = chat(db, ["hello"], extra_env={
        "WHATSAPP_ACCESS_TOKEN": "EAAG-secret-token", "WHATSAPP_PHONE_NUMBER_ID": "1234",
        "WHATSAPP_APP_SECRET": "app-secret", "WHATSAPP_VERIFY_TOKEN": "verify",
    })

    assert result.returncode != 0
    assert "Run it without WhatsApp credentials" in result.stderr
    assert "EAAG-secret-token" not in result.stdout + result.stderr


def test_a_csv_file_is_sent_with_file_and_a_space_sends_a_slash_as_text(db, tmp_path):
    listing = tmp_path / "guests.csv"
    listing.write_text("name,phone\nRuth Levi,052-111-1111\nאבי כהן,052-222-2222\n", encoding="utf-8")
    lines = ["new event Picnic", f"/file {listing}", "/file /nowhere/guests.csv", " /start", "/quit"]
    result = chat(db, lines)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    sent = said_after(out, f"/file {listing}")
    assert "(sent guests.csv" in sent and "Added 2 guests" in sent
    assert "can't read" in said_after(out, "/file /nowhere/guests.csv")
    assert "unknown key" not in said_after(out, " /start")    # " /start" went to the bot as text
    assert "*Commands* for Picnic" in said_after(out, " /start")
    with db.engine.connect() as conn:
        assert len(conn.execute(select(Guest.id)).all()) == 2


def test_a_chart_is_shown_as_a_picture_file_to_open(db, tmp_path):
    lines = ["new event Picnic", "add guest Ruth Levi 052-111-1111", "chart", "/quit"]
    result = chat(db, lines, extra_env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    shown = said_after(result.stdout, "chart")
    assert "couldn't send the picture" not in shown
    saved = re.search(r"\[image\] saved as (\S+\.png)", shown)
    assert saved and "📊 Picnic" in shown, shown
    assert Path(saved.group(1)).parent == tmp_path
    assert Path(saved.group(1)).read_bytes().startswith(b"\x89PNG")


def test_invitations_held_for_the_night_do_not_silence_the_organisers_next_replies(db):
    """In quiet hours `invite` + `yes` holds the invitations; the organiser still sees her
    answers at once, line after line (the simulator's own API, in this process)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot import create_app
    from bot.cli.simulator import Simulator, simulator_settings

    app = create_app(simulator_settings(Settings(database_url=db.url, log_level="WARNING")))
    shown: list[str] = []
    simulator = Simulator(app, ORGANISER, "Dana", out=shown.append)
    hour = datetime.now(ZoneInfo("Asia/Jerusalem")).hour      # the event's time zone (+972)
    guests = "\n".join(f"Guest{n} 052-111-11{n:02d}" for n in range(8))
    try:
        for line in ("new event Bar mitzvah", "set date 2027-06-12", f"quiet {(hour - 1) % 24}-{(hour + 2) % 24}",
                     "add guests\n" + guests, "invite"):
            simulator.handle_line(line)
        del shown[:]
        simulator.handle_line("yes")
        assert shown and shown[0].startswith("bot › 📤 Sending 8 invitations for Bar mitzvah"), shown
        assert not any(line.startswith("bot → to") for line in shown)          # the guests' wait
        del shown[:]
        simulator.handle_line("stats")
        assert shown and shown[0] == "bot › 📊 *Bar mitzvah*", shown
        assert any("8 invitations waiting" in line for line in shown), shown
    finally:
        simulator.close()
