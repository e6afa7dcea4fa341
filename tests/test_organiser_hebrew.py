"""Organisers who write Hebrew read Hebrew: every reply in `bot.text.replies`, rendered in
Hebrew, has no Latin letters outside the isolated values (a Latin event name, a phone),
and the English rendering has no Hebrew; an organiser who chats in Hebrew gets Hebrew."""
from __future__ import annotations

import re
import uuid
from datetime import date, time
from types import SimpleNamespace

import pytest

from storage.models import InvitationState, Role, RsvpStatus
from bot.chat import commands as C
from bot.text import i18n, replies
from tests.phone import phone_factory  # noqa: F401  (fixture)

ALLOWED_LATIN = ("CSV", "API", "WhatsApp", "Excel", "Google Sheets")
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")
LATIN = re.compile("[A-Za-z]")
HEBREW = re.compile("[\u0590-\u05ff]")
DANA = "+972521234567"


def outside_isolates(text: str) -> str:
    previous = None
    while previous != text:  # isolates may nest
        previous, text = text, ISOLATED.sub("", text)
    for word in ALLOWED_LATIN:
        text = text.replace(word, "")
    return text


def assert_hebrew(text: str, where) -> None:
    rest = outside_isolates(text)
    assert not LATIN.search(rest), f"{where}: Latin outside isolates in {text!r}"
    assert HEBREW.search(text), f"{where}: no Hebrew in {text!r}"


def assert_english(text: str, where) -> None:
    assert not HEBREW.search(outside_isolates(text)), f"{where}: Hebrew in English {text!r}"


# ---------------------------------------------------------------- sample values

def event(name: str, *, dated=True, reminders=(7, 2), language="he"):
    return SimpleNamespace(id=uuid.uuid4(), name=name, date=date(2027, 6, 12) if dated else None,
                           location="תל אביב" if dated else None, reminder_days=list(reminders),
                           language=language)


def user(name, phone="+972529876543"):
    return SimpleNamespace(id=uuid.uuid4(), display_name=name, phone=phone)


def member(role="admin", name="נועם", notify=True):
    u = user(name)
    return SimpleNamespace(user=u, user_id=u.id, role=Role(role), notify=notify)


def guest(first="דנה", last="לוי", status=RsvpStatus.invited, invitation=InvitationState.not_sent, **kw):
    values = dict(id=uuid.uuid4(), first_name=first, last_name=last, full_name=f"{first} {last}".strip(),
                  phone="+972502345678", side=None, party_size=None, opted_out=False,
                  invitation_error=None, status=status, invitation=invitation)
    values.update(kw)
    return SimpleNamespace(**values)


def guests(names):
    return [
        guest(*n.split(" ", 1), status=s, invitation=i, side=side, party_size=p, opted_out=o,
              invitation_error=err)
        for n, s, i, side, p, o, err in names
    ]


def sample_guests(hebrew=True):
    names = ("דנה לוי", "יוסי כהן", "רות בר", "משה אור") if hebrew else ("Dana Levi", "Yossi Cohen", "Ruth Bar", "Moshe Or")
    side = "כלה" if hebrew else "bride"
    err = "מספר לא תקין" if hebrew else "bad number"
    return guests([
        (names[0], RsvpStatus.confirmed, InvitationState.read, side, 3, False, None),
        (names[1], RsvpStatus.declined, InvitationState.delivered, None, None, False, None),
        (names[2], RsvpStatus.invited, InvitationState.failed, None, None, False, err),
        (names[3], RsvpStatus.invited, InvitationState.not_sent, None, None, True, None),
    ])


STATS = {
    "total": 2500, "expected_headcount": 4100, "confirmation_rate": 0.4,
    "by_status": {"confirmed": 1000, "declined": 300, "invited": 1200},
    "invitations": {"sent": 100, "delivered": 1200, "read": 900, "failed": 3, "not_sent": 297},
    "by_side": {"כלה": {"total": 1200, "confirmed": 500, "declined": 100, "invited": 600},
                "Groom": {"total": 1000, "confirmed": 400, "declined": 150, "invited": 450},
                "none": {"total": 300, "confirmed": 100, "declined": 50, "invited": 150}},
}


def import_result(hebrew=True):
    name = "דנה לוי" if hebrew else "Dana Levi"
    reason = "אין מספר טלפון" if hebrew else "no phone number"
    return SimpleNamespace(created=[(1, guest()), (2, guest())],
                           duplicates=[(3, guest(), name), (None, guest(), name)],
                           rejected=[(4, reason), (None, reason)] + [(n, reason) for n in range(5, 20)])


def renderings(ev, hebrew=True):
    """(name, text) for every public reply function of `replies`, with sample values."""
    gs = sample_guests(hebrew)
    m = member("admin", "נועם" if hebrew else "Noam")
    editor = member("editor", "מיכל" if hebrew else "Michal")
    anon = SimpleNamespace(user=SimpleNamespace(display_name=None, phone=None), user_id=uuid.uuid4(),
                           role=Role.viewer, notify=False)
    phone_only = SimpleNamespace(user=SimpleNamespace(display_name=None, phone="+972541112222"),
                                 user_id=uuid.uuid4(), role=Role.viewer, notify=False)
    undated = event(ev.name, dated=False, reminders=())
    rows = [(ev, m, 1), (event("יום הולדת" if hebrew else "Birthday"), editor, 2500), (undated, anon, 0)]
    adder = "נועם" if hebrew else "Noam"
    text = "שלום לכולם" if hebrew else "Hello everyone"
    groups: list = []  # the command table's words are the "commands" catalog's
    side = "כלה" if hebrew else "bride"
    drafts = (C.GuestDraft(*gs[0].full_name.split(" ", 1), "+972502345678", side=side, party_size=3),
              C.GuestDraft(*gs[1].full_name.split(" ", 1), "+972502345679"))
    reason = "אין מספר טלפון." if hebrew else "No phone number."
    out = [
        ("welcome_start", replies.welcome_start()),
        ("no_events_welcome", replies.no_events_welcome()),
        ("past_date_note", replies.past_date_note(date(2020, 1, 1), date.today())),
        *[(f"text_of {c}", replies.text_of(getattr(replies, c))) for c in (
            "NON_ORGANISER_HINT", "NOT_A_CSV", "DOWNLOAD_FAILED", "NOTHING_PENDING", "NOTHING_TO_CANCEL",
            "CANCELLED", "NO_MORE")],
        ("bullet_list", "\n".join(replies.bullet_list([gs[0].full_name] * 12))),
        ("event_line", replies.event_line(ev)),
        ("event_created", replies.event_created(ev)),
        ("event_created undated", replies.event_created(undated)),
        ("events_list", replies.events_list(rows, ev.id)),
        ("choose_event", replies.choose_event(rows, "guests")),
        ("choose_event no again", replies.choose_event(rows)),
        ("now_using", replies.now_using(ev, m, 2)),
        ("event_details", replies.event_details(ev, m, 1, 2)),
        ("event_details undated", replies.event_details(undated, anon, 0, 1)),
        ("event_changed language", replies.event_changed(ev, "language", "ru")),
        ("event_changed date", replies.event_changed(ev, "date", date(2027, 6, 12))),
        ("event_changed location", replies.event_changed(ev, "location", "חיפה" if hebrew else "Haifa")),
        ("event_changed name", replies.event_changed(ev, "name", ev.name)),
        ("delete_event_question", replies.delete_event_question(ev, 2)),
        ("event_deleted", replies.event_deleted(ev.name)),
        ("reminders_set", replies.reminders_set(ev)),
        ("reminders_set undated", replies.reminders_set(event(ev.name, dated=False))),
        ("reminders_set off", replies.reminders_set(undated)),
        *[(f"language_name {c}", replies.language_name(c)) for c in ("he", "en", "ar", "ru")],
        ("language_set", replies.language_set("he")),
        ("notify_set on", replies.notify_set(ev, True)),
        ("notify_set off", replies.notify_set(ev, False)),
        *[(f"guest_line {n}", replies.guest_line(n, g)) for n, g in enumerate(gs, start=1)],
        *[(f"failed_line {n}", replies.failed_line(n, g)) for n, g in enumerate(gs, start=1)],
        *[(f"status_word {s}", replies.status_word(s)) for s in replies.STATUS_WORDS],
        *[(f"role_name {r}", replies.role_name(r)) for r in ("admin", "editor", "viewer")],
        *[(f"command_word {c}", replies.command_word(c)) for c in replies.COMMAND_WORDS],
        ("side_words", replies.side_words("כלה" if hebrew else "bride")),
        ("guests_page", replies.guests_page(ev, gs, 1, 40)),
        ("guests_page last", replies.guests_page(ev, gs, 1, 4)),
        ("guests_page failed", replies.guests_page(ev, gs[2:3], 1, 1, status="failed")),
        ("guests_page search", replies.guests_page(ev, gs[:1], 1, 1, search="דנה" if hebrew else "Dana")),
        ("guests_page filters", replies.guests_page(ev, gs[:1], 1, 1, status="not_invited", side="כלה")),
        ("guests_page none search", replies.guests_page(ev, [], 1, 0, search="דנה")),
        ("guests_page none failed", replies.guests_page(ev, [], 1, 0, status="failed")),
        ("guests_page none filtered", replies.guests_page(ev, [], 1, 0, status="confirmed", side="חתן")),
        ("guests_page empty", replies.guests_page(ev, [], 1, 0)),
        ("ambiguous_guests", replies.ambiguous_guests("דנה", gs, 12, "ערוך 2 טלפון 050-111-2222")),
        ("guest_added", replies.guest_added(ev, gs[0])),
        ("guest_added opted out", replies.guest_added(ev, gs[3])),
        ("import_summary", replies.import_summary(ev, import_result(hebrew))),
        ("import_summary cards", replies.import_summary(ev, import_result(hebrew), what="contact cards",
                                                        unit="card")),
        ("import_summary list ok", replies.import_summary(
            ev, SimpleNamespace(created=[(1, gs[0])], duplicates=[], rejected=[]), what="list")),
        *[(f"guest_updated {f}", replies.guest_updated(ev, gs[3], f, "דנה כהן" if hebrew else "Dana Cohen"))
          for f in ("name", "phone", "side", "party", "note")],
        *[(f"guest_marked {n}", replies.guest_marked(ev, g)) for n, g in enumerate(gs[:3])],
        ("remove_guest_question", replies.remove_guest_question(ev, gs[0])),
        ("guest_removed", replies.guest_removed(ev.name, gs[0].full_name)),
        ("stats", replies.stats(ev, STATS)),
        ("stats empty", replies.stats(ev, {**STATS, "total": 0})),
        ("send_question invite", replies.send_question("invite", ev, 2500, {"opted out": 3,
                                                                             "invitation failed": 1})),
        ("send_question remind", replies.send_question("remind", ev, 1, {})),
        ("send_question broadcast", replies.send_question("broadcast", ev, 2, {}, text,
                                                          replies.send_filters("confirmed", "כלה"))),
        ("send_filters", replies.send_filters("pending", None)),
        *[(f"nobody_to_send {k}", replies.nobody_to_send(k, ev, {"opted out": 2}))
          for k in ("invite", "remind", "broadcast")],
        *[(f"sending_started {k} {n}", replies.sending_started(k, ev, n))
          for k in ("invite", "remind", "broadcast") for n in (1, 2, 2500)],
        ("message_queued", replies.message_queued(ev, gs[0])),
        ("members_list", replies.members_list(ev, [m, editor, anon, phone_only], m.user_id)),
        ("member_name", replies.member_name(m)),
        ("member_name anon", replies.member_name(anon)),
        ("member_added", replies.member_added(ev, editor)),
        *[(f"welcome_member {r}", replies.welcome_member(ev, adder, r)) for r in ("admin", "editor", "viewer")],
        ("removed_member", replies.removed_member(ev, adder)),
        ("welcome_member_template_text", replies.welcome_member_template_text(ev, adder, "editor")),
        ("role_changed", replies.role_changed(ev, editor)),
        ("remove_member_question", replies.remove_member_question(ev, editor)),
        ("member_removed", replies.member_removed(ev.name, replies.member_name(editor))),
        ("left_event", replies.left_event(ev.name)),
        ("token_issued", replies.token_issued("0123456789abcdef")),
        *[(f"tokens_revoked {n}", replies.tokens_revoked(n)) for n in (0, 1, 2, 5)],
        ("help_text", replies.help_text(groups, ev, "admin")),
        ("help_text no event", replies.help_text(groups)),
        *[(f"expired {a}", replies.expired(a)) for a in ("delete event", "remove guest", "invite", "it")],
        ("date_text", replies.date_text(date(2027, 6, 12))),
        ("links_not_set_up", replies.links_not_set_up()),
        ("restate one guest", replies.restate(C.AddGuests(guests=(drafts[0],)))),
        ("restate guests", replies.restate(C.AddGuests(guests=drafts, errors=(C.LineError(3, "x", reason),)))),
        ("restate set time", replies.restate(C.SetEventField("time", time(19, 30)), undated)),
        ("restate change date", replies.restate(C.SetEventField("date", date(2027, 6, 12)), ev)),
        *[(f"restate called {o}", replies.restate(C.Called(C.Ref(gs[0].full_name), o, 2)))
          for o in ("yes", "no", "maybe", "no_answer")],
    ]
    return out


HEBREW_EVENT = "החתונה של מיכל ויוסי"
LATIN_EVENT = "Dana & Noam's wedding"


@pytest.mark.parametrize("name", [HEBREW_EVENT, LATIN_EVENT])
def test_every_reply_reads_hebrew_in_hebrew(name):
    with i18n.use("he"):
        for where, text in renderings(event(name)):
            assert_hebrew(text, where)


@pytest.mark.parametrize("name", [HEBREW_EVENT, LATIN_EVENT])
def test_english_replies_have_no_hebrew_outside_the_values(name):
    with i18n.use("en"):
        for where, text in renderings(event(name), hebrew=False):
            assert_english(text, where)


def test_the_english_output_is_unchanged():
    ev = event(LATIN_EVENT)
    with i18n.use("en"):
        assert replies.sending_started("invite", ev, 2500) == (
            f"📤 Sending 2,500 invitations for {LATIN_EVENT}… I'll tell you when they're out.")
        assert replies.tokens_revoked(1) == "🔑 Revoked 1 API token. Anything using it stops working now."
        assert replies.language_name("he") == "Hebrew"
        assert replies.event_details(ev, member(), 1, 2).splitlines()[4] == "🌐 Guests read: Hebrew"


def test_hebrew_plurals_and_prefixes():
    ev = event(HEBREW_EVENT)
    with i18n.use("he"):
        assert replies.guests_count(1) == "אורח אחד"
        assert replies.guests_count(2) == "שני אורחים"
        assert replies.guests_count(2000) == "2,000 אורחים"
        assert "לחתונה של מיכל ויוסי" in replies.sending_started("invite", ev, 3)
        latin = replies.notify_set(event("Party"), True)
        assert "ל-\u2068Party\u2069" in latin
        assert replies.role_name("editor") == "עורך"
        assert replies.language_name("ru") == "רוסית"
        assert "🌐 שפת האורחים: עברית" in replies.event_details(ev, member(), 1, 2)


def test_the_constants_stay_english_until_translated():
    assert replies.NO_EVENTS_WELCOME.startswith("👋 Hi!")
    with i18n.use("he"):
        assert_hebrew(replies.no_events_welcome(), "welcome")
        assert "אירוע חדש" in replies.welcome_start()


# ---------------------------------------------------------------- a conversation in Hebrew

def parses(text: str) -> bool:
    return not isinstance(C.parse(text, "IL", date.today()), C.ParseError)


def test_an_organiser_who_writes_hebrew_reads_hebrew(phone_factory, fake_graph):
    """Create, add, invite, read stats, manage the team: all in Hebrew, every reply Hebrew."""
    dana = phone_factory(DANA, "דנה")
    script = [
        "אירוע חדש החתונה של מיכל ויוסי",
        "קבע תאריך 12/6/2027",
        "קבע מקום גני התערוכה",
        "הוסף אורח דנה לוי 050-234-5678",
        "תוסיף את דנה כהן 050-111-2222",
        "הוסף אורח יוסי כהן 050-333-4444",
        "אורחים",
        "מי לא ענה",
        "שלח הזמנות",
        "כן",
        "סטטיסטיקה",
        "סמן 1 מגיע כמות 3",
        "הוסף עורך 052-765-4321",
        "צוות",
        "תפקיד 2 צופה",
        "קבע שפה עברית",
        "אירוע",
        "מחק אורח דנה",        # two guests are called דנה: the bot asks which
        "עזרה",
    ]
    for text in script:
        assert parses(text), text
        reply = dana.send(text)
        assert reply, text
        assert_hebrew(reply, text)
    first = dana.texts[0]
    assert "יצרתי את" in first and "החתונה של מיכל ויוסי" in first
    which = dana.texts[-2]
    example = re.search(r"\*(מחק אורח \d+)\*", which)
    assert example and parses(example.group(1)), which   # the example it gives is a command it knows
    assert "יום שבת, 12 ביוני 2027" in "\n".join(dana.texts)
    titles = [b["reply"]["title"] for m in dana.received if m.type == "interactive"
              for b in m.payload["interactive"].get("action", {}).get("buttons", [])]
    assert titles and set(titles) <= {"כן", "לא"}, titles


def test_an_organiser_who_fixed_hebrew_reads_hebrew_whatever_the_command(phone_factory):
    """`language he` fixes the language: English commands then answer in Hebrew too."""
    dana = phone_factory(DANA, "Dana")
    assert_hebrew(dana.send("language he"), "language he")
    script = [
        "new event Dana & Noam's wedding", "event", "set date 12/6/2027", "set location Tel Aviv",
        "add guest Dana Levi 050-234-5678", "add guest יוסי כהן 050-111-2222 side כלה party 2",
        "guests", "find Dana", "mark 1 yes party 3", "edit 2 party 4", "stats", "members",
        "reminders 7 2", "notify off", "events", "more", "remove guest 1", "no", "invite", "yes",
        "remind", "cancel", "cancel", "yes", "token", "token revoke", "delete event", "yes", "events",
    ]
    for text in script:
        assert parses(text), text
        reply = dana.send(text)
        assert reply, text
        assert_hebrew(reply, text)
    titles = [b["reply"]["title"] for m in dana.received if m.type == "interactive"
              for b in m.payload["interactive"].get("action", {}).get("buttons", [])]
    assert titles and set(titles) == {"כן", "לא"}, titles


# ---------------------------------------------------------------- exact wording a tester read

def test_a_count_of_one_agrees_in_hebrew():
    ev = event(HEBREW_EVENT)
    ones = {**STATS, "total": 3, "expected_headcount": 2, "maybe": 1,
            "by_status": {"confirmed": 1, "declined": 1, "invited": 1},
            "invitations": {"sent": 0, "delivered": 0, "read": 1, "failed": 1, "not_sent": 1}, "by_side": {}}
    with i18n.use("he"):
        lines = replies.stats(ev, ones).splitlines()
        for line in ("✅ מגיעים: 1", "❌ לא מגיעים: 1", "⏳ ממתינים לתשובה: 1 (מתוכם אולי: 1)",
                     "נשלחו: 1 · נמסרו: 1 · נקראו: 1", "⚠️ נכשלו: 1 (*אורחים נכשלו*) · עוד לא נשלחו: 1 (*שלח הזמנות*)"):
            assert line in lines, (line, lines)
        assert replies.send_question("remind", ev, 1, {}) == (
            "לשלוח תזכורת לחתונה של מיכל ויוסי אל אורח אחד (עוד בלי תשובה)? ענו כן או לא.")
        assert replies.nobody_to_send("remind", ev, {"already answered": 1, "opted out": 2}) == (
            "אין למי להזכיר: אין בחתונה של מיכל ויוסי אורחים מוזמנים שעוד לא ענו. "
            "דילגתי על: אורח אחד שכבר ענה ושניים שביקשו לא לקבל הודעות.")
    with i18n.use("en"):
        assert "⏳ 1 pending (1 said maybe)" in replies.stats(ev, ones).splitlines()
        assert replies.restate(C.MarkGuest(C.Ref("Dana"), "yes", 1)) == "Mark Dana as coming, 1 person?"
    with i18n.use("he"):
        assert replies.restate(C.MarkGuest(C.Ref("דנה"), "yes", 1)) == "לסמן שדנה מגיע/ה, אדם אחד?"


def test_a_prefix_before_a_time_a_number_or_a_latin_name_takes_a_hyphen():
    with i18n.use("he"):
        assert replies.restate(C.SetEventField("time", time(19, 30))) == "לשנות את השעה של האירוע ל-19:30?"
        assert replies.restate(C.EditGuest(C.Ref("דנה"), "party", 3)) == "לשנות את הכמות של דנה ל-3?"
        assert replies.restate(C.MessageGuest(C.Ref("Dana"), "נתראה")) == "לשלוח ל-\u2068Dana\u2069: נתראה?"
        assert replies.restate(C.MarkGuest(C.Ref("Dana"), "no")) == "לסמן ש-\u2068Dana\u2069 לא מגיע/ה?"
        # a Hebrew value still takes the prefix the Hebrew way
        assert replies.restate(C.SetEventField("location", "הגן הבוטני")) == "לשנות את המקום של האירוע לגן הבוטני?"


def test_a_status_reads_naturally_after_its_prefix():
    declined = guest(status=RsvpStatus.declined, invitation=InvitationState.read)
    with i18n.use("he"):
        assert replies.guest_marked(event(HEBREW_EVENT), declined) == (
            "❌ סימנתי את דנה לוי כ״לא מגיעים״ לחתונה של מיכל ויוסי.")


def test_a_broadcast_question_has_one_pair_of_parentheses():
    ev = event("החתונה של מאיה ואורי")
    with i18n.use("he"):
        question = replies.send_question("broadcast", ev, 9, {}, "שלום", replies.send_filters("confirmed", None))
    assert question == ("החתונה של מאיה ואורי: לשלוח את ההודעה הזו אל 9 אורחים (מגיעים)?\n\n\"שלום\"\nענו כן או לא.")


def test_the_next_step_and_the_switch_hint_read_as_one_voice():
    ev = event(HEBREW_EVENT)
    undated = event("מסיבה", dated=False, reminders=())
    rows = [(ev, member(), 1), (undated, member("editor"), 0)]
    with i18n.use("he"):
        assert replies.event_created(ev).splitlines()[-1] == (
            "הצעד הבא: *הוסף אורח דנה לוי 050-234-5678*, או שלחו קובץ CSV, ואז *שלח הזמנות*.")
        assert replies.events_list(rows, ev.id).splitlines()[-1] == "כדי לעבור לאירוע אחר, שלחו *עבור לאירוע 2*."
        assert replies.choose_event(rows).splitlines()[-1] == "שלחו *עבור לאירוע 2* (לפי המספר)."
    # the hint is a command the bot reads
    assert parses("עבור לאירוע 2")


def test_a_guest_not_invited_yet_is_not_also_pending():
    fresh = guest()
    with i18n.use("he"):
        assert replies.guest_line(1, fresh) == "1. דנה לוי · עוד לא הוזמן"
    with i18n.use("en"):
        assert replies.guest_line(1, guest("Dana", "Levi")) == "1. Dana Levi · not invited yet"
        # invited and waiting: pending, as before
        waiting = guest("Dana", "Levi", invitation=InvitationState.delivered)
        assert replies.guest_line(1, waiting) == "1. Dana Levi ⏳ pending"


def test_a_guessed_change_to_a_detail_the_event_lacks_reads_set():
    bare = SimpleNamespace(name="x", date=None, start_time=None, location=None, language=None)
    full = SimpleNamespace(name="x", date=date(2027, 6, 12), start_time=time(19, 0), location="גן", language="he")
    when = C.SetEventField("date", date(2027, 6, 12))
    at = C.SetEventField("time", time(19, 30))
    where = C.SetEventField("location", "הגן הבוטני")
    with i18n.use("he"):
        assert replies.restate(when, bare) == "לקבוע את התאריך של האירוע ליום שבת, 12 ביוני 2027 (ז׳ בסיון תשפ״ז)?"
        assert replies.restate(at, bare) == "לקבוע את השעה של האירוע ל-19:30?"
        assert replies.restate(where, bare) == "לקבוע את המקום של האירוע לגן הבוטני?"
        assert replies.restate(at, full) == "לשנות את השעה של האירוע ל-19:30?"
        assert replies.restate(at) == "לשנות את השעה של האירוע ל-19:30?"   # no event given: as before
    with i18n.use("en"):
        assert replies.restate(when, bare) == "Set the event's date to Sat 12 Jun 2027?"
        assert replies.restate(when, full) == "Change the event's date to Sat 12 Jun 2027?"


def test_a_guessed_guest_is_restated_with_everything_read():
    liat = C.GuestDraft("ליאת", "גבאי", "+972502345678", side="כלה", party_size=3)
    with i18n.use("he"):
        assert replies.restate(C.AddGuests(guests=(liat,))) == (
            "להוסיף את ליאת גבאי (\u2068+972 50-234-5678\u2069, צד כלה, כמות 3) לרשימת האורחים?")
    pasted = C.AddGuests(guests=tuple(C.GuestDraft(f"אורח{n}", "כהן", f"+9725012345{n:02d}") for n in range(12)),
                         errors=(C.LineError(13, "רון 123", "אין מספר טלפון."),))
    with i18n.use("he"):
        lines = replies.restate(pasted).splitlines()
    assert lines[0] == "להוסיף 12 אורחים?"
    assert lines[1] == "1. אורח0 כהן \u2068+972 50-123-4500\u2069"
    assert lines[11:] == ["…ועוד 2", "⚠️ לא הוספתי (שורה אחת):", "שורה 13: אין מספר טלפון."]
    with i18n.use("en"):
        assert replies.restate(C.AddGuests(guests=(C.GuestDraft("Liat", "Gabay", "+972502345678", side="bride",
                                                                party_size=3),))) == (
            "Add Liat Gabay (+972 50-234-5678, side bride, party 3) to the guests?")


def test_a_guessed_call_says_what_will_be_logged():
    with i18n.use("he"):
        assert replies.restate(C.Called(C.Ref("שושנה"), "yes", 2)) == "לרשום שיחה עם שושנה: מגיעים, שני אנשים?"
        assert replies.restate(C.Called(C.Ref("שושנה"), "no_answer")) == "לרשום שיחה עם שושנה: לא ענו?"
    with i18n.use("en"):
        assert replies.restate(C.Called(C.Ref("Shoshana"), "yes", 2)) == "Log a call with Shoshana: coming, 2 people?"
        assert replies.restate(C.Called(C.Ref("Shoshana"), "no")) == "Log a call with Shoshana: not coming?"


def test_personal_links_that_are_off_are_told_in_plain_words(phone_factory):
    with i18n.use("en"):
        assert replies.links_not_set_up() == (
            "🔗 Personal pages for guests aren't set up on this bot yet. Whoever runs the bot can turn them on.")
    dana = phone_factory(DANA, "דנה")
    dana.send("אירוע חדש חתונה")
    dana.send("הוסף אורח אבי כהן 050-234-5678")
    assert dana.send("קישור אבי") == (
        "🔗 דפים אישיים לאורחים עוד לא הופעלו בבוט הזה. מי שמנהל את הבוט יכול להפעיל אותם.")
