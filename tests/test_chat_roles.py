"""Every event command against every role, through the webhook.

Allowed commands succeed; refused ones get a refusal naming the role needed and change
nothing; someone who is not a member gets exactly what a person with no events gets,
so they never learn that the event exists.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import inspect as sa_inspect, select

from bot.text import replies
from bot.services.permissions import Action, needed_roles_phrase, role_allows
from storage.models import (
    ApiToken,
    Direction,
    Event,
    EventMember,
    Guest,
    InvitationState,
    Message,
    ReminderRound,
    Role,
    SendBatch,
    User,
)
from tests.phone import phone_factory  # noqa: F401  (fixture)

DANA = "+972521234567"    # created the event
ADAM = "+972521111111"    # a second admin
EDDIE = "+972522222222"   # editor
VERA = "+972523333333"    # viewer
NINA = "+972524444444"    # not a member of anything
ACTOR = {"admin": ADAM, "editor": EDDIE, "viewer": VERA, "none": NINA}


@dataclass(frozen=True)
class Case:
    text: str
    action: Action
    success: str
    confirm: bool = False

    def __str__(self) -> str:
        return self.text.split("\n")[0]


CASES = [
    Case("event", Action.VIEW, "*Wedding*"),
    Case("guests", Action.VIEW, "Wedding*: 2 guests"),
    Case("guests pending side bride", Action.VIEW, "Avi Cohen"),
    Case("guests failed", Action.VIEW, "No failed invitations for Wedding"),
    Case("find avi", Action.VIEW, "Avi Cohen"),
    Case("stats", Action.VIEW, "2 guests"),
    Case("members", Action.VIEW, "Team of Wedding"),
    Case("notify off", Action.VIEW, "No more answer notifications"),
    Case("inbox", Action.VIEW, "No messages from guests of *Wedding*"),
    Case("link avi", Action.VIEW, "Personal pages for guests aren't set up"),
    Case("guest avi", Action.VIEW, "*Avi Cohen*"),
    Case("calls", Action.VIEW, "for Wedding"),
    Case("answers", Action.VIEW, "No questions for Wedding yet"),
    Case("ask Meal? meat / fish", Action.SEND, "Nobody to ask yet"),
    Case("called avi no answer", Action.EDIT_GUESTS, "Avi Cohen didn't pick up"),
    Case("chart", Action.VIEW, "📊 Wedding: the answers so far"),
    Case("export", Action.VIEW, "📎 Wedding: the guest list (2 guests)."),
    Case("reply avi: Yes, there is parking", Action.SEND, "Sending your message to Avi Cohen"),
    Case("leave", Action.VIEW, "You left the team of Wedding", confirm=True),
    Case("set date 12/6/2027", Action.MANAGE_EVENT, "12 Jun 2027"),
    Case("set location Hangar 11", Action.MANAGE_EVENT, "Hangar 11"),
    Case("rename Big wedding", Action.MANAGE_EVENT, "Renamed the event to *Big wedding*"),
    Case("reminders 14 7 2", Action.MANAGE_EVENT, "14, 7, 2 days before"),
    Case("quiet 21-9", Action.MANAGE_EVENT, "Quiet hours for Wedding: 21:00–09:00"),
    Case("shabbat on", Action.MANAGE_EVENT, "on Shabbat and Jewish holidays"),
    Case("day before off", Action.MANAGE_EVENT, "No day-before message for Wedding"),
    Case("thank you Thanks for coming", Action.SEND, "thanks go out after the event"),
    Case("delete event", Action.MANAGE_EVENT, "Deleted Wedding", confirm=True),
    Case("add member 0549999999 viewer", Action.MANAGE_EVENT, "as viewer"),
    Case(f"role {EDDIE} viewer", Action.MANAGE_EVENT, "is now viewer"),
    Case(f"remove member {VERA}", Action.MANAGE_EVENT, "Removed", confirm=True),
    Case("add guest Yael Katz 0502345679", Action.EDIT_GUESTS, "Added Yael Katz"),
    Case("add guests\nYael 0502345679\nTal 0502345680", Action.EDIT_GUESTS, "Added 2 guests"),
    Case("edit avi side groom", Action.EDIT_GUESTS, "side to groom"),
    Case("mark ron yes party 2", Action.EDIT_GUESTS, "Ron Levi as coming (2)"),
    Case("remove guest ron", Action.REMOVE_GUESTS, "Removed Ron Levi", confirm=True),
    Case("invite", Action.SEND, "Sending 1 invitation", confirm=True),
    Case("remind", Action.SEND, "Sending 1 reminder", confirm=True),
    Case("broadcast: The bus leaves at 5", Action.SEND, "Sending 2 messages", confirm=True),
    Case("message avi: See you there", Action.SEND, "Sending your message to Avi Cohen"),
]


def seed(runtime) -> None:
    """The event as the chat would have built it, written straight to the store (fast)."""
    with runtime.transaction() as s:
        people = {p: User(phone=p, display_name=name, region="IL")
                  for p, name in [(DANA, "Dana"), (ADAM, "Adam"), (EDDIE, "Eddie"), (VERA, "Vera"), (NINA, "Nina")]}
        s.add_all(people.values())
        s.flush()
        event = Event(name="Wedding", timezone="Asia/Jerusalem", created_by=people[DANA].id)
        s.add(event)
        s.flush()
        for phone, role in [(DANA, Role.admin), (ADAM, Role.admin), (EDDIE, Role.editor), (VERA, Role.viewer)]:
            s.add(EventMember(event_id=event.id, user_id=people[phone].id, role=role, added_by=people[DANA].id))
        # Avi is invited and hasn't answered (someone to remind); Ron is not invited yet.
        s.add(Guest(event_id=event.id, added_by=people[DANA].id, first_name="Avi", last_name="Cohen",
                    phone="+972502345671", side="bride", invitation=InvitationState.delivered))
        s.add(Guest(event_id=event.id, added_by=people[DANA].id, first_name="Ron", last_name="Levi",
                    phone="+972502345672"))


TABLES = (Event, EventMember, Guest, SendBatch, ApiToken, ReminderRound)


def snapshot(runtime, actor_phone: str | None) -> dict:
    """Everything a command could change, except the actor's own chat (replies, conversation)."""
    out = {}
    with runtime.transaction() as s:
        for model in TABLES:
            cols = [c.key for c in sa_inspect(model).columns if c.key != "updated_at"]
            rows = s.execute(select(*[getattr(model, c) for c in cols])).all()
            out[model.__tablename__] = sorted(map(repr, rows))
        if actor_phone is None:
            return out
        out["sent to others"] = s.scalars(
            select(Message.id).where(Message.direction == Direction.outbound, Message.phone != actor_phone)
        ).all()
    return out


def allowed(role: str, action: Action) -> bool:
    return role != "none" and role_allows(role, action)


def check(role: str, case: Case, phone_factory, runtime) -> None:
    actor = phone_factory(ACTOR[role], role)
    before = snapshot(runtime, actor.number)
    reply = actor.send(case.text)
    where = f"{role}: {case.text!r} → {reply!r}"
    if allowed(role, case.action):
        if case.confirm:
            assert "Reply yes or no" in reply and actor.last_buttons == ["confirm:yes", "confirm:no"], where
            assert snapshot(runtime, actor.number) == before, "nothing happens before the yes: " + where
            reply = actor.tap("confirm:yes", "Yes")
            where += f" → yes → {reply!r}"
        assert case.success in reply and "Only" not in reply, where
        return
    if role == "none":
        # told the command needs an event, then how to open one: nothing of the seeded event
        assert reply == "ℹ️ That needs an event first.\n\n" + replies.NO_EVENTS_WELCOME, where
    else:
        assert reply.startswith(f"Only {needed_roles_phrase(case.action)} of Wedding can "), where
        # and who can: the sender has a way forward
        # (the role it takes: editing rights when an editor may do it, else an admin)
        way = "or give you editing rights." if role_allows("editor", case.action) else "or make you an admin."
        assert "\nAsk Dana (" in reply and f"they can do it, {way}" in reply, where
        assert actor.last_buttons == [], where
    assert snapshot(runtime, actor.number) == before, "a refused command changed something: " + where


@pytest.mark.parametrize("role", ["admin", "editor", "viewer", "none"])
def test_every_command_against_every_role(role, phone_factory, runtime, db, fake_graph):
    """Every command of the table as this role, each on the seeded event (seeded afresh
    whenever the previous command changed it). All failures are reported together."""
    for phone in (DANA, ADAM, EDDIE, VERA, NINA, "+972502345671", "+972502345672"):
        fake_graph.open_window(phone)
    seed(runtime)
    seeded = snapshot(runtime, None)
    failures = []
    for case in CASES:
        if snapshot(runtime, None) != seeded:   # the last command changed the event: start afresh
            db.clean()
            seed(runtime)
        try:
            check(role, case, phone_factory, runtime)
        except AssertionError as exc:
            failures.append(str(exc).split("\n")[0])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("text", ["help", "events", "use Wedding", "use 1", "more", "yes", "cancel",
                                  "find Avi", "remove guest 1", "add guest Avi 0502345671"])
def test_a_non_member_never_learns_that_the_event_exists(text, phone_factory, runtime):
    seed(runtime)
    nina = phone_factory(NINA)
    before = snapshot(runtime, NINA)
    reply = nina.send(text)
    assert "Wedding" not in reply and "Cohen" not in reply
    assert snapshot(runtime, NINA) == before


def test_every_event_command_in_the_table_is_covered():
    from bot.chat import commands

    covered = {type(commands.parse(c.text, "IL")) for c in CASES}
    needs_event = {spec.command for spec in commands.COMMANDS if spec.action is not None}
    assert needs_event <= covered, needs_event - covered


@pytest.mark.parametrize("role, text", [
    ("editor", "האירוע עבר ל20.6"),
    ("editor", "תשנה את השם של האירוע לחתונה של דנה"),
    ("editor", "the wedding moved to 20/6"),
    ("viewer", "התקשרתי לאבי הוא מגיע 2"),
    ("viewer", "avi called, he's coming with 2"),
])
def test_a_guessed_write_the_role_may_not_do_is_refused_before_any_question(role, text, phone_factory, runtime):
    """Words read as a change ask "are you sure?" first; when the sender's role may not make
    that change, the refusal (and who may) comes at once, with no question and no buttons."""
    seed(runtime)
    actor = phone_factory(ACTOR[role], role)
    before = snapshot(runtime, actor.number)
    reply = actor.send(text)
    assert actor.last_buttons == [], reply
    assert reply.startswith(("Only ", "רק ")) and "Dana" in reply, reply
    assert snapshot(runtime, actor.number) == before


@pytest.mark.parametrize("text", ["תן למיכל הרשאת מנהל", "give Michal admin rights"])
def test_a_role_change_for_someone_not_on_the_team_says_so_before_any_question(text, phone_factory, runtime):
    seed(runtime)
    dana = phone_factory(DANA, "Dana")
    before = snapshot(runtime, DANA)
    reply = dana.send(text)
    assert dana.last_buttons == [] and ("Michal" in reply or "מיכל" in reply), reply
    assert reply.startswith(("Nobody on the team of Wedding", "אין בצוות")), reply
    assert snapshot(runtime, DANA) == before


def test_making_an_editor_admin_in_words_is_asked_once(phone_factory, runtime):
    """"תעשה את 052… מנהל" reads as adding them as admin; they are an editor already, so the yes to that one
    question changes their role, with no second "make them admin?"."""
    seed(runtime)
    dana = phone_factory(DANA, "Dana")
    dana.send("תעשה את 0522222222 מנהל")
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    reply = dana.tap("confirm:yes", "כן")
    assert dana.last_buttons == [], reply
    with runtime.transaction() as s:
        eddie = s.scalars(select(EventMember).join(User, User.id == EventMember.user_id).where(User.phone == EDDIE)).one()
        assert eddie.role == Role.admin


def test_taking_a_member_off_the_team_in_words_is_asked_once(phone_factory, runtime):
    seed(runtime)
    dana = phone_factory(DANA, "Dana")
    dana.send("take Eddie off the team")
    assert dana.last_buttons == ["confirm:yes", "confirm:no"]
    reply = dana.tap("confirm:yes", "Yes")
    assert dana.last_buttons == [] and "Eddie" in reply, reply
    with runtime.transaction() as s:
        assert s.scalars(select(EventMember).join(User, User.id == EventMember.user_id).where(User.phone == EDDIE)).all() == []
