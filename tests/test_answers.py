"""What a guest means when they type instead of tapping a button."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.chat.answers import KINDS, GuestIntent, interpret

YES = ["yes", "Yes!", "YES", "y", "yeah", "yep", "sure", "coming", "We're coming", "we'll be there",
       "We’ll be there!", "attending", "count us in", "of course", "כן", "מגיע", "מגיעה", "מגיעים", "נגיע",
       "כן כן", "בטח", "בשמחה", "Yes no problem", "can't wait!", "yes thanks 🙏", "ok, coming",
       "Sorry for the late reply, yes!", "yes see you at 8",
       # Arabic (with and without hamza and vowel marks) and Russian (ё or е)
       "نعم", "أكيد", "اكيد", "سنحضر", "سأحضر", "نعم سنحضر", "да", "Да!", "конечно", "придём", "придем", "приду",
       "будем", "ДА"]
NO = ["no", "No.", "n", "nope", "not coming", "Not coming, sorry", "can't make it", "cannot", "won't",
      "we won't be able to come", "unfortunately no", "לא", "לא מגיע", "לא מגיעה", "לא נגיע", "לא נוכל",
      "לצערנו לא נוכל להגיע", "❌", "👎", "no, we are 0", "0", "we are 0", "not coming, we are 3",
      "لا", "لن نحضر", "لا أستطيع", "للأسف لا", "нет", "Нет.", "не смогу", "не придём", "не придем",
      "к сожалению, нет"]
MAYBE = ["maybe", "Maybe!", "not sure", "not sure yet", "perhaps", "אולי", "לא בטוח", "לא בטוחה",
         "we'll try", "ربما", "لست متأكدا", "может быть", "Может быть", "возможно", "не знаю"]
PARTY = [("3", 3), ("we are 3", 3), ("We're 4", 4), ("2 people", 2), ("3 of us", 3), ("party of 4", 4),
         ("נהיה 4", 4), ("אנחנו 3", 3), ("3 אנשים", 3), ("two", 2), ("Three", 3), ("ten", 10),
         ("שניים", 2), ("שלושה", 3), ("50", 50), ("x2", 2), ("we will be 2 adults", 2),
         ("٣", 3), ("نحن ثلاثة", 3), ("ثلاثة أشخاص", 3), ("нас трое", 3), ("4 человека", 4), ("два", 2)]
YES_WITH_PARTY = [("yes we are 3", 3), ("yes, 2", 2), ("כן, נהיה 2", 2), ("כן 2", 2), ("Yes! two of us", 2),
                  ("coming, 5 people", 5), ("can't wait! we are 2", 2), ("👍 3", 3),
                  ("نعم، سنحضر ٤", 4), ("نعم 2", 2), ("да, нас 4", 4), ("будем 3", 3), ("придём вдвоём", 2)]
DETAILS = ["details", "when?", "where", "Where is it?", "address", "location", "what time does it start?",
           "פרטים", "מתי", "איפה", "מה הכתובת?",
           "تفاصيل", "أين؟", "متى", "العنوان", "детали", "подробности", "Где?", "когда"]
STOP = ["stop", "STOP", "unsubscribe", "stop messages", "remove me", "הסר", "עצור", "הסר אותי",
        "توقف", "أوقف", "*توقف*", "стоп", "СТОП", "*стоп*"]
START = ["start", "Start", "resume", "התחל", "ابدأ", "ابدا", "старт", "СТАРТ", "*СТАРТ*"]
# Only emoji: a yes to an open invitation, a thank-you once the guest has answered.
GESTURE = ["👍", "👍🏽", "✅", "🙋", "💃", "🎉🎉", "ok 👍", "thanks ✅"]
# Politeness is never an answer.
THANKS = ["ok", "OK", "k", "okay", "ok thanks", "Ok thank you!", "thanks 🙏", "🙏", "❤️", "❤", "thx", "got it",
          "great", "תודה", "תודה רבה 🙏", "אוקי", "סבבה", "בסדר", "😊",
          "شكرا", "شكراً", "شكرا جزيلا 🙏", "спасибо", "Спасибо большое!", "хорошо"]
HELP = ["help", "Help", "hi", "Hi!", "hello", "hello there", "hey", "שלום", "היי", "עזרה",
        "مرحبا", "مرحباً", "привет", "Привет!", "помощь", "здравствуйте"]
# 🤔 is thinking, not a tentative answer (the corpus calls it unclear): the bot does not record it.
UNKNOWN = ["", "   ", "?", "🤔", "100", "1000 people", "call me at 0501234567", "what's for dinner",
           "🙂", "a" * 5000, "1 2 3"]


@pytest.mark.parametrize("text", YES)
def test_yes(text):
    assert interpret(text) == GuestIntent("yes", None)


@pytest.mark.parametrize("text", NO)
def test_no(text):
    assert interpret(text) == GuestIntent("no", None)


@pytest.mark.parametrize("text", GESTURE)
def test_yes_by_emoji_alone_is_a_gesture(text):
    assert interpret(text) == GuestIntent("yes", None, gesture=True)


@pytest.mark.parametrize("text", THANKS)
def test_thanks_and_ok_are_never_an_answer(text):
    assert interpret(text) == GuestIntent("thanks", None)


@pytest.mark.parametrize("text", HELP)
def test_greetings_and_help(text):
    assert interpret(text) == GuestIntent("help", None)


def test_no_thanks_is_a_no():
    assert interpret("no thanks 🙏").kind == "no"
    assert interpret("ok we are 3") == GuestIntent("yes", 3)   # "ok" before a head count agrees


@pytest.mark.parametrize("text", MAYBE)
def test_maybe(text):
    assert interpret(text) == GuestIntent("maybe", None)


@pytest.mark.parametrize("text, n", PARTY)
def test_party_size(text, n):
    assert interpret(text) == GuestIntent("party_size", n)


@pytest.mark.parametrize("text, n", YES_WITH_PARTY)
def test_yes_with_party_size(text, n):
    assert interpret(text) == GuestIntent("yes", n)


@pytest.mark.parametrize("text", DETAILS)
def test_details(text):
    assert interpret(text) == GuestIntent("details", None)


@pytest.mark.parametrize("text", STOP)
def test_stop(text):
    assert interpret(text) == GuestIntent("stop", None)


@pytest.mark.parametrize("text", START)
def test_start(text):
    assert interpret(text) == GuestIntent("start", None)


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown(text):
    assert interpret(text) == GuestIntent("unknown", None)


def test_not_coming_is_never_a_yes():
    for text in ["not coming", "I'm not coming", "we are not coming 👍", "לא מגיעים", "won't be coming"]:
        assert interpret(text).kind == "no", text


def test_absurd_party_on_a_yes_keeps_the_yes_without_the_number():
    assert interpret("yes 100") == GuestIntent("yes", None)
    assert interpret("51") == GuestIntent("unknown", None)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x05FF), max_size=200),
    st.text(alphabet="👍✅❌🙂💃🎉🏽\u200e\u200f 0123456789yesno,!?", max_size=200),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(min_value=100, max_value=1000)),
))
def test_interpret_never_raises(text):
    intent = interpret(text[:20_000])
    assert isinstance(intent, GuestIntent) and intent.kind in KINDS
    if intent.party_size is not None:
        assert intent.kind in {"yes", "party_size"} and 1 <= intent.party_size <= 50


def test_interpret_survives_odd_input():
    for text in (None, 3, "\x00", "🙂" * 20_000):
        assert interpret(text).kind == "unknown"  # type: ignore[arg-type]
