"""The understanding layer on the guest corpus, and one test per class of issue 12's failures."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import guest_understanding as bench  # noqa: E402

from bot.chat.understanding import understand  # noqa: E402


def test_corpus_scores_at_least_97_percent_and_no_clear_answer_is_a_note():
    rows = bench.load(bench.CORPUS)
    figures = bench.score(rows)
    assert figures["strict"] / figures["n"] >= 0.97, [r["text"] for r in rows if not r["strict"]]
    assert figures["clear_as_notes"] == []


@pytest.mark.parametrize("text, answer, total", [
    ("my son won't come, we will", "yes", None), ("I'm coming, my husband can't", "yes", 1),
    ("no kids, just the 2 of us", None, 2), ("סליחה לחצתי בטעות על לא, אנחנו מגיעים", "yes", None),
    ("בעלי לא יכול, אני אגיע", "yes", 1)])
def test_a_negation_counts_for_its_own_subject(text, answer, total):
    u = understand(text)
    assert (u.answer, u.total) == (answer, total)


@pytest.mark.parametrize("text, total, children", [
    ("we'll be 4", 4, None), ("2 מבוגרים ו-3 ילדים", 5, 3), ("אנחנו 2 + ילד", 3, 1), ("Coming +1", 2, None),
    ("me and my wife", 2, None), ("רק אני", 1, None), ("just me", 1, None), ("actually we'll be 3", 3, None),
    ("שלושה", 3, None), ("שתיים", 2, None), ("זוג", 2, None)])
def test_counts(text, total, children):
    u = understand(text)
    assert (u.total, u.children) == (total, children)


@pytest.mark.parametrize("text", ["אשמח להגיע", "באים", "כמובן", "Will attend", "yse", "כֵּן", "Да", "نعم",
                                  "כןמגיעים", "כןן", "yess"])
def test_plain_yes(text):
    assert understand(text).answer == "yes"


@pytest.mark.parametrize("text", ["please remove me from this list", "אל תשלחו לי יותר הודעות", "Стоп"])
def test_opt_outs(text):
    assert understand(text).intent == "stop"


@pytest.mark.parametrize("text", ["Depends on work, will confirm next week", "not sure yet how many"])
def test_no_over_reading(text):
    u = understand(text)
    assert u.intent == "unclear" and u.answer != "yes" and u.total is None and not u.sure


@pytest.mark.parametrize("text", ["thanks", "ok", "❤️", "מזל טוב!!! 🎉"])
def test_politeness_is_never_an_answer(text):
    assert understand(text).answer is None


@pytest.mark.parametrize("text", ["Is there parking?", "can I bring my kids?"])
def test_questions_are_questions_not_details(text):
    assert understand(text).intent == "question"


@pytest.mark.parametrize("name", ["fresh3_guest_replies.jsonl", "fresh4_guest_replies.jsonl", "fresh5_guest_replies.jsonl",
                                  "fresh6_guest_replies.jsonl", "fresh7_guest_replies.jsonl", "fresh9_guest_replies.jsonl",
                                  "heldout_guest_replies.jsonl", "fresh10_guest_replies.jsonl"])
def test_keeps_what_it_learned_from_the_later_development_sets(name):
    """fresh3 and fresh4 were written apart from the bot's words and then worked on class by
    class (tests/corpora/README.md says which sets stay held out)."""
    rows = bench.load(ROOT / "tests" / "corpora" / name)
    figures = bench.score(rows)
    assert figures["strict"] / figures["n"] >= 0.95, [r["text"] for r in rows if not r["strict"]][:20]


@pytest.mark.parametrize("name, floor", [("fresh11_guest_replies.jsonl", 0.99), ("fresh12_guest_replies.jsonl", 0.97),
                                         ("fresh13_guest_replies.jsonl", 0.99), ("fresh14_guest_replies.jsonl", 0.99),
                                         ("fresh15_guest_replies.jsonl", 0.99), ("fresh16_guest_replies.jsonl", 0.99),
                                         ("fresh17_guest_replies.jsonl", 0.99), ("fresh18_guest_replies.jsonl", 0.99),
                                         ("fresh19_guest_replies.jsonl", 0.99), ("fresh20_guest_replies.jsonl", 0.99),
                                         ("fresh21_guest_replies.jsonl", 0.99), ("fresh22_guest_replies.jsonl", 1.0),
                                         ("fresh23_guest_replies.jsonl", 0.99), ("fresh24_guest_replies.jsonl", 1.0),
                                         ("fresh25_guest_replies.jsonl", 1.0), ("fresh26_guest_replies.jsonl", 1.0),
                                         ("fresh27_guest_replies.jsonl", 1.0)])
def test_the_newest_development_sets_keep_their_level(name, floor):
    """fresh11 (81.7 % when first run, now 99.2 %), fresh12 (81.4 %, now 97.7 %) and fresh13 (95.0 %, now 99.2 %: its two
    failures are the lines labelled `start` that ask to confirm attendance), fresh14 (94.2 %, now 100 %), fresh15 (89.2 %, now
    99.2 %) and fresh16 (89.0 % when first run, now 100 %), fresh17 (95.4 % when first run, now 100 %), fresh18 (92.9 % when
    first run, 94.2 % when it became a development set, now 100 %) and fresh19 (90.5 % when first run, then 95.5 % with nine
    plain first-person yeses labelled with a head count of 1, which every other set leaves without one; relabelled so, 100 %)
    and fresh20 (94.5 % when first run, now 100 %) and fresh21 (93.5 % when first run, now 100 %) and fresh22 (94.5 % when
    first run, now 100 %) and fresh23 (92.5 % when first run, now 99.5 %: its one failure, "אם הבדיקה שלילית נגיע 2", is
    labelled with a head count where guest_replies labels "אם הקטן יהיה בריא נגיע 3" without one) and fresh24 (96.0 % when first
    run, now 100 %) and fresh25 (97.5 % when first run, now 100 %) and fresh26 (95.5 % when first run, now 100 %) and fresh27 (97.5 % when first run, now 100 %) are the sets
    worked on last; each is held to where it stands."""
    rows = bench.load(ROOT / "tests" / "corpora" / name)
    figures = bench.score(rows)
    assert figures["strict"] / figures["n"] >= floor, [r["text"] for r in rows if not r["strict"]][:20]


@pytest.mark.parametrize("text, total", [("ok נהיה 3 😊", 3), ("ok, we'll be 5", 5), ("אוקיי, נהיה 4", 4), ("ок, нас будет трое", 3)])
def test_ok_before_a_head_count_agrees(text, total):
    """"ok" alone is politeness; "ok" before a head count agrees, as "סגור, נהיה 2" does: a yes for that many."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text, total", [("يسعدني الحضور، سأكون هناك مع زوجتي", 2), ("بكون هنيك مع جوزي", 2), ("سنكون هناك ٣", 3)])
def test_arabic_i_will_be_there_comes(text, total):
    """"سأكون هناك", "بكون هنيك": I will be there, in the standard and the spoken first person, as "سنكون هناك" is."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text", ["ill be there but prob late, flight lands at 7", "coming, prolly running a bit late",
                                  "we will come but might be running late"])
def test_probably_late_is_still_coming(text):
    """"prob late", "prolly running late": a likely lateness, in texting shorthand, is no maybe about coming."""
    u = understand(text)
    assert (u.intent, u.answer) == ("answer", "yes")


@pytest.mark.parametrize("text, answer, total", [
    ("Ugh fat fingers, that no was meant to be a yes", "yes", None), ("I meant to press yes", "yes", None),
    ("הלא היה אמור להיות כן, נגיע 3", "yes", 3), ("התכוונתי ללחוץ על כן", "yes", None), ("the yes was meant to be a no", "no", None),
    ("хотела нажать да", "yes", None)])
def test_the_answer_meant_after_a_slip_is_the_change(text, answer, total):
    """"that no was meant to be a yes", "fat fingers": the answer sent was a slip; the one named is the new answer."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("change", answer, total)


@pytest.mark.parametrize("text", ["עד 120 לסבתא ❤️", "מזל טוב, עד 120 בבריאות", "חג אורים שמח 🕎", "חג החנוכה שמח!", "happy channukah"])
def test_short_blessings_are_thanks(text):
    """"עד 120" (a long life, wished on a birthday) and a feast named after "חג" are short blessings: thanks, never an answer."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("thanks", None, None)


@pytest.mark.parametrize("text, answer", [("אל תחכו לנו, לא נספיק לחזור מהמילואים", "no"), ("לא נספיק", "no"), ("נספיק להגיע", "yes"),
                                          ("אולי נספיק", "maybe")])
def test_making_it_in_time_is_being_able_to_come(text, answer):
    """"לא נספיק" (we won't make it in time) says "can't", as "לא נוכל" does."""
    u = understand(text)
    assert (u.intent, u.answer) == ("answer", answer)


@pytest.mark.parametrize("text, answer", [("שוב תזכורת? אמרנו שנגיע 😅", "yes"), ("we said yes, see you there", "yes"),
                                          ("I said no, not coming, sorry", "no")])
def test_an_answer_said_again_is_no_change(text, answer):
    """"אמרנו שנגיע" with nothing new beside it (no "but", no other answer, no "at first") repeats the answer: it stands."""
    u = understand(text)
    assert (u.intent, u.answer) == ("answer", answer)


@pytest.mark.parametrize("text, answer", [("אמרתי שלא, עכשיו נגיע", "yes"), ("בהתחלה אמרנו שלא נבוא", "no"),
                                          ("Earlier I said maybe - it's a yes now", "yes")])
def test_an_answer_quoted_before_another_is_still_a_change(text, answer):
    u = understand(text)
    assert (u.intent, u.answer) == ("change", answer)


@pytest.mark.parametrize("text, total, children", [("אנחנו מגיעים ללינה בקיבוץ, 2 חדרים: אנחנו 2 + הילדים 3", 5, 3),
                                                   ("we are coming, 2 adults + kids 3", 5, 3), ("כן כולל הילדים 5", 5, None),
                                                   ("נגיע, הילדים 3 ו-5", None, None)])
def test_a_number_after_the_children_counts_them(text, total, children):
    """"הילדים 3", "kids 3": how many children, said after them in digits (not ages "3 ו-5", not "כולל הילדים 5", all of them)."""
    u = understand(text)
    assert (u.answer, u.total, u.children) == ("yes", total, children)


@pytest.mark.parametrize("text, total, children", [("אנחנו בפנים! 2+1 (הקטנה בת שנתיים)", 3, 1), ("נגיע 2+2 (התאומים בני 3)", 4, 2),
                                                   ("נגיע 2+1 (הקטנה)", 3, 1)])
def test_children_described_after_n_plus_m_are_the_m(text, total, children):
    """"2+1 (הקטנה בת שנתיים)": the child described in brackets is who the "+1" is, counted once."""
    u = understand(text)
    assert (u.answer, u.total, u.children) == ("yes", total, children)


@pytest.mark.parametrize("text, answer, total", [
    ("סבתא שלי לא תסלח לי אם לא אבוא, ברור שאני שם", "yes", None), ("אמא שלי תהרוג אותי אם לא אבוא 😂 נגיע 3", "yes", 3),
    ("my mum would kill me if I didn't come, so yes we are coming", "yes", None), ("мама не простит, если не приду. Будем вдвоём", "yes", 2),
    ("امي بتزعل اذا ما اجيت، جايين ٣", "yes", 3)])
def test_what_someone_would_feel_if_the_writer_stayed_away_is_no_condition(text, answer, total):
    """"... לא תסלח לי אם לא אבוא": the "if" says what would happen if they stayed away, no condition on coming; the rest answers."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", answer, total)


@pytest.mark.parametrize("text", ["אם לא נגיע נודיע", "if we do not come we will send a gift"])
def test_not_coming_as_a_condition_still_hedges(text):
    u = understand(text)
    assert u.intent == "unclear" and u.answer == "maybe" and not u.sure


@pytest.mark.parametrize("text, total", [("the whole study group is in 🎉 put us down as 6", 6), ("put us down as 3", 3)])
def test_put_us_down_as_a_number(text, total):
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text", ["נא לא לשלוח לי יותר", "בבקשה לא לשלוח יותר הודעות"])
def test_not_to_send_in_the_infinitive_opts_out(text):
    """"נא לא לשלוח לי יותר": the polite infinitive of "don't send me any more", as "אל תשלחו" is."""
    assert understand(text).intent == "stop"


@pytest.mark.parametrize("text, intent, answer", [
    ("מזל טוב לכל המשפחה, שתזכו לראות את הנכד גדל לתורה לחופה ולמעשים טובים. נתראה בשמחות", "other", None),
    ("נתראה בשמחות!", "thanks", None), ("נתראה בשמחה!", "answer", "yes")])
def test_see_you_at_happy_occasions_is_a_blessing(text, intent, answer):
    """"נתראה בשמחות" wishes to meet at joyous occasions in general; "נתראה בשמחה" (at this one) still comes."""
    u = understand(text)
    assert (u.intent, u.answer) == (intent, answer)


@pytest.mark.parametrize("text, total, children", [("כן אנחנו מגיעים אני ואשתי והילד הקטן נקודה מזל טוב נקודה", 3, 1),
                                                   ("אני ובעלי ותינוקת קטנה", 3, 1)])
def test_small_after_a_child_describes_the_child(text, total, children):
    """"והילד הקטן": "קטן" after a child describes that child; it is no second child."""
    u = understand(text)
    assert (u.total, u.children) == (total, children)


@pytest.mark.parametrize("text, total", [("אני ובעלי נגיע, הבנות (16 ו14) לא יבואו יש להן בגרות", 2),
                                         ("we are coming, me, my wife and the kids (3, 6)", 4), ("אנחנו 2 + הילדים (4 ו-7)", 4)])
def test_numbers_in_brackets_after_children_are_ages(text, total):
    """"הבנות (16 ו14)": the ages of the children, as many children as ages, never 16 more people."""
    u = understand(text)
    assert (u.answer or "yes", u.total) == ("yes", total)


@pytest.mark.parametrize("text, total, children", [("sure we come! we are 3 with the small one", 3, 1), ("נהיה 3 עם התינוק", 3, 1),
                                                   ("כשאמרתי 3 התכוונתי בלי התינוק, אז 4 עם התינוק", 4, 1),
                                                   ("נגיע 2 ותינוק", 3, 1)])
def test_a_child_with_the_number_is_one_of_it_and_a_child_and_the_number_on_top(text, total, children):
    """"we are 3 with the small one", "4 עם התינוק": the child is one of the number; "2 ותינוק" (and a baby): on top."""
    u = understand(text)
    assert (u.answer or "yes", u.total, u.children) == ("yes", total, children)


@pytest.mark.parametrize("text", ["אנחנו 2 + הילדים", "we are 2 plus kids", "נגיע 2 והילדים", "2 מבוגרים + ילדים"])
def test_unnumbered_children_on_top_of_a_number_leave_the_total_open(text):
    """"אנחנו 2 + הילדים": 2 and the children, how many not said: a yes, the total not guessed, and asked back."""
    u = understand(text)
    assert (u.answer, u.total, u.sure) == ("yes", None, False)


@pytest.mark.parametrize("text, total", [("אבא שלי לא שומע טוב אז אני עונה בשבילו: הוא ואמא מגיעים", 2), ("אני עונה בשבילה, היא מגיעה", 1),
                                         ("My grandma asked me to reply for her: yes, she's coming, and grandpa too", 2),
                                         ("yes, and my mom too", 2)])
def test_an_answer_written_for_someone_else_counts_only_who_comes(text, total):
    """"אני עונה בשבילו: הוא ואמא מגיעים": the writer answers for others and is not counted; "and grandpa too" after "she's
    coming" is one more beside her, not beside the writer."""
    u = understand(text)
    assert (u.answer, u.total) == ("yes", total)


@pytest.mark.parametrize("text, intent, answer, total", [
    ("is there a shuttle from campus? none of us have cars lol", "question", None, None),
    ("אף אחד מאיתנו לא נוהג, יש הסעה?", "question", None, None),
    ("none of us can make it", "answer", "no", 0), ("לא נגיע, אף אחד מאיתנו לא בארץ", "answer", "no", 0)])
def test_nobody_declines_only_when_said_of_coming(text, intent, answer, total):
    """"none of us have cars" says what nobody has, beside a question: no decline (it was read as "none of us come")."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == (intent, answer, total)


@pytest.mark.parametrize("text, total", [("נוסף לנו עוד ילד, אז 5", 5), ("עוד מישהו הצטרף, נהיה 5", 5), ("someone else joined, we will be 4", 4),
                                         ("Adding one more - my daughter's boyfriend is joining, if that's ok", None)])
def test_someone_added_changes_the_answer(text, total):
    """"נוסף לנו עוד ילד", "Adding one more": someone added to the answer given, a change."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("change", "yes", total)


@pytest.mark.parametrize("text, answer", [("إذا الله راد منيجي", "maybe"), ("if God wills we will come", "maybe"),
                                          ("إن شاء الله منيجي", "yes"), ("اذا ما في شغل منيجي", "maybe")])
def test_if_god_wills_is_a_maybe_not_a_condition(text, answer):
    """"إذا الله راد منيجي": God's will said with an "if" is a maybe of the writer's, no condition to wait on; the set
    "إن شاء الله" beside a yes stays a yes, and a real condition stays undecided."""
    u = understand(text)
    assert u.answer == answer and (u.intent == "answer") == (text != "اذا ما في شغل منيجي")


@pytest.mark.parametrize("text, answer", [
    ("Long story but our car died on the highway yesterday and we're sorting it out... we should still be able to come, I'll confirm by Wednesday",
     "maybe"), ("we should be able to come, 3 of us", "yes")])
def test_should_be_able_to_is_a_guess(text, answer):
    """"we should still be able to come": a guess at their own yes (asked back); with a promise to confirm, a maybe."""
    u = understand(text)
    assert (u.intent, u.answer, u.sure) == ("answer", answer, False)


@pytest.mark.parametrize("text, intent, answer, total", [("תספרי אותנו, 6 אנשים מהמשפחה של אבא", "answer", "yes", 6),
                                                         ("תספרו אותי", "answer", "yes", None), ("תספרו אותנו 4", "count", None, 4)])
def test_count_us_in_said_on_its_own_agrees(text, intent, answer, total):
    """"תספרי אותנו," on its own is "count us in" (a yes, as "תרשמו אותנו"); "תספרו אותנו 4" only says how many."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == (intent, answer, total)


@pytest.mark.parametrize("text, answer, total", [("We'll be in Israel that week anyway so count us in! 2 of us", "yes", 2),
                                                 ("אנחנו בחו\"ל באותו שבוע, נגיע", "yes", None),
                                                 ("we are away that week so count us out", "no", None)])
def test_away_then_coming_comes_and_is_asked_back(text, answer, total):
    """Being somewhere that week said without a "not", then "so count us in": the later answer, asked back (it was read as a
    sure no)."""
    u = understand(text)
    assert (u.answer, u.total) == (answer, total) and u.sure == (answer == "no")


@pytest.mark.parametrize("text, intent", [("היי דנה", "greeting"), ("Добрый вечер, Лена!", "greeting"), ("Happy 70th Miri!!", "thanks"),
                                          ("congrats Josh and Amy!", "thanks"), ("מזל טוב דנה!", "thanks"), ("איזה הזמנה יפה!", "other")])
def test_a_greeting_or_blessing_said_to_someone_by_name(text, intent):
    """"היי דנה", "Happy 70th Miri!!": the name after a greeting or a blessing is whom it is said to; still a greeting or thanks."""
    u = understand(text)
    assert (u.intent, u.answer) == (intent, None)


@pytest.mark.parametrize("text", ["אני מגיעה ישר משדה התעופה עם מזוודה חחח אפשר להשאיר אותה איפשהו?", "coming lol can I bring my dog?"])
def test_a_laugh_ends_the_answer_before_a_question(text):
    """"... חחח אפשר להשאיר ...?": a laugh between an answer and a question is where the question starts, as an emoji is."""
    u = understand(text)
    assert (u.intent, u.answer) == ("answer", "yes")


@pytest.mark.parametrize("text, total", [("שלום כן אנחנו מגיעים עם הילדים אני רוצה להגיד שנהיה ארבע נקודה", 4),
                                         ("היי זה מזל טוב לכם אנחנו באים שניים סימן קריאה", 2)])
def test_a_number_word_after_we_will_be_or_coming_is_the_count_in_a_long_sentence(text, total):
    """Voice-to-text runs on without punctuation: "... שנהיה ארבע", "אנחנו באים שניים" still say how many."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text, answer", [("כן כן בטח כולנו נבוא אבל עוד לא יודע כמה בדיוק", "yes"),
                                          ("yes we are coming, not sure yet how many", "yes"),
                                          ("yes! not sure how many, depends on the kids", "maybe")])
def test_a_clear_yes_with_only_how_many_open_is_a_yes(text, answer):
    """"כולנו נבוא אבל עוד לא יודע כמה": the yes is said, only how many is open (asked next); with a "depends", undecided."""
    u = understand(text)
    assert (u.answer, u.total) == (answer, None)


@pytest.mark.parametrize("text, total, sure", [("קניתי כרטיסים!! נוחתת ב6 בבוקר וישר לאולם 😂✈️", None, False),
                                               ("Booked!! ✈️ landing Thursday night, 2 adults 1 kid", 3, True)])
def test_travel_booked_to_the_event_is_a_yes(text, total, sure):
    """Tickets bought or "Booked!!": on the way; with how many, a yes for them; alone, a yes asked back."""
    u = understand(text)
    assert (u.intent, u.answer, u.total, u.sure) == ("answer", "yes", total, sure)


@pytest.mark.parametrize("text, total", [("מירי שלום, הקבוצה מהבריכה מגיעה כולה! אני כותבת בשם כולנו: 6 נשים", 6),
                                         ("נגיע 2 גברים ו3 נשים", 5), ("3 men and 2 women", 5)])
def test_women_and_men_are_people(text, total):
    """"6 נשים", "3 men and 2 women": people, named by who they are; two groups joined are one party."""
    assert understand(text).total == total


@pytest.mark.parametrize("text, answer, total", [("Ben can't make it anymore so it's just 2 of us from the lab now", "yes", 2),
                                                 ("we are no longer coming", "no", None), ("כבר לא נוכל להגיע, סליחה", "no", None)])
def test_no_longer_coming_changes_the_answer(text, answer, total):
    """"can't make it anymore", "כבר לא נוכל להגיע": an answer given before, taken back; a name before "can't" is that
    person's, and the writer's own party said after it comes."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("change", answer, total)


@pytest.mark.parametrize("text, intent, total", [("change of plans, we'll only make the ceremony not the reception", "change", None),
                                                 ("Just the wedding for us, can't make Thursday. Me + hubby", "answer", 2),
                                                 ("we will make the reception", "answer", None)])
def test_making_a_part_of_the_event_is_coming(text, intent, total):
    """"make the ceremony", "just the wedding for us": coming, to that part or that one of the events."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == (intent, "yes", total)


@pytest.mark.parametrize("text, total, sure", [("Is it too late to say yes? We'd be 2 😬", 2, True),
                                               ("אני יודעת שזה מאוחר אבל אפשר עוד לאשר? אנחנו 2", 2, True),
                                               ("can we still rsvp? 3 of us", 3, True), ("אפשר עוד לאשר?", None, False)])
def test_asking_to_still_say_yes_says_it(text, total, sure):
    """"Is it too late to say yes? We'd be 2": asking to say yes says it, and the count beside it counts; alone, asked back."""
    u = understand(text)
    assert (u.intent, u.answer, u.total, u.sure) == ("answer", "yes", total, sure)


@pytest.mark.parametrize("text, total, sure", [("Is it ok if we come a bit late? We'll be 2", 2, False),
                                               ("can we come with the kids? we would be 4", 4, False), ("I already RSVP'd, 2 people", 2, True)])
def test_asking_how_they_come_beside_how_many_is_a_yes(text, total, sure):
    """"Is it ok if we come a bit late? We'll be 2": asked how they come, and said how many: a yes (asked back); "I already
    RSVP'd, 2 people" says the yes again beside how many."""
    u = understand(text)
    assert (u.intent, u.answer, u.total, u.sure) == ("answer", "yes", total, sure)


def test_already_rsvpd_alone_is_no_answer():
    assert understand("I already RSVP'd").answer is None


@pytest.mark.parametrize("text, total", [("הבת שלי בכיתה של נויה, ברור שהיא באה, אני רק מביא ומחזיר", 1), ("ברור שהיא באה", 1),
                                         ("רק מקפיצה ואוספת, הבן שלי מגיע", 1)])
def test_of_course_she_comes_and_the_driver_only_drives(text, total):
    """"ברור שהיא באה": of course, said of her (she stays the one who comes); "אני רק מביא ומחזיר": the writer only drives."""
    u = understand(text)
    assert (u.answer, u.total) == ("yes", total)


@pytest.mark.parametrize("text, answer", [("I need to ask my husband first", "maybe"), ("אני צריכה לשאול את בעלי", "maybe"),
                                          ("ask my husband", None), ("תשאל את אשתי", None), ("תזכירו לי שבוע לפני", None)])
def test_an_answer_waiting_for_someone_else_or_later_is_undecided(text, answer):
    """"I need to ask my husband first": the answer waits for someone else (a maybe); "ask my husband", "remind me a week
    before": nothing answered yet. Undecided, never a yes or a no."""
    u = understand(text)
    assert (u.intent, u.answer, u.sure) == ("unclear", answer, False)


@pytest.mark.parametrize("text, total", [
    ("מירי אני מתקשרת אלייך אין תשובה. אז אני כותבת פה. דבורה ומשה באים.", 2), ("I'm coming with Bob.", 2), ("I'm coming with Bob and Sue", 3),
    ("Hi Miri darling, I tried calling you. We'll be there, wouldn't miss it for the world. Sam and Lily", 2),
    ("Happy to attend. Regards, David and Miriam Cohen", 2), ("Me, Tom, Gal and Noa from the seminar - all coming", 4)])
def test_people_named_by_name_are_counted(text, total):
    """"דבורה ומשה באים", "coming with Bob", a signature "Sam and Lily" after the yes, "Tom, Gal and Noa from the seminar": names
    count as people (an English name by its capital letter; a surname after the last name, or "from the seminar", is no one more)."""
    u = understand(text)
    assert (u.answer, u.total) == ("yes", total)


def test_a_blessing_signed_by_two_names_is_no_count():
    u = understand("Mazal tov! David and Miriam")
    assert (u.answer, u.total) == (None, None)


@pytest.mark.parametrize("text, total", [("היי זה עומר הנכד של שושנה, סבתא אומרת תודה ושהיא תבוא אבל צריכה כיסא קרוב לשירותים", 1),
                                         ("אמא שלי תבוא", 1)])
def test_she_will_come_in_hebrew_comes(text, total):
    """"תבוא" (she will come) is a verb of coming, as "יבוא" is."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text", ['שלום, אני המזכירה של ד"ר כהן. הוא לא יוכל להגיע בשל התחייבות קודמת', "אני הבת של רחל, היא לא תוכל להגיע"])
def test_who_writes_then_the_invited_one_declines(text):
    """"אני המזכירה של ד"ר כהן. הוא לא יוכל להגיע": who writes, and whose they are, then a no for the one invited (asked back)."""
    u = understand(text)
    assert (u.intent, u.answer, u.sure) == ("answer", "no", False)


@pytest.mark.parametrize("text, answer, total", [("אני אומרת שנגיע הוא אומר שאין מצב 😂 בקיצור נגיע שנינו", "yes", 2),
                                                 ("אני בעלי ושני הילדים, בקיצור נגיע", "yes", 4), ("короче, не придем", "no", None),
                                                 ("long story short, we are coming", "yes", None)])
def test_what_follows_in_short_is_the_answer(text, answer, total):
    """"... בקיצור נגיע שנינו": what follows "in short" is the answer, whatever was weighed before it."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", answer, total)


@pytest.mark.parametrize("text, total", [("הבן שלי עם דלקת אוזניים, עוד לא יודעת אם נוכל. אולי רק אני אבוא", 1),
                                         ("maybe 3 of us, will let you know", 3), ("maybe, will confirm next week", None)])
def test_a_maybe_keeps_the_count_it_says(text, total):
    """"... עוד לא יודעת אם נוכל. אולי רק אני אבוא": a maybe, for as many as it says (asked back)."""
    u = understand(text)
    assert (u.intent, u.answer, u.total, u.sure) == ("answer", "maybe", total, False)


@pytest.mark.parametrize("text, total, sure", [("לחינה אנחנו 5 ולחתונה גם 5, אותו הרכב", 5, True), ("לחינה 5 ולחתונה 3", 5, False)])
def test_how_many_to_each_of_two_events_is_a_head_count(text, total, sure):
    """"לחינה אנחנו 5 ולחתונה גם 5": how many to each event, no word about coming: a head count (asked back when they differ)."""
    u = understand(text)
    assert (u.intent, u.answer, u.total, u.sure) == ("count", None, total, sure)


def test_this_time_round():
    u = understand("Only me this time round")
    assert (u.intent, u.total) == ("count", 1)


@pytest.mark.parametrize("text, intent", [("זה בתל אביב או ברמת גן?", "details"), ("is it in Haifa or Tel Aviv?", "details"),
                                          ("זה בחוץ או באולם סגור? לדעת מה ללבוש", "question"), ("i got it", "thanks"),
                                          ("we got it, thanks!", "thanks")])
def test_which_of_two_places_asks_where_and_got_it_thanks(text, intent):
    """"זה בתל אביב או ברמת גן?": which of two places is where it is (details; outside or in a hall is a question); "i got it"
    acknowledges."""
    assert understand(text).intent == intent


@pytest.mark.parametrize("text, total", [("mabrook! ana jay ma3 marti", 2), ("budem vdvoem, spasibo", 2)])
def test_arabic_and_russian_in_latin_letters(text, total):
    """"ana jay ma3 marti", "budem vdvoem": Arabic and Russian typed in Latin letters still answer."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text, total", [("me and Jay", 2), ("Ana and I are coming", 2)])
def test_names_that_look_like_latin_arabic_stay_names(text, total):
    assert understand(text).total == total


@pytest.mark.parametrize("text, total", [("אשמח להגיע. עו״ד לוי + בת זוג", 2), ("מגיעיפ", None),
                                         ("יאלה בכיף, רק תגידו אם צריך להביא משהו", None)])
def test_hebrew_typing_a_title_a_slip_and_gladly(text, total):
    """"עו״ד לוי + בת זוג": the lawyer's title is no "עוד" (more); "מגיעיפ": the final mem's neighbour typed for it;
    "יאללה בכיף": gladly."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


def test_gladly_alone_is_politeness():
    assert understand("בכיף").answer is None


@pytest.mark.parametrize("text, total", [("הוא אומר כן אני אומרת לא, בסוף הוא ינצח אז כנראה 2 🙈", 2), ("כנראה 2", 2)])
def test_a_likely_number_is_a_maybe_for_that_many(text, total):
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "maybe", total)


@pytest.mark.parametrize("text, total", [("הבנים שלנו (15 ו-13) רוצים לבוא למופע, אנחנו לא נוכל. אז 2 מגיעים", 2),
                                         ("we cant make it, but the kids will come, 2 coming", 2), ("נגיע 2, 2 ילדים", 4)])
def test_after_the_writers_no_a_number_coming_is_the_others(text, total):
    """"..., אנחנו לא נוכל. אז 2 מגיעים": after the writer's own no and someone else's yes, "2 coming" (no word for the writer)
    is how many of them come."""
    u = understand(text)
    assert (u.answer, u.total) == ("yes", total)


@pytest.mark.parametrize("text", ["أرجو التوقف عن إرسال الرسائل", "توقفوا عن ارسال الرسائل لو سمحت", "الرجاء التوقف عن مراسلتي"])
def test_arabic_asking_to_stop_sending_opts_out(text):
    """"أرجو التوقف عن إرسال الرسائل": asking, in standard Arabic, that the sending stop is an opt-out, as "توقف" alone is."""
    assert understand(text).intent == "stop"


@pytest.mark.parametrize("text", ["שלום מה העניינים רציתי לשאול אם אפשר להביא גם את החבר שלי כי הוא לא מכיר את החתן",
                                  "רציתי לשאול אם אפשר להביא את התינוק", "hi, I wanted to ask if we can bring our dog",
                                  "حبيت اسأل اذا في موقف"])
def test_i_wanted_to_ask_whether_is_a_question(text):
    """"רציתי לשאול אם אפשר להביא...", "I wanted to ask if...": a question said in words, without its "?", is a question
    (a person answers it), not a note."""
    assert understand(text).intent == "question"


@pytest.mark.parametrize("text, total", [("אופס כתבתי 4 במקום 2 😅", 2), ("oops I wrote 4 instead of 2", 2),
                                         ("רשמתי 5 במקום 3, סליחה", 3), ("Я написала 4 вместо 2", 2), ("5 במקום 4", 5)])
def test_wrote_one_number_instead_of_another_means_the_other(text, total):
    """"כתבתי 4 במקום 2", "I wrote 4 instead of 2": the number written was the slip, the one after "instead of" is meant
    ("5 במקום 4" alone still means 5)."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("change", "yes", total)


@pytest.mark.parametrize("text, total", [
    ("Hi this is Ben, grandson of Esther and Mordechai Katz. They would love to come, both of them", 2),
    ("they are coming, both of them!", 2), ("הם יגיעו, שניהם", 2), ("we will come, both days", None)])
def test_both_of_them_after_coming_is_two(text, total):
    """"They would love to come, both of them" (a grandson answering for his grandparents), "הם יגיעו, שניהם": "both"
    said after the verb of coming is two people, as "both of them are coming" is (not "both days")."""
    u = understand(text)
    assert (u.answer, u.total) == ("yes", total)


@pytest.mark.parametrize("text, total", [("אמאלה איזה כיף סוסים!!! אני ועוד 2 חברות באות אפשר?", 3), ("אנחנו 3 באים, זה בסדר?", 3),
                                         ("נגיע 4 ok?", 4), ("we are coming with 2 friends, is that ok?", None)])
def test_coming_then_asking_leave_is_a_yes_asked_back(text, total):
    """"אני ועוד 2 חברות באות אפשר?": a yes with how many, then asking leave for it ("אפשר?", "is that ok?", with or
    without a comma). It is a yes for that many, asked back, since whether they may come is the hosts' to say."""
    u = understand(text)
    assert (u.intent, u.answer, u.total, u.sure) == ("answer", "yes", total, False)


@pytest.mark.parametrize("text, adults, children", [
    ("הבעל לא יוכל, אני אבוא עם הקטנים יענקי ושרי", 1, 2), ("נגיע אני והילדים, תמר בת 8 ויואב בן 5, אבא במילואים", 1, 2),
    ("אני, עמית, והתאומים אורי ואלה", 2, 2), ("me, dan, and the kids (maya 6, leo 3)", 2, 2), ("me, Dan, and the 2 kids", 2, 2)])
def test_children_named_one_by_one_are_counted_by_their_names(text, adults, children):
    """"עם הקטנים יענקי ושרי", "the kids (maya 6, leo 3)": the children named one by one after the word for them (an age
    after each or none) are as many children as names; "me, dan, and the kids" keeps Dan (the comma before "and")."""
    u = understand(text)
    assert (u.adults, u.children, u.total) == (adults, children, adults + children)


@pytest.mark.parametrize("text", ["we are coming with the kids tomorrow and saturday", "נגיע עם הילדים אחר כך ומחר"])
def test_words_after_the_kids_that_are_no_names_count_none(text):
    assert understand(text).children is None


@pytest.mark.parametrize("text, adults, children", [("אנחנו: אני, דני, מאיה, איתי ורוני הקטנה", 4, 1),
                                                    ("מגיעים אני ודני ורוני הקטנה", 2, 1), ("אני ודני והקטן", 2, 1)])
def test_the_little_one_after_a_name_is_that_child(text, adults, children):
    """"ורוני הקטנה": "the little one" right after a name says who the named one is (a child), not one more person;
    alone ("והקטן") it is the child."""
    u = understand(text)
    assert (u.adults, u.children, u.total) == (adults, children, adults + children)


@pytest.mark.parametrize("text, total", [("מגיעים! אני ואבא + נועם, יעל ואריאל (הקטן בעגלה)", 5), ("אני ובעלי + תמר ויואב", 4),
                                         ("me and Dan + Maya and Leo", 4), ("מגיעים 2 + תודה", 2)])
def test_people_named_after_a_plus_are_as_many_as_their_names(text, total):
    """"אני ואבא + נועם, יעל ואריאל (הקטן בעגלה)": names after "+" are as many more people as names (a name such as
    נועם is not read as two words), and a bracket saying who the last one is adds no one ("+ תודה" names no one)."""
    assert understand(text).total == total


@pytest.mark.parametrize("text, intent", [("כותב בשם סבא וסבתא: הם צריכים לדעת אם יש מעלית באולם, סבתא עם הליכון", "question"),
                                          ("אשמח לדעת אם יש חניה", "question"), ("נשמח לקבל את הכתובת", "details"),
                                          ("נשמח להגיע", "answer")])
def test_needing_or_glad_to_know_whether_asks(text, intent):
    """"הם צריכים לדעת אם יש מעלית", "אשמח לדעת אם יש חניה": needing (or being glad) to know whether asks; "אשמח" before
    "לדעת" / "לקבל" is no yes ("נשמח להגיע" still is)."""
    assert understand(text).intent == intent


@pytest.mark.parametrize("text, total", [
    ("היי אני רציתי להגיד שאנחנו מגיעים אני ובעלי והילדים לא יבואו כי הם אצל סבתא אז בעצם רק שנינו", 2),
    ("we are coming, my son is away so basically just the two of us", 2)])
def test_a_spoken_run_on_summed_up_is_the_yes_it_sums(text, total):
    """A voice-typed run-on ("...אז בעצם רק שנינו", "so basically just the two of us"): "so basically" sums up the yes said
    before it with how many; it changes no earlier answer."""
    u = understand(text)
    assert (u.intent, u.answer, u.total) == ("answer", "yes", total)


@pytest.mark.parametrize("text, intent", [("כמה מילים ממני לד״ר שטרן: למדתי ממך הכל, תודה על שנים של סבלנות, תהנה בפנסיה", "other"),
                                          ("כמה אנשים אפשר להביא", "question")])
def test_a_few_words_from_me_asks_nothing(text, intent):
    """"כמה מילים ממני ...": "כמה" before words or lines is "a few" (a personal note), not "how many"."""
    assert understand(text).intent == intent


def test_asking_leave_for_oneself_only_stays_sure():
    """"אגיע מאוחר, אחרי 21:00, זה בסדר?": a yes for the writer alone, asking about something else, is not asked back."""
    u = understand("אגיע מאוחר, אחרי 21:00, זה בסדר?")
    assert (u.answer, u.sure) == ("yes", True)
