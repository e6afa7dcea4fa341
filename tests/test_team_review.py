"""What a reviewer found running a Haredi family's wedding as a team, in Hebrew: the bride's
father (admin, who made the event), the bride (admin), the groom's mother Malka (editor),
an aunt (viewer), and a hall coordinator who works on two other events."""
from __future__ import annotations

import re

from sqlalchemy import select

from storage.models import EventMember, User
from tests.phone import phone_factory  # noqa: F401  (fixture)

FATHER = "+972521000000"
SHIRA = "+972522000001"   # the bride
MALKA = "+972523000002"   # the groom's mother
AUNT = "+972524000003"
WEDDING = "החתונה של שירה ויוסף"


def roles(runtime) -> dict[str, str]:
    with runtime.transaction() as s:
        rows = s.execute(select(User.phone, EventMember.role).join(EventMember, EventMember.user_id == User.id)).all()
        return {phone: role.value for phone, role in rows}


def the_team(phone_factory, fake_graph):
    """The father makes the event and his team; each of them has written to the bot lately."""
    for number in (SHIRA, MALKA, AUNT):
        fake_graph.open_window(number)
    father = phone_factory(FATHER, "אבא")
    father.send(f"אירוע חדש {WEDDING}")
    father.send("הוסף מנהל 0522000001")
    father.send("הוסף עורך 0523000002")
    father.send("הוסף צופה 0524000003")
    for number, name in ((SHIRA, "שירה"), (MALKA, "מלכה"), (AUNT, "דודה רחל")):
        phone_factory(number, name).send("שלום")   # their names become known
    assert "1. אבא" in father.send("צוות")
    return father


# ---------------------------------------------------------------- a role change of one's own

def test_an_admin_making_himself_a_viewer_is_asked_first_and_the_other_admins_are_told(phone_factory, runtime,
                                                                                        fake_graph):
    father = the_team(phone_factory, fake_graph)
    question = father.send("תפקיד 1 צופה")
    assert "ישתנה ממנהל לצופה" in question and "רק מנהל אחר יוכל להחזיר אתכם לניהול" in question
    assert question.endswith("להמשיך?") and father.last_buttons == ["confirm:yes", "confirm:no"]
    assert roles(runtime)[FATHER] == "admin"          # nothing before the yes
    assert father.tap("confirm:no", "לא") == "בסדר, ביטלתי. שום דבר לא השתנה."
    assert roles(runtime)[FATHER] == "admin"

    father.send("תפקיד 1 צופה")
    told_before = len(fake_graph.sent_to(SHIRA))
    reply = father.tap("confirm:yes", "כן")
    assert "מעכשיו התפקיד שלכם בחתונה של שירה ויוסף: צופה" in reply and "עדכנתי את שאר המנהלים" in reply
    assert roles(runtime) == {FATHER: "viewer", SHIRA: "admin", MALKA: "editor", AUNT: "viewer"}
    (told,) = fake_graph.sent_to(SHIRA)[told_before:]
    assert "אבא" in told.text and "כבר לא מנהל/ת בחתונה של שירה ויוסף" in told.text and "צופה" in told.text
    # the bride, still an admin, can give it back
    shira = phone_factory(SHIRA, "שירה")
    shira.send("צוות")
    assert "עכשיו בתפקיד מנהל" in shira.send("תפקיד אבא מנהל")
    assert roles(runtime)[FATHER] == "admin"


def test_the_last_admin_is_refused_before_any_question(phone_factory, runtime, fake_graph):
    father = the_team(phone_factory, fake_graph)
    father.send("צוות")
    father.send("תפקיד 2 עורך")                       # the bride is no admin now
    reply = father.send("תפקיד 1 צופה")
    assert "צריך לפחות מנהל אחד" in reply and father.last_buttons == []
    assert roles(runtime)[FATHER] == "admin"


def test_a_role_someone_already_has_is_said_so_not_changed(phone_factory, runtime, fake_graph):
    father = the_team(phone_factory, fake_graph)
    told_before = len(fake_graph.sent_to(MALKA))
    reply = father.send("תפקיד מלכה עורך")
    assert "מלכה" in reply and "כבר בתפקיד עורך בחתונה של שירה ויוסף" in reply and "עכשיו" not in reply
    assert len(fake_graph.sent_to(MALKA)) == told_before    # nobody is told of a change that wasn't
    assert "אתם כבר בתפקיד מנהל" in father.send("תפקיד 1 מנהל")


# ---------------------------------------------------------------- leaving the team

def test_leaving_is_asked_first_and_the_admins_hear_who_left(phone_factory, runtime, fake_graph):
    the_team(phone_factory, fake_graph)
    aunt = phone_factory(AUNT, "דודה רחל")
    question = aunt.send("צא מהאירוע")
    assert question.startswith(f"לצאת מהצוות של {WEDDING}?") and aunt.last_buttons == ["confirm:yes", "confirm:no"]
    assert AUNT in roles(runtime)
    assert aunt.tap("confirm:no", "לא") == "בסדר, ביטלתי. שום דבר לא השתנה."
    assert AUNT in roles(runtime)
    aunt.send("צא מהאירוע")
    father_told, shira_told = len(fake_graph.sent_to(FATHER)), len(fake_graph.sent_to(SHIRA))
    assert f"יצאת מהצוות של {WEDDING}" in aunt.tap("confirm:yes", "כן")
    assert AUNT not in roles(runtime)
    for admin, before in ((FATHER, father_told), (SHIRA, shira_told)):
        (told,) = fake_graph.sent_to(admin)[before:]
        assert "דודה רחל" in told.text and "(צופה) יצא/ה מהצוות של" in told.text
    assert not [m for m in fake_graph.sent_to(MALKA) if "יצא/ה" in m.text]   # an editor is not told
    assert WEDDING not in aunt.send("אורחים")


def test_the_last_admin_still_cannot_leave(phone_factory, runtime, fake_graph):
    father = the_team(phone_factory, fake_graph)
    phone_factory(SHIRA, "שירה").send("עזוב את האירוע")
    phone_factory(SHIRA, "שירה").tap("confirm:yes", "כן")
    reply = father.send("צא מהאירוע")
    assert "המנהלים היחידים" in reply and father.last_buttons == []
    assert roles(runtime)[FATHER] == "admin"


# ---------------------------------------------------------------- a co-organiser who works on other events

COORDINATOR = "+972526000005"   # the hall's coordinator, with two weddings of her own


def test_the_welcome_of_someone_working_on_another_event_says_how_to_switch(phone_factory, runtime, fake_graph):
    coordinator = phone_factory(COORDINATOR, "מלכי מהאולם")
    coordinator.send("אירוע חדש חתונת כהן-לוי")
    coordinator.send("אירוע חדש חתונת פרידמן")            # she works on this one now
    father = the_team(phone_factory, fake_graph)
    father.send("הוסף עורך 0526000005")
    welcome = coordinator.texts[-1]
    assert f"נוספת לצוות של *{WEDDING}* בתפקיד עורך" in welcome
    assert "כרגע אתם עובדים כאן על *חתונת פרידמן*" in welcome
    assert f"שלחו *עבור לאירוע {WEDDING}*" in welcome and "סטטיסטיקה" not in welcome
    assert f"עובדים עכשיו על *{WEDDING}*" in coordinator.send(f"עבור לאירוע {WEDDING}")
    stats = coordinator.send("סטטיסטיקה")
    assert WEDDING in stats and "פרידמן" not in stats


def test_someone_on_other_teams_who_chose_none_is_moved_to_the_new_event(phone_factory, runtime, fake_graph):
    coordinator = phone_factory(COORDINATOR, "מלכי מהאולם")
    coordinator.send("אירוע חדש חתונת כהן-לוי")
    coordinator.send("הוסף צופה 0524000003")        # the aunt, who has not written to the bot yet
    the_team(phone_factory, fake_graph)            # the father adds her too
    (welcome,) = [m.text for m in fake_graph.sent_to(AUNT) if f"נוספת לצוות של *{WEDDING}*" in m.text]
    assert "שלחו כאן *עזרה*, או *סטטיסטיקה*" in welcome and "עבור לאירוע" not in welcome
    stats = phone_factory(AUNT, "דודה רחל").send("סטטיסטיקה")
    assert WEDDING in stats and "כהן-לוי" not in stats


# ---------------------------------------------------------------- one language in a message

def test_a_hebrew_hint_names_the_command_to_send_again_in_hebrew(phone_factory, runtime):
    coordinator = phone_factory(COORDINATOR, "מלכי מהאולם")
    for name in ("חתונת כהן-לוי", "חתונת פרידמן", "בר מצווה של שמוליק"):
        coordinator.send(f"אירוע חדש {name}")
    coordinator.send("מחק אירוע")
    coordinator.tap("confirm:yes", "כן")                    # two events left, and none chosen
    reply = coordinator.send("אורח פנינה")
    assert reply.startswith("יש לך 2 אירועים. באיזה מהם מדובר?")
    assert reply.endswith("שלחו *עבור לאירוע 2* (לפי המספר), ואז שוב *אורח*."), reply


def test_every_command_a_hint_names_reads_in_hebrew_and_is_understood():
    """"…then send *<command>* again": whatever the command, a Hebrew reader is shown the Hebrew
    words, and they are that command's (alone, or asking for what it needs)."""
    from bot.chat import commands
    from bot.text import i18n, replies

    wrong = []
    with i18n.use("he"):
        for spec in commands.COMMANDS:
            word = replies.command_word(spec.name)
            read = commands.parse(word, "IL")
            same = isinstance(read, spec.command) or (isinstance(read, commands.ParseError)
                                                      and read.usage == i18n._(spec.usage))
            if re.search("[A-Za-z]", word) or not same:
                wrong.append(f"{spec.name} → {word} → {read!r}")
    assert not wrong, "\n".join(wrong)


def test_the_bride_invited_elsewhere_is_told_the_hebrew_word_to_undo_a_stop(phone_factory, runtime, fake_graph):
    coordinator = phone_factory(COORDINATOR, "מלכי מהאולם")
    coordinator.send("אירוע חדש חתונת פרידמן")
    coordinator.send("הוסף אורח אסתר ברגר 0522000001")    # the bride's number: she is a guest there
    coordinator.send("שלח הזמנות")
    coordinator.tap("confirm:yes", "כן")
    the_team(phone_factory, fake_graph)                   # and an admin of her own wedding
    shira = phone_factory(SHIRA, "שירה")
    stopped = shira.send("תפסיקו לשלוח לי הודעות")
    assert "האירועים שאתם מארגנים לא מושפעים" in stopped and "שלחו *התחל*" in stopped
    assert not re.search("[A-Za-z]", stopped), stopped
    assert "ברוכים השבים" in shira.send("התחל")


def test_the_word_a_guest_is_told_to_send_after_stop_is_one_the_bot_understands():
    from bot.chat.understanding import understand
    from bot.text import guest_replies

    for lang in ("he", "ar", "ru"):
        for text in (guest_replies.opted_out(lang), guest_replies.opted_out_as_guest(lang)):
            assert not re.search("[A-Za-z]", text), (lang, text)
            (word,) = re.findall(r"\*([^*]+)\*", text)
            assert understand(word).intent == "start", (lang, word)


def test_leaving_said_in_a_sentence_is_asked_once(phone_factory, runtime, fake_graph):
    the_team(phone_factory, fake_graph)
    aunt = phone_factory(AUNT, "דודה רחל")
    question = aunt.send("תוציא אותי מהצוות")
    assert question.endswith("?") and aunt.last_buttons == ["confirm:yes", "confirm:no"]
    assert f"יצאת מהצוות של {WEDDING}" in aunt.tap("confirm:yes", "כן")
    assert AUNT not in roles(runtime)


# ---------------------------------------------------------------- marking over a guest's own answer

RABBI = "+972529100001"


def invited(phone_factory, fake_graph):
    """The father adds two guests and invites them; the rabbi answers himself: coming, 2 people."""
    father = the_team(phone_factory, fake_graph)
    father.send("הוסף אורח הרב יעקב ויס 0529100001")
    father.send("הוסף אורח חיה ויס 0529100002")
    father.send("שלח הזמנות")
    father.tap("confirm:yes", "כן")
    rabbi = phone_factory(RABBI, "הרב ויס")
    yes = next(b for b in rabbi.last_buttons if b.endswith(":yes"))
    rabbi.tap_template_button(yes, "כן")
    rabbi.send("2")
    return father


def test_marking_over_the_guests_own_answer_says_so_and_the_team_is_told(phone_factory, runtime, fake_graph):
    father = invited(phone_factory, fake_graph)
    malka = phone_factory(MALKA, "מלכה")
    malka.send("אורחים")
    father_before, shira_before = len(fake_graph.sent_to(FATHER)), len(fake_graph.sent_to(SHIRA))
    aunt_before, malka_before = len(fake_graph.sent_to(AUNT)), len(fake_graph.sent_to(MALKA))
    reply = malka.send("סמן הרב יעקב ויס לא מגיע")
    assert reply.startswith("❌ סימנתי את יעקב ויס כ״לא מגיעים״")
    assert reply.endswith("התשובה ששלחו בעצמם: ✅ מגיעים, שני אנשים."), reply
    assert "\n" not in reply
    for admin, before in ((FATHER, father_before), (SHIRA, shira_before)):
        (told,) = fake_graph.sent_to(admin)[before:]
        assert told.text.startswith("✍️ מלכה סימן/ה את יעקב ויס: ❌ לא מגיעים, במקום התשובה ששלחו בעצמם "
                                    "(✅ מגיעים, שני אנשים)"), told.text
        assert "\n" not in told.text
    assert len(fake_graph.sent_to(AUNT)) == aunt_before              # a viewer asked for no notices
    assert len(fake_graph.sent_to(MALKA)) == malka_before + 1        # her reply, no notice of her own mark
    # a guest who never answered: a plain mark, and the team hears of it all the same
    reply = malka.send("סמן חיה ויס מגיע")
    assert "סימנתי את חיה ויס" in reply and "בעצמם" not in reply
    told = fake_graph.sent_to(FATHER)[-1].text
    assert told.startswith("✍️ מלכה סימן/ה את חיה ויס: ✅ מגיעים —") and "בעצמם" not in told
    # the same answer again changes nothing, and nobody is told
    father_before = len(fake_graph.sent_to(FATHER))
    malka.send("סמן חיה ויס מגיע")
    assert len(fake_graph.sent_to(FATHER)) == father_before


# ---------------------------------------------------------------- a manual reminder and a fresh maybe

CHAYA = "+972529100002"


def test_a_manual_reminder_leaves_out_a_maybe_said_minutes_ago_and_says_so(phone_factory, runtime, fake_graph):
    from datetime import timedelta

    from storage.models import Guest, utcnow

    father = invited(phone_factory, fake_graph)
    father.send("הוסף אורח דוד ויס 0529100003")
    father.send("שלח הזמנות")
    father.tap("confirm:yes", "כן")
    chaya = phone_factory(CHAYA, "חיה")
    chaya.send("אולי")
    with runtime.transaction() as s:
        assert s.scalars(select(Guest).where(Guest.phone == CHAYA)).one().answered_at is not None   # a maybe
    question = father.send("שלח תזכורת")
    assert question.split("\n")[0] == (f"לשלוח תזכורת לחתונה של שירה ויוסף אל אורח אחד (עוד בלי תשובה)? "
                                       "דילגתי על: אורח אחד שאמר ״אולי״ ב-3 הימים האחרונים. ענו כן או לא."), question
    chaya_before, david_before = len(fake_graph.sent_to(CHAYA)), len(fake_graph.sent_to("+972529100003"))
    father.tap("confirm:yes", "כן")
    assert len(fake_graph.sent_to(CHAYA)) == chaya_before                 # not asked again so soon
    assert len(fake_graph.sent_to("+972529100003")) == david_before + 1
    # four days on, her maybe is reminded like any other open answer
    with runtime.transaction() as s:
        s.scalars(select(Guest).where(Guest.phone == CHAYA)).one().answered_at = utcnow() - timedelta(days=4)
    question = father.send("שלח תזכורת")
    assert "אולי" not in question.split("\n")[0]


def test_a_manual_reminder_with_only_fresh_maybes_left_says_why_nobody_is_reminded(phone_factory, runtime,
                                                                                   fake_graph):
    father = invited(phone_factory, fake_graph)
    phone_factory(CHAYA, "חיה").send("אולי")
    reply = father.send("שלח תזכורת")
    assert reply == (f"אין כרגע למי להזכיר בחתונה של שירה ויוסף. "
                     "דילגתי על: אורח אחד שאמר ״אולי״ ב-3 הימים האחרונים."), reply
    assert father.last_buttons == []


def test_the_days_a_manual_reminder_waits_after_a_maybe_are_the_automatic_rounds_days():
    from bot.services.sending import MAYBE_RESPITE
    from bot.text import replies

    assert f"in the last {MAYBE_RESPITE.days} days" in replies.nobody_to_send("remind", _Named("X"),
                                                                               {"said maybe lately": 1})


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name


def test_a_question_replaced_by_a_new_one_is_said_not_done(phone_factory, fake_graph, runtime):
    """'הוסף חבר <phone> עורך' is asked first; a second such line before any answer asks its own question, and the
    first one is said not done (the groom's mother was never added, and nobody knew)."""
    father = phone_factory(FATHER, "אבא")
    father.send(f"אירוע חדש {WEDDING}")
    first = father.send("הוסף חבר 0523000002 עורך")
    assert father.last_buttons == ["confirm:yes", "confirm:no"], first
    replies = father.send("הוסף חבר 0524000003 צופה").split("\n---\n")
    assert any(r.startswith("ℹ️ לא בוצע, כי לא הייתה תשובה לשאלה:") and "52-300-0002" in r for r in replies), replies
    assert father.last_buttons == ["confirm:yes", "confirm:no"]
    father.tap("confirm:yes", "כן")
    assert roles(runtime).get(AUNT) == "viewer" and MALKA not in roles(runtime)
