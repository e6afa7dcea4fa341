"""The organiser command parser: every command, its forgiving variants, and its errors."""
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.chat import commands as c
from bot.chat.commands import (
    COMMANDS,
    AddGuests,
    AddMember,
    Broadcast,
    Cancel,
    ChangeRole,
    Confirm,
    DeleteEvent,
    EditGuest,
    FindGuests,
    GuestDraft,
    Help,
    Leave,
    LineError,
    ListEvents,
    ListGuests,
    ListMembers,
    MarkGuest,
    MessageGuest,
    More,
    NewEvent,
    Notify,
    ParseError,
    Ref,
    Reminders,
    RemoveGuest,
    RemoveMember,
    SetEventField,
    SetLanguage,
    ShowEvent,
    Inbox,
    ReplyGuest,
    Answers,
    Ask,
    Called,
    Calls,
    DayBefore,
    GuestCard,
    GuestLink,
    Quiet,
    Shabbat,
    ThankYou,
    Chart,
    Export,
    Stats,
    Token,
    UseEvent,
    Invite,
    Remind,
    action_for,
    help_lines,
    parse,
    spec_for,
)
from bot.services.permissions import Action, role_allows

TODAY = date(2026, 11, 24)
DANA = "+972501234567"
NOAM = "+972523456789"


def p(text):
    return parse(text, "IL", TODAY)


def guest(first, last, phone, side=None, party=None, notes=None, line_no=1):
    return GuestDraft(first, last, phone, side, party, notes, line_no)


CASES = [
    # help
    ("help", Help()),
    ("HELP", Help()),
    ("/help", Help()),
    ("  help!!  ", Help()),
    ("?", Help()),
    ("menu", Help()),
    ("עזרה", Help()),
    # events
    ("new event Dana & Noam", NewEvent("Dana & Noam")),
    ("New Event   Dana & Noam", NewEvent("Dana & Noam")),
    ("create event: Dana & Noam", NewEvent("Dana & Noam")),
    ("new event Dana & Noam\ndate: 2027-06-12\nlocation: Tel Aviv port",
     NewEvent("Dana & Noam", date(2027, 6, 12), "Tel Aviv port")),
    ("new event Dana & Noam\r\nDate: 12/6/2027\r\n\r\nWhere: Haifa", NewEvent("Dana & Noam", date(2027, 6, 12), "Haifa")),
    ("new event\nDana & Noam\nwhen: 12 June 2027", NewEvent("Dana & Noam", date(2027, 6, 12))),
    ("new event החתונה של דנה\nמקום: תל אביב", NewEvent("החתונה של דנה", None, "תל אביב")),
    ("set date 12.6.27", SetEventField("date", date(2027, 6, 12))),
    ("set date: 2027-06-12", SetEventField("date", date(2027, 6, 12))),
    ("change date to 12/6/2027", SetEventField("date", date(2027, 6, 12))),
    ("set location Haifa port", SetEventField("location", "Haifa port")),
    ("set venue: Haifa", SetEventField("location", "Haifa")),
    ("set name Dana & Noam 2027", SetEventField("name", "Dana & Noam 2027")),
    ("rename Dana & Noam", SetEventField("name", "Dana & Noam")),
    ("events", ListEvents()),
    ("my events", ListEvents()),
    ("use 2", UseEvent("2")),
    ("use #2", UseEvent("2")),
    ("switch to Dana & Noam", UseEvent("Dana & Noam")),
    ("event", ShowEvent()),
    ("event details", ShowEvent()),
    ("delete event", DeleteEvent()),
    ("Remove event.", DeleteEvent()),
    # guests
    ("add guest Dana Levi 050-123-4567", AddGuests((guest("Dana", "Levi", DANA),))),
    ("add guest Dana Levi 050-123-4567 side bride party 2 note vegan, no nuts",
     AddGuests((guest("Dana", "Levi", DANA, "bride", 2, "vegan, no nuts"),))),
    ("new guest Dana +972 50 123 4567", AddGuests((guest("Dana", "", DANA),))),
    ("add Dana Levi (050) 123-4567", AddGuests((guest("Dana", "Levi", DANA),))),
    ("add guest 050.123.4567 Dana Levi", AddGuests((guest("Dana", "Levi", DANA),))),
    ("add guest Dana Levi 972501234567", AddGuests((guest("Dana", "Levi", DANA),))),
    ("add guest Dana Levi 00972501234567 party of 3", AddGuests((guest("Dana", "Levi", DANA, party=3),))),
    ("add guest דנה לוי 050-123-4567 צד כלה", AddGuests((guest("דנה", "לוי", DANA, "כלה"),))),
    ("add guest Dana Levi-Cohen 050-123-4567 side bride family",
     AddGuests((guest("Dana", "Levi-Cohen", DANA, "bride family"),))),
    ("add guests\nDana Levi 050-123-4567\nNoam (052) 345-6789 side groom",
     AddGuests((guest("Dana", "Levi", DANA), guest("Noam", "", NOAM, "groom", line_no=2)))),
    ("add guests\n1. Dana Levi, 050-123-4567\n2. Noam, +972-52-345-6789, party 2",
     AddGuests((guest("Dana", "Levi", DANA), guest("Noam", "", NOAM, party=2, line_no=2)))),
    ("guests", ListGuests()),
    ("Guest list", ListGuests()),
    ("list", ListGuests()),
    ("guests pending", ListGuests("pending")),
    ("guests confirmed", ListGuests("confirmed")),
    ("guests declined", ListGuests("declined")),
    ("guests not invited", ListGuests("not_invited")),
    ("guests failed", ListGuests("failed")),
    ("guests pending side bride", ListGuests("pending", "bride")),
    ("guests side groom", ListGuests(None, "groom")),
    ("guests all", ListGuests()),
    ("more", More()),
    ("next", More()),
    ("find dana", FindGuests("dana")),
    ("search 050-123", FindGuests("050-123")),
    ("edit 3 phone 052-345-6789", EditGuest(Ref("3", 3), "phone", NOAM)),
    ("edit Dana Levi party 3", EditGuest(Ref("Dana Levi"), "party", 3)),
    ("edit 3 party size 0", EditGuest(Ref("3", 3), "party", 0)),
    ("edit 3 name דנה כהן", EditGuest(Ref("3", 3), "name", "דנה כהן")),
    ("edit 3 side bride", EditGuest(Ref("3", 3), "side", "bride")),
    ("change 050-123-4567 note vegan", EditGuest(Ref("050-123-4567", phone=DANA), "note", "vegan")),
    ("mark 3 yes", MarkGuest(Ref("3", 3), "yes")),
    ("mark 3 yes party 2", MarkGuest(Ref("3", 3), "yes", 2)),
    ("mark Dana Levi confirmed 3", MarkGuest(Ref("Dana Levi"), "yes", 3)),
    ("mark 3 coming", MarkGuest(Ref("3", 3), "yes")),
    ("mark 3 no", MarkGuest(Ref("3", 3), "no")),
    ("mark 3 declined", MarkGuest(Ref("3", 3), "no")),
    ("mark 3 not coming", MarkGuest(Ref("3", 3), "no")),
    ("mark 3 pending", MarkGuest(Ref("3", 3), "pending")),
    ("mark 3 reset", MarkGuest(Ref("3", 3), "pending")),
    ("remove guest 3", RemoveGuest(Ref("3", 3))),
    ("delete guest Dana Levi", RemoveGuest(Ref("Dana Levi"))),
    ("remove guest 050-123-4567", RemoveGuest(Ref("050-123-4567", phone=DANA))),
    ("stats", Stats()),
    ("Status?", Stats()),
    ("summary", Stats()),
    # sending
    ("invite", Invite()),
    ("send invitations", Invite()),
    ("remind", Remind()),
    ("send reminders", Remind()),
    ("broadcast pending: Don't forget to answer!", Broadcast("Don't forget to answer!", "pending")),
    ("broadcast side bride Bus leaves at 5", Broadcast("Bus leaves at 5", None, "bride")),
    ("broadcast confirmed side bride: Bus at 5:30", Broadcast("Bus at 5:30", "confirmed", "bride")),
    ("broadcast side bride family: Bus at 5", Broadcast("Bus at 5", None, "bride family")),
    ("broadcast all: Hello everyone", Broadcast("Hello everyone")),
    ("broadcast Everyone is welcome at 5:00", Broadcast("Everyone is welcome at 5:00")),
    ("broadcast: See you soon", Broadcast("See you soon")),
    ("broadcast declined\nWe'll miss you\nSee you next time", Broadcast("We'll miss you\nSee you next time", "declined")),
    ("message 3: See you there!", MessageGuest(Ref("3", 3), "See you there!")),
    ("message 3 See you at 5:30", MessageGuest(Ref("3", 3), "See you at 5:30")),
    ("message Dana Levi: hi", MessageGuest(Ref("Dana Levi"), "hi")),
    ("message 050 123 4567 hello there", MessageGuest(Ref("050 123 4567", phone=DANA), "hello there")),
    # team
    ("members", ListMembers()),
    ("team", ListMembers()),
    ("add member 050-123-4567", AddMember(DANA, "editor")),
    ("add member 050-123-4567 viewer", AddMember(DANA, "viewer")),
    ("add member +972 50 123 4567 admin", AddMember(DANA, "admin")),
    ("add admin 050-123-4567", AddMember(DANA, "admin")),
    ("role 2 admin", ChangeRole(Ref("2", 2), "admin")),
    ("role Dana to viewer", ChangeRole(Ref("Dana"), "viewer")),
    ("make Dana Levi an admin", ChangeRole(Ref("Dana Levi"), "admin")),
    ("remove member 2", RemoveMember(Ref("2", 2))),
    ("remove member 050-123-4567", RemoveMember(Ref("050-123-4567", phone=DANA))),
    ("leave", Leave()),
    ("notify on", Notify(True)),
    ("Notify OFF", Notify(False)),
    ("reminders 14 7 2", Reminders((14, 7, 2))),
    ("reminders 2, 7 and 14 days", Reminders((14, 7, 2))),
    ("reminders 7 7 1", Reminders((7, 1))),
    ("reminders off", Reminders(None)),
    # account
    ("chart", Chart()),
    ("graph", Chart()),
    ("export", Export()),
    ("export guests", Export()),
    ("excel", Export()),
    ("link 3", GuestLink(Ref("3", 3))),
    ("guest 3", GuestCard(Ref("3", 3))),
    ("quiet 21-9", Quiet("21-9")),
    ("calls", Calls()),
    ("ask Meal? meat / fish / vegan", Ask("Meal?", ("meat", "fish", "vegan"))),
    ("ask Shuttle?\nyes\nno", Ask("Shuttle?", ("yes", "no"))),
    ("answers", Answers()),
    ("who to call", Calls()),
    ("called 3 yes party 2", Called(Ref("3", 3), "yes", 2)),
    ("called Dana Levi no answer", Called(Ref("Dana Levi"), "no_answer")),
    ("quiet off", Quiet(None)),
    ("quiet default", Quiet(None, default=True)),
    ("shabbat on", Shabbat(True)),
    ("day before off", DayBefore(False)),
    # a setting's bare word shows it
    ("quiet", Quiet(None, show=True)),
    ("shabbat", Shabbat(False, show=True)),
    ("day before", DayBefore(False, show=True)),
    ("reminders", Reminders(None, show=True)),
    ("notify", Notify(False, show=True)),
    ("thank you Thanks for celebrating with us!", ThankYou("Thanks for celebrating with us!")),
    ("show guest Dana Levi", GuestCard(Ref("Dana Levi"))),
    ("mark 2 maybe", MarkGuest(Ref("2", 2), "maybe")),
    ("guests maybe", ListGuests(status="maybe")),
    ("link Dana new", GuestLink(Ref("Dana"), new=True)),
    ("inbox", Inbox()),
    ("messages", Inbox()),
    ("reply 1 Yes, there is parking", ReplyGuest(Ref("1", 1), "Yes, there is parking")),
    ("reply 2: thanks!", ReplyGuest(Ref("2", 2), "thanks!")),
    ("language he", SetLanguage("he")),
    ("language English", SetLanguage("en")),
    ("שפה עברית", SetLanguage("he")),
    ("set language ar", SetEventField("language", "ar")),
    ("set language Russian", SetEventField("language", "ru")),
    ("token", Token(False)),
    ("token revoke", Token(True)),
    ("revoke token", Token(True)),
    ("yes", Confirm("yes")),
    ("Yes please", Confirm("yes")),
    ("y", Confirm("yes")),
    ("כן", Confirm("yes")),
    ("no", Confirm("no")),
    ("nope", Confirm("no")),
    ("cancel", Cancel()),
    ("never mind", Cancel()),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t for t, _ in CASES])
def test_parse(text, expected):
    assert p(text) == expected


def test_every_command_in_the_table_has_a_case():
    covered = {type(expected) for _, expected in CASES}
    assert {spec.command for spec in COMMANDS} <= covered


def test_add_guests_keeps_good_lines_and_explains_bad_ones():
    result = p(
        "add guests\n"
        "Dana Levi 050-123-4567\n"
        "Bad 0501\n"
        "Moshe\n"
        "050-234-5678\n"
        "Dup Levi 050 123 4567\n"
        "Eli Cohen +44 7911 123456 party 99\n"
        "רון כהן 054-234-5678\n"
    )
    assert isinstance(result, AddGuests)
    assert result.guests == (guest("Dana", "Levi", DANA), guest("רון", "כהן", "+972542345678", line_no=7))
    reasons = {e.line_no: e for e in result.errors}
    assert set(reasons) == {2, 3, 4, 5, 6}
    assert reasons[2] == LineError(2, "Bad 0501", reasons[2].reason)
    assert "0501" in reasons[2].reason and "phone" in reasons[2].reason
    assert "No phone" in reasons[3].reason
    assert "No name" in reasons[4].reason
    assert "Same phone as line 1" in reasons[5].reason
    assert "Party" in reasons[6].reason


def test_add_guests_refuses_a_huge_batch():
    lines = "\n".join(f"Guest {i} +97250{2000000 + i}" for i in range(c.MAX_GUEST_LINES + 1))
    result = p("add guests\n" + lines)
    assert isinstance(result, ParseError) and "CSV" in result.message


def test_phones_without_country_code_need_a_region():
    assert isinstance(parse("add guest Dana 050-123-4567", None, TODAY), ParseError)
    assert parse("add guest Dana +972 50 123 4567", None, TODAY) == AddGuests((guest("Dana", "", DANA),))
    assert parse("add guest Dana (212) 555-1234", "US", TODAY) == AddGuests((guest("Dana", "", "+12125551234"),))


ERRORS = [
    ("add guest Dana 0501", "0501"),
    ("add guest Dana", "phone"),
    ("add guest 050-123-4567", "name"),
    ("add guest", "add guest"),
    ("new event", "name"),
    ("new event Party\ndate: 31/2/2027", "There is no 31 February 2027"),
    ("new event Party\nbring snacks", "date:"),
    ("set date someday", "date"),
    ("set colour blue", "set date"),
    ("use", "use 2"),
    ("edit 3 party 99", "0 to 50"),
    ("edit 3 party lots", "0 to 50"),
    ("edit 3 phone 123", "doesn't look like a phone number"),
    ("edit 3", "What should I change"),
    ("edit 3 name 1234", "letters"),
    ("mark 3", "Mark as what"),
    ("mark 3 yes party 99", "0 to 50"),
    ("mark 3 no party 2", "Only a guest who is coming has a party size"),
    ("remove guest", "Remove whom"),
    ("guests dana", "find"),
    ("find", "Find whom"),
    ("broadcast", "What should I send"),
    ("broadcast pending:", "What should I send"),
    ("message 3", "What should I send"),
    ("message", "Whom"),
    ("add member Dana", "phone"),
    ("role 2 boss", "admin, editor or viewer"),
    ("remove member", "Remove whom"),
    ("notify maybe", "notify on"),
    ("reminders 400", "between 1 and 365"),
    ("reminders soon", "soon"),
    ("token please revoke it all", "token revoke"),
    ("stats bride", "stats"),
    ("delete event Dana", "use <name>"),
    ("yes and also something else", "yes"),
]


@pytest.mark.parametrize("text, hint", ERRORS, ids=[t for t, _ in ERRORS])
def test_parse_errors_carry_a_useful_hint(text, hint):
    result = p(text)
    assert isinstance(result, ParseError), result
    assert hint.lower() in (result.message + " " + (result.usage or "")).lower()
    assert "\n" not in result.message
    assert len(result.message) < 250


@pytest.mark.parametrize("text", ["xyzzy", "hello there bot, can you", "🙂🙂", "שלום מה נשמע", "", "   ", "\n\n", "123"])
def test_unknown_text_points_to_help(text):
    result = p(text)
    if text.strip() in {"hello there bot, can you"}:
        # "hello" is a greeting: it gets the help
        assert result == Help()
        return
    assert isinstance(result, ParseError)
    assert "*help*" in result.message
    assert result.usage is None


def test_unknown_text_is_echoed_short_and_may_suggest_a_command():
    result = p("gests pending " + "x" * 10_000)
    assert isinstance(result, ParseError)
    assert "Did you mean *guests*?" in result.message
    assert len(result.message) < 200
    assert p("xyzzy").message == 'Sorry, I didn\'t understand "xyzzy". Send *help* to see what I can do.'


def test_broadcast_keeps_long_text_up_to_whatsapps_limit():
    assert p("broadcast " + "a" * c.MAX_TEXT_LENGTH) == Broadcast("a" * c.MAX_TEXT_LENGTH)
    too_long = p("broadcast " + "a" * (c.MAX_TEXT_LENGTH + 1))
    assert isinstance(too_long, ParseError) and "4096" in too_long.message


# ---------------------------------------------------------------- help from the table

def test_every_spec_appears_in_help_when_everything_is_allowed():
    shown = {usage for _, rows in help_lines(lambda action: True) for usage, _ in rows}
    assert {spec.usage for spec in COMMANDS} == shown
    groups = [group for group, _ in help_lines(lambda action: True)]
    assert groups == [g for g in c.GROUPS if any(s.group == g for s in COMMANDS)]


def test_help_hides_what_the_role_does_not_allow():
    def allowed_for(role):
        return lambda action: action is None or role_allows(role, action)

    def usages(role):
        return {usage for _, rows in help_lines(allowed_for(role)) for usage, _ in rows}

    remove_guest = spec_for(RemoveGuest).usage
    add_guest = spec_for(AddGuests).usage
    assert remove_guest in usages("admin")
    assert remove_guest not in usages("editor")
    assert add_guest in usages("editor")
    assert add_guest not in usages("viewer")
    assert spec_for(Broadcast).usage in usages("viewer")
    # no event role at all: only what needs none
    assert usages(None) == {s.usage for s in COMMANDS if s.action is None}
    assert spec_for(Help).usage in usages(None)


def test_help_hides_remove_guest_when_remove_guests_is_not_allowed():
    rows = help_lines(lambda action: action is not Action.REMOVE_GUESTS)
    usages = [usage for _, group_rows in rows for usage, _ in group_rows]
    assert "remove guest <ref>" not in usages
    assert "add guest <name> <phone> [side <side>] [party <n>] [note <text>]" in usages


@pytest.mark.parametrize("spec", COMMANDS, ids=[s.name for s in COMMANDS])
def test_every_verb_in_the_table_reaches_its_command(spec):
    for verb in spec.verbs:
        result = p(verb)
        # a verb alone either parses to its command or asks for what is missing, with its own usage
        assert isinstance(result, spec.command) or (isinstance(result, ParseError) and result.usage == spec.usage), (verb, result)


def test_actions_come_from_the_role_table():
    assert action_for(RemoveGuest(Ref("3", 3))) is Action.REMOVE_GUESTS
    assert action_for(AddGuests(())) is Action.EDIT_GUESTS
    assert action_for(MarkGuest(Ref("3", 3), "yes")) is Action.EDIT_GUESTS
    assert action_for(Broadcast("hi")) is Action.SEND
    assert action_for(AddMember(DANA)) is Action.MANAGE_EVENT
    assert action_for(DeleteEvent()) is Action.MANAGE_EVENT
    assert action_for(Stats()) is Action.VIEW
    for no_role in (Help(), NewEvent("x"), ListEvents(), UseEvent("1"), Token(), Confirm("yes"), Cancel(), More()):
        assert action_for(no_role) is None


def test_split_name():
    assert c.split_name("Dana Levi") == ("Dana", "Levi")
    assert c.split_name("Dana") == ("Dana", "")
    assert c.split_name("  Dana   Levi  Cohen ") == ("Dana", "Levi Cohen")


# ---------------------------------------------------------------- never raises

_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x05FF), max_size=200),
    st.text(alphabet="👍✅❌🙂💃🎉🏽\u200e\u200f \n:/-+0123456789", max_size=200),
    st.builds(
        lambda verb, tail: verb + " " + tail,
        st.sampled_from([v for spec in COMMANDS for v in spec.verbs]),
        st.text(max_size=200),
    ),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(min_value=100, max_value=1000)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text, st.sampled_from([None, "IL", "US", "xx"]))
def test_parse_never_raises(text, region):
    result = parse(text[:20_000], region, TODAY)
    assert isinstance(result, ParseError) or spec_for(result) is not None
    if isinstance(result, ParseError):
        assert result.message != c._CONFUSED, text   # the safety net must never be needed


def test_parse_survives_very_long_and_odd_input():
    for text in ("help " + "x" * 100_000, "add guests\n" + "Dana 050-123-4567\n" * 2, "\x00\x01\x02", "/" * 5000, "🙂" * 20_000):
        result = parse(text, "IL", TODAY)
        assert isinstance(result, ParseError) or spec_for(result) is not None
    assert parse(None) == ParseError("Send *help* to see what I can do.", None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["remove guest ²", "mark ³ yes", "edit 1 party ²"])
def test_superscript_digits_are_no_list_numbers_and_confuse_nothing(text):
    result = parse(text, "IL", TODAY)
    assert not (isinstance(result, ParseError) and result.message == c._CONFUSED)
