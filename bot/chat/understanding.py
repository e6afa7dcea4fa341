"""What a guest's message means: the understanding layer of the guest side.

`understand(text)` reads a typed reply to an invitation (Hebrew, English, Arabic, Russian,
mixed, emoji) and returns an `Understanding`: an intent, an answer (yes / no / maybe /
None), a count (adults, children, total) and how sure it is. Pure and total: no
database, no network, well under a millisecond a message, never raises.

How it reads, like Duckling's rules per language:

1. *Normalise*: Unicode forms, Hebrew vowel marks (nikud) and final letters, Arabic
   vowel marks and hamza forms, ё, quotes inside Hebrew abbreviations (בע"ה, סה"כ),
   English contractions (can't → can not), digits glued to words (מגיעים2).
2. *Phrases* (a few words that mean one thing: "count us in", "אין מצב ש", "of us",
   "by mistake") become one token; then every word is looked up in one lexicon, trying
   the word itself, then without repeated letters (yess, כןן), without Hebrew prefixes
   (ו ש ה ב ל כ מ), within one edit of an answer word (מגעים, נגעי, attnding: SymSpell
   deletions, verified), and split in two (כןמגיעים, לאנוכל, נגיעבעזרתהשם).
3. *Clauses*: the message is cut at punctuation and "but"/"אבל". Each clause gets a
   polarity (coming / not coming / maybe) and a subject (the writer's household, or
   someone else in it); being away (במילואים, abroad, another wedding that evening) is not
   coming, for whoever it is said of: a negation counts for its own clause and subject only, so "my
   husband can't" takes one person away and does not decline ("I'm coming, my husband
   can't" is yes, 1), and "no kids" says children 0.
4. *Counts*: numbers (digits and number words, Hebrew gendered forms, זוג = 2), +1/+2,
   "N adults and M kids", "just me", "me and my wife", "me and Dan", "мы с женой", a "we" spelled
   out ("we're coming, me my husband and our 3 girls"), "of us"; a number is read as a head
   count only where the words around it are about people (not "at 8", not "99%").
5. *Intent*: stop/start first, then a change of mind, an answer, a count, details, a
   question, a greeting, politeness, unclear, other. Politeness is never an answer.

Confidence: `sure` is False when the reading rests on a guess (a total that adds an
unnumbered child to a number, conflicting words, a number whose role is not spelled out,
an emoji alone). The guest conversation then asks ("Just to be sure: ...?") instead of
recording silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from storage.models import MAX_PARTY_SIZE

from bot.text.answer_words import NUMBER_WORDS as _NUMBERS

__all__ = ["Understanding", "understand", "says_more", "asks_beyond_details", "asks_who_is_writing", "events_named", "INTENTS", "ANSWERS", "MAX_PARTY_SIZE"]

INTENTS = ("answer", "count", "change", "question", "details", "stop", "start", "thanks",
           "greeting", "unclear", "other")
ANSWERS = ("yes", "no", "maybe")
_MAX_LENGTH = 400


@dataclass(frozen=True)
class Understanding:
    intent: str
    answer: str | None = None
    adults: int | None = None
    children: int | None = None
    total: int | None = None
    sure: bool = True
    gesture: bool = False   # only emoji (👍 🎉): a yes to an open invitation, else politeness
    relative: int | None = None   # "add one more" (+1) / "one less" (-1): a change to the count
    too_many: int | None = None   # a head count said above MAX_PARTY_SIZE ("we are 60"): never a total, never dropped unsaid
    # the "no" is only said of someone else ("סבתא רבקה לא תוכל להגיע", "my brother can't make it"): the writer's own
    # answer is not stated; how many were named so
    about_others: int | None = None
    # written in a language the bot does not read (French, Spanish, German…: Latin letters, not English): nothing is
    # read from it ("Oui, nous serons deux" is no yes and no count), a person reads it
    foreign: bool = False

    @property
    def confidence(self) -> str:
        return "sure" if self.sure else "unsure"

    @property
    def is_rsvp(self) -> bool:
        return self.intent in ("answer", "count", "change") and (self.answer is not None or self.total is not None)


_OTHER = Understanding("other", sure=False)

# --------------------------------------------------------------------------- normalising

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufe0f\u20e3\U0001f3fb-\U0001f3ff]")
_NIKUD = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ё": "е",
                       "ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ", "\u05be": " ",
                       "«": " ", "»": " ", "“": " ", "”": " ", "„": " "})
_HEB = "\u05d0-\u05ea"
_ABBREV = re.compile(f"(?<=[{_HEB}])[\"'\u05f3\u05f4](?=[{_HEB}])")
_ADVOCATE = re.compile(f"(?<![{_HEB}])עו[\"'\u05f3\u05f4]ד(?![{_HEB}])")
_CONTRACTIONS = [
    # apostrophes left out ("whats", "its"); texting shorthand ("see u there", "we r 4", "will b there")
    (r"\b(what|who|where|that|there|it|how)s\b", r"\1 is"),
    (r"\bu\b", "you"), (r"\bur\b", "your"), (r"\b(we|you|they) r\b", r"\1 are"),
    (r"\b(will|to|i|we|ill|well|gonna|not|'ll|'d|would|should|could|can|might) b\b", r"\1 be"),   # "we'll b there"
    (r"\bcan'?t\b", "can not"), (r"\bcannot\b", "can not"), (r"\bwon'?t\b", "will not"),
    (r"\bwont\b", "will not"), (r"\b(\w+)n't\b", r"\1 not"), (r"\b(do|does|did|would|could|should|is|are|was|were|have|has)nt\b", r"\1 not"), (r"\b(i|we|you|they|he|she|it)'ll\b", r"\1 will"),
    # "wife's on call", "Dan's coming": "is" after a name or a relative, where no noun follows (not "my wife's parents")
    (r"\b([a-z]{2,})'s got\b", r"\1 has got"),   # "John's got covid": John has
    (r"\b([a-z]{2,})'s\b(?= (?:on|at|away|not|in|out|working|coming|busy|sick|ill|abroad|staying|unwell|home|going|also|too|gonna|due|off|still|definitely|def|probably)\b)", r"\1 is"),
    (r"\b(we|you|they)'re\b", r"\1 are"), (r"\bi'?m\b", "i am"), (r"\b(i|we|you|they)'d\b", r"\1 would"),
    (r"\b(i|we|you|they)'ve\b", r"\1 have"), (r"\b(it|that|he|she|what|who|where|there)'s\b", r"\1 is"),
    (r"\bill\b(?= (?:be|come|try|let|have|make|confirm|attend))", "i will"),
    ("נראלי", "נראה לי"),
    (r"(?<=[a-z]) n (?=[a-z])", " and "),   # "me n the wife", "wife n kids"
    # "lemme check w my wife", "coming w/ the kids": "let me", "with" ("w/o" stays "without")
    (r"\blemme\b", "let me"), (r"\bw/(?!o)\s*", "with "),
    (r"\bw\b(?= (?:my|the|our|his|her|a|an|him|them|us|me|wife|hubby|husband|kids|family|partner|gf|bf|mom|mum|dad)\b)", "with"),
    (r"\bwell\b(?= (?:be|come|try|let|have|make|confirm|attend|do|see|miss))", "we will"),
    (r"\bwere\b(?= (?:coming|in|there|attending|going))", "we are"),
]
_CONTRACTIONS = [(re.compile(p), r) for p, r in _CONTRACTIONS]
# "הנני לאשר את השתתפותי ושל רעייתי", "מאשר את הגעתי ושל אשתי": my participation and that of someone, the two of us
_MINE_AND_OF = re.compile(r"(?<![^\W_])(?:את )?(?:השתתפותי|השתתפות שלי|הגעתי|ההגעה שלי|הגעה שלי) ושל (?=[^\W\d_])")
# voice-to-text and spelling by ear: words heard right, written as another word ("we will bee their, too off us")
_SOUNDS_ALIKE = [(re.compile(p), r) for p, r in (
    (r"\bbee\b(?= (?:there|their|they are|thier)\b)", "be"),
    (r"\b(be|been|see you|meet you|will|we will|i will) (?:their|they are|thier)\b(?! (?:\w+ing|\w+ed|own)\b)", r"\1 there"),
    (r"\b(?:too|to) (?:off|of) (us|them)\b", r"two of \1"),
    (r"\b(?:for|fore) (?:off|of) us\b", "four of us"),
    (r"\b(\d{1,2}|two|three|four|five|six) off us\b", r"\1 of us"),
    (r"\bfor (people|adults|of us|kids|children)\b", r"four \1"), (r"\bto (adults|kids|children|people|of us)\b", r"two \1"),
    (r"(?<![^\W_])(?:סימנ קריאה|סימנ שאלה|נקודה|פסיק)(?![^\W_])", " . "),
)]
_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def _fold(word: str) -> str:
    return word.translate(_FOLD)


# a negative contraction typed with two letters swapped ("cnat", "dnot", "wnot"): two swapped
# letters of these words make no English word, so the negation is never lost to a typo
_NEG_CONTRACTIONS = ("cant", "dont", "wont", "didnt", "couldnt", "wouldnt", "cannot", "isnt", "arent")
_NEG_SWAPS = {w[:i] + w[i + 1] + w[i] + w[i + 2:]: w for w in _NEG_CONTRACTIONS for i in range(len(w) - 1)
              if w[i] != w[i + 1]}
_NEG_SWAP = re.compile(r"\b(?:" + "|".join(sorted(_NEG_SWAPS, key=len, reverse=True)) + r")\b")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _NIKUD.sub("", text)
    text = _ARABIC_MARKS.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _ADVOCATE.sub(" ", text)   # "עו״ד לוי + בת זוג": the lawyer's title, not "עוד" (more)
    text = _ABBREV.sub("", text)
    text = re.sub(f"(?<=[{_HEB}])\\.(?=[{_HEB}]\\.)", "", text)  # נ.ב. → נב.
    text = text.lower().translate(_FOLD)
    text = _NEG_SWAP.sub(lambda m: _NEG_SWAPS[m.group(0)], text)
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    text = text.replace("'", "")
    text = _GLUED_DIGITS.sub(" ", text)
    # a line that asks ("נגיע 5\nאפשר כיסא לתינוק?") is a clause of its own; other line breaks may fall mid-sentence
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    # ("אני, בעלי\nנועה, איתי והקטנה": a list written a few names a line goes on across the break, as after a comma)
    return "".join(line if not k else ("\n" if line.endswith(("?", "؟")) else ", " if "," in line and "," in lines[k - 1]
                                       and lines[k - 1][-1:].isalpha() else " ") + line for k, line in enumerate(lines))


# --------------------------------------------------------------------------- the lexicon

def _words(*groups: str) -> list[str]:
    return [w for g in groups for w in g.split()]


LEX: dict[str, tuple[str, int | None]] = {}


def _add(tag: str, words: list[str] | str, value: int | None = None) -> None:
    for w in (words.split() if isinstance(words, str) else words):
        LEX[_fold(w)] = (tag, value)


_add("YES", _words(
    "yes y yeah yea yep yup ya yas yess yesss yse ys sure definitely absolutely certainly gladly happily "
    "yay yesyes si oui ja confirm confirmed rsvp accepted accept course totally ken",
    "כן כו כנ בטח ברור בהחלט בשמחה בטוח כמובן ודאי וודאי בוודאי בודאי מאשר מאשרת מאשרים אישור אישרתי לאשר פיקס "
    "תרשמו תרשום תרשמי רשמו בעניינ",
    "نعم اكيد بالتاكيد طبعا اجل ايوه ايوا اه موافق موافقون",
    "да конечно обязательно ага угу"))
_add("COME", _words(
    "coming come attend attending attendance join joining there go going arrive arriving",
    "מגיע מגיעה מגיעים מגיעות נגיע אגיע להגיע באים באות בא באה נבוא אבוא לבוא תגיע יגיע יגיעו יבוא יבואו תבוא תבואו נגיא אגיא מגיא "
    "נשתתף אשתתף מצטרף מצטרפת מצטרפים נצטרף נקפוץ אקפוץ קופצים הגעה אהיה תהיה מתאים מתאימ יוצא יסתדר מסתדר נצליח אצליח רלוונטי "
    "יכולים יכולה יצטרף תצטרף יצטרפו",
    "قادمون قادمين قادم قادمه قادمات موجودين موجود موجوده سنحضر ساحضر سناتي سااتي نحضر احضر الحضور حضور جايين جاي جاية منيجي نيجي بنيجي ناتي اجي بجي نجي منجي ييجوا ييجو ييجي يجي تيجي تيجو تيجوا يحضر يحضروا تحضر",
    "придем приду придет прийти будем буду будет получится сможем смогу сможет придут"))
_add("STAY", _words("stay", "להישאר לישון נישאר אשאר", "نبقى ابقى", "остаться остаемся задержаться"))
_add("ABLE", _words("can able could possible", "יכול יכולה יכולים נוכל אוכל יוכל תוכל יוכלו תוכלו יכלו יתאפשר מתאפשר אפשרי "
                    "נספיק אספיק יספיק תספיק יספיקו תספיקו",   # "לא נספיק לחזור מהמילואים": we won't make it in time ("מספיק" is "enough")
                    "نستطيع استطيع نقدر اقدر بقدر بنقدر منقدر قادر قادره قادرين تقدر بتقدر يقدر بيقدر يقدروا بيقدروا تقدري",
                    "могу можем"))
_add("NEG", _words("not never no unable", "לא אינני איננו אין", "لا لن ما مش مو عدم", "не нет"))
LEX["השבעה"] = ("CUE", None)   # "להשבעה של עידו": the swearing-in, not ל + ה + seven
LEX["מלא"] = ("CUE", None)   # "full" ("בית מלא אהבה"), not מ + לא
LEX["הבאות"] = LEX["הבאים"] = LEX["הבאה"] = ("CUE", None)
LEX["הגדול"] = LEX["הגדולה"] = LEX["הבכור"] = LEX["הבכורה"] = ("KID", 1)   # "הגדולה לא באה": the eldest; "והבנ הגדול": which son   # "בשמחות הבאות": the next ones, not ה + באות
_add("NOWORD", _words("n nope nah negative", "שלילי כא", "", ""))
_add("NOVERB", _words("decline declines declined declining cancel canceling cancelling skip",
                      "נבצר מבטל מבטלת מבטלים לבטל לוותר נוותר אוותר מוותר מוותרת מוותרים", "", ""))
_add("SORRY", _words("sorry unfortunately sadly regretfully regret regrets afraid bummer",
                     "לצערנו לצערי מצטער מצטערת מצטערים מבאס באסה סליחה סורי סוררי", "للاسف اسف اسفه اعتذر نعتذر بعتذر منعتذر بنعتذر اعذرونا اعذروني سامحونا سامحوني معلش",
                     "сожалению увы извините простите"))
_add("AWAY", _words("abroad overseas away traveling travelling vacation", "בחול במילואימ בחוצ בתורנות במשמרת בעבודה בצבא", "بالخارج برا بالشغل بالدوام بالجيش",
                    "заграницей"))
_add("MAYBE", _words("maybe perhaps possibly probably prob probs prolly try trying likely unlikely doubt doubtful might tentatively tentative hopefully",
                     "אולי ננסה אנסה נשתדל אשתדל נתאמץ כנראה ספק מקווה מקווים סביר",
                     "ربما يمكن ممكن سنحاول احاول بحاول نحاول منحاول بنحاول بجرب منجرب", "возможно наверное постараемся постараюсь попробую попробуем надеюсь надеемся"))
_add("THANKS", _words(
    "thanks thank thx tnx thanx ty tysm cheers appreciated appreciate",
    "תודה תודות תנקס", "شكرا مشكور مشكورين يسلمو يسلموا تسلم تسلمي تسلمو", "спасибо благодарю"))
_add("POLITE", _words("", "מבורך מבורכת מבורכים", "", ""))   # "שבוע טוב ומבורך"
# whom it speaks to, fondly: "אוקיי מאמי", "היי מותק", "thanks hun", "حبيبتي"
_add("POLITE", _words("hun honey hon babe sweetie sweetheart darling", "מאמי מאמוש מותק מותקי נשמה נשמות חמודה חמוד",
                      "حبيبي حبيبتي حبيبه حبايب", "дорогая дорогой милая зая"))
_add("POLITE", _words(
    "ok okay okey okie k kk noted got it cool nice perfect great good wonderful amazing awesome super lovely "
    "much very lots many so you for the invite invitation please pls dear well oh ah love happy a okie dokie dokey tbh whole",
    "אוקי אוקיי בסדר סבבה מעולה יופי מצוין מצויין קיבלתי קיבלנו התקבל אחלה רבה רבות על ההזמנה הזמנה יקרה "
    "יקר יקרים יקירים יקירי יקירתי יקירה בבקשה נא וואלה יאללה אחי נו פשוט ברכה כולם לכולם לכמ לכנ אליכמ לכבוד",
    "جزيلا حسنا ممتاز تمام اوكي جميل رائع على الدعوة عفوا والله جماعه يا",
    "большое ок окей хорошо отлично понятно ладно супер класс за приглашение"))
_add("BLESS", _words(
    "mazal mazel tov congrats congratulations mazaltov",
    "מזל טוב מזלט מזט בשעה טובה בשמחות במזל שיהיה המון מרגש איזה כיף לזוג המאושר לבר לבת המצווה מצווה "
    "ברכות בהצלחה אמן אצלכם חמות מוצלחת מוצלח ענק ענקי ענקית שתזכו תזכו תבורכו תבורכי תבורכ שתבורכו תתברכו",
    "مبروك الف الله يتمم خير بالخير سلفا يبارك فيك فيكم عقبال عندكم عنا عندنا يهنيهم يهنيكم يهنيك رب",
    "поздравляем поздравляю мазл мазаль мазал мазель мазел мазелтов мазалтов тов молодых молодым молодоженов молодоженам"))
_add("GREET", _words(
    "hi hello hey hiya howdy help menu shalom everyone morning evening",
    "שלום הי הלו אהלן הולה היוש הייוש עזרה בוקר ערב שבוע נשמע קורה המצב רב",
    "مرحبا اهلا اهلين السلام سلام عليكم مساعده مساعدة هلا هاي كيفكم كيفك شلونكم",
    "привет приветик приветики хай здрасте здравствуйте здравствуй помощь помогите добрый день вечер утро"))
_add("INTRO", _words("its", "מדבר מדברת מדברים כאן", "معك معكم", "это"))
_add("SELF1", _words("i me myself", "אני אותי", "انا", "я"))
_add("WE", _words("we us anachnu anahnu", "אנחנו אנו אותנו מאיתנו איתנו", "نحن نحنا عددنا احنا", "мы нас"))
_add("OTHER", _words(
    "wife husband hubby wifey mrs missus spouse bf gf girlfriend boyfriend partner fiance fiancee fiancé fiancée son daughter mother father mom dad mum "
    "grandma grandpa grandmother grandfather stepmom stepdad stepmother stepfather friend sister brother aunt aunty auntie uncle cousin niece nephew",
    "אשתי אישתי אישה בעלי הבעל האישה החבר החברה חבר חברה בנזוג בתזוג הבן הבת בני בתי אמא אבא סבא סבתא אמי אבי אחותי "
    "הגברת גברתי רעייתי רעיתי אשתו בעלה החמות חמותי חמי חותנת חותני החותנ גיסה גיסי גיס דודה הדודה דודתי דוד הדוד דודי אחותו אחיו אחותה אחיה",
    "زوجتي زوجي مرتي جوزي ابني بنتي امي ابي اختي اخوي اخي عمتي خالتي عمي خالي", "жена женой мужем муж сын дочь мама папа женою подругой другом подруга друг мамой папой сестрой братом "
    "сыном дочкой дочерью девушкой парнем сестра брат бабушка дедушка бабушкой дедушкой мужа жены сына дочери дочки"), 1)
# the grandparents, as Arabic speakers call them: "ستي وسيدي جايين", "انا وجدتي", "مع تيتا" (my grandmother, my grandfather)
_add("OTHER", _words("", "", "ستي سيدي جدتي جدي تيتا جدو ستو", ""), 1)
# who comes to help someone: "אני אבוא עם המטפלת שלי", "my aide Rosa", "me + my carer"
_add("OTHER", _words("carer caregiver aide nurse companion escort", "מטפלת המטפלת מטפל המטפל מלווה המלווה מלוה",
                     "مرافق مرافقه مرافقتي", "сиделка сиделкой сопровождающий"), 1)
_add("OTHER", _words("parents grandparents inlaws in-laws", "ההורים הורים הסבים סבים", "اهلي", "родителями родители"), 2)
_add("OTHERS", _words("friends others", "חברים החברים חברות החברות בחורים הבחורים בחורות הבחורות", "اصحابي اصدقائي", "друзьями друзья"))
# brothers, cousins, neighbours, colleagues: more than one, how many not said ("me and my 2 brothers": a number of them)
_add("OTHERS", _words("brothers sisters siblings cousins mates buddies pals colleagues coworkers neighbours neighbors roommates "
                      "flatmates housemates grandkids grandchildren nephews nieces bros",
                      "אחים האחים אחיות האחיות נכדים הנכדים אחיינים האחיינים אחייניות האחייניות שכנים השכנים השכנות "
                      "קולגות הקולגות עמיתים השותפים השותפות",
                      "اخواني اخواتي اخوتي جيراني زملائي", "братья братьями сестры сестрами братьев сестер брата внуки внуками "
                      "коллеги коллегами соседи соседями"))
_add("OTHER", _words("roommate flatmate housemate colleague coworker neighbour neighbor sibling grandson granddaughter grandchild grandkid",
                     "השותפה השותף שותפה השכנה השכן שכנה האחיין האחיינית אחיין אחיינית הקולגה קולגה "
                     "נכד נכדה הנכד הנכדה נכדי נכדתי",
                     "جاري جارتي زميلي زميلتي حفيدي حفيدتي", "соседка соседкой соседом коллегой внук внучка внуком внучкой племянник "
                     "племянница племянником племянницей"), 1)
_add("OTHERS", _words("family mishpacha mishpocha", "המשפחה משפחה", "العائله", "семьей"))
_add("KID", _words("kid child baby toddler infant kiddo newborn", "ילד ילדה תינוק תינוקת קטן קטנה", "طفل ولد", "ребенок ребенком ребенка дочка сынок"), 1)
# the baby said in a borrowed word: "עם הבייבי", "مع البيبي", "с малышом"
_add("KID", _words("", "בייבי", "بيبي", "малыш малышом малышка малышкой бэби"), 1)
_add("KID", _words("twins", "תאומים תאומות", "التوام توام طفلين ولدين بنتين طفلانا طفلينا ولدينا بنتينا", "близнецы близнецами двойняшки двойняшками"), 2)
# "אני ואשתי והשלישייה", "me, my wife and the triplets": children born together, counted by the word that names them
_add("KID", _words("triplets", "שלישייה שלישיה", "", "тройня тройней тройняшки тройняшками"), 3)
_add("KID", _words("quadruplets quads", "רביעייה רביעיה", "", "четверня четверней"), 4)
_add("KIDS", _words("kids children babies girls boys sons daughters kiddos littles small little", "ילדים הילדים ילדימ בנים הבנים בנות הבנות קטנים קטנות",
                    "اولاد الاولاد اطفال الاطفال صغار ولاد ولادي ولادنا اولادي اولادنا اطفالي اطفالنا", "детьми дети детей"))
_add("ADULT", _words("adults adult grownups grownup big bigs", "מבוגרים מבוגרות מבוגר מבגרים גדולים גדולות", "كبار بالغ بالغين بالغان راشدين", "взрослых взрослые взрослый"))
_add("PEOPLE", _words("people persons person guests pax ppl", "אנשים איש נפשות מוזמנים אורחים",
                      "اشخاص شخص افراد", "человек человека гостей"))
# "6 נשים", "3 ladies", "2 мужчин": people, named by who they are
_add("PEOPLE", _words("women ladies men gentlemen gents", "נשים גברים", "نساء ستات رجال", "женщин женщины мужчин мужчины"))
_add("PLUS", _words("plus", "ועוד פלוס", "", ""))
_add("AND", _words("and with", "עם ו", "مع و", "и с со"))
# "برفقة زوجتي", "בליווי אשתי", "accompanied by my wife": with
_add("AND", _words("", "בליווי", "برفقه بصحبه معي", ""))
_add("WITHOUT", _words("without except", "בלי חוצ", "بدون ماعدا عدا", "без кроме"))
_add("JUST", _words("just only alone solo", "רק לבד לבדי", "فقط لوحدي لحالي وحدي", "только один одна"))
_add("CUE", _words(
    "are am be will is of total all in x including so there the be to then a an too also back "
    "for able would love to actually update correction my our her his their now",
    "נהיה סהכ סה בסך הכל בעצמ בסופ עדכונ אז של גם שם יחד ביחד תרשמו כל ל שלי שלנו שלה שלו אלא "
    "שליטא תחי שתחי שיחי שיחיה נרו נרוי הית זצל זל",   # honorifics after a name: "אבי שליט"א", "אמי תחי'"
    "سنكون بنكون منكون نكون سيحضر المجموع معا صرنا بدل ساكون بكون", "будет всего вместе"))
# "בינתיים תרשמו אחת", "for the time being": for now (the number after it is still the count)
_add("CUE", _words("meanwhile", "בינתיים בינתים לבינתיים כרגע", "حاليا", ""))
# "רק אני עכשיו", "только я сейчас": now, said beside the count (as "just me now")
_add("CUE", _words("", "עכשיו כעת", "", "сейчас теперь"))
# "4 סופי", "final answer: 3": the last word on it
_add("CUE", _words("final", "סופי סופית", "نهائي", "окончательно"))
# "رح نيجي اثنين", "سوف نحضر": the future said before the verb, as "will" is ("we will come, two of us")
_add("CUE", _words("", "", "رح راح سوف", ""))
# A number after these is the one replaced, not the one meant.
_INSTEAD_PHRASES = ("instead of", "במקומ", "بدل", "بدال", "عوض", "вместо")
_INSTEAD = frozenset(p.split()[0] for p in _INSTEAD_PHRASES)   # the word that starts each

_add("DETAILS", _words(
    "details detail when where address location info information directions time date venue place "
    "waze map start starts",
    "פרטים מתי איפה כתובת הכתובת מיקום שעה תאריך התאריך וויז ווייז וייז ויז היכן",
    "تفاصيل التفاصيل متى امتى ايمتى اين وين عنوان العنوان موقع الموقع مكان المكان الوقت التاريخ معلومات القاعه الموعد",
    "детали подробности подробнее когда где адрес место время дата инфо информация начало"))
_add("FAM", _words("משפחת"))
_add("INCL", _words("including incl", "מתוכמ כולל", "", "из них включая"))
_add("LAUGH", _words("lol haha hahaha lmao omg", "חחח חחחח חחחחח", "ههه هههه", "ахах хаха"))
_add("NOISE", _words("what wat wut wha huh hmm hm ok? eh wait umm", "מה אה הה הא ש ככככ ככ רגע", "شو ايش", "что"))
for _k in range(2, 9):   # "אממממ", "הממ": thinking aloud (אמ alone is "if")
    LEX["א" + "מ" * _k] = LEX["ה" + "מ" * _k] = ("NOISE", None)

_NUMBERS_FOLDED = {_fold(w): n for w, n in _NUMBERS.items()}
for _w, _n in _NUMBERS.items():
    LEX[_fold(_w)] = ("NUM", _n)
    if re.match("[\u0621-\u064a]", _w):
        LEX[_fold("ال" + _w)] = ("NUM", _n)   # "ولادنا التلاتة": the number after the noun takes the article
LEX["ואחי"] = ("OTHER", 1)   # "אני ואחי": my brother (alone, אחי is "bro")
# counts that include the writer: "both of us", שנינו, вдвоём
for _w, _n in {"שנינו": 2, "שתינו": 2, "שלושתנו": 3, "ארבעתנו": 4, "חמשתנו": 5,
               "вдвоем": 2, "втроем": 3, "вчетвером": 4, "впятером": 5, "كلنا": None}.items():
    LEX[_fold(_w)] = ("SELFNUM", _n)
# Russian and Arabic typed in Latin letters ("budem vdvoem, spasibo", "mabrook! ana jay ma3 marti"): the words that carry an
# answer, and none an English reader writes (Arabic "ana jay", "ma3 marti" are read as phrases: "Ana", "Jay" are names too)
_add("COME", _words("budem pridem pridyom pridu jayeen jayin jaiyeen manaji menaji minijy"))
_add("THANKS", _words("spasibo spasiba shukran shokran"))
_add("BLESS", _words("mabrook mabrouk mabruk mabrok pozdravlyaem pozdravlyayu"))
for _w, _n in {"vdvoem": 2, "vdvoyom": 2, "vtroem": 3, "vtroyom": 3, "vchetverom": 4}.items():
    LEX[_w] = ("SELFNUM", _n)
LEX["ש"] = ("NOISE", None)
LEX["התכוונתי"] = LEX["התכוונו"] = ("CUE", None)   # "התכוונתי 2": I meant

# "إذا الله راد", "لو الله بده", "if God wills": God's will said with an "if"
_IF_GOD_WILLS = (r"(?:اذا|لو) (?:الله (?:راد|اراد|بده|بدو|شاء|سمح|كتب)|(?:راد|اراد|شاء|سمح|كتب) الله)|ان اراد الله"
                 r"|if (?:god|g-d|allah|hashem) (?:wills|wants|permits|allows)")   # (not "ان شاء الله", God willing: inshallah)
# Phrases (on the normalised text) that become one token. Order matters: longer first.
_B, _E = r"(?<![^\W_])", r"(?![^\W_])"


def _p(words: str) -> str:
    return _B + "(?:[והבלמש]{1,2}(?=[\u05d0-\u05ea]))?(?:" + _fold(words) + ")" + _E


# "אני לא מכיר אתכם", "I don't know you": the writer does not know who invites them; asks who it is
_STRANGER_PATTERNS = (r"(?:אני |אנחנו )?לא (?:מכיר|מכירה|מכירימ|מכירות) (?:אתכמ|אותכמ|אותכ|אתכ|אותכנ|אף אחד|אפ אחד)(?![^\W_])",
                      r"(?:i|we) do not (?:know|recognise|recognize) (?:you|this number|anyone|who (?:you are|this is))\b",
                      r"не знаю (?:вас|тебя|кто это)|ما بعرفك|ما بعرفكم|مش عارف(?:ه)? مين")
# leaving before the end, said of an evening they come to: "might have to run early", "אולי נצטרך לברוח מוקדם"
_LEAVE_EARLY_EN = (r"(?:leave|run|go|dash|bail|split|scoot|head (?:out|off|home)|take off|duck out|slip out|head)(?: off| out| home)?"
                   r" (?:a bit |a little |slightly )?(?:early|earlier|before the end|before dessert)")
_LEAVE_EARLY_HE = (r"(?:[נא]צא|[נא]ברח|[נא]זוז|[נא]לכ|[נא]עזוב|[נא]ברח|(?:[נא]צטרכ\S*|צריכ\S*) (?:לצאת|לברוח|לזוז|ללכת|לעזוב))"
                   r" (?:קצת |טיפה )?(?:מוקדמ|לפני הסופ|באמצע)")
_PHRASES = [(re.compile(_p(p)), " " + tok + " ") for p, tok in [
    ("|".join(_STRANGER_PATTERNS), "CUEX"),
    # a message passed on ("she asked me to tell you she's coming", "אמרו לי להגיד לך שסבא מגיע"): the writer only relays it
    (r"(?:asked|told|wanted) me to (?:tell|let) you(?: know)?(?: that)?|(?:asked|told) me to (?:say|pass on)(?: that)?"
     r"|(?:אמר|אמרה|אמרו|ביקש|ביקשה|ביקשו)(?: ממני| לי)* (?:להגיד|לומר|למסור|להודיע|לכתוב)(?: לכ| לכמ| לכנ)?"
     r"|просил[аи]? (?:меня )?(?:передать|сказать)|(?:طلب|طلبت|طلبوا) (?:مني )?(?:احكيلك|اقلك|اقولك|ابلغك)"
     # "אני עונה בשבילו", "asked me to reply for her", "replying on behalf of my parents": the writer answers for someone
     # else, and is not counted (who comes is said after it)
     r"|(?:(?:אני|אנחנו) )?(?:עונה|עונים|עונות|כותב|כותבת|כותבים|משיב|משיבה)(?: פה| כאנ)? (?:בשבילו|בשבילה|בשבילמ|בשבילנ|עבורו|עבורה|עבורמ|בשמו|בשמה|בשממ|בשמנ)(?![^\W_])"
     r"|(?:(?:i am|we are) )?(?:replying|answering|responding|writing|rsvping) (?:for|on behalf of) (?:her|him|them)(?![^\W_])"
     r"|(?:отвечаю|пишу) за (?:него|нее|неё|них)|(?:برد|بجاوب|بكتب) (?:عنه|عنها|عنهم|بداله|بدالها)", "CUEX"),
    # "אני מאשרת בשבילם", "confirming on her behalf": the writer confirms for others, and is not counted
    (r"(?:(?:אני|אנחנו) )?(?:מאשר|מאשרת|מאשרימ|מאשרות)(?: הגעה| את ההגעה)? (?:בשבילמ|בשבילה|בשבילו|בשבילנ|עבורמ|עבורה|עבורו|בשממ|בשמה|בשמו)"
     r"|(?:i am |we are )?confirming (?:for|on behalf of) (?:them|her|him)", "POSX"),
    # "both coming", "הם מגיעים שניהם", "оба придут": "both" said of who comes is two people (not "coming to both")
    (r"(?<![^\W_])both(?: of them)?(?= (?:are |will |can |would |should )?(?:coming|come|attending|attend|be there|make it|making it|joining|join|in|there)(?![^\W_]))"
     r"|(?<![\u05d0-\u05ea])(?:שניהמ|שתיהנ|שתיהמ)(?= (?:כנ )?(?:מגיע|יגיע|בא|יבוא|יהיו|יוכל|בפנימ|מאשר)\S*(?![^\W_]))"
     r"|(?:(?<=מגיעימ )|(?<=מגיעות )|(?<=יגיעו )|(?<=באימ )|(?<=באות )|(?<=יבואו ))(?:שניהמ|שתיהנ|שתיהמ)"
     # "They would love to come, both of them", "הם יגיעו, שניהם": "both" said after the verb, as its own last words
     r"|(?:" + "|".join(f"(?<={v}{sep})" for v in ("come", "coming", "attend", "attending", "be there", "make it", "join", "joining",
                                                   "מגיעימ", "מגיעות", "יגיעו", "באימ", "באות", "יבואו")
                        for sep in (", ", " - ", "! ", ". ")) + r")"
     r"(?:both(?: of them)?|the two of them|שניהמ|שתיהנ|שתיהמ)(?= *(?:$|[^\w\s]))"
     r"|(?:оба|обе)(?= (?:придут|придем|будут|будем|сможем|смогут|приедут|приедем|пойдем|пойдут)(?![^\W_]))"
     r"|(?:(?<=придут )|(?<=придем )|(?<=будем )|(?<=будут )|(?<=приедем )|(?<=приедут ))(?:оба|обе)"
     r"|(?:(?<=احنا )|(?<=نحن )|(?<=هم )|(?<=هما ))(?:ال)?(?:اثنين|اتنين|تنين)", "SELFNUMTWOX"),
    # "we'll be there in spirit", "נהיה איתכם בלב", "мысленно с вами": present in thought only, a polite no
    (r"(?:(?:we|i|you) (?:will|would|are|am|shall) )?(?:be )?(?:there |with you(?: all| guys| both| two)? )?in (?:spirit|(?:our|my) (?:hearts?|thoughts))"
     r"|(?:(?:נהיה|אהיה|אנחנו|אני) )?(?:שמ |איתכמ |איתכ |אתכמ |אתכ |איתכנ )?(?:ברוח|בלב|במחשבות|בלבבות|במחשבה)(?= *(?:$|[^\w\s]|ו|אבל|כי))"
     r"|(?:(?:будем|буду) )?(?:с вами |с тобой )?(?:мысленно|душой|в мыслях|сердцем)(?: с вами| с тобой)?"
     r"|(?:قلبنا|قلبي|قلوبنا) (?:معكم|معك|معكن)", "NOVERBX"),
    # positive idioms that carry a negative word
    (r"can not wait|will not miss(?: it)?|would not miss(?: it)?|wouldnt miss(?: it)?|not miss(?: it)?"
     # "לא הייתי מפספסת בחיים", "לא נחמיץ": would not miss it, in any person and tense ("שלא נפספס": so as not to)
     r"|no doubt|no question|with bells on|for the world|לא (?:נוותר|אוותר|מוותר|מוותרת|מוותרימ)"
     r"|(?<!ש)לא (?:הייתי |היינו )?(?:מפספס|מפספסת|מפספסימ|מפספסות|נפספס|אפספס|מחמיצ|מחמיצה|מחמיצימ|נחמיצ|אחמיצ)(?![^\W_])", "POSX"),
    (r"no problem|no probs?|no worries|why not|ו?למה לא|почему бы и нет|почему нет|ليش لا|אין בעיה|בלי נדר|לא נפספס|לא מפספסים|לא נחמיץ|مش مشكله|لا مشكله|без проблем"
     r"|нет проблем|не вопрос|не пропустим", "FILLX"),
    # "ברור שלא", "definitely not", "конечно нет": a sure no, not a yes and a no
    (r"(?:בטח|ברור|בוודאי|ודאי|וודאי|כמובנ) שלא(?! (?:נוותר|אוותר|נפספס|אפספס|נחמיצ|אחמיצ|נבריז|אבריז))|(?:definitely|absolutely|certainly|of course|surely) not"
     r"|конечно (?:же )?нет|точно нет|(?:طبعا|اكيد) (?:لا|مش)", "NOX"),
    # the question that answers itself: "מה פתאום שלא נבוא", "איך אפשר לא", "how could we not", "как же не прийти": of course
    (r"מה פתאומ ש?לא|(?<![^\W_])איכ (?:אפשר |אפשר ש|אני |אנחנו |ש)?לא(?=\s*(?:$|[^\w\s])|\s+(?:[אנ]?(?:בוא|גיע)|לבוא|להגיע|נבוא|אבוא|נגיע|אגיע)(?![^\W_]))"
     r"|how (?:could|can|would) (?:i|we) (?:not|say no|miss (?:it|this|that))(?![^\W_])"
     r"|как (?:же |можно )?(?:не (?:прийти|придти|придем|приду)|(?:мы |я )?не придем|(?:мы |я )?не приду)(?![^\W_])", "SURELYX"),
    # "ברור שהיא באה", "בטח שהוא מגיע": of course, said of someone else; who it is stays said ("ברור שנגיע": of course we come)
    (r"(?:בטח|ברור|כמובנ) ש(היא|הוא|המ|הנ)", r"\1 YESX"),
    (r"(?:יאללה|יאלה) בכיפ", "YESX"),   # "יאללה בכיף": gladly, said to the invitation (not "בכיף" alone: "you're welcome")
    (r"אין (?:מצב|סיכוי) ש(?:לא|[אנ]?(?:פספס|חמיצ|וותר)\S*|\S+ (?:לא|מפספס\S*|נפספס|אפספס|נחמיצ|אחמיצ))|אין סיכוי ש?לא|(?:אין|ללא|בלי) ספק|על בטוח|בטח ש[^\W_]*|ברור ש[^\W_]*|מה השאלה|מה זאת השאלה הזאת", "YESX"),
    (r"אין מצב|אין סיכוי|ما في مجال|مش رح (?:يزبط|تزبط)|ما رح (?:يزبط|تزبط)|count (?:me|us) out|not this time|לא הפעם|have to pass|no thank you|no thanks"
     # "we'll have to sit this one out", "give it a miss", "take a rain check": stay away, said as an idiom
     r"|sit(?:ting)? (?:this|that|it)(?: one)? out|give (?:this|that|it) a miss|(?:take|taking) a rain ?check|bow(?:ing)? out", "NOX"),
    # the formal decline: "نعتذر عن الحضور" (we apologise for [not] attending); "ظرف طارئ", an emergency
    (r"(?:ن|ا)?عتذر (?:عن|من) (?:عدم )?(?:ال)?(?:حضور|مشاركه|مجيء|قدوم|تلبيه)|ظرف طارئ"
     # a clash: "זה יוצא בדיוק בשבעה של דודה שלי", "it falls right on our anniversary"
     r"|(?:יוצא|נופל|יוצאת|נופלת) (?:לנו |לי )?(?:בדיוק )?(?:על|בדיוק)|falls (?:right |exactly )?on|clashes with"
     r"|miss it|will miss|something came up|(?:נפל|צצ|קפצ) (?:לי|לנו) משהו|что-то случилось|кое-что случилось|طلعلي شي|صار عندي ظرف", "NOVERBX"),
    # "hoping to make it", "hope we can come": a hope, not a yes
    (r"(?:hoping|hope) (?:to|we can|i can|we will|i will|we will be able to|i will be able to) (?:make it|come|be there|attend|join)", "MAYBEX"),
    # "I think so", "נראה לי שכן", "думаю да": a guess at yes
    # "i think we can come", "I guess I'll make it", "думаю, придём": a guess at their own yes (not "I think it's in Haifa")
    (r"(?:i|we) (?:think|guess|believe|suppose|reckon)(?: that)?(?= (?:we|i) (?:(?:can|will|should|could|would|might|are|am|shall|are going to|am going to|will be able to) )?"
     r"(?:come|coming|make it|be there|attend|join|manage|go)(?![^\W_]))|думаю(?:,? что)?(?=,? (?:мы |я )?(?:придем|приду|будем|буду|сможем|смогу)(?![^\W_]))", "MAYBEX"),
    # "אני חושבת שנגיע", "נראה לי שנגיע", "بظن رح نيجي": the same guess in Hebrew and Arabic (not "לא נראה לי", a probably-not)
    (r"(?:(?:אני|אנחנו) )?(?:חושב|חושבת|חושבימ|חושבות|מניח|מניחה|מניחימ|מניחות)(?= ש(?:נגיע|אגיע|נבוא|אבוא|נוכל|אוכל|נצליח|אצליח|נספיק|אספיק|נהיה שמ|אהיה שמ|נקפוצ|אקפוצ|נצטרפ|אצטרפ|אני אגיע|אנחנו נגיע|אני אבוא|אנחנו נבוא)(?![^\W_]))"
     r"|(?<!לא )(?:נראה|נדמה) לי(?= ש(?:נגיע|אגיע|נבוא|אבוא|נוכל|אוכל|נצליח|אצליח|נספיק|אספיק|נהיה שמ|אהיה שמ|נקפוצ|אקפוצ|נצטרפ|אצטרפ)(?![^\W_]))"
     r"|(?:اعتقد|بعتقد|اظن|بظن|بتوقع|اتوقع)(?: انه| اننا| اني| انو)?(?= (?:رح |راح |س)?(?:نحضر|احضر|نيجي|اجي|منيجي|بنيجي|بجي|نقدر|اقدر)(?![^\W_]))", "MAYBEX"),
    (r"(?:i|we) (?:think|guess|believe) so|think so|(?:i|we) do not think so|לא נראה לי|не думаю|נראה לי שכנ|אני חושב\S* שכנ|думаю,? (?:что )?да|кажется,? да", "MAYBEX"),
    (r"make (?:it|that)(?= (?:\d|one|two|three|four|five|six|seven|eight)\b)", "CUEX"),
    # "I don't go out much": going out in general, not to this event
    (r"(?:go|going|goes|get|getting|went) out(?= (?:much|a lot|often|anymore|any more|these days|lately|at night|socially|so much)(?![^\W_]))", "CUEX"),
    # "for you I'll make the effort": will come; "make an effort", "every effort": will try
    (r"(?<=will )make the effort(?! to)", "COMEX"), (r"make (?:an|every) effort", "MAYBEX"),
    # the earlier answer quoted in a change ("אמרתי אולי - אז כן", "I said maybe, now it's a yes") is not the answer;
    # "change my RSVP to a no": only what it changes to answers
    (r"(?:אמרתי|אמרנו|עניתי|ענינו|כתבתי|כתבנו)(?: קודמ| לפני כנ| בהתחלה)? (?:ש)?אולי|(?:i|we) (?:said|answered|replied|put) maybe"
     r"|(?:change|changing|switch|switching|update|updating) (?:my|our|the) (?:rsvp|answer|response|reply) to(?: a)?(?= (?:no|yes|maybe)\b)", "CUEX"),
    # the children left with someone ("הילדים נשארים עם סבתא", "дети останутся с бабушкой", "the kids are staying with my mom",
    # "الولاد رح يضلوا مع ستهم"): the children are away, and whoever minds them is no one who comes
    (r"((?:ו?ה?)(?:ילדימ|ילדות|ילד|ילדה|קטנימ|קטנות|קטנ|קטנה|תינוק|תינוקת|בנות|בנימ|תאומימ|בייבי)(?: שלנו| שלי)?) "
     r"(?:נשאר\S*|יישאר\S*|ישאר\S*|תישאר|תשאר) (?:בבית )?(?:עמ|ליד) (?!איתנו|איתי|אותנו|אתנו)[^,.!?;\n]*"
     r"|((?:наши |мои )?(?:дети|детки|ребенок|малыш|малышка|сын|дочка|дочь|младший|младшая|младшие)) "
     r"(?:(?:останутся|остается|останется|остаются|посидит|посидят) (?:дома )?(?:с|со|у) (?!нами|мной)"
     r"|(?:будут |будет )?у (?=бабушки|дедушки|мамы|родителей|няни|свекрови|тещи))[^,.!?;\n]*"
     r"|((?:the |our |my )?(?:kids|children|baby|little ones?|boys|girls|twins|kid|son|daughter)) (?:(?:are|is|will) )?"
     r"(?:staying|stay|stays) (?:at home |home |back )?(?:with|at) (?!us|me|them|the (?:hotel|wedding|party|event|venue|hall))[^,.!?;\n]*"
     r"|((?:و?ال)?(?:ولاد|اولاد|اطفال|بنات|صغار|ولد|بيبي|طفل)(?:نا|ي)?) (?:رح |ح |بدهم )?(?:يضلوا|بيضلوا|يبقوا|بيبقوا|يضل|بيضل|يبقى|بيبقى) "
     r"(?:بالبيت |في البيت )?(?:مع|عند) (?!نا|ي)[^,.!?;\n،]*", r"\1\2\3\4 AWAYX"),
    # the same without a verb: "kids at home with the babysitter", "הילדים עם הבייביסיטר", "дети с няней", "kids at grandma's",
    # "הילדים בבית": with whoever minds them, or at home
    (r"((?:the |our |my )?(?:kids|children|little ones|twins)|(?:ו?ה?)(?:ילדימ|קטנימ|תאומימ)|(?:наши |мои )?(?:дети|детки)|(?:و?ال)?(?:ولاد|اولاد|اطفال)(?:نا)?)"
     r"(?: (?:are|will be|would be|נמצאימ|будут|رح يكونوا|بيكونوا))?(?: (?:at home|home|בבית|дома|بالبيت|في البيت))?"
     r"(?: (?:with (?:the |a |our |my )?(?:babysitter|baby sitter|sitter|nanny|grandma|grandpa|granny|nana|grandparents)|at (?:my |our |the )?(?:grandmas|grandparents|my moms|my mums)"
     r"|עמ (?:ה)?(?:בייביסיטר|בייבי סיטר|שמרטפ\S*|מטפלת|סבתא|סבא|סבימ|סבא וסבתא)|с (?:няней|бабушкой|дедушкой|бабушкой и дедушкой)|مع (?:ال)?(?:بيبي سيتر|بيبيسيتر|مربيه|ستهم|ستي|جدتهم|جدتي|جدهم))(?=\s*(?:$|[,.!;،]))"
     r"|(?= (?:at home|home|בבית|дома|بالبيت|في البيت)\s*(?:$|[,.!;]))(?: \S+){1,2})", r"\1 AWAYX"),
    # "coming in from abroad for it", "جايين من برا مخصوص", "из-за границы": where they come from, not being away
    (r"from (?:abroad|overseas)|من (?:برا|بره|الخارج)|из-за границы|из за границы", "CUEX"),
    # going abroad ("טסים מחר לחו"ל", "улетаем за границу"): away, unless it is to the event ("טסים לחו"ל במיוחד לחתונה")
    (r"(?:(?:ו?(?:טסימ|טסות|טסה|טס|נטוס|אטוס|נוסעימ|נוסעות|נוסעת|נוסע|ניסע|אסע|חוזרימ|חוזרת|חוזר|יוצאימ|יוצאת|יוצא))(?: [^\W\d_]+){0,3}? |בדרכ )"
     r"(?:לחול|לחוצ לארצ)(?! (?:במיוחד|בשביל|לכבוד|ל?ה?חתונה|ל?ה?אירוע|ל?ה?חגיגה|ל?ה?מסיבה)(?![^\W_]))"
     r"|(?:улетаем|улетаю|улетим|улечу|уезжаем|уезжаю|уедем|уеду|летим|лечу)(?: [^\W\d_]+){0,2}? (?:за границу|заграницу)(?! (?:на свадьбу|специально))", "AWAYX"),
    # absent: away, abroad, another event the same evening ("יש לי חתונה אחרת באותו ערב")
    (r"on (?:vacation|holiday|a trip)|(?:we are|i am|im) out|(?:another|other) (?:wedding|event|party|simcha)|(?:that|the same) (?:day|night|evening)"
     r"|(?:that|the same) (?:week|weekend|date)|(?:in|at) (?:the )?hospital"
     r"|(?:(?<=אני )|(?<=אנחנו )|(?<=אהיה )|(?<=נהיה ))(?:ב|באמצע )(?:חתונה|חתונת|אירוע|ברית|לוויה|טיסה|משמרת|חופשה|נופש)\S*"
     r"|\S+ (?:אחר|אחרת|נוספ|נוספת) באותו (?:ערב|יומ|זמנ|תאריכ)|באותו (?:ערב|יומ|תאריכ|שבוע|סופ שבוע)|בחוצ לארצ|out of (?:town|the country)"
     # left with someone: "הילדים אצל סבתא", "the kids are staying with grandma / at home"
     r"|(?:נשאר\S* |יישאר\S* |יהיו )?אצל(?= \S)|(?:staying|stay|will be|are) (?:at home|home|with (?:grandma|grandpa|granny|nana|the (?:grandparents|babysitter|sitter)|my (?:mom|mum|parents)))"
     # at work that evening: "hubby's at work", "she's out (working)", "جوزي بالشغل"
     r"|at work|(?:is|am|are|be|will be) working(?! on)|on (?:a |the )?(?:shift|night shift|call|duty|nights|night duty)(?![^\W_])|(?<![^\W_])(?:مناوب|مناوبه|مناوبين)(?![^\W_])|на работе|(?:في|ع|على) (?:ال)?(?:شغل|دوام)"
     r"|за границей|в отъезде|в командировке|на смене|на дежурстве|в армии|на сборах|в рейсе|в больнице|في السفر|مسافر|مسافره|مسافرين|(?:مناسبه|عرس|حفله) (?:تانيه|ثانيه|اخرى|تاني)"
     r"|(?:صار |طلع )?(?:عندي|عنا|عندنا|الي|النا) (?:شغل|دوام|مناوبه|ورديه)"
     # on nights: "בעלי עובד לילות", "works nights", "работает в ночь", "بيشتغل بالليل"
     r"|(?<![^\W_])(?:עובד|עובדת|עובדימ|עובדות) (?:לילות|בלילות|בלילה|משמרת לילה|במשמרת לילה|משמרות לילה)(?![^\W_])"
     r"|(?<![^\W_])(?:works?|working) (?:nights|night shifts?|the night shift|a night shift|nightshifts?|(?:that|the same) (?:night|evening|day))(?![^\W_])"
     r"|(?<![^\W_])(?:работает|работаю|работаем) (?:в ночь|ночью|по ночам|в ночную смену)(?![^\W_])"
     r"|(?<![^\W_])(?:بيشتغل|بتشتغل|بشتغل|يشتغل|تشتغل) (?:بالليل|ليل|ليلي)(?![^\W_])", "AWAYX"),
    # a maybe about being late or leaving early is no maybe about coming ("יש מצב שנאחר קצת", "may be a little late")
    (r"(?:יש מצב|אולי|ייתכנ|יתכנ|יכול להיות|כנראה) ש?(?:נאחר|אאחר|(?:[נא]גיע )?(?:קצת |טיפה )?באיחור|" + _LEAVE_EARLY_HE + ")"
     r"|(?:может|возможно) (?:немного |чуть )?опозда\S*|(?:ممكن|يمكن|ربما) (?:ن|ا)?تاخر\S*"
     # ("prob late", "prolly running a bit late": the texting shorthands of "probably", as sure of coming)
     r"|(?:maybe|may|probably|prob|probs|prolly|possibly|likely) (?:be |arrive |come |get there |be running |running |show up |turn up )?(?:a bit |a little |slightly )?late"
     r"|might (?:be |arrive |come |get there |be running |show up |turn up )?(?:a bit |a little |slightly )?late"
     r"|(?:might|may|maybe|possibly|probably|prob|probs|prolly)(?: (?:have|need) to| we will| i will| we have to| i have to)? " + _LEAVE_EARLY_EN +
     r"|(?:может|возможно|наверное),? (?:придется |придётся )?(?:уйти|уйдем|уйду) (?:пораньше|рано|раньше)|(?:ممكن|يمكن|ربما) (?:ن|ا)?(?:طلع|روح|فل) بكير"
     r"|this time(?: a?round)?|הפעמ|هالمره|в этот раз|a (?:little|bit)(?: bit)?|going to(?= (?:be|have|check|see|try|let|ask|need))", "CUEX"),
    (r"(?:our |the )?(?:little|small) one|(?:a|an|one|our) (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:month|year|yr)s?[- ]old(?! (?:baby|babies|boy|girl|son|daughter|kid|child|infant|toddler|twins|triplets|grandson|granddaughter|nephew|niece)(?![^\W_]))", "KIDX"),
    (r"(?:מתה|מת|מתימ|מתות) ל(?:בוא|הגיע)|dying to (?:come|be there)", "WISHX"),
    (r"grown[- ]?ups", "ADULTX"),
    (r"(?:accompanied|escorted) by", "with"),
    (r"(?:how )?time flies|(?:איכ )?(?:ש)?הזמנ (?:טס|עף)|время летит|الوقت (?:بيمر|يمر)", "CUEX"),   # wonder, not "what time?"
    # what someone comes in: "תינוק בעגלה", "a baby in a carrier", "סבתא בכיסא גלגלים": said of a person, no one more
    (r"(?:in (?:a |the |her |his |my )?)?(?:car ?seat|carrier|stroller|pram|buggy|wheel ?chair|walker|baby ?bjorn)"
     r"|עגלה|עגלת תינוק|מנשא|סלקל|(?:כיסא|כסא) גלגלימ|הליכונ|(?:على |ب)?(?:عرباي|عربيه|كرسي متحرك)|(?:в )?(?:коляске|коляска|автокресле|переноске)", "CUEX"),
    (r"(?:mother|father|sister|brother|son|daughter)[- ]in[- ]law", "ONEX"),
    (r"(?:little|small|young|wee) ones", "KIDSX"),
    (r"(?:wishing|wish) you (?:all the best|the best|lots of|a lot of|much|happiness|joy|mazal tov)|all the best|best wishes", "BLESSX"),
    # a memory told in a congratulation ("I remember when you swore you never would", "זוכרת איך אמרת שלעולם לא תתחתן"):
    # the story's "never" is not an answer
    (r"(?:(?:i|we) )?(?:still )?(?:remember|recall) (?:when|how|the (?:day|time)|that time|you)[^,.!?;\n]*"
     r"|(?:(?<![^\W_])אני |(?<![^\W_])אנחנו )?(?:זוכר|זוכרת|זוכרימ|זוכרות) (?:איכ|כש|את היומ ש|שפעמ|שתמיד)[^,.!?;\n]*"
     r"|(?<![^\W_])(?:помню|помним),? (?:как|когда)[^.!?;\n]*|(?:بتذكر|اتذكر|فاكر|فاكره|متذكر|متذكره) (?:لما|كيف|يوم)[^,.!?;\n]*"
     r"|(?:you|u) (?:swore|said|promised|insisted|told (?:me|us|everyone))(?: that)? (?:you|u)(?: would| will| d)? never[^,.!?;\n]*", "FILLX"),
    # a holiday's blessing: "מימונה שמחה! תרבחו", "חג שמח", "happy Mimouna", "عيد مبارك", "с праздником"
    # ("חג אורים שמח", "חג החנוכה שמח": the feast named after "חג"; "עד 120", "до 120": a long life, wished on a birthday)
    (r"(?<![^\W_])(?:חג|מימונה|פסח|חנוכה|פורימ|סוכות|שבועות|ט\W?ו בשבט|ל\W?ג בעומר"
     r"|חג (?:ה)?(?:אורימ|חנוכה|פסח|סוכות|שבועות|פורימ|מימונה|אביב|חירות|מצות|ביכורימ|אסיפ|מולד)) (?:כשר )?(?:ו)?(?:שמח|שמחה|מבורכ|מבורכת|שמח ומבורכ)(?![^\W_])"
     r"|(?<![^\W_])עד (?:120|מאה ועשרימ|מאה עשרימ)(?! (?:איש|אנשימ|אורחימ|מוזמנימ))(?![^\W_])(?: שנה)?(?: ו?ב?בריאות(?: טובה)?)?|(?<![^\W_])(?:till|until) 120(?! (?:people|guests|ppl))\b"
     r"|(?<![^\W_])до (?:120|ста двадцати)(?: лет)?(?! (?:человек|гостей))(?![^\W_])"
     r"|happy (?:c?h)an+uk+ah?|happy festival of lights"
     r"|(?<![^\W_])(?:ו?תרבחו|ו?תרבחי|ו?תרבח|ו?תירבחו|ו?תרבחו ותסעדו|ו?שנה טובה|ו?גמר חתימה טובה|ו?חג שמח)(?![^\W_])"
     r"|happy (?:mimouna|maimouna|passover|pesach|hanukkah|chanukah|hanukah|purim|sukkot|shavuot|holidays?|new year|eid)|chag sameach|chag sameah|hag sameach|eid mubarak|shana tova"
     r"|عيد (?:مبارك|سعيد)|كل عام وانت(?:م|و)? بخير|كل سنه وانت(?:م|و)? طيب(?:ين)?|رمضان كريم|с праздником|с новым годом|с пасхой|с песахом|с ханукой", "BLESSX"),
    (r"(?:שמח|שמחה|שמחימ|שמחות) (?:כל ככ |מאוד |מאד )?(?:בשבילכמ|בשבילכ|בשבילכנ|בשבילה|בשבילו|בשבילמ|בשמחתכמ)|so happy for (?:you|both|the)"
     r"|ברוכימ הבאימ|welcome to the world|(?:the|happy|lovely|beautiful|gorgeous|new|cute) couple|newlyweds"
     r"|يعطيك(?:م)? العافيه", "BLESSX"),
    (r"(?:only|just) (?:for|to) the (?:ceremony|reception|party|chuppah|dancing|kiddush|service|meal|dinner|lunch|brunch)"
     r"|רק ל(?:קבלת הפנימ|קבלת פנימ|חופה|טקס|ריקודימ|מסיבה|קידוש|תפילה|סעודה|ארוחה|ארוחת ערב|הדלקת נרות)", "COMEX"),
    (r"would (?:really |so )?love to|would have loved to", "WISHCOMEX"),   # a wish to come, kept as one ("... but")
    # on the way there: "we'll walk over", "we're driving down", "we'll be at shul for the aliyah"
    (r"(?:(?<=we will )|(?<=i will )|(?<=we are )|(?<=i am ))(?:walk|walking|drive|driving|fly|flying|head|heading) (?:over|down|up|in)(?![^\W_])"
     r"|(?<=will )be at (?:the )?(?:shul|synagogue|service|ceremony|kiddush|party|reception|bris|brit|chuppah|wedding|hall|venue)(?![^\W_])"
     # "we'll be at the families day", "I'll be at your retirement party": the event they were invited to
     r"|(?<=will )be at (?:the|your)(?: (?:families|family|company|fun|office|team|work|kids|retirement|birthday|surprise|engagement|graduation"
     r"|bar|bat|joint|twins|farewell|goodbye|summer|holiday|hanukkah|chanukah|purim|\d{1,3}(?:st|nd|rd|th)?|big|little|b|day)){0,2} (?:party|celebration|event|simcha|mitzvah|mitzva|siyum|graduation|engagement|henna"
     r"|brunch|dinner|bbq|barbecue|bash|picnic|day|retirement|birthday|anniversary|gathering|do|kiddush|reception|wedding|bris|brit)(?![^\W_])", "COMEX"),
    # "we can't make the bar mitzvah", "I'll make it to Dana's wedding": "make" an event is coming to it (the event stays said)
    (r"(?<![^\W_])make(?: it)?(?: to| for)?(?= (?:the|your|his|her|their|[a-z]+s)(?: [a-z]+){0,2}? (?:party|celebration|event|simcha|mitzvah|mitzva"
     r"|wedding|engagement|henna|hina|bris|brit|kiddush|birthday|bash|shower|graduation|aufruf|housewarming"
     r"|ceremony|reception|chuppah|huppah|dinner|service|dancing|meal|brunch)(?![^\W_]))"
     # "Just the wedding for us, can't make Thursday": coming to that one
     r"|(?:just|only) the (?:wedding|ceremony|reception|party|henna|chuppah|huppah|kiddush|brit|bris|dinner|celebration)(?: for (?:us|me))?(?=\s*(?:$|[,.!;]))", "COMEX"),
    # "נתראה בשמחות", "see you at happy occasions": a blessing, to meet at joyous events in general (not "נתראה בשמחה", at this one)
    (r"(?:נתראה|ניפגש|נשמע)(?: רק| תמיד| עוד)? ב(?:ה)?שמחות(?: ו?ב?אירועימ שמחימ)?(?: אצלכמ| אצלנו| אצלכ)?|see you at (?:more |many |other )?(?:happy occasions|simchas|smachot)", "BLESSX"),
    (r"count me in", "me COMEX"), (r"count us in", "us COMEX"),   # who is counted in stays said
    # "אני ודני בפנים", "мы с мужем в деле": the writer and those named are in (as "Mike and I are in")
    (r"((?:אנחנו|אני)(?: ו[^\W\d_]+){1,3}|[^\W\d_]+ ואני) בפנימ(?=\s*(?:$|[^\w\s]))|((?:мы|я)(?: с [^\W\d_]+){0,2}) в деле(?=\s*(?:$|[^\w\s]))", r"\1\2 COMEX"),
    # "see you at the party", "see you all there", "увидимся на свадьбе", "منشوفكم بالعرس": meeting at the event is coming to it
    (r"see (?:you|ya)(?: all| guys| both| two)? (?:there|at (?:the|your|his|her|their)(?! (?:next|other|another|many|more)\b)(?: [a-z]+){0,2}? (?:party|wedding|mitzvah|mitzva|birthday|bris|brit"
     r"|engagement|graduation|shower|celebration|simcha|kiddush|henna|reunion|ceremony|gathering|bash|event|hall|venue|do|bbq|dinner|brunch|chuppah)s?)(?![^\W_])"
     r"|(?:see(?:ing)?|c) (?:you|ya|u)(?: all| guys)? on the dance ?floor|(?:looking forward to|can not wait to|cant wait to) see(?:ing)? (?:you|ya|u)(?: all| guys)? there"
     r"|(?<![^\W_])c (?:u|you|ya) there(?![^\W_])"
     r"|увидимся(?: уже| тогда)?(?=\s*(?:$|[,.!;)]))|(?:م|ب)?نشوفكم(?=\s*(?:$|[,.!;،]|ان شاء الله|انشالله|انشاءالله))"
     r"|увидимся(?: уже| тогда)? (?:там|на (?:свадьбе|празднике|вечеринке|торжестве|бар-мицве|бат-мицве|бар мицве|бат мицве|юбилее|дне рождения|хне|помолвке))(?![^\W_])"
     r"|(?:م|ب)?نشوفكم (?:هناك|هنيك|هونيك|بالعرس|بالفرح|بالحفله|بالحنه|بالسهره|بالخطبه)(?![^\W_])", "SEEYOUX"),
    (r"count(?= (?:me|us) .{1,30}\bin(?:\W|$))|see you there|(?:(?<=i am )|(?<=we are )|(?<= and i are )|(?<= and me are )|(?<=we are so )|(?<=we are all )|(?<=i am so )|(?<=we are totally )|(?<=i am totally ))in(?=\s*(?:$|[,.!;]|[^\w\s]|too|as well|for|lol|haha|lmao|obviously|of course|duh))|will be there|be there|we are there|אנחנו שם|נהיה שם"
     r"|אהיה שם|(?:ب|س|ح)?نكون (?:هناك|هنيك|هونيك)|(?:س|ح)?اكون (?:هناك|هنيك|هونيك)|(?:ب|ح)كون (?:هناك|هنيك|هونيك)|אני שמ(?=\s*(?:$|[^\w\s?]))|i am there(?=\s*(?:$|[^\w\s?]))|(?:אנחנו|אני) בפנימ|נתראה|ניפגש|נפגש|с удовольствием|بكل سرور|make it|would love to|love to come|happy to come|will attend"
     r"|(?:we|i) will(?=\s*(?:$|[,.!;]))|pop (?:by|in|over|along|round|around|down)|drop (?:by|in|round)|stop (?:by|in)|swing (?:by|past|round)|tag along"
     r"|(?:(?<=will )|(?<=gonna )|(?<=going to )|(?<=def )|(?<=definitely ))(?:rock|turn|show) up|נהיה(?=\s*[,.!;]|\s*$)|(?:נשמח|אשמח)(?! (?:לדעת|לשאול|לברר|לקבל|לשמוע|אמ)(?![^\W_]))|שמחים"
     # שמחה is also "joy": "אהבה ושמחה", "מלא שמחה", "הרבה שמחה" bless, they do not accept; so does "joy" named as a thing
     # ("תאומים זה כפול שמחה", "איזו שמחה", "שמחה גדולה")
     r"|(?<![והב])(?<!מלא )(?<!הרבה )(?<!המון )(?<!רק )(?<!אהבה )(?<!כל כך )(?<!כפול )(?<!כפולה )(?<!זה )(?<!זו )(?<!איזו )(?<!איזה )(?<!של )(?<!לשמחה )"
     r"שמחה(?! (?:גדולה|כפולה|ענקית|אמיתית|כזאת|כזו|שלמה|ב?לב)(?![^\W_]))", "COMEX"),
    (r"none of us|no one|nobody|neither(?: of us)?|אף אחד(?: מאיתנו| מאתנו)?|אף אחת(?: מאיתנו| מאתנו)?|никто(?: из нас)?|ولا واحد|ولا حدا", "NOBODYX"),
    (r"put (?:us|me) down(?= for| as|\W|$)|(?:תרשמו|רשמו|תרשום|תרשמי|רשום) אות(?:נו|י)"
     # "תספרי אותנו, 6 אנשים": count us (in), said on its own ("תספרו אותנו 4" only says how many to count)
     r"|(?:תספרו|תספרי|תספור|ספרו|ספרי) אות(?:נו|י)(?=\s*(?:$|[,.!;]))", "PUTDOWNX"),
    (r"all up|altogether|all together|in total|all in all", "CUEX"),   # "6 all up": in all
    (r"תספרו (?:עליי|עלי|עלינו)|count on (?:me|us)", "COMEX"),
    # "ביטלנו את ההגעה", "ביטלתי, סליחה": the arrival cancelled ("ביטלנו את הטיסה" cancels something else)
    (r"(?:ביטלנו|ביטלתי)(?: את ה?(?:הגעה|אישור|השתתפות|הרשמה)(?: שלנו| שלי)?)?(?=\s*(?:$|[,.!;]))|(?:ביטלנו|ביטלתי) את ה?(?:הגעה|אישור|השתתפות|הרשמה)", "NOVERBX"),
    (r"(?:נפלה|יש) (?:עלינו|לנו|לי|עליי) שבעה|(?:יושבימ|יושבת|יושב) שבעה|(?:אנחנו|אני) בשבעה", "NOVERBX"),
    (r"this time (?:a)?round", "CUEX"),
    (r"(?:after |אחרי )?(?:on second thoughts?|(?:thought|thinking) (?:about it |it over |it through )?again|(?:חשבנו|חשבתי|שחשבנו|שחשבתי)(?: על זה)? שוב"
     r"|במחשבה שניי?ה)", "CUEX"),   # thought again: no name of someone who comes
    (r"drop (?:me |us )?(?:a|the) pin|send (?:me |us )?(?:a|the) pin|pin (?:the )?location|לוקיישנ|google maps|apple maps|maps (?:pin|link)"
     r"|גוגל (?:מפות|מאפס|מפס)|(?:ל|ב)?גוגל מפות", "DETAILSX"),
    (r"יש מצב(?! ל)|(?:נעשה|אעשה|נעשי) (?:כל )?(?:מאמצ|ניסיונ)", "MAYBEX"),
    # "إذا الله راد منيجي", "if God wills, we'll come": the hope said with an "if", a maybe (no condition of the writer's)
    (_IF_GOD_WILLS, "MAYBEX"),
    # "נהיה בשמחתכם", "לא נהיה בשמחות השנה": being at the celebration is coming to it
    (r"(?:נהיה|נשמח להיות|אהיה) (?:איתכמ )?ב?(?:שמחתכמ|שמחה שלכמ|שמחתכנ)"
     r"|(?:נהיה|אהיה) (?:איתכמ |שמ )?ב(?:ה)?(?:שמחות|שמחה|חגיגות|חגיגה)(?![^\W_])", "COMEX"),
    (r"(?:the )?(\d+|two|three|four|five|six) of us", r"\1 PEOPLE"),
    # "2 seats pls", "תשמרו לנו 3 מקומות": places kept for the party are its people (not "two places with that name")
    (r"(\d{1,2}|two|three|four|five|six|два|три|четыре|пять) (?:seats|места|мест|مقاعد)"
     r"|(?:(?<=לנו )|(?<=לי ))(\d{1,2}|שני|שלושה|ארבעה|חמישה|שישה) מקומות"
     r"|(\d{1,2}|שני|שלושה|ארבעה|חמישה|שישה) מקומות(?= (?:בבקשה|בהסעה|באוטובוס|לנו|לי|ישיבה)(?![^\W_]))", r"\1\2\3 PEOPLE"),
    # "8 בן אדם", "3 בני אדם": people, said with the singular after a number as often as with the plural
    (r"(\d{1,2}) (?:בנ|בני) ?אדמ", r"\1 PEOPLE"),
    (r"both of us|us both|the two of us|just us two|just the two of us", "SELFNUMTWOX"),
    (r"family of|party of|משפחה של|family", "FAMX"),
    (r"בני ה?זוג(?= [^\W\d_]+\W*$)", "COUPLEX"),   # "בני הזוג כהן": the Cohens, a couple signing
    # "בן זוגי", "בת זוגו": the partner, with or without the possessive ending
    (r"ב[נת] ?ה?זוג(?:י|ו|ה|נו)?", "PARTNERX"),
    # "no plus one", "בלי +1": the writer alone, not the writer and a guest
    (r"(?:no|without|w/o|not bringing|not taking|בלי|ללא|לא מביא|לא מביאה|לא אביא)(?: a| an| any)? "
     r"(?:plus ?ones?|plus-ones?|plus 1|\+ ?1|פלוס (?:אחת|אחד|1|וואנ))(?![^\W_])", "alone"),
    (r"plus one|plus 1|פלוס אחת|פלוס אחד|plus-one|פלוס וואנ|פלאס וואנ", "PLUSONEX"),
    (r"mr\.? ?(?:and|&) ?mrs\.?|mr\.? ?(?:and|&) ?dr\.?|dr\.? ?(?:and|&) ?mrs\.?", "COUPLEX"),
    (r"with (?:great |much )?pleasure", "POSX"),
    # "my husband has to work": someone kept away, said without a "not"
    # called up: "got called up for miluim", "in reserve duty that week" (במילואים is in the lexicon)
    (r"(?:got |been |getting )?called up(?: for (?:the )?(?:reserve duty|reserves|miluim|duty|army))?|(?:(?<=is )|(?<=are ))in the (?:army|idf)(?![^\W_])|(?:in|on|for|doing) (?:the )?(?:miluim|reserve duty|reserves)(?![^\W_])", "AWAYX"),
    # ill now: "אשתי לא מרגישה טוב", "the baby is sick", "муж болеет", "مرتي مريضة": kept away, said without a "not"
    # ("הייתי חולה", "I was ill": then, the reason for a late reply; "חולה על", crazy about; בית חולים, a hospital)
    (r"לא (?:מרגיש|מרגישה|מרגישימ|מרגישות)(?: כל ככ| ממש| כזה)? טוב|(?<!הייתי )(?<!היינו )(?<!היה )(?<!היתה )(?<!הייתה )(?<!בית )(?<!קופת )(?:חולה|חולימ|חולות)(?! על)(?![^\W_])"
     r"|(?:חטפ|חטפה|חטפו|חטפנו|חטפתי) (?:שפעת|קורונה|וירוס|דלקת)"
     r"|(?:is|am|are|be|got|getting|feeling|feels|fell|has been|have been) (?:very |really |a bit |quite |so )?(?:sick|ill|unwell)(?! of)"
     r"|not feeling (?:well|good|great|too good|so good|100 ?%)|under the weather|(?:has got|have got|has|have|got|caught|came down with|tested positive for) (?:covid|corona|the flu|flu|a fever|a virus)"
     r"|(?<![^\W_])(?:болеет|болеют|болею|болеем|заболел|заболела|заболели|приболел|приболела)(?![^\W_])|плохо себя чувству\S*"
     r"|(?<![^\W_])(?:مريض|مريضه|مريضين|مرضان|مرضانه|تعبان|تعبانه|تعبانين)(?![^\W_])", "AWAYX"),
    (r"(?:has|have|needs?|got) to work|(?:צריכ|צריכה) לעבוד|עובד\S* באותו (?:ערב|יומ)|(?:נשאר|נשארת|נשארימ) (?:ב)?בית|stays? (?:at )?home|staying (?:at )?home", "AWAYX"),
    # left at home to mind a child: "אשתי נשארת עם התינוק", "my husband is staying with the kids", "жена остаётся с малышом"
    (r"(?:נשאר|נשארת|נשארימ|נשארות|תישאר|יישאר|יישארו|תשאר|ישאר|ישארו|נשאר\S*) (?:בבית )?(?:עמ|ליד|לשמור על) (?:ה?תינוק|ה?תינוקת|ה?ילדימ|ה?ילד|ה?ילדה|ה?קטנ|ה?קטנה|ה?קטנימ|ה?בייבי|ה?תאומימ)(?:\S*)?(?: שלנו| שלי)?"
     r"|(?:stays?|staying|will stay|is staying|stays home|staying home|stay home|staying back|stays back|will stay home) (?:at home )?with (?:the |our |my )?(?:baby|babies|kids|kid|children|child|little ones?|newborn|twins|toddler)"
     r"|(?:оста(?:ется|ется|нется|ются|нутся)|посидит) (?:дома )?с (?:малышом|ребенком|детьми|малышкой|младшим|младшей)"
     r"|(?:رح |بدها |بده )?(?:تضل|يضل|بتضل|بيضل|تبقى|يبقى|بتبقى|بيبقى) (?:بالبيت |في البيت )?مع (?:ال)?(?:طفل|ولاد|اولاد|بيبي|صغير|صغار|اطفال)", "AWAYX"),
    (r"(?:we|i) will (?:be|come) (?:to|at|for) the (?:party|reception|dancing|after ?party|celebration)", "POSX"),
    # "first time at a Jewish wedding": no question of time
    (r"(?:the |my |our )?first time|פעמ ראשונה|בפעמ הראשונה", "FILLX"),
    (r"you two|you both|both of you|לשניכמ", "FILLX"),
    (r"happy (?:\d+ ?(?:st|nd|rd|th)?|birthday|anniversary|bday)(?: birthday| bday)?", "BLESSX"),   # "Happy 70th Miri!!"
    # "Is it too late to say yes?", "אפשר עוד לאשר?", "can we still RSVP?": asking to say yes says it (not a question to pass on)
    (r"(?:is it )?too late to (?:say yes|confirm|rsvp|join|come)|(?:אפשר|ניתנ) עוד (?:לאשר|להירשמ|להצטרפ)|עוד אפשר (?:לאשר|להירשמ|להצטרפ)"
     r"|(?:can|could) (?:i|we) still (?:rsvp|confirm|say yes|join|come)", "STILLYESX"),
    (r"רשמתי ביומנ|רשמנו ביומנ|saved the date|(?:put|added) it (?:in|to) (?:my|our|the) calendar", "POSX"),
    (r"ל?תורה ו?ל?חופה ו?ל?מעשימ טובימ|מקווה שתבינו|מקווימ שתבינו|hope you understand", "FILLX"),
    (r"put us down (?:as|for)", "we are"),
    # what someone eats is no "can't": "אני לא אוכל בשר", "האוכל כשר?" (the food)
    (r"ה?אוכל(?= (?:בשר|עופ|דג|דגימ|חלב\S*|גלוטנ|בשרי|כשר|לא כשר|טבעוני|צמחוני|רק|שומ|ביצימ|אגוזימ|בוטנימ|סוכר|קמח)(?![^\W_]))|(?<![^\W_])האוכל", "CUEX"),
    # "and if not, no worries", "ואם לא, לא נורא": the other case of a question asked, no decline
    (r"(?:and |or )?if not(?=\s*(?:$|[,.!;?]))|(?:ו|או )?אמ לא(?=\s*(?:$|[,.!;?]))|(?:а )?если нет(?=\s*(?:$|[,.!;?]))", "CUEX"),
    # "are you sure you want me to come?", "בטוחים שאתם רוצים שנבוא?": the writer doubts the invitation
    (r"(?:את|אתה|אתמ|אתנ) (?:בטוח|בטוחה|בטוחימ|בטוחות)(?= ש)|are you sure"
     r"|(?:רוצה|רוצימ|רוצות|תרצו|תרצי)(?: ש?(?:אני|אנחנו))? ש?(?:אבוא|נבוא|אגיע|נגיע)|want (?:me|us) (?:to come|to be there|there)", "CUEX"),
    (r"if (?:that is|it is|thats|its|that|it) (?:ok|okay|alright|fine|allowed)", "CUEX"),   # "bringing my gf if that's ok": leave asked   # "Mr and Mrs Goldberg": a couple signs
    (r"bringing(?= (?:my|our|the|a|his|her)\b)", "with"),
   # "coming, bringing my girlfriend": with her
    (r"(?:feel|feeling|feels) up (?:to|for)|up (?:to|for) (?:it|the)", "ABLEX"),   # "my wife isn't feeling up to the flight"   # one more beside the writer
    (r"החבר שלי|החברה שלי|אבא שלי|אמא שלי|הבן שלי|הבת שלי|הבן שלנו|הבת שלנו|my wife|my husband|my son"
     r"|my daughter|my girlfriend|my boyfriend|my partner|my mom|my dad|my mother|my father|my friend"
     r"|(?:my|a) date(?! (?:of|for|is|was|and|to|on|night))", "ONEX"),   # "bringing a date", "me and my date"
    (r"ההורים שלי|my parents", "TWOX"),
    # ("שבת שלום", "shabbat shalom", "шабат шалом": the week's greeting, as "שבוע טוב" is)
    (r"good morning|good evening|good afternoon|בוקר טוב|ערב טוב|יומ טוב|לילה טוב|צהריימ טובימ|שבוע טוב|(?<![^\W_])ו?שבת שלומ(?![^\W_])|shabb?at shalom|шаб+ат шалом|שלום רב|מה נשמע|מה קורה|מה המצב|מה שלומכם|السلام عليكم"
     r"|добрый день|добрый вечер|доброе утро|hey there|hello there|hi there|what(?: i)?s up|wassup|whats new|(?:مسا|مساء|صباح) (?:ال)?خير|صباحو|مساو", "GREETX"),
    # "תזכו למצוות", "שתזכו לבנות בית נאמן", "بالرفاه والبنين": the traditional wishes
    # "מאחלים לך עוד הרבה שנים בבריאות ובשמחה": a wish, up to where the message goes on to coming or to a number
    (r"(?<![^\W_])ו?(?:מאחל|מאחלת|מאחלימ|מאחלות|נאחל|אאחל)(?: (?:לכ|לכמ|לכנ|לה|לו|להמ|לזוג|לכולכמ|לכולמ))?"
     r"(?:(?!\s(?:ו?(?:נגיע|נבוא|אגיע|אבוא|נהיה|אהיה|מגיע\S*|באימ|באות|נשמח|אשמח)(?![^\W_])|\d))[^,.!?;\n])*", "BLESSX"),
    # (to one person or of one: "שתזכי לעוד הרבה שנים בבריאות", "שיזכה לאריכות ימים", "ונזכה לשמחות": every form of the wish)
    (r"(?<![^\W_])ו?ש?(?:(?:ת|נ|י)זכו|תזכי|תזכה|יזכה|נזכה)(?: (?:כולמ|כולכמ|כולנו|כולנ|ביחד|יחד|תמיד|רק|עוד|גמ|את|אתמ))? ל[^,.!?;\n]*|(?:ש?נשמע (?:רק )?)?בשורות טובות|ש?נשמע (?:רק )?(?:על )?שמחות|و?بالرفاه و?البنين|و?بالرفاء و?البنين", "BLESSX"),
    # after a greeting, where it comes from: "good morning from New York", "שבוע טוב מירושלים"
    (r"(?:(?<=GREETX )|(?<=hello )|(?<=hi )|(?<=greetings ))\s*from(?: [^\W\d_]+){1,2}(?=\W*$)", "GREETX"),
    (r"מזל טוב|mazal tov|mazel tov|בשעה טובה|מזל ט|שיהיה במזל|שיהיה בשעה טובה|الف مبروك|الله يتمم على خير", "BLESSX"),
    # who writes: "it's Sarah, Mike's cousin", "Aunty Pam here"
    (r"(?:this|it) is(?= [^\W\d_]+(?: [^\W\d_]+)?(?: from(?: the)? \w+(?: \w+)?)?\s*(?:$|[^\w\s]))|(?<=[a-z] )(?<!\bare )(?<!\bam )(?<!\bis )(?<!\bbe )(?<!\bcome )(?<!\bget )here(?=\s*(?:$|[,.!]))|זה (?=[^\W\d_]+$)|זאת (?=[^\W\d_]+$)", "INTROX"),
    (r"מגיע\S* ל(?:כמ|כנ|כ|ה|ו|המ)(?= (?:כל|רק|את|המונ|הרבה))", "BLESSX"),
    # "מישהו שבאמת מגיע לך", "כמו שמגיע לכם": deserved, said after other words, not "coming to you"
    (r"(?:(?<=[^\W\d_] )|BLESSX[ ,!.]*)(?<!אני )(?<!אנחנו )(?<!אנו )(?<!אשתי )(?<!בעלי )ש?מגיע(?:ה)? ל(?:כמ|כנ|כ|ה|ו|המ)(?=\s*(?:$|[^\w\s]))", "BLESSX"),
    # "אוהבת אותך", "love you guys": affection, said to whom it writes
    (r"(?:אוהב|אוהבת|אוהבימ|אוהבות) (?:אותכ|אותכמ|אותכנ)|love (?:you|u|ya)(?: all| both| guys| lots| so much)?|(?:ب)?حبك(?:م)?|люблю (?:тебя|вас)", "FONDX"),
    (r"thank you|תודה רבה|شكرا جزيلا|الف شكر|спасибо большое|большое спасибо", "THANKSX"),
    # "יישר כח", "ישר כוח", "יישר כוחכם", "חזק וברוך": the thanks said for work well done (a whole message of politeness)
    (r"(?<![^\W_])ו?(?:יישר|ישר) (?:כח|כוח)(?:כמ|כנ|כ|ו|ה)?(?![^\W_])|(?<![^\W_])ו?י?ישכ(?![^\W_])|(?<![^\W_])חזק וברוכ(?![^\W_])|(?<![^\W_])kudos(?![^\W_])", "THANKSX"),
    # Arabic in Latin letters: "ana jay" (I'm coming), "ma3 marti" (with my wife)
    (r"ana (?:jay|jaye|jaya|jaay|jayeh|jaiy|jai)", "me COMEX"), (r"(?:ma ?3|m ?3|ma ?3 ?i) (?:marti|mrti|martee|zawjti|zoujti|zoji|jozi|jouzi)", "with ONEX"),   # (the 3 for ع, cut from its word)
    # "i got it", "we got it, thanks": the message received
    (r"(?:i|we) (?:got|have|received) (?:it|the (?:invite|invitation|message))(?=\s*(?:$|[^\w\s]|thanks|thank|ty))", "FILLX"),
]]

_TAG_OF_PHRASE = {
    "POSX": ("YES", None), "FILLX": ("POLITE", None), "AWAYX": ("AWAY", None), "YESX": ("YES", None), "NOX": ("NOWORD", None),
    "NOVERBX": ("NOVERB", None), "COMEX": ("COME", None), "SEEYOUX": ("COME", None), "WISHCOMEX": ("COME", None), "NOBODYX": ("NOBODY", None),
    "PEOPLE": ("PEOPLE", None), "SELFNUMTWOX": ("SELFNUM", 2), "FAMX": ("FAM", None),
    "PARTNERX": ("PARTNER", 1), "PLUSONEX": ("PARTNER", 1), "ONEX": ("OTHER", 1), "TWOX": ("OTHER", 2), "GREETX": ("GREET", None),
    "BLESSX": ("BLESS", None), "THANKSX": ("THANKS", None),
    "AWAYX": ("AWAY", None), "INTROX": ("INTRO", None), "PUTDOWNX": ("COME", None), "DETAILSX": ("DETAILS", None), "KIDX": ("KID", 1), "WISHX": ("CUE", None), "ADULTX": ("ADULT", None), "KIDSX": ("KIDS", None), "COUPLEX": ("SELFNUM", 2), "ABLEX": ("ABLE", None), "CUEX": ("CUE", None), "MAYBEX": ("MAYBE", None), "FONDX": ("POLITE", None),
    "EARLIERX": ("CUE", None), "SURELYX": ("YES", None), "STILLYESX": ("YES", None),
}

_PREFIXES = "והבלכמש"


def _lookup(word: str) -> tuple[str, int | None] | None:
    if word in _TAG_OF_PHRASE:
        return _TAG_OF_PHRASE[word]
    if word.isdigit():
        return ("DIGITS", int(word)) if len(word) <= 4 else ("LONGNUM", None)
    hit = LEX.get(word)
    if hit:
        return hit
    collapsed = re.sub(r"(.)\1+", r"\1", word)
    if collapsed != word and collapsed in LEX:
        return LEX[collapsed]
    if word and word[0] in "وب" and len(word) > 3 and word[1:] in LEX:
        return LEX[word[1:]]
    if word and word[0] == "و" and len(word) > 2 and word[1:] in LEX:
        return LEX[word[1:]]
    # the Arabic article, after و / ب / ل or alone: "والولاد", "بالاولاد"
    m = re.match("^(?:و|ب|ل|وب|ول)?(?:ال|ل)(?=[\u0621-\u064a]{2})", word)
    if m and word[m.end():] in LEX and LEX[word[m.end():]][0] in _PERSON_TAGS + ("NUM", "ADULT"):
        return LEX[word[m.end():]]
    if word and word[0] in _PREFIXES and len(word) > 2:
        for cut in (1, 2, 3):
            if cut < len(word) - 1 and all(c in _PREFIXES for c in word[:cut]):
                rest = word[cut:]
                if rest in LEX:
                    return LEX[rest]
                rc = re.sub(r"(.)\1+", r"\1", rest)
                if rc in LEX and len(rc) > 1:
                    return LEX[rc]
    # "מגיעיפ": the final mem's neighbour on the Hebrew keyboard, typed for it
    if len(word) > 3 and word[-1] == "פ" and LEX.get(word[:-1] + "מ", ("",))[0] in ("COME", "YES"):
        return LEX[word[:-1] + "מ"]
    # "כןכןכן", "дада": one word typed again and again, glued
    m = re.fullmatch(r"(.{2,}?)\1+", word)
    if m and m.group(1) in LEX:
        return LEX[m.group(1)]
    # "מגיעםם": a letter doubled and one missing
    return _fuzzy(word) or (_fuzzy(collapsed) if collapsed != word else None)


# Typos of the answer words, by edit distance 1 (a letter missing, extra, changed or two swapped:
# "מגיעםם", "נגעי", "attnding"), SymSpell-style: every word and every word less one letter,
# indexed by its deletions. Only the words that carry an answer, long enough not to collide.
_FUZZY_WORDS = _words(
    "coming attending attend definitely absolutely confirmed confirm unfortunately",
    "מגיע מגיעה מגיעים מגיעות נגיע אגיע להגיע באים נבוא אבוא לבוא נשתתף אשתתף מאשר מאשרת מאשרים בשמחה "
    "בטוח ברור בוודאי מצטרפים",
    "سنحضر موجودين", "придем приду придём будем конечно")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


_FUZZY: dict[str, str | None] = {}
for _w in _FUZZY_WORDS:
    _w = _fold(_w)
    for _d in _deletions(_w) | {_w}:
        if _FUZZY.get(_d, _w) != _w:
            _FUZZY[_d] = None     # two answer words this close: no guess
        else:
            _FUZZY[_d] = _w


def _fuzzy(word: str) -> tuple[str, int | None] | None:
    latin = word.isascii()
    if len(word) < (6 if latin else 4) or not word.isalpha():
        return None
    for cand in (word, *_deletions(word)):
        hit = _FUZZY.get(cand)
        # Hebrew: the first letter is the person and tense (מגיע / הגיע / יגיע), never guessed, and a
        # changed letter makes another word too often (לבוש / לבוא, ברנר / ברור): only a letter
        # missing, doubled or two swapped
        if hit and _one_edit(word, hit, substitute=latin) and (latin or word[0] == hit[0]):
            return LEX[hit]
    return None


def _one_edit(a: str, b: str, substitute: bool = True) -> bool:
    """True when a and b differ by one letter added, dropped or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 0 or (len(diff) == 1 and substitute) or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _split_glued(word: str) -> list[str] | None:
    """כנמגיעימ → כנ מגיעימ: a word made of two known words."""
    if len(word) < 4:
        return None
    for i in range(2, len(word) - 1):
        a, b = word[:i], word[i:]
        if a in LEX and (b in LEX or re.sub(r"(.)\1+", r"\1", b) in LEX):
            return [a, b]
    # an answer word glued to anything ("נגיעבעזרתהשם"): the answer word, then the rest
    for i in range(4, len(word) - 2):
        if LEX.get(word[:i], ("",))[0] in ("COME", "YES"):
            return [word[:i], word[i:]]
    return None


# --------------------------------------------------------------------------- patterns on the text

def _rx(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{_fold(p)})" for p in patterns))


_START = _rx(r"^(?:start|resume|unstop|opt in|התחל|התחלה|חידוש|סטארט|סטרט|ابدا|ابدءوا|استئناف|ستارت|старт|начать|возобновить)(?:\W|$)"
             # the start word said last, after an apology ("סליחה, לחצתי בטעות. start", "sorry START please")
             r"|[.!,;:]\s*(?:start|התחל|סטארט|ستارت|старт)(?: please| בבקשה| пожалуйста)?\W*$|^\S+ start please\W*$",
             r"(?<!un)subscribe me|(?:resume|keep|continue|start) sending|(?:send|text|message) (?:me|us) (?:\S+ )?(?:stuff|messages|updates|reminders|texts) again"
             r"|(?:changed (?:my|our) mind|regret) (?:about|on) (?:the )?unsubscrib|(?:תשלחו|שלחו|תשלח|תשלחי|לשלוח) (?:לי |לנו )?(?:שוב|מחדש|בחזרה) (?:את )?ה?(?:הודעות|עדכונים|תזכורות)|(?:תמשיכו|המשיכו|להמשיכ) (?:לשלוח|לעדכנ)|updates again|messages again|start again|get updates|תחזירו אותי|להחזיר אותי|לקבל שוב"
             r"|לקבל (?:(?:ממכמ|מכמ|מכנ|שוב|בחזרה|מחדש|את) )*ה?(?:עדכונים|הודעות|תזכורות)|(?:חזרה|חידוש) (?:ל|של )?קבלת (?:ה)?(?:הודעות|עדכונים|תזכורות)|שוב לקבל|add me back|(?:תחדשו|לחדש|חדשו) (?:לי )?(?:את )?ה?(?:הודעות|עדכונים)|sign me up again|(?:תחזירו|החזירו|להחזיר|תפעילו) (?:לי )?(?:את )?ה?הודעות|הרשמה מחדש|בטלו את ההסרה|לבטל את ההסרה|хочу (?:снова |опять )?получать|подписаться снова|(?:תכניסו|הכניסו|תוסיפו|הוסיפו|תחזירו) אותי (?:שוב |בחזרה |מחדש )?ל?(?:ה?רשימה|ה?רשימת|ה?תפוצה)|(?:ارجعوا|رجعوا|رجعو|ارجعو) (?:ابعتولي|ابعتوا|ابعتو)|подпишите (?:меня )?(?:обратно|снова)|снова подпишите|верните меня|رجعوني|ارجعوني|رجعوا (?:رقمي|اسمي)")
# "I turned them off by mistake", "ביקשתי להפסיק בטעות": the messages were stopped by mistake; the guest wants them back
# "[sticker]", "<Media omitted>", "image omitted": what a chat shows, or a copy of it keeps, in place of a sticker,
# a photo or a voice note; there is nothing to read in it
_MEDIA = _rx(r"^[\[<(]\s*(?:sticker|image|photo|picture|video|gif|audio|voice message|voice note|media|document|file)(?: omitted| attached)?\s*[\]>)]$"
             r"|^(?:sticker|image|photo|video|gif|audio|media|document) omitted$",
             r"^[\[<(]\s*(?:מדבקה|סטיקר|תמונה|סרטונ|וידאו|הודעה קולית|הקלטה|קובצ|מדיה)(?: הושמט\S*)?\s*[\]>)]$",
             r"^[\[<(]\s*(?:стикер|изображение|фото|видео|аудио|голосовое сообщение|файл)\s*[\]>)]$",
             r"^[\[<(]\s*(?:ملصق|صوره|فيديو|رساله صوتيه|ملف)\s*[\]>)]$")
_STOPPED_BY_MISTAKE = _rx(r"(?:turned|switched|shut) (?:them|it|(?:the |your )?(?:messages|notifications|updates|reminders)) off by (?:mistake|accident)"
                          r"|(?:unsubscribed|opted out|pressed stop|hit stop|sent stop) by (?:mistake|accident)",
                          r"(?:ביקשתי|ביקשנו|לחצתי|לחצנו|שלחתי|שלחנו|כתבתי|כתבנו)(?: על)? (?:להפסיק|להסיר|הסרה|עצור|הפסקה|סטופ|stop)(?: \S+){0,3} בטעות"
                          r"|(?:לחצתי|לחצנו|שלחתי|שלחנו|כתבתי|כתבנו) בטעות (?:על )?(?:עצור|סטופ|stop|הסר|הסרה)"
                          r"|(?:הסרתי|הסרנו) (?:את עצמי |אותי )?בטעות",
                          r"отписал\S* (?:по ошибке|случайно)", r"(?:لغيت|وقفت) (?:ال)?(?:اشتراك|رسائل|رسايل) بالغلط")
# "sorry", said for a mistake: no answer of its own beside one
_APOLOGY_WORDS = frozenset({"סליחה", "סליחא", "אופס", "sorry", "oops", "ой", "простите", "извините", "عفوا", "اسف", "آسف"})
# "די", "די נו", "נו די": often a sigh, not only "stop the messages"; alone it opts out only when the guest says so
# (asked back); "די" then what is enough ("די לשלוח לי", "די עם ההודעות") is a clear stop; "די נו, ברור שנגיע" answers
_SIGH = _rx(r"(?:(?:נו|אוף|יאללה|כבר|די|וואלה|באמת) )*די(?: (?:נו|כבר|די|באמת|פליז|בבקשה|אוף|וואלה))*",
            r"(?:(?:ну|да|все|всё) )*хватит(?: (?:уже|же|ну|все|всё))*")
_ENOUGH_OF = _fold(r"(?:(?:נו|אוף|יאללה|כבר) )*די(?: (?:נו|כבר|די|באמת))* (?:לשלוח|לכתוב|להציק|לחפור|לשגע|לנדנד|להטריד|לספמ|לזמזמ|עם|עמ|ל?ה?הודעות|ל?ה?תזכורות|ל?ה?עדכונים|ל?ה?ספאמ|מה?הודעות|מה?תזכורות)(?![^\W_])")
_STOP = _rx(r"^(?:stop|stopp|unsubscribe|remove|הסר|עצור|הסרה|סטופ|סטופפ|توقف|اوقف|توقفوا|ايقاف|ستوب|стоп|хватит|отписаться)(?:\W|$)",
            r"^" + _ENOUGH_OF + r"|^(?:" + _SIGH.pattern + r")\W*$",
            r"unsubscribe|remove me|opt out|optout|stop (?:messag|text|send|writ)|do not send|no more messages"
            r"|(?<![^\W_])(?:נא |בבקשה |אפשר |פשוט )?לא לשלוח (?:לי|לנו|יותר|עוד|ה?הודעות|ה?תזכורות)(?![^\W_])"   # "נא לא לשלוח לי יותר"
            r"|הסירו|תסירו|להסיר|הסר אותי|תמחקו אותי|למחוק אותי|תפסיקו|הפסיקו|אל תשלחו|די להציק|די להודעות|מספיק עמ ה?הודעות|די עמ ה?הודעות"
            r"|(?:תוריד|תורידי|תוציא|תוציאי|תמחק|תמחקי) אותי מ\S*(?:רשימ|תפוצ|קבוצ)|stop (?:the |these |all the |your )?(?:reminders|messages|texts)"
            r"|عدم ارسال|ما بدي رسائل|لا ترسل"
            r"|(?:ال)?(?:توقف|التوقف|توقفوا|توقفو|كف|كفوا|الكف)\S* عن (?:ال)?(?:ارسال|بعت|بعث|مراسلتي|مراسلتنا)"   # "أرجو التوقف عن إرسال الرسائل"
            r"|^(?:ו?בלי|ללא) (?:עוד |יותר )?(?:תזכורות|הודעות)|^no more (?:reminders|messages|texts)|^без (?:напоминаний|сообщений)|(?:^|[.!,]\s*)די\W*$"
            r"|לא מעוניינ\S* ב?הודעות|לא (?:רוצה|רוצימ|רוצות|מעוניינ\S*) (?:לקבל )?(?:את )?(?:עוד |יותר )?ה?הודעות"
            r"|(?:תורידו|הורידו|תוציאו|הוציאו|להוריד|להוציא|למחוק|תמחקו) אותי מ\S*(?:רשימ|תפוצ|קבוצ|הודעות|עדכונ|תזכורות)\S*"
            r"|(?:take|get) (?:me|us) off|(?:do not|dont) want (?:any )?more (?:messages|texts)"
            r"|(?:وقف|اوقف|بطل)\S* (?:ال|هال)?(?:رسايل|رسائل|مسجات)|не хочу (?:больше )?получать|ازالتي|احذفوني|لا ترسلوا|удалите меня|больше не пишите|не пишите мне|отпишите"
            r"|(?:^|[,.!;]\s*)(?:תורידו|הורידו|תוציאו|הוציאו|תמחקו|מחקו) אותי(?: בבקשה| מפה| מזה)?\W*$|(?:delete|remove) my (?:number|name)"
            r"|شيلوني|(?:شيلو|شيلوا|امسحو|امسحوا|احذفو|احذفوا) (?:رقمي|اسمي)|уберите меня|удалите (?:мой )?номер|не присылайте"
            r"|(?:ما|مش) بدي (?:ال)?(?:رسايل|رسائل|مسجات)|(?:بطلو|بطلوا|وقفو|وقفوا|لا|ما) (?:تبعتو|تبعتوا|تبعتولي|تبعتلي|ترسلو|ترسلوا|ترسلولي)"
            r"|не (?:надо|нужно) (?:мне )?(?:больше )?(?:писать|присылать|слать)|не (?:шлите|пишите)(?: (?:мне|больше|сюда|пожалуйста))*\W*$|хватит (?:писать|слать|спамить)",
            "🛑")
_ASKED_OFF = _rx(r"(?:remove|take|delete) me (?:from|off) (?:this|the|your) (?:list|group|mailing list|chat|broadcast)|unsubscribe me",
                 r"(?:תורידו|הורידו|תוציאו|הוציאו|תמחקו|מחקו|תסירו|הסירו) אותי מ(?:ה)?(?:רשימה|רשימת|קבוצה|תפוצה)\S*",
                 r"(?:удалите|уберите) меня (?:из|с) (?:списка|рассылки|группы)",
                 r"(?:شيلوني|احذفوني|امسحوني) من (?:ال)?(?:قائمه|ليسته|قروب|جروب)")
# "תורידו אותנו" alone: off the messages, or off the guest list (not coming)? Asked back, as a bare "די" is ("תורידו
# אותנו מהרשימה, לא מגיעים" is the guest list: a no)
_US_OFF = _rx(r"^(?:ו?(?:תורידו|הורידו|תוציאו|הוציאו|תמחקו|מחקו|תסירו|הסירו)) אותנו(?: (?:בבקשה|מפה|מזה|מכאנ))?\W*$")
_CHANGE = _rx(r"\bactually\b|(?<!will )(?<!i will )\bupdate\b(?! (?:you|by|later|soon|next))|\bcorrection\b|\bmy (?:mistake|bad)\b|change (?:of|in) plans?|(?:the )?plans? (?:has |have )?changed|\b(?:small|slight|quick|little|one|tiny) change\b|\bchange (?:us|it|me)\b|after all|by mistake"
              r"|by accident|fat[- ]?finger\w*|turns out|came through|worked out|\bbailed\b|fell through|cancell?ed on (?:us|me)|\b(?:i|we) meant\b|\bcancel\b|plans changed|make (?:it|that) (?:\d|one|two|three|four|five|six)|change (?:my|our) (?:answer|rsvp|response|reply)|changed (?:my|our) mind|\bforgot\b(?! to (?:answer|reply|respond|rsvp|confirm))|also join|can (?:come|make it|join) (?:too |also )?now|(?:too|also) now"
              r"|(?<!\d)\d{1,2} (?:not|and not) \d{1,2}(?!\d)",
              rf"(?<!\d)\d{{1,2}} (?:{'|'.join(_INSTEAD_PHRASES)}) \d{{1,2}}(?!\d)",   # "5 instead of 4"
              r"\binstead of (?:\d{1,2}|two|three|four|five|six|seven|eight)\b",   # "just me and my wife instead of 4"
              r"עניתי ש\S* אבל|(?<!כבר )(?:אישרתי|אישרנו)(?: קודמ| לפני כנ| בהתחלה| הגעה| את ההגעה| כנ)*,? אבל|(?:אמרתי|אמרנו|עניתי|ענינו)(?: קודמ| קודם| לפני כנ| בהתחלה)? ש?אולי|התפנ(?:ה|תה|ינו|יתי)(?: לי| לנו)?|תקנו|wrong button|התחרטתי|התחרטנו|(?<![^\W_])הבריז(?:ה|ו)?(?![^\W_])|אחרי הכל|בסופו של דבר|(?<![^\W_])במקום \d|(?<![^\W_])[וש]?בעצם(?![^\W_])|עדכון|שינוי|בסוף(?![^\W_])(?! ה)|בטעות|טעות(?! במספר)|טעיתי|התבלבלתי|תתקנו|לתקן|לשנות|תשנו|הסתדר|בכל זאת"
              r"|מבטל|לבטל|(?<![^\W_])ו?ביטול(?![^\W_])(?! (?:של )?ה?(?:ה?הסרה|הסרה|טיסה|הטיסה|הודעות|ההודעות))|(?:ביטלנו|ביטלתי)(?! (?:גמ )?את (?!ה?(?:הגעה|אישור|תשובה|הרשמה)))|להוסיף|להוריד|תורידו|תוסיפו|הורידו|הוסיפו|נוריד|נוסיפ|הוספנו|הורדנו|שכחתי(?! (?:לגמרי )?ל(?:ענות|אשר|השיב|הגיב))|שכחנו(?! (?:לגמרי )?ל(?:ענות|אשר|השיב|הגיב))|(?<!מה )פתאומ|בוטלה|בוטל(?![^\W_])|שיניתי|שינינו|תעדכנו|רשמתי(?! (?:ביומנ|בלוח|ביומן|בקלנדר|את התאריכ))|חזרנו|מתקנ\S*|תיקונ|התבטל\S*|ביטלה|(?<!\w)נב(?!\w)|לחצתי"
              # released from reserve duty or the army ("השתחררתי מהמילואים", "שחררו אותי"): free after all
              r"|(?<![^\W_])(?<!לא )(?:השתחררתי|השתחררנו|השתחרר|השתחררה|שחררו אות(?:י|ו|ה|נו))(?![^\W_])",
              r"(?<!\d)\d{1,2} ו?לא \d{1,2}(?!\d)|(?:לבד|רק אני|alone|solo|just me),? (?:ו?לא|not|and not) \d{1,2}(?!\d)|גמ (?:\S+ )?(?:יצטרפ|תצטרפ|יצטרפו)"
              # "רציתי לעדכן ש...", "מצטרף עוד ילד": news about the answer already given
              r"|(?<![^\W_])(?:רציתי|רצינו|רק|באתי|באנו) לעדכנ(?![^\W_])(?! (?:אותכ\S*|בהמשכ|בקרוב|כשנדע|כשאדע|מתי))|(?<![^\W_])ש?(?:מצטרפ|מצטרפת|מצטרפימ|יצטרפ|תצטרפ|יצטרפו) (?:אלינו |לנו |גמ )?עוד(?![^\W_])",
              r"تعديل|بالاخر|بالاخير|في الاخر|بالغلط|غلطت|غلطنا|صرنا|صار (?:عنا|عندي|عندنا|معنا|معي)|(?<!\d)\d{1,2} (?:مش|مو) \d{1,2}(?!\d)|بدل \d|غيرنا|غيرت|نسيت|передумал|забыл|(?<![^\W_])изменени[ея](?![^\W_])|не \S+ а \S+|по ошибке|поменялись|изменились|изменилось|поменялось|все-таки|всетаки|передумали|в итоге|(?<![^\W_])а не (?:\d+|вдвоем|втроем|вчетвером|впятером|двое|трое|четверо|пятеро|один|одна)(?![^\W_])"
              r"|как (?:и )?(?:писали|писал|писала|говорил|говорила|говорили)|ошиб(?:ся|лась|лись)"
              # "Добавьте пожалуйста ещё одного ребёнка", "please add my son": asked to add someone to the answer given
              # (not "добавьте меня обратно", "add me back": the messages)
              r"|(?<![^\W_])(?:добавьте|добавь|допишите|впишите)(?![^\W_])(?!(?: пожалуйста)?(?: меня| нас)? (?:обратно|снова|в рассылку))"
              r"|\b(?:please|pls|plz|can you|could you) add (?:my|our|one|another|him|her|two|three|\d)\b(?![^.,!?]*\bback\b)"
              # "Adding one more", "עוד מישהו הצטרף", "נוסף לנו עוד ילד": someone added to the answer already given
              # "Ben can't make it anymore", "we're no longer coming", "כבר לא נוכל": an answer given before, taken back
              r"|\b(?:can not|not|will not)\b (?:be able to )?(?:make it|come|coming|attend|attending|join|joining|be there)(?: to \w+| \w+ \w+)? any ?more\b"
              r"|\bno longer (?:coming|attending|joining|able to (?:come|make it|attend|join)|going to (?:come|make it)|can (?:come|make it))\b"
              r"|(?<![^\W_])כבר לא (?:[ינתא](?:גיע|בוא|צטרפ)\S*|מגיע\S*|באימ|באות|בא|באה|(?:[ינתא]וכל|יכול|יכולה|יכולימ) (?:להגיע|לבוא))(?![^\W_])"
              r"|\badding (?:one|1|another|two|2|three|3)(?: more)?\b|\b(?:someone else|one more (?:person|guest|kid|child)|another (?:person|guest|kid|child|one)) (?:has )?(?:joined|is joining|will join|is coming too)\b"
              r"|(?<![^\W_])(?:נוסף|נוספה|נוספו|הצטרפ|הצטרפה|הצטרפו)(?: לנו| אלינו)? עוד(?![^\W_])|(?<![^\W_])(?:נוסף|נוספה|נוספו) (?:לנו|אלינו)(?![^\W_])"
              r"|(?<![^\W_])עוד (?:מישהו|מישהי|אחד|אחת|ילד|ילדה|אורח|אורחת)(?: \S+)? (?:נוסף|נוספה|הצטרפ|הצטרפה)(?![^\W_])"
              # "I meant 2", "התכוונתי 2 ולא 12"; "2 adults and 1 kid, not the other way round": a count put right
              r"|(?<![^\W_])(?:התכוונתי|התכוונו|имел в виду|имела в виду) (?=\d|ש?(?:כנ|לא)(?![^\W_]))|(?:not |and not )?the other way (?:a)?round|vice versa|ולא (?:הפוכ|להפכ)|а не наоборот"
              # "on second thought", "חשבנו שוב": thought again about an answer already given
              r"|\b(?:got|been|was|were) released\b|\bthey released (?:me|him|her|us)\b"
              r"|on second thoughts?|(?:thought|thinking) (?:about it |it over |it through )?again|after (?:thinking|talking) (?:about )?it (?:over|through)|after (?:some |much )?(?:thought|consideration)|having thought (?:about )?it over|(?<![^\W_])אחרי ש(?:חשבנו|חשבתי|דיברנו|התייעצנו|שקלנו|בדקנו)(?: על זה| על הכל| קצת| שוב| בבית)?(?![^\W_])|после (?:раздумий|размышлений)|(?<![^\W_])подумав(?![^\W_])|بعد (?:ما )?(?:فكرنا|فكرت|تفكير)|(?:חשבנו|חשבתי|שחשבנו|שחשבתי)(?: על זה)? שוב|במחשבה שניי?ה"
              r"|(?<!already )\b(?:i|we) (?:confirmed|rsvpd|rsvped)(?: yes)?(?: earlier| before| originally| at first| last week)?,? but\b"
              r"|(?<!already )(?<!as )\b(?:i|we) said (?:yes|no|maybe|we|i)\b|what i said earlier|scratch (?:that|what)|^one less|^one fewer"
              r"|(?<!already )\b(?:i|we) (?:put|answered|replied|pressed|clicked|marked|ticked|wrote|rsvpd|rsvped)(?: a)? (?:yes|no)(?: before| earlier| at first)?,? but\b"
              # "עניתי לכם כן אבל ...", "סימנו לא אבל ...": the answer sent, quoted, then taken back
              r"|(?<![^\W_])(?<!כבר )(?:עניתי|ענינו|כתבתי|כתבנו|סימנתי|סימנו)(?: לכמ| לכ| קודמ| לפני כנ| בהתחלה)? (?:כנ|לא)(?: קודמ| לפני כנ| בהתחלה)?,? אבל(?![^\W_])"
              r"|(?<![^\W_])(?:ответил|ответила|ответили|нажал|нажала|нажали)(?: вам)? (?:да|нет),? но(?![^\W_])"
              r"|(?:כתבתי|אמרתי|עניתי|ענינו|כתבנו|אמרנו) (?:קודם|לפני|בהתחלה)|^(?:אחד פחות|פחות אחד)|לא \d{1,2} אלא \d{1,2}|"
              r"(?<!כבר )(?<!כמו ש)(?:אמרתי|אמרנו) (?:ש|כנ|לא)|(?<![^\W_])(?<!כבר )(?:כתבתי|כתבנו|עניתי|ענינו)(?: לכמ| לכ| קודמ| לפני כנ)? ש[^,.!?;\n]{0,40}?,? אבל(?![^\W_])|(?:كنت|كنا) (?:قلت|قلنا|حكيت|حكينا|حاكي|حاكيه|حاكيين|قايل|قايله|قايلين)|(?:قلت|قلنا|حكيت|حكينا) (?:لا|نعم|اه|اني|انه)|я (?:же )?(?:сказал|сказала|говорил|говорила)")
# "אני אקפיץ אותה", "נאסוף בסוף", "I'll drop him off": who drives the child, not who comes (nor a change)
# ("אני מסיע אותם", "אני רק מביא אותה וחוזר לאסוף", "I'll just drop her off": driving, or only bringing someone)
_DRIVE = _rx(r"(?:(?:ו?אני|ו?אנחנו|i|we|and|i will|we will|ill|i am|we are) )?(?:(?:רק|just|only) )?(?:ו?(?:אקפיצ|נקפיצ|מקפיצ\S*|נוריד|אוריד|מוריד\S*|נאסופ|אאסופ|אוספ\S*|ניקח|אקח|מסיע|מסיעה|מסיעימ|אסיע|נסיע)"
             r" (?:אותה|אותו|אותמ|אותנ|את ה?(?:ילד|ילדה|ילדימ|בת|בנ|בנות|בנימ))|נאסופ|אאסופ"
             r"|(?<=רק )(?:מביא|מביאה|מביאימ|אביא|נביא) (?:אותה|אותו|אותמ|אותנ)(?![^\W_])"
             # "אני רק מביא ומחזיר", "רק מקפיצה ואוספת": only bringing and taking back
             r"|(?<=רק )(?:מביא|מביאה|מקפיצ|מקפיצה|אביא|אקפיצ)(?: אותה| אותו| אותמ)? ו(?:מחזיר|מחזירה|אוספ|אוספת|לוקח|לוקחת|אחזיר|אאסופ)(?![^\W_])"
             r"|(?:drop|pick) (?:her|him|them|the kids?) (?:off|up)|(?:drop|pick) (?:off|up) (?:her|him|them|the kids?)(?![^\W_])"
             r"|(?:driving|drive|giving|give) (?:her|him|them)(?: a (?:ride|lift))?(?: there)?(?![^\W_]))[^,.!?;\n]*")
# ("אני מסיע אותם ונשאר איתם עד הסוף", "I'm driving her and staying till the end": the driver stays, so comes too)
_DRIVE_STAYS = _rx(r"(?<![^\W_])(?:ו?(?:נשאר|נשארת|נשארימ|נשארות|אשאר|נישאר)|and (?:will )?stay(?:ing)?|и останусь|и останемся)(?![^\W_])")


def _drive(m: re.Match) -> str:
    if not _DRIVE_STAYS.search(m.group(0)):
        return " , "
    return " , אני מגיע , " if re.search(f"[{_HEB}]", m.group(0)) else " , i am coming , "

# (coming, and leaving before the end)
_LEAVES_EARLY = _rx(r"(?:we|i) (?:will|would|are going to|am going to|(?:will )?(?:have|need) to|must) " + _LEAVE_EARLY_EN,
                    r"(?<![^\W_])(?:אנחנו |אני )?" + _LEAVE_EARLY_HE,
                    r"(?:уйдем|уйду|уйти|уехать|уедем|уеду) (?:пораньше|рано|раньше)")
_MISTAKE = _rx(r"by mistake|by accident|fat[- ]?finger\w*|pressed|hit (?:yes|no)|בטעות|טעות(?! במספר)|טעיתי|התבלבלתי|לחצתי|בכפתור"
               r"|بالغلط|ضغطت|по ошибке|нажала|нажал")
# "pressed no", "לחצתי על לא": a button named, not said
_BUTTON_WORD = _rx(r"(?:pressed|hit|clicked|tapped|לחצתי(?: בטעות)?(?: על)?|ضغطت|нажала|нажал) (?:on )?(yes|no|כנ|לא|نعم|لا|да|нет)",
                   r"(yes|no|לא|כנ) by (?:mistake|accident)", r"(לא) בטעות")
_QUOTED_ANSWER = _rx(r"(?:(?:i|we) )?(?:had |have |already )?(?:said|answered|replied|put|wrote|pressed|clicked|rsvpd)(?: a)? (?:no|yes)(?: before| earlier| at first| first| originally| previously| last week)?",
                     r"(?:كنت |كنا )?(?:قلت|قلنا|حكيت|حكينا|جاوبت|جاوبنا|رديت|ردينا|كتبت|كتبنا)(?: قبل| من قبل| اول| بالاول)? (?:لا|اه|نعم|اي)",
                     r"(?:אני |אנחנו )?(?:אמרתי|אמרנו|עניתי|ענינו|כתבתי|כתבנו|סימנתי|סימנו)(?: קודמ| לפני כנ| בהתחלה| לכמ)? (?:ש)?(?:לא|כנ)(?: קודמ| לפני כנ| בהתחלה)?",
                     r"(?:я |мы )?(?:же )?(?:сказал|сказала|сказали|говорил|говорила|говорили|писал|писала|писали|ответил|ответила|ответили)(?: раньше| сначала)? (?:нет|да)")
# the answer meant, named after the one sent by mistake: "that no was meant to be a yes", "I meant to press yes",
# "התכוונתי ללחוץ על כן", "хотела нажать «да»": the answer sent was a slip, the one named is the answer
_MEANT_ANSWER = _rx(r"(?:(?:the|that|my|this) )?(?:no|yes)(?: button)? (?:was|is) (?:meant|supposed|intended) to (?:be|say) (?:a )?(?P<en>yes|no)\b"
                    r"|(?:(?:i|we) )?(?:meant|intended|was trying|were trying|tried) to (?:press|hit|click|tap|say|put|answer|reply|write|send) (?:a )?(?P<en2>yes|no)\b",
                    r"(?:התכוונתי|התכוונו|(?:רציתי|רצינו|ניסיתי|ניסינו) ללחוצ)(?: ללחוצ| לענות| לכתוב| לסמנ| לשלוח)?(?: על)? (?P<he>כנ|לא)(?![^\W_])"
                    r"|(?<![^\W_])ה?(?:כנ|לא) (?:היה|הייתה|היתה) (?:אמור|אמורה|צריכ|צריכה) להיות (?P<he2>כנ|לא)(?![^\W_])",
                    r"(?:хотел|хотела|хотели) нажать (?:на )?(?P<ru>да|нет)(?![^\W_])",
                    r"(?:كان )?قصدي (?:اكبس|اضغط|احكي|اكتب) (?:على )?(?P<ar>نعم|اه|لا)(?![^\W_])|كان بدي (?:اكبس|اضغط) (?:على )?(?P<ar2>نعم|اه|لا)(?![^\W_])")


def _meant_answer(m: re.Match) -> str:
    said = next(g for g in m.groups() if g)
    return " by mistake , " + said + " " if said.isascii() else " בטעות , " + said + " "


# when the answer quoted was given: "at first", "earlier" (a change follows, said or not)
_EARLIER_SAID = _rx(r"\b(?:earlier|before|at first|originally|previously|first|initially)\b",
                    r"(?<![^\W_])(?:קודמ|מקודמ|בהתחלה|לפני|בהתחלת|מלכתחילה)(?![^\W_])", r"сначала|раньше|изначально",
                    r"بالاول|من قبل|قبل")
# a clause that opens by quoting what was said before ("we said no", "אמרנו שלא נבוא", "я писала, что не придём")
_QUOTE_LEAD = _rx(r"(?:(?:i|we) (?:know|realise|realize) (?:that )?)?(?:(?:i|we) )?(?:had |have |originally |first )?(?:said|answered|replied|wrote|rsvpd|rsvped|confirmed|told you)(?![^\W_])",
                  r"(?:קודמ |בהתחלה )?(?:אני |אנחנו )?(?:אמרתי|אמרנו|עניתי|ענינו|כתבתי|כתבנו|סימנתי|סימנו|אישרתי|אישרנו)(?![^\W_])",
                  r"(?:كنت |كنا )?(?:قلت|قلنا|حكيت|حكينا|جاوبت|جاوبنا|كتبت|كتبنا|حاكي|حاكيه|حاكيين|قايل|قايله|قايلين)(?![^\W_])",
                  r"(?:я |мы )?(?:же )?(?:сказал|сказала|сказали|говорил|говорила|говорили|писал|писала|писали|ответил|ответила|ответили)(?![^\W_])")
_RELATIVE_DOWN = _rx(r"להוריד|(?<![^\W_])ו?(?:תורידו|הורידו|תוריד|תורידי|נוריד) (?:אחד|אחת|1)(?![^\W_])|one (?:less|fewer)|remove one"
                     r"|(?:take|knock|cross) (?:one|1|him|her) (?:off|away|out)|minus one|(?<![^\W_])ו?(?:תורידו|הורידו|תוריד|תורידי) (?:אותו|אותה)(?![^\W_])")
_RELATIVE = re.compile(_rx(r"להוסיף|add (?:one|1|another)|one more|עוד אחד|עוד אחת").pattern + "|" + _RELATIVE_DOWN.pattern)
_NUMBER_WORD = "|".join(sorted((_fold(w) for w in _NUMBERS if len(w) > 2), key=len, reverse=True))
# the count given before, quoted in a change ("I RSVP'd yes for 2 but ... so 1", "אישרתי 5 אבל נהיה 7", "we said 5 but
# take one off"): the number is the old one; what follows says the new one ("as I said, 2" only repeats it)
_EARLIER = re.compile(_fold(
    r"(?<!already )(?<!as )(?:\b(?:i|we) |^)(?:had |have |already )?(?:rsvpd|rsvped|confirmed|said|put down|put|registered|answered|replied|wrote|signed up)"
    r"(?: yes| as| for| that| we| were| would be| will be| are| it| was| be)* (\d{1,2}|" + _NUMBER_WORD + r")(?![^\W_])(?! (?:pm|am|oclock|days?|weeks?|months?|times))"
    r"|(?<![^\W_])(?<!כבר )(?<!כמו ש)(?:כש)?(?:אישרתי|אישרנו|אמרתי|אמרנו|כתבתי|כתבנו|עניתי|ענינו|רשמתי|רשמנו)(?: קודמ| לפני כנ| בהתחלה| כבר)?"
    r"(?: ש| כנ| ל| עבור| שנהיה| שאנחנו| נהיה| אנחנו| ש?נגיע| ש?נבוא| ש?מגיעימ)* ?(\d{1,2}|" + _NUMBER_WORD + r")(?![^\W_])(?! (?:ימימ|שבועות|חודשימ|פעמימ))"
    r"|(?<![^\W_])(?:подтвердил[аи]?|(?:на)?писал[аи]?|сказал[аи]?|говорил[аи]?)(?: что)?(?: нас| будет| будем)* (\d{1,2}|" + _NUMBER_WORD + r")(?![^\W_])"
    r"|(?<![^\W_])(?:اكدت|اكدنا|قلت|قلنا|حكيت|حكينا|كتبت|كتبنا)(?: انه| انو| اننا)?(?: رح)?(?: نكون)? (\d{1,2}|" + _NUMBER_WORD + r")(?![^\W_])"))
# "תוריד אותי לאחד", "תעדכני אותנו ל-3", "bring us down to 2", "change us to 3": a new count asked for
_SET_TO = re.compile(_fold(
    r"(?<![^\W_])(?:ו?(?:תוריד|תורידי|תורידו|הורידו|תעלה|תעלי|תעלו|תשנה|תשני|תשנו|שנו|תעדכנ|תעדכני|תעדכנו|עדכנו|תרשמ|תרשמי|תרשמו))"
    r"(?: את)? (?:אותי|אותנו|אותנו|אצלכמ|לנו|לי|ההגעה שלנו|ההגעה שלי|המספר) ?ל-? ?(\d{1,2}|" + _NUMBER_WORD + r")(?![^\W_])"
    r"|(?<![^\W_])(?:bring|put|change|update|switch|move|take)(?: it)? (?:us|me|it|our (?:number|count|rsvp)|the (?:number|count)) (?:down |up |back )?to (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?![^\W_])"))


def _set_to(m: re.Match) -> str:
    word = m.group(1) or m.group(2)
    n = int(word) if word.isdigit() else _NUMBERS_FOLDED.get(word)
    return f" update , we will be {n} , " if n else m.group(0)


# "one more", "עוד אחד", "add 2", "one less": a change to the count that stands, said on its own
_N = r"(\d{1,2}|one|two|three|a|another|אחד|אחת|שניים|שתיים|שני|שתי|שלושה|один|одна|одного|двое|два|две|واحد|اثنين)"
_RELATIVE_MORE = [re.compile(_fold(p)) for p in (
    r"^(?:please |pls )?(?:add) ?" + _N + r"(?: more)?(?: (?:person|people|guest|guests|adult|kid|child))?(?: please| pls)?$",
    r"^(?:we will be |we are |put us down for |make it |count )?" + _N + r" more(?: (?:person|people|guest|guests|adult|kid|child|of us|coming))?(?: please| pls)?$",
    r"^(?:(?:ו?תוסיפו|ו?הוסיפו|ו?להוסיף|ו?תוסיף|ו?תוסיפי|נהיה|יש|ו?יגיע|ו?תרשמו) )?עוד " + _N + r"(?: (?:מגיע|מגיעה|אנשים|איש|אורח|אורחת|מבוגר|ילד|ילדה))?(?: בבקשה)?$",
    r"^(?:(?:ו?תוסיפו|ו?הוסיפו|ו?להוסיף|ו?תוסיף|ו?תוסיפי) )" + _N + r"(?: (?:אנשים|איש|אורחים|מבוגר|ילד|ילדה))?(?: בבקשה)?$",
    r"^(?:добавьте |плюс )?(?:ещ[её] |еще )" + _N + r"(?: человек[а]?| гост[ья])?(?: пожалуйста)?$",
    r"^(?:اضف |اضيفوا )?(?:كمان " + _N + r"|" + _N + r" كمان)$",
)]
_RELATIVE_LESS = [re.compile(_fold(p)) for p in (
    r"^(?:please )?(?:" + _N + r" less|" + _N + r" fewer|minus " + _N + r"|remove " + _N + r")(?: please)?$",
    r"^(?:ו?תורידו|ו?להוריד|ו?תוריד|ו?תורידי) " + _N + r"(?: בבקשה)?$",
    r"^(?:" + _N + r" פחות|פחות " + _N + r")(?: בבקשה)?$",
    r"^(?:на )?" + _N + r" меньше$",
)]
_NUMBER_OF = {_fold(k): v for k, v in {"a": 1, "another": 1, "one": 1, "two": 2, "three": 3, "אחד": 1, "אחת": 1, "שניים": 2, "שתיים": 2,
              "שני": 2, "שתי": 2, "שלושה": 3, "один": 1, "одна": 1, "одного": 1, "двое": 2, "два": 2, "две": 2,
              "واحد": 1, "اثنين": 2}.items()}
# wonder and congratulations, not a question to answer ("מי מתחתן?? סוף סוף!!", "wow, already 13?")
_SOCIAL = _rx(r"time flies|הזמנ (?:טס|עף)|\bwow\b|\bfinally\b|so happy for|is that you|long time|\bstunning\b|\bgorgeous\b", r"וואו|ואו|איזה יופי|סופ סופ|שמחנו|מתרגשימ|מי עיצב|מהממ\S*"
              r"|זו את\b|זה אתה\b|מלא זמנ|המונ זמנ")
# a hedge: the writer is guessing about their own answer ("I think", "נראה לי")
_HEDGE = _rx(r"\b(?:i|we) do not think\b|\bi think\b|\bi guess\b|\bi believe\b|\bi suppose\b|\bprobably\b|\bpretty sure\b|\bshould be\b"
             r"|\bshould (?:still |hopefully |probably )?(?:be able to|make it|manage)\b",
             r"נראה לי|(?:לא )?נראה ש|אני חושב|אני חושבת|אנחנו חושבימ|חושבני|כנראה|אמורימ|אמורה|אמור",
             r"думаю|наверное|кажется|اعتقد|اظن|على الاغلب")
# two numbers offered ("2 or 3", "3-4", "4 או 5"): the count is a guess
_RANGE = re.compile(r"(?<![\d%])(\d{1,2}) ?(?:or|או|или|او|-|–|/) ?(\d{1,2})(?![\d%/.])")
# "99% coming": a percentage is no head count
_PERCENT = re.compile(r"\d+ ?%")
_CLOCK = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.:]*\d)")
_SPOUSES = "בעלי|אשתי|אישתי|בנ הזוג|בת הזוג|בנ זוגי|בת זוגי|האישה|הבעל"
_UNCLEAR_STRONG = _rx(
    r"depend|will confirm|confirm (?:later|next)|let you know|get back to you|let me check|i will check"
    # "I need to ask my husband first", "אני צריכה לשאול את בעלי", "нужно спросить мужа": the answer waits for someone else
    r"|(?:need to|have to|must|will|gonna|going to|let me|i will|first|should) (?:check with|ask|talk to|consult) (?:my )?(?:husband|wife|hubby|partner|boss|family)\b"
    r"|(?<![^\W_])(?:לשאול|אשאל|נשאל|לבדוק עמ|אבדוק עמ|להתייעצ עמ|אתייעצ עמ|לדבר עמ|אדבר עמ) (?:את )?(?:" + _SPOUSES + r")(?![^\W_])"
    r"|(?:нужно|надо) (?:спросить|посоветоваться с) (?:у )?(?:мужа|жену|мужем|женой)|(?:لازم|بدي) (?:اسال|اسأل|اشاور) (?:جوزي|زوجي|مرتي|زوجتي)|(?:check|think) and get back|check with|check my|closer to the date|no answer yet|wait and see|(?:answer|reply|respond) later"
    r"|will know|\bidk\b|figuring (?:it )?out|hard to (?:say|know|tell)|difficult to say|(?:will|i will) update\b|update (?:you )?by\b|(?:will|i will) tell (?:you|u)\b|not (?:yet )?(?:clear|decided)|(?:do not|dont) know (?:if|whether)|not sure (?:yet )?how many|no idea (?:yet )?how many|how many we|yes and no",
    r"god knows|only god knows|אלוהימ יודע|רק השמ יודע|الله (?:اعلم|بيعرف|يعلم)|бог (?:его )?знает",
    r"תלוי|(?<![^\W_])קשה (?:לדעת|להגיד)|אבדוק|נבדוק|לבדוק|אעדכן|נעדכן|(?<!ש)[אנ]חזור|לא יודע\S* אמ|[אנ]גיד לכ(?!\S* ש)|[אנ]ודיע|(?:עוד |עדיינ )?בודק\S*|נדע|לא יודעימ כמה|לא יודע\S* כמה|כמה נהיה"
    r"|כנ ולא|לא החלטנו|(?:עוד|עדיינ) אינ (?:לי|לנו) תשובה|אינ (?:לי|לנו) עדיינ תשובה|נחכה לראות|[אנ](?:ענה|אשר) (?:סופית |סופי )?(?:בהמשכ|אחר ככ|מחר|בקרוב|בשבוע הבא)|לא יודע\S* עדיינ|(?:עוד|עדיינ) לא (?:ברור|סגור|יודע\S*|החלט\S*)|נראה מה יהיה|אמורימ ל",
    r"зависит|не знаем|напишу позже|напишем позже|(?<![^\W_])(?:ответим|отвечу|напишем|напишу)(?![^\W_])|не знаю,? (?:придем|смогу|сможем|получится|будем)|уточн|посмотрим|видно будет|дам знать|дадим знать|отвечу позже|спросить|пока не знаю|не знаю|сообщу|بعدين|بخبرك|بشوف|برد عليك|نشوف(?!ك)|مش عارف|ما بعرف|ما بعرفش|مش عارفين")
# "not sure yet how many", "עוד לא יודע כמה בדיוק": only how many is open
_HOW_MANY_DOUBT = _rx(r"(?:not sure|unsure|no idea|do not know|not certain)(?: yet)? (?:of )?how many(?: of us| we will be| exactly| yet)*",
                      r"(?:עוד |עדיינ )?לא (?:יודע\S*|סגור\S*|בטוח\S*)(?: עדיינ)?(?: על)? כמה(?: נהיה| בדיוק| אנחנו| עדיינ)*",
                      r"(?:пока |еще )?не (?:знаю|знаем|уверен\S*),? сколько(?: нас| будет| точно)*")
# "לא יודעת מה להביא", "don't know where it is": not knowing something else
_KNOW_WHAT = _rx(r"(?:know|יודע\S*|знаю|بعرف|اعرف) (?:מה|איפה|מתי|איכ|מי|what|where|when|how|who|что|где|когда|как|шо|شو|وين|امتى|كيف)(?![^\W_])")
# someone else's know-how, not the writer's doubt: "הוא לא יודע לענות בווטסאפ", "אמא שלי לא יודעת להשתמש בזה"
_KNOW_HOW = _rx(r"(?<![^\W_])(?:הוא|היא|המ|הנ|[^\W\d_]+ (?:שלי|שלנו)|אבא|אמא|סבא|סבתא|אבי|אמי) (?:עוד |בכלל |ממש )?לא (?:יודע|יודעת|יודעימ|יודעות) "
                r"ל(?:ענות|השתמש|כתוב|קרוא|הפעיל|לחוצ|שלוח|הקליד|פתוח|התעסק|התמצא)(?![^\W_])")
_UNCLEAR_WEAK = _rx(r"don ?not know|do not know|not decided", r"לא יודע|לא יודעת|לא יודעימ", r"لا اعرف|لا ندري|لا ادري")
_MAYBE_PHRASE = _rx(r"not (?:\d+ ?% )?sure|unsure|let me think|need to think|think about it|will try|i will try|we will try|do (?:our|my) best|50[-/ ]50|fifty fifty"
                    r"|might(?! (?:be |arrive |come |get there |be running |show up |turn up )?(?:a bit |a little |slightly )?late| (?:(?:have|need) to )?" + _LEAVE_EARLY_EN + ")",
                    r"^בעזרת ?(?:השמ|ה)\W*$|^אמ ירצה השמ\W*$|לא בטוח(?:ה|ימ)?(?! ש?(?:נישאר|אשאר|נשאר|נוכל להישאר))|צריכ\S* לחשוב|אחשוב על זה|נחשוב על זה|יש סיכוי|יכול להיות(?! ש?(?:נאחר|אאחר|[נא]גיע (?:קצת )?באיחור|" + _LEAVE_EARLY_HE + "))|לא סגור|לא מבטיחימ|50-50",
                    r"ان شاء الله|انشالله|ان شاءالله|لست متاكد|مش متاكد|مو متاكد|لسنا متاكدين|(?:مش|مو|غير) (?:اكيد|مؤكد)|سنحاول|على الاغلب|غالبا|في الغالب",
                    r"может быть|не уверен|скорее всего|скорее (?:нет|да)|постара|попробуем|^(?:ну )?может\b|подумаю|подумаем")
_NOT_SURE = _rx(r"not (?:\d+ ?% )?sure(?: yet)?|unsure", r"(?:עוד |עדיינ )?לא בטוח\S*", r"не уверен\S*", r"(?:مش|مو|لست|لسنا) متاكد\S*")
# "עוד לא סגורה על זה, אחזור אלייך", "подумаем и ответим": not settled, thinking it over, and a promise to tell: undecided
_NOT_SETTLED = _rx(r"(?:עוד |עדיינ )?לא (?:סגור|סגורה|סגורימ|סגורות)(?![^\W_])|(?:נחשוב|אחשוב) על זה|(?:подумаем|подумаю)",
                   r"(?:let me |let us |need to |will |we will |i will )?think (?:about it|it over)")
_WILL_TELL = _rx(r"let you know|get back to you|(?<![^\W_])ו?(?:(?<!ש)[אנ]חזור|[אנ]עדכנ|[אנ]ודיע)|(?<![^\W_])(?:ответим|отвечу|сообщим|сообщу|напишем|напишу)(?![^\W_])")
# "if we find a sitter", "אם זה מסתיים לפני שבת נגיע", "Если успею, приду": an answer on a condition
# ("if that's ok", "אם זה בסדר" ask leave and stay answers; "if so", "אם כן" after an answer refer back to it)
# (not "even if", "גם אם", "אפילו אם", "даже если", "حتى لو": come what may, no condition)
_CONDITIONAL = _rx(r"(?<![^\W_])(?<!even )(?:if|unless|as long as)(?![^\W_])(?! (?:ok|okay|so|that is ok|it is ok|you do not mind|thats ok|its ok|(?:it|that) (?:matters|helps|is relevant)|relevant|not\s*(?:$|[,.!;?])))",
                   r"(?<![^\W_])(?<!גמ )(?<!אפילו )(?:ו?אמ|בתנאי ש)(?![^\W_])(?! (?:כנ|זה בסדר|מותר|תרצו|ירצה השמ|(?:זה )?(?:משנה|רלוונטי|חשוב|עוזר)|לא\s*(?:$|[,.!;?])))|(?<![^\W_])במידה (?:ו|ש)?|^(?:ו?אמ כנ|if so)(?![^\W_])",
                   r"(?<![^\W_])(?<!حتى )(?:اذا|لو)(?![^\W_])(?! سمح)", r"(?<![^\W_])(?<!даже )если(?![^\W_])(?! можно)")
# doubts about the bot, not the answer
_ASIDE = _rx(r"(?:i am |im )?not sure how (?:this|it) works|(?:do|should|can) i (?:reply|answer|write) here\??",
             r"(?:אני )?לא בטוח\S* איכ (?:זה )?עובד|(?:אפשר|צריכ) לענות (?:כאנ|פה)\??", r"не знаю,? как это работает", r"مش عارف كيف بيشتغل")
# "if anything changes I'll let you know", "אם משהו ישתנה אעדכן": a promise about later changes, no condition on the answer
_KEEP_POSTED = _rx(r"(?:and )?(?:if|in case) (?:any ?thing|some ?thing|that|it|anything at all) (?:changes|changed|comes up)(?:,? i will|,? we will|,? will)? (?:let you know|update(?: you)?|tell you|be in touch)",
                   r"ו?(?:אמ|במידה ו|במקרה ש)\s?(?:משהו|יש משהו|יהיה|יהיו)? ?(?:ישתנה|משתנה|שינוי|שינויימ|יתשנה)(?: אני| אנחנו)? ?(?:אעדכנ|נעדכנ|מעדכנ\S*|אגיד|נגיד|אודיע|נודיע|אכתוב|נכתוב)(?: אתכמ| אותכ| אותכמ)?",
                   r"(?:если|если что-то|если что) (?:что-то |что-нибудь )?(?:изменится|поменяется),? (?:сообщу|сообщим|напишу|напишем|дам знать|дадим знать)",
                   r"(?:اذا|لو) (?:تغير|اتغير|صار) (?:اشي|شي|اي شي)،? (?:بخبرك|بخبركم|منخبركم)")
# "סבתא לא תסלח לי אם לא אבוא", "my mum would kill me if I didn't come", "мама не простит, если не приду": what someone
# would feel if the writer stayed away; the "if" is no condition on coming, and the clause no answer (what else is said
# answers: "..., ברור שאני שם"). Not "אם לא נגיע נודיע" (a promise to tell), nor "if we can't come" (an ability)
_IF_NOT_COMING = _rx(r"\bif (?:i|we) (?:do not|did not|were not to|was not to|will not|would not) (?:come|show up|turn up|go|make it|be there)\b"
                     r"|\bif (?:i|we) (?:miss|missed|skip|skipped|bail|bailed|bail on)(?: it| this| that| out)?\b",
                     r"(?<![^\W_])(?:ו?אמ|אילו|במידה ו)(?: אני| אנחנו)? (?:לא (?:אבוא|אגיע|נבוא|נגיע|אהיה שמ|נהיה שמ|אופיע|נופיע)"
                     r"|(?:אפספס|נפספס|אחמיצ|נחמיצ|אבריז|נבריז))(?![^\W_])",
                     r"(?<![^\W_])если (?:я |мы )?не (?:приду|придем|приеду|приедем|буду|будем)(?![^\W_])",
                     r"(?<![^\W_])(?:اذا|لو) (?:ما|مش) (?:اجيت|جيت|اجينا|جينا|حضرت|حضرنا|اجي|نيجي|نجي)(?![^\W_])")
_HURT_IF_AWAY = _rx(r"\b(?:kill|murder|disown) (?:me|us)\b|never (?:forgive|let (?:me|us) (?:live it down|forget)|hear the end)"
                    r"|\b(?:be|get) (?:so |really |very |super )?(?:upset|mad|angry|hurt|offended|furious|heartbroken|devastated)\b",
                    r"(?<![^\W_])לא (?:תסלח|יסלח|יסלחו|אסלח|נסלח)(?![^\W_])|(?<![^\W_])(?:תהרוג|יהרוג|יהרגו|תרצח|ירצח|ירצחו) (?:אותי|אותנו)"
                    r"|(?<![^\W_])(?:תכעס|יכעס|יכעסו|תתעצבנ|יתעצבנ|יתעצבנו|תיעלב|ייעלב|ייעלבו|יעלב|תעלב|יעלבו|תתאכזב|יתאכזב|יתאכזבו|תבכה|תשבור ת?ה?כלימ)(?![^\W_])"
                    r"|לא (?:אשמע|נשמע) (?:את )?(?:ה)?סופ",
                    r"(?<![^\W_])(?:не (?:простит|простят|прощу)|убь[её]т|убьют|обидится|обидятся|расстроится|расстроятся)(?![^\W_])",
                    r"(?<![^\W_])(?:بتزعل|بيزعل|بيزعلوا|بتزعلوا|بتقتلني|بيقتلني|بيقتلوني|ما (?:بتسامحني|بيسامحني|بيسامحوني))(?![^\W_])")


_CLAUSE_END = re.compile(r"[,.!?;\n،؟\U0001F300-\U0001FAFF\u2600-\u27BF]")


def _hurt_if_away(norm: str) -> str:
    """The clauses that only say what someone would feel if the writer stayed away, left out (" . "): the clause of the
    "if", or the one just before it when the "if" opens its own ("мама не простит, если не приду")."""
    for m in reversed(list(_IF_NOT_COMING.finditer(norm))):
        cuts = [k.start() for k in _CLAUSE_END.finditer(norm)]
        start = max((k + 1 for k in cuts if k < m.start()), default=0)
        end = min((k for k in cuts if k >= m.end()), default=len(norm))
        if not _HURT_IF_AWAY.search(norm[start:end]) and start and not norm[start:m.start()].strip():
            start = max((k + 1 for k in cuts if k < start - 1), default=0)
        if _HURT_IF_AWAY.search(norm[start:end]):
            norm = norm[:start] + " . " + norm[end:]
    return norm


# "נשמח אם תשמרו לנו מקום", "let us know if we should bring something": "if" as "whether"
_WHETHER = _rx(r"(?:נשמח|אשמח|שואל\S*|תגיד\S*|תגידו|תעדכנ\S*|לדעת|לשאול|לא בטוח\S*|לא יודע\S*)(?: לי| לנו)? (?:אמ)(?![^\W_])",
               r"(?:let (?:me|us) know|tell (?:me|us)|ask(?:ing)?|wonder(?:ing)?|check(?:ing)?|(?:not sure|unsure)(?: yet)?|know) (?:if|whether)\b",
               r"(?:مش متاكد|مش عارف|ما بعرف|بدي اعرف|بدنا نعرف|حابب اعرف) (?:اذا|لو)")


# "אם יש מעלית זה יעזור", "if there's a lift that would help": a wish about the place, not a condition on coming
_HELPS = _rx(r"(?:ו?אמ|במידה ו)\s[^,.!?;\n]{1,40}?(?:זה |זה מאוד |זה ממש )?(?:יעזור|יעזרו|יקל|יהיה (?:נהדר|מעולה|מצוינ|טוב|נחמד|אחלה|עזרה))(?: מאוד| לנו| לי)*",
             r"(?<![^\W_])if [^,.!?;\n]{1,40}?(?:that|it|this) (?:would|will) (?:really |be a )?(?:help|be (?:great|helpful|amazing|appreciated|lovely|a big help))",
             r"(?:that|it|this) (?:would|will) (?:really )?(?:help|be (?:great|helpful|amazing|appreciated|lovely|a big help)) if [^,.!?;\n]*")


def _conditional(text: str) -> bool:
    return bool(_CONDITIONAL.search(_HELPS.sub(" ", _WHETHER.sub(" ", _GOD_WILLS.sub(" ", text)))))


_GOD_WILLS = _rx(_IF_GOD_WILLS)
# (whole words: "ארבעה" is four, not "בע"ה")
_INSHALLAH = _rx(r"(?<![^\W_])[וو]?(?:ان شاء الله|انشالله|ان شاءالله|בעזרת ?השמ|בעה|איה|בעזה|בלי נדר|אמ ירצה השמ)(?![^\W_])")
_UNCLEAR_NULL = _rx(r"^call me|^תתקשר|אתקשר|בוא נדבר|נדבר|לא הבנתי|did not understand|don ?not understand|^what\??$"
                    r"|^(?:\S+ )?מה זה$|(?:^|^\S+\W+)what is (?:this|that)\W*$|^что это\W*$"
                    # "ask my husband", "תשאל את אשתי", "תזכירו לי שבוע לפני": someone else, or later, is to answer
                    r"|^(?:please |pls )?ask (?:my )?(?:husband|wife|hubby|partner|mom|mum|dad|son|daughter)\b|^(?:תשאל|תשאלי|תשאלו|שאל|שאלי|שאלו) את (?:" + _SPOUSES + r")"
                    r"|^спросите (?:у )?(?:мужа|жену)|^(?:اسال|اسألو|اسالو|اسألي) (?:جوزي|زوجي|مرتي|زوجتي)"
                    r"|^(?:please )?remind me (?:closer|later|nearer|next week|a (?:week|few days) before|before)|^(?:תזכירו|תזכיר|תזכירי) לי (?:שבוע|כמה ימימ|יומיימ|קרוב|לפני|בהמשכ|עוד)")
_MISUNDERSTOOD = _rx(r"(?:(?:אני |i )?(?:לא הבנתי|did not understand|do not understand|don ?not understand|did not get|do not get)|не (?:понял|поняла|понимаю)|(?:مش|ما) (?:فاهم|فاهمه|فهمت))(?![^\W_])")
# not meant for this guest at all
_STRANGER = _rx(*_STRANGER_PATTERNS)
_SPELLING_FIX = re.compile(r"^\*\s*([^\W\d_]+) (?:not|ולא|לא|а не|не) ([^\W\d_]+)(?![^\W_])")
# travel booked or planned to the event ("טסים עם ארקיע ביום חמישי", "booking flights now")
_TRAVEL = _rx(r"\b(?:booking|booked|book|bought|buying|got) (?:the |our |my )?(?:flights?|tickets?|plane tickets?|hotel|room)\b|^(?:all )?booked(?:\W|$)",
              r"(?<![^\W_])(?:הזמנו|הזמנתי|קנינו|קניתי|מזמינימ|מזמינה|מזמינ) (?:כבר )?(?:את )?ה?(?:טיסה|טיסות|כרטיסימ|כרטיסי טיסה|מלונ|חדר)"
              r"|(?<![^\W_])(?:טסימ|טסה|טס|נטוס|אטוס) (?:עמ|ב)(?:ארקיע|ישראייר|אל על| אל על| ארקיע| ישראייר)"
              # flying in for it: "טסים במיוחד מברלין בשביל זה", "נוחתת מניו יורק במיוחד", "טס מלונדון לחתונה"
              r"|(?<![^\W_])(?:טסימ|טסה|טס|נטוס|אטוס|נוחתימ|נוחתת|נוחת|ננחת|אנחת|באימ|באה|בא|מגיעימ|מגיעה|מגיע)(?: ?(?:במיוחד|ישר|כבר|עד))*"
              r" (?:במיוחד|(?:כל הדרכ )?מ(?!חר|חרתיימ|הארצ|הבית|העבודה|הבסיס|וקדמ|אוחר)[^\W\d_]{2,}(?: [^\W\d_]+)? (?:רק |במיוחד )?(?:בשביל|לכבוד|ל)(?:זה|כמ|כ|החתונה|האירוע|החגיגה|המסיבה|חתונה|אירוע|חגיגה)(?![^\W_]))"
              r"|(?<![^\W_])(?:טסימ|טסה|טס|נטוס|אטוס|נוחתימ|נוחתת|נוחת) (?:במיוחד |ישר )?מ(?!חר|חרתיימ|הארצ|וקדמ|אוחר)[^\W\d_]{2,}"
              # "נוחתים ביום חמישי במיוחד בשבילכם": the day said between
              r"|(?<![^\W_])(?:טסימ|טסה|טס|נטוס|אטוס|נוחתימ|נוחתת|נוחת)(?: [^\W\d_]+){1,3} במיוחד(?![^\W_])",
              # "flying in from NYC for this", "flying over from London especially", "coming all the way from Paris"
              r"\b(?:fly|flying|flew|jetting|coming|travell?ing|driving) (?:in|over|back|home|down|up)?\s?(?:especially |specially |just )?(?:from|for (?:this|it|the (?:wedding|party|event|celebration)))\b"
              r"|\b(?:coming|flying|travell?ing|driving) all the way\b|\bfly(?:ing)? in\b"
              # "landing Thursday especially for this", "driving down specially for it"
              r"|\b(?:fly|flying|landing|land|coming|driving|travell?ing|arriving)(?: [a-z]+){0,2} (?:especially|specially) for (?:this|it|you|the (?:wedding|party|event|celebration))\b",
              r"(?:забронировали|купили) (?:билеты|гостиницу|отель)|(?:حجزنا|حجزت) (?:ال)?(?:طيران|تذاكر|فندق)"
              # "прилетаем из Берлина специально", "جايين من برلين مخصوص"
              r"|(?<![^\W_])(?:прилетаем|прилетим|прилечу|прилетаю|летим|прилетят) (?:специально(?![^\W_])|из )"
              r"|(?<![^\W_])(?:прилетаем|прилетим|прилечу|прилетаю|прилетят|приедем|приеду)(?: [^\W\d_]+){1,3} специально(?![^\W_])|(?:جايين|جاي|جايه|طايرين|طاير|نازلين) (?:خصيصا |مخصوص )?من [^\W\d_]+ (?:مخصوص|خصيصا)"
              r"|(?<![^\W_])(?:جايين|جاي|جايه|طايرين|طاير|نازلين) (?:مخصوص|خصيصا)(?![^\W_])")
# not for this chat: a wrong number, or a message meant for another group ("סליחה טעיתי בקבוצה", "oops wrong group")
_WRONG_PERSON = _rx(r"wrong (?:number|person|chat|group|thread|conversation|whatsapp)|sent (?:this |that |it )?(?:to the wrong|here by mistake)"
                    r"|(?:meant|was meant|supposed to go|was for) (?:for )?(?:another|a different|the other|my family|my) (?:chat|group|thread)",
                    r"טעות במספר|מספר (?:לא נכונ|שגוי)|(?:טעיתי|טעינו|התבלבלתי)(?: ב| של)? ?(?:ה)?(?:קבוצה|צאט|שרשור|נמענ|שיחה)(?![^\W_])"
                    r"|(?:ל|ב)(?:ה)?(?:קבוצה|צאט|שרשור) (?:הלא נכונ\S*|לא נכונ\S*|אחר\S*|הלא הזה|הלא הזאת)|(?:זה |ההודעה )?(?:לא |היה )(?:נועד |נועדה )?ל(?:קבוצה|צאט) (?:הזה|הזאת|אחר\S*)"
                    # "זה היה אמור ללכת לקבוצה של הגן", "meant to go to the kindergarten group": sent to the wrong chat
                    r"|(?:אמור|אמורה|נועד|נועדה|הייתה אמורה|היה אמור) (?:ללכת |להישלח )?ל(?:ה)?(?:קבוצה|קבוצת|צאט|שרשור)(?![^\W_])"
                    r"|(?:meant|supposed|intended) (?:to go |to be sent )?(?:to|for) (?:the |my |our |a |another |a different )?(?:[a-z]+ ){0,3}(?:chat|group|thread)\b",
                    r"رقم غلط|(?:غلطت|غلطنا)(?: ب| في)? ?(?:ال)?(?:قروب|جروب|شات|محادثه)|(?:ال)?(?:قروب|جروب) (?:ال)?غلط",
                    r"не тот номер|ошиблись номером|не (?:в тот|туда,? в) (?:чат|группу)|ошиб\S* (?:чатом|группой)|не туда (?:написал|написала|отправил|отправила)")
# "... and maybe grandma too", "we're 2, maybe 3": a maybe about extra people after a clear answer
_MAYBE_EXTRA = _rx(r"(?:^|[\s,])(?:ו?אולי|and maybe|or maybe|maybe|possibly|и может|وممكن|ويمكن)\s+"
                   r"(?:גמ |also |עוד |\d|one |two |three |four |five |six |my |our )")
_WISH = _rx(r"would (?:love|like|have loved)|WISHCOMEX|wish|hoped|wanted|really want|dying to", r"רצינו|רציתי|היינו שמחימ|הייתי שמח|הלוואי|(?:מתה|מת|מתימ|מתות) ל(?:בוא|הגיע)",
            r"كنا نتمنى|بتمنى|اتمنى|كان ودي", r"хотели|хотела|хотел|с радостью бы|хотелось")
# the events of one invitation, when a family holds more than one (a henna and a wedding, a brit and a kiddush)
_EVENT_NAMES = {ev: _rx(*pats) for ev, pats in {
    "henna": (r"\bhenn?a\b", r"(?<![^\W_])(?:[לבו]{0,2})(?:ה)?חינה(?![^\W_])", r"حنه|حنة|الحنه", r"хна|хину"),
    "wedding": (r"\bwedding\b", r"(?<![^\W_])(?:[לבו]{0,2})(?:ה)?חתונה(?![^\W_])", r"عرس|العرس|الفرح", r"свадьб"),
    "brit": (r"\bbrit\b|\bbris\b", r"(?<![^\W_])(?:[לבו]{0,2})(?:ה)?ברית(?![^\W_])", r"طهور", r"брит"),
    "kiddush": (r"\bkiddush\b", r"(?<![^\W_])(?:[לבו]{0,2})(?:ה)?קידוש(?![^\W_])", r"قيدوش", r"кидуш"),
}.items()}
# "נתראה בחתונה", "see you at the wedding", "увидимся на свадьбе", "منشوفكم بالعرس": meeting at an event, said as a goodbye
_SEE_YOU_AT = _rx(r"\W*(?:and |but )?see you(?: all| guys| both| there)?(?: at| in)?(?: the)?(?: then)?\W*",
                  r"\W*(?:ו?אבל )?ו?(?:נתראה|ניפגש|נפגש)(?: כבר| רק| איתכמ| אתכמ)?(?: אז)?\W*",
                  r"\W*(?:но )?(?:увидимся|встретимся)(?: уже| тогда)?(?: на| в)?\W*", r"\W*(?:بس |و)?(?:م|ب)?(?:نشوفكم|نشوفك|نتلاقى)\W*")
_EVENT_WORDS = re.compile("|".join(rx.pattern for rx in _EVENT_NAMES.values()))
_ANSWER_THEN_EVENT = "(?:" + "|".join(rf"(?<=\b{w} )" for w in ("כנ", "לא", "yes", "no", "نعم", "لا", "да", "нет")) + ")(?=" + _EVENT_WORDS.pattern + ")"
_AND_THEN_EVENT = "(?<=\\s)(?=(?:" + "|".join(_fold(w) for w in ("ול", "וב", "ולה", "ובה")) + ")(?:חינה|חתונה|ברית|קידוש)(?![^\\W_]))"
_BOTH = _rx(r"\bboth\b", r"(?<![^\W_])(?:ל|ב)?שניהמ(?![^\W_])|לשתיהנ|לשתיהמ", r"الاثنين|التنين", r"на оба|на обе")
_ONLY_ONE = _rx(r"\b(?:just|only)(?: the)? (?=henn?a|wedding|brit|kiddush)", r"(?<![^\W_])רק (?=[לבו]{0,2}(?:ה)?(?:חינה|חתונה|ברית|קידוש))")
# "כתבתי לפני שבוע שאנחנו מגיעים 5. לא השתנה כלום": said again, nothing changed
_NO_CHANGE = _rx(r"nothing (?:has )?changed|no change|still the same", r"לא השתנה כלומ|לא השתנה שומ דבר|אותו דבר כמו קודמ|עדיינ אותו", r"ничего не изменилось", r"ما تغير اشي")
_EVENT_PART = _rx(r"ceremony|chuppah|huppah|dinner|reception|the meal|the service",
                  r"(?:ל|ב)?(?:חופה|טקס|קבלת פנימ|ארוחה|ארוחת|סעודה|קידוש|הברית|תפילה)(?![^\W_])",
                  r"(?:ال)?(?:حفل|عشاء|عقد|كتب الكتاب)", r"церемони|ужин|хупп")
_BARE_WISH = _rx(r"(?:we |i )?(?:really |so )?(?:would have loved|would have liked|wanted|would love|would like)(?: to| it)?(?: so much| very much)?",
                 r"(?:ממש |כל כך |מאוד )?(?:רצינו|רציתי|היינו שמחימ|הייתי שמח\S*)(?: ממש| מאוד| כל כך)?(?: לבוא| להגיע)?",
                 r"(?:очень )?(?:хотели|хотела|хотел)(?: бы)?(?: очень)?")
# a self-correction while writing: "wait, no", "no wait", "רגע לא,", "אה לא, היא כן באה"
_SELF_FIX = _rx(r"(?<![^\W_])(?:wait,? no|no,? wait|hold on,? no|oh,? no,? wait)(?![^\W_])",
                r"(?<![^\W_])(?:רגע|אה+|אופס|אוי),? לא(?=\s*(?:[,.!;]|$)|\s+(?:\S+\s+)?כנ(?![^\W_]))|(?<![^\W_])לא,? רגע(?![^\W_])",
                r"(?<![^\W_])(?:стоп|подождите|ой),? нет(?![^\W_])")
# a head count put right while writing: "נגיע 5 סליחה 4", "באים 3 בע"ה *4 שכחתי את סבתא", "Yes 3. wait 4*, forgot my mom",
# "придём 3, ой, 4": the number, a word that takes it back (or a star by the new one), the number meant, and at most why
_COUNT_FIX = re.compile(
    r"(?<![\d.:/*])(?P<old>\d{1,2})(?![\d%:/*])(?P<words>(?:\s+[^\W\d_]+){0,3}?)[\s,.;!…،-]*"
    r"(?P<marker>(?:(?<![^\W_])" + _fold(r"(?:sorry|oops|wait|i mean|i meant|correction|typo|סליחה|סורי|אופס|רגע|כלומר|התכוונתי|טעות|תיקון"
                                           r"|ой|извините|простите|то есть|вернее|точнее|عفوا|اسف|اسفه|قصدي|يعني|لا لا)") + r"(?![^\W_])[\s,.;!…،-]*)*)"
    r"(?P<star1>\*)?\s*(?P<new>\d{1,2})(?![\d%:/])\s*(?P<star2>\*)?"
    r"(?P<tail>[\s,.;!…،-]*(?:" + _fold(r"(?:forgot|forgot to count|did not count|miscounted|שכחתי|שכחנו|לא ספרתי|לא ספרנו|نسيت|نسينا"
                                      r"|забыл|забыла|забыли|не посчитал|не посчитала)") + r"(?![^\W_])[^\d]{0,40})?[\s,.;!…،)]*)$")
# a doubt thought aloud, then settled in the same message: "אולי... טוב כן, נגיע", "not sure we can... actually yes we can",
# "חשבתי שלא נוכל אבל הזזתי משמרת אז כן באים", "может быть... ладно, да, придём": the yes after the settling word answers
_SETTLE = _rx(r"(?:^|(?<=[\s.,!…;:-]))(?:(?:ok|okay|well|actually|you know what|oh well|fine|so)[\s,.!…-]+)+(?P<yes>yes|yeah|yep|yup)(?![^\W_])",
              r"(?:^|(?<=[\s.,!…;:-]))(?:(?:טוב|אוקיי|אוקי|בעצמ|יאללה|אז|אה|יודעת מה|יודע מה|יודעימ מה)[\s,.!…-]+)+(?P<yes_he>כנ)(?![^\W_])",
              r"(?:^|(?<=[\s.,!…;:-]))(?:(?:ладно|ну|хорошо|короче|вообще-то|вообще то|так что)[\s,.!…-]+)+(?P<yes_ru>да)(?![^\W_])",
              r"(?:^|(?<=[\s.,!…;:-]))(?:(?:طيب|خلص|ماشي|يلا|اوكي)[\s,.!…-]+)+(?P<yes_ar>نعم|اه|ايوه|اكيد)(?![^\W_])")
# a belief the writer held before, not an answer: "חשבתי שלא נוכל", "I thought we couldn't", "я думал, что не сможем"
# "in short", "בקיצור": what follows sums up what was said before it
_IN_SHORT = _rx(r"\b(?:in short|long story short|bottom line|to sum up)\b",
                r"(?<![^\W_])(?:בקיצור|בשורה התחתונה|לסיכומ|בקיצר|אז בעצמ|אז בסופ של דבר|אז בסכ הכל)(?![^\W_])|\bso basically\b", r"(?<![^\W_])(?:короче|в общем|короче говоря)(?![^\W_])",
                r"(?<![^\W_])(?:باختصار|المهم|الخلاصه)(?![^\W_])")
_BELIEF = _rx(r"\b(?:i|we) (?:thought|was sure|were sure|assumed)\b", r"(?<![^\W_])(?:חשבתי|חשבנו|הייתי בטוח\S*|היינו בטוח\S*)(?![^\W_])",
              r"(?<![^\W_])(?:думал|думала|думали)(?![^\W_])", r"(?<![^\W_])(?:كنت مفكر\S*|كنا مفكرين|ظننت|اعتقدت)(?![^\W_])")
_IN_MESSAGE_FIX = _rx(r"\bactually\b", r"(?<![^\W_])בעצמ(?![^\W_])", r"(?<![^\W_])вернее(?![^\W_])")
_BUT = re.compile(r"(?<![^\W_])(?:but|though|אבל|אך|لكن|بس|но)(?![^\W_])")
_QUESTION_WORD = _rx(r"^(?:is|are|can i|can we|do|does|will there|how|who|which|what is the dress|what)\b",
                     r"^(?:יש|האמ|אפשר|מותר|צריכ|מי|מאיפה|של מי|עד מתי|כמה(?! (?:מילימ|מילות|שורות|דברימ|מילה)(?![^\W_])))(?:\s|$)|^(?:זו|זה)(?=[^?]*\?)",
                     r"^(?:هل|مين|شو)\b", r"^(?:есть|можно|какой|какая|кто)\b")
# "סבתא שלי (בת 91 בעצמה 😅) מגיעה עם סבא", "my grandma, aged 91, is coming with grandpa", "бабушка (ей 91 год) придёт": an age
# said in passing of the person just named, in brackets or between commas; it is no head count, and the person and
# what is said of them stay one clause
_AGE_MARK = r"(?:בת|בנ|aged|age|(?:who |she |he )?is|ש?היא בת|ש?הוא בנ|ей|ему|عمرها|عمره)"
_AGE_UNIT = r"(?:שנה|שנימ|years?(?: old)?|yrs?(?: old)?|yo|лет|года|год|سنه|سنين)"
_AGE_SELF = r"(?:בעצמה|בעצמו|herself|himself|сама|сам|بحالها|بحاله)"
_AGE_ASIDE = re.compile(_fold(
    r"(?<=[^\W\d_])\s*(?:\(\s*(?:" + _AGE_MARK + r"\s*\d{1,3}(?:\s*" + _AGE_UNIT + r")?|\d{1,3}\s*(?:" + _AGE_UNIT + r"(?:\s*" + _AGE_SELF + r")?|"
    + _AGE_SELF + r"))(?:\s*" + _AGE_SELF + r")?[^()\w]{0,12}\)"
    r"|,\s*(?:" + _AGE_MARK + r"\s*\d{1,3}(?:\s*" + _AGE_UNIT + r")?|\d{1,3}\s*" + _AGE_UNIT + r")(?:\s*" + _AGE_SELF + r")?\s*,(?=[^?؟,.!\n]*(?:$|[,.!\n])))"))   # (not before a question: "мама придёт, ей 85, можно стул?")
# "סבתא (90) מגיעה עם סבא", "grandpa (88)", "дедушка (90)", "ستي (85)": a bare number in brackets right after one person is
# that person's age, not a head count (after a name, when it is more than any one party: "רחל (45)")
# ("סבתא (כמעט 90)", "grandpa (80+)", "my grandpa, 88, is coming": about that age, or between commas)
_ABOUT = r"(?:almost|nearly|about|over|just|כמעט|בערכ|מעל|почти|около|больше|تقريبا)"
_BARE_AGE = re.compile(_fold(r"(?<![^\W_])([^\W\d_]+)((?: (?:שלי|שלנו|my|our|моя|мой|наша|наш))?)\s*(?:\(\s*(?:" + _ABOUT + r"\s*)?(\d{1,3})\s*\+?\s*!*\s*\)"
                             r"|,\s*(?:" + _ABOUT + r"\s*)?(\d{2,3})\s*\+?\s*,)"))


def _bare_age(m: re.Match) -> str:
    word, n = m.group(1), int(m.group(3) or m.group(4))
    hit = _lookup(word)
    if m.group(4) and n <= 12:
        return m.group(0)
    if hit is not None and hit[0] in ("OTHER", "KID") and hit[1] == 1 or hit is None and n > 12 and len(word) > 1:
        return m.group(1) + m.group(2) + " "
    return m.group(0)


# "2 זוגות", "two couples", "две пары", "3 ازواج": two people each
_COUPLES_NOUN = {"זוגות": "מבוגרימ", "couples": "adults", "пары": "взрослых", "пар": "взрослых", "ازواج": "كبار"}
_COUPLES = re.compile(r"(?<![^\W_])(\d{1,2}|" + "|".join(sorted((_fold(w) for w in _NUMBERS if 1 < _NUMBERS[w] <= 10 and len(w) > 2 and w not in ("couple", "pair", "זוג")),
                                                                 key=len, reverse=True)) + r") (" + "|".join(_COUPLES_NOUN) + r")(?![^\W_])")


def _couples(m: re.Match) -> str:
    word = m.group(1)
    n = int(word) if word.isdigit() else _NUMBERS_FOLDED.get(word)
    return f"{2 * n} {_COUPLES_NOUN[m.group(2)]}" if n and 0 < n <= 10 else m.group(0)


# Hebrew 11-19 said in two words ("שנים עשר איש", "שלוש עשרה"): the number, as digits
_TEENS_HE = re.compile(_fold(r"(?<![^\W_])([והבלמש]?)(אחד|אחת|שנים|שניים|שתים|שתיים|שלושה|שלוש|ארבעה|ארבע|חמישה|חמש|שישה|שש"
                             r"|שבעה|שבע|שמונה|תשעה|תשע) (?:עשר|עשרה)(?![^\W_])"))
_TEEN_UNITS = {_fold(w): n for w, n in {"אחד": 1, "אחת": 1, "שנים": 2, "שניים": 2, "שתים": 2, "שתיים": 2, "שלושה": 3, "שלוש": 3,
                                         "ארבעה": 4, "ארבע": 4, "חמישה": 5, "חמש": 5, "שישה": 6, "שש": 6, "שבעה": 7, "שבע": 7,
                                         "שמונה": 8, "תשעה": 9, "תשע": 9}.items()}


def _teens(m: re.Match) -> str:
    return m.group(1) + ("" if not m.group(1) else " ") + str(10 + _TEEN_UNITS[m.group(2)])


# "sorry who is this", "סליחה מי זה", "hi whose wedding is it": an apology or a greeting, then asked (no "?" typed)
_OPENER_ASKS = _rx(r"^(?:(?:so )?sorry|excuse me|pardon|hi|hey|hello|umm*)\W*(?:but )?(?:who|whose|which)\b",
                   r"^(?:סליחה|סורי|היי|הי|שלום|רגע)\W*(?:אבל )?(?:מי|של מי|מאיפה|איזה|איזו)(?![^\W_])",
                   r"^(?:извините|простите|привет)\W*(?:кто|чья|чей|какая|какой)(?![^\W_])",
                   r"^(?:عفوا|اسف|معلش|مرحبا|هاي)\W*(?:مين|مين انت|مين حضرتك)(?![^\W_])")
# "רציתי לשאול אם אפשר להביא...", "I wanted to ask if we can bring...": a question said in words, without its "?"
_ASKS_WHETHER = _rx(r"(?:wanted|want|wanna|would like|i would like|just wanted) to ask(?: you)?,? (?:if|whether)\b|(?:i was|was|i am|im) wondering (?:if|whether)\b",
                    r"(?<![^\W_])(?:רציתי|רצינו|רוצה|רוצימ|רוצות|אני רוצה|אנחנו רוצימ|באתי|רק רציתי|רק רצינו) (?:ל?שאול|לברר)(?: אותכ| אותכמ| אתכמ)?,? (?:האמ|אמ)(?![^\W_])"
                    r"|(?<![^\W_])(?:צריכ|צריכה|צריכימ|צריכות|רוצה|רוצימ|רוצות|רצינו|רציתי|חשוב לי|חשוב לנו|חשוב להמ|אשמח|נשמח) (?:לדעת|לברר)(?: רק)?,? (?:האמ|אמ)(?= (?:יש|אפשר|מותר|צריכ|זה|ה?אולמ|המקומ))",
                    r"(?:хотел|хотела|хотели|хочу) (?:бы )?(?:спросить|узнать),? (?:можно|ли|если)(?![^\W_])|(?:можно|можем) ли\b",
                    r"(?:حبيت|حابب|حابه|بدي|اردت|اريد|وددت) (?:اسال|اساْل|اسئل|نسال)(?: اذا| ان| لو| هل)?(?![^\W_])")
# "אפשר לבוא עם הילדים או שזה רק למבוגרים", "האם מותר להגיע עם כלב", "can we bring the kids or is it adults only":
# asking leave to come with someone, a question without its "?" when it offers an alternative ("או", "or") or opens as one
_MAY_COME_WITH = _rx(r"^(?:(?:שאלה|סליחה|היי|הי|שלומ|רגע)\W+)?(?:האמ )?(?:אפשר|מותר|ניתנ) (?:לבוא|להגיע|להביא|לצרפ)(?![^\W_]).*(?<![^\W_])או(?![^\W_])",
                     r"^(?:(?:שאלה|סליחה|היי|הי|שלומ|רגע)\W+)?האמ (?:אפשר|מותר|ניתנ) (?:לבוא|להגיע|להביא|לצרפ)(?![^\W_])",
                     r"^(?:(?:hi|hey|sorry|quick question)\W+)?(?:can|could|may) (?:i|we) (?:come with|bring)\b.*\bor\b")
# "אני ועוד 2 חברות באות אפשר?", "we're 3, is that ok?": asking leave for what was just said, typed as its last words
# (whether those many may come is the hosts' to say: the answer is asked back)
_MAY_WE_TAIL = _rx(r"(?<=\S)\s*,?\s*((?:זה |האמ )?(?:אפשר|מותר|בסדר|אוקיי|אוקי|תקינ|סבבה)(?: ככה| כך| לכמ| מבחינתכמ)?|(?:is )?(?:that|it|this) (?:ok|okay|alright|fine)|ok|okay"
                   r"|можно|нормально|ничего|(?:هل )?(?:ممكن|بصير|مسموح|عادي|اوكي))\s*[?؟]+\W*$")
# a question by its first words alone, where word order makes one (Hebrew "יש ..." may well state)
_ASKED = _rx(r"^(?:is|are|can i|can we|do|does|will there|how|who|which|what)\b", r"^هل\b", r"^(?:можно|какой|какая|кто)\b",
)
# a question by its first words, with or without its "?" ("מה לובשים לזה")
_ASKED_PLAIN = _rx(r"^מה (?:לובשימ|ללבוש|לובשת|לובש|להביא|מביאימ)(?![^\W_])|^(?:شو|ايش) (?:نلبس|البس)(?![^\W_])|^что (?:надеть|одеть)(?![^\W_])"
                   r"|^what (?:should|do) (?:i|we) (?:wear|bring)\b")
_NOT_DETAILS = _rx(
    # "is there somewhere to change the baby / park": a question about the place's facilities, not where it is
    r"(?:^|[,.!;]\s*)(?:ו?יש|האמ יש) (?:איפה|מקומ) ל|is there (?:a |any )?(?:place|somewhere|room|space) to|^(?:هل )?(?:في|فيه|فيها) (?:مكان|محل) (?=ل|ن|ي|ت|ا)"
    r"|when you (?:have|get|can)",
    r"עד (?:איזה|איזו|מתי) (?:תאריכ|יומ)?\s*(?:צריכ|אפשר|לאשר)|by when|deadline|موقف|مواقف|парковк|парковат|\bbring\b|\bpark\b|חונימ|לחנות|להביא|להגיע עמ|לבוא עמ|עד מתי|how late|\bdress|parking|accessib|wheelchair|elevator|\blift\b|נגיש|כסא גלגלימ|כיסא גלגלימ|מעלית|مصعد|اسانسير|лифт|חניה|חנייה|until when|shuttle|(?<!public )transport|\bbus\b|הסעה|הסעות|מאיפה(?! (?:יוצאת|יוצא|יוצאימ|מפליגה|מפליג|מפליגימ) ה?(?:סירה|ספינה|יאכטה))|מתי היית?ה|when was|when did|remember when|זוכר\S* (?:כש|איכ)")
# where an event is held, said of its setting rather than its place ("בחוץ או באולם?": a question, not where it is)
_SETTING_HE = r"(?:חוצ|פנימ|ה?אולמ|ה?גנ|ה?גינה|ה?חצר|ה?ים|ה?בית|מקורה|אוויר|ה?מסעדה|ה?בריכה)(?![^\W_])"
_DETAILS_PHRASE = _rx(r"(?:which|what) (?:city|town|day|hall|venue|date|shul|synagogue|hotel|restaurant|beach|kibbutz|moshav)|(?:in|at) the (?:shul|synagogue|hall|garden|hotel|house|restaurant)\S*(?: \S+){0,2} or (?:in |at )?the (?:shul|synagogue|hall|garden|hotel|house|restaurant|venue)|public transport|get there by|תחבורה ציבורית|same (?:venue|place|hall)|באותו (?:אולמ|מקומ|גנ)|במקומ אחר|(?:friday|saturday|sunday|thursday) or \w+day"
                      r"|resend|send (?:me )?(?:again|the (?:invitation|invite|link))"
                      # "זה בתל אביב או ברמת גן?", "is it in Haifa or Tel Aviv?": which of two places (or days)
                      # (not "בחוץ או באולם?", outside or in: the setting, a question)
                      r"|^(?:זה |האירוע |החתונה |המסיבה |הטקס )?ב(?!" + _SETTING_HE + r")[^\W\d_]{2,}(?: [^\W\d_]+)? או ב(?!" + _SETTING_HE
                      + r")[^\W\d_]{2,}(?: [^\W\d_]+)?\s*\?"
                      r"|^(?:is it |is the (?:party|wedding|event) )(?:in|at|on) (?!(?:a|an|the|outside|inside|indoors|outdoors)\b)[a-z]+(?: [a-z]+)? or "
                      r"(?:in |at |on )?(?!(?:a|an|the|outside|inside|indoors|outdoors)\b)[a-z]+(?: [a-z]+)?\s*\?"
                      r"|(?:באיזה|באיזו|איזה|איזו) (?:עיר|יומ|שעה|אולמ|מקומ|תאריכ|גנ|ישוב|מושב|קיבוצ|בית כנסת|מלונ|מסעדה|חוף)|(?<![^\W_])ב(?:בית ה?כנסת|אולמ|גנ|מלונ|בית|מסעדה|חצר)(?: \S+){0,2} או ב(?:בית ה?כנסת|אולמ|גנ|מלונ|בית|מסעדה|חצר|מקומ)|(?:ב?שעה כמה|כמה בשעה)|מתחיל\S* ב ?\d|(?:שלחו|תשלחו|תשלחי|תשלח) (?:לי )?(?:שוב )?(?:את )?ה?(?:הזמנה|קישור|לינק)"
                      r"|(?:اي|أي) (?:ساعه|يوم|مكان|قاعه)|الساعه كم|كم الساعه|(?:شو|ايش|ايمتى) (?:ال)?ساعه|в каком (?:городе|зале)|какого числа"
                      # "قديش الساعة بتبلش؟", "اديش الساعة": how much the hour, what time
                      r"|(?<![^\W_])(?:قديش|اديش|قداش) (?:ال)?ساعه|(?<![^\W_])(?:ال)?ساعه (?:قديش|اديش|قداش)(?![^\W_])"
                      # where a boat leaves from: "מאיזה מזח יוצאת הסירה?", "which pier", "с какого причала", "من اي ميناء"
                      r"|(?<![^\W_])(?:ב|מ)?(?:איזה|איזו) (?:מזח|רציפ|נמל|מרינה)(?![^\W_])|(?:which|what) (?:pier|dock|port|marina|jetty|wharf|harbou?r)\b"
                      r"|(?:с )?(?:какого|какой) (?:причала|пирса|причал|пирс|пристани|пристань)|(?:من )?(?:اي|أي) (?:ميناء|مينا|رصيف|مرسى)"
                      r"|מאיפה (?:יוצאת|יוצא|יוצאימ|מפליגה|מפליג|מפליגימ) ה?(?:סירה|ספינה|יאכטה)|откуда (?:отходит|отплывает|отправляется) (?:теплоход|корабль|яхта|лодка|катер)"
                      r"|(?:من )?(?:وين|منين) (?:بتطلع|بيطلع|بتنطلق|بينطلق) (?:ال)?(?:سفينه|شختوره|يخت|مركب|قارب)"
                      # which way in: "מאיזה שער נכנסים", "which entrance", "какой вход"
                      r"|(?:(?:ב|מ)?(?:איזה|איזו)) (?:שער|כניסה|דלת|קומה|בניינ|רחבה)(?![^\W_])|(?:which|what) (?:gate|entrance|door|floor|building)\b|какой (?:вход|подъезд|этаж)"
                      r"|what time|which date|what day|באיזה יומ|באיזה שעה|באיזו שעה|שמ האולמ|בשישי|בחמישי|ביומ"
                      r"|во сколько|какой адрес|send (?:the )?location")
_SAD = set("😢😞😔💔☹😭😥🙁")
_YES_EMOJI = set("✅✔☑")
_GESTURE_EMOJI = set("👍🙋💃🕺🥳🎉🎊🙌😍🤩💯🥂🍾👏😀😃🤞")
_AGREE_EMOJI = set("👍🙌💯🙋")   # beside a head count, agreeing ("👍 2", "🙋‍♀️🙋‍♂️ 2"); a party beside one ("אנחנו 4 🎉") is a count
_THANKS_EMOJI = set("🙏❤♥💙💚💛💜🧡🤍🖤💕💖💗😘🥰😊🤗👌🌹💐🙂☺")
_NO_EMOJI = set("❌👎🚫✖🙅⛔")
# a shrug or a thinking face alone: undecided, no answer said (with "maybe" beside it, a maybe)
_THINK_EMOJI = set("🤔🤷")
_GREET_EMOJI = set("👋")
_LAUGH_EMOJI = set("😂🤣😆😅")
_TIME_BEFORE = {"at", "בשעה", "around", "בערך", "from", "מ", "ב", "on", "до", "в", "الساعه"}
_AGE_BEFORE = {"בת", "בנ", "בני", "בנות", "aged", "age", "عمره", "عمرها", "عمر"}
_AGE_AFTER = {"yo", "year", "years", "week", "weeks", "wks", "שבועות", "недель", "недели", "اسابيع", "جمعات", "лет", "года", "год", "months", "month", "mo", "mos", "חודשימ", "חודש", "месяцев",
              "месяца", "شهر", "اشهر", "شهور"}
# "תינוקת בת חצי שנה", "בן שנתיים": an age said in words after בן / בת
_AGE_WORDS = {"חצי", "שנה", "שנתיימ", "חודש", "חודשיימ", "חודשימ"}
_TIME_AFTER = {"th", "st", "nd", "rd", "pm", "am", "oclock", "times", "פעמימ", "раза", "مرات", "בערב", "בבוקר", "דקות", "minutes", "min", "לפני", "אחרי", "מהשעה", "degrees", "מעלות",
               "km", "kilometers", "hours", "שעות", "קמ", "°"}   # ("till the 15th": a date)

_BEFORE_AFTER = {"לפני", "אחרי"}
_DAYTIME = {_fold(w) for w in _words("", "הצהריים הצהרים צהריים חצות השקיעה שקיעה", "", "")}

# (an emoji between an answer and a question is where the question starts: "נגיע 🎉 יש חניה?"; so is a laugh:
# "אני מגיעה ישר משדה התעופה חחח אפשר להשאיר מזוודה?")
_CLAUSE_SPLIT = re.compile(r"[,;:!?.\n()/؟،😂🤣😭😅🙄😤]+|(?:(?<=חחח)|(?<=\blol)|(?<=\blmao)|(?<=haha)|(?<=ههه)|(?<=хах))\s+(?=[^\W\d_])|(?<=\s)[\U0001F300-\U0001FAFF\u2600-\u27BF]+(?=\s[^?؟.!,;\n]*[?؟])|(?<=[^\W\d_] )[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F1E6-\U0001F1FF]+(?= [^\W\d_])|(?<=\S)\s+(?=(?:רק|only|just) (?:אני|אנחנו|me|us|i)(?![^\W_]))|(?<![^\W_])(?:because|since|כי|מכיוונ ש|потому что|так как|لانه|لان)(?![^\W_])|\s[-–—]\s|\s[-–—]|(?<![^\W_])(?:but|though|אבל|אך|لكن|بس|но|а)(?![^\W_])"
                            r"|(?<![^\W_])(?:so|אז|ולכנ|לכנ|поэтому|так что|فعشان)(?= (?:just|only|i|we|me|us|it will|רק|אני|אנחנו|נהיה|לא|только|я|мы|не"
                            r"|[אנ](?:גיע|בוא|היה|צטרפ|קפוצ|שתתפ)|приду|придем|придём|будем|буду"
                            # "הבייביסיטר הבריזה אז תרשמו רק אותי", "the sitter bailed so put me down alone": what to register
                            r"|תרשמו|תרשום|תרשמי|רשמו|put (?:me|us)|count (?:me|us)|\s*(?:me\s+|us\s+)?COMEX|make it|it is|it will|запишите))")


# --------------------------------------------------------------------------- reading


@dataclass
class _Tok:
    word: str
    tag: str | None
    value: int | None = None


_PERSON_TAGS = ("OTHER", "KID", "KIDS", "PARTNER", "OTHERS")
_ELDEST = {_fold(w) for w in ("הגדול", "הגדולה", "הבכור", "הבכורה")}
_CHILD_OF = {_fold(w) for w in ("son", "daughter", "הבן", "הבת", "בני", "בתי", "ابني", "بنتي", "сын", "дочь", "сына", "дочери")}


def _tokens(clause: str) -> list[_Tok]:
    out: list[_Tok] = []
    for word in re.findall(r"[^\W_]+|\+", clause):
        if word == "+":
            out.append(_Tok("+", "PLUS"))
            continue
        hit = _lookup(word)
        if hit is None and not word.isdigit():
            parts = _split_glued(word)
            if parts:
                for part in parts:
                    h = _lookup(part)
                    out.append(_Tok(part, h[0] if h else None, h[1] if h else None))
                continue
        out.append(_Tok(word, hit[0] if hit else None, hit[1] if hit else None))
    _own_name(out)
    # "me and Dan", "אני ודנה": an unknown word after "me and" (or glued to ו) that ends the list is a person
    for i, t in enumerate(out):
        if t.tag != "SELF1":
            continue
        j = i + 2 if i + 1 < len(out) and out[i + 1].tag == "AND" and out[i + 1].word in ("and", "ו") else i + 1
        if j > i + 1 and j + 1 < len(out) and out[j].word in ("my", "our") and out[j + 1].tag is None:
            j += 1    # "me and my boet", "me and my bestie": whoever "my" names
            if (out[j].word in _GROUP or out[j].word.endswith("s") and not out[j].word.endswith("ss") and len(out[j].word) > 3) and \
                    (j + 1 == len(out) or out[j + 1].tag in ("AND", "COME", "CUE", "POLITE", "THANKS", "BLESS")):
                out[j] = _Tok(out[j].word, "OTHERS")    # "me and my mates": more than one, how many not said
                continue
        # "אני נועה והתאומים", "אני דני ו2 הקטנים": a name followed by "and" or a ו-joined person
        # ("אני ויוסי והשניים הקטנים", "אני ויוסי ושלושת הילדים": after a ו-joined name, a ו-joined number of people too;
        # "אני נועה ושני הילדים" is the writer's own name)
        nxt_person = j + 1 < len(out) and (out[j + 1].tag == "AND" or (out[j + 1].tag in _PERSON_TAGS or out[j + 1].tag == "NUM"
                                                                       and out[j].word[:1] == "ו")
                                           and out[j + 1].word[0] in "וو" and len(out[j + 1].word) > 2)
        if j < len(out) and out[j].tag is None and out[j].word.isalpha() and \
                (j > i + 1 or (out[j].word[0] == "ו" and len(out[j].word) >= 3) or nxt_person) and \
                (j + 1 == len(out) or out[j + 1].tag in ("AND", "COME", "CUE", "POLITE", "THANKS", "BLESS") or nxt_person
                 or _from_where(out[j + 1])):
            out[j] = _Tok(out[j].word, "OTHER", 1)
    # "мы с Олей", "мы с Игорем придём": "we" with a name in the instrumental is the writer and that person
    for i in range(len(out) - 2):
        if out[i].tag == "WE" and out[i].word == "мы" and out[i + 1].word in ("с", "со") and out[i + 2].tag is None \
                and re.fullmatch(r"[а-я]{2,7}(?:ой|ей|ем|ом|ым|им|ею|ою)", out[i + 2].word):
            out[i + 2] = _Tok(out[i + 2].word, "OTHER", 1)
    # "Sarah and I": a name before "and I"
    for i in range(len(out) - 2):
        if out[i].tag is None and out[i].word.isalpha() and out[i].word.isascii() and out[i + 1].word == "and" \
                and out[i + 2].word in ("i", "me") and (i + 3 == len(out) or out[i + 3].tag in ("COME", "CUE", "ABLE")):
            out[i] = _Tok(out[i].word, "OTHER", 1)
    # "my neighbour Mrs Cohen", "my aunt Dr Levi": the title and name say who the person just named is, not one more
    for i in range(1, len(out) - 1):
        if out[i].word in ("mrs", "mr", "ms", "miss", "dr") and out[i - 1].tag in _PERSON_TAGS and out[i + 1].tag is None \
                and out[i + 1].word.isalpha():
            out[i], out[i + 1] = _Tok(out[i].word, "CUE"), _Tok(out[i + 1].word, "NAME")
    # "נועה + בן זוג", "Dana + husband": a name that opens a list joined by "+" is the one invited, as "me + ..." is
    if len(out) >= 3 and out[0].tag is None and out[0].word.isalpha() and len(out[0].word) > 1 and out[1].tag == "PLUS" \
            and (out[2].tag in _PERSON_TAGS or out[2].tag in ("NUM", "DIGITS") and len(out) > 3 and out[3].tag in ("KID", "KIDS", "PEOPLE", "ADULT")):
        out[0] = _Tok(out[0].word, "SELF1")
    # "Mr and Mrs Goldberg": the surname after the couple
    for i in range(1, len(out)):
        if out[i - 1].word == "COUPLEX" and out[i].tag is None and out[i].word.isalpha():
            out[i] = _Tok(out[i].word, "NAME")
    # "no for Dan", "yes for me": an answer said for one person
    if len(out) == 3 and out[0].word in ("no", "yes") and out[1].word == "for" and out[2].tag is None and out[2].word.isalpha():
        out[2] = _Tok(out[2].word, "OTHER", 1)
    # "אני in, נתי out", "Dan's out": in / out said of someone, as the last word
    # "she'll come", "he can't": a pronoun that opens a clause saying who comes is someone else of the household
    if len(out) >= 2 and out[0].tag is None and out[0].word in _PRONOUNS and any(
            t.tag in ("COME", "ABLE", "NEG", "NOWORD", "AWAY", "MAYBE") or t.word in ("in", "out") for t in out[1:]):
        out[0] = _Tok(out[0].word, "OTHER", 1)
    if len(out) >= 3 and out[-1].word in ("in", "out") and out[-2].word in ("is", "are") and len(out) == 3 \
            and (out[0].tag in _PERSON_TAGS or out[0].tag is None and out[0].word.isalpha()):
        out = [out[0], out[2]]    # "she's out", "Dan is in": the same with the verb
    if len(out) >= 2 and out[-1].word in ("in", "out") and (out[-2].tag in ("SELF1", "WE") or out[-2].tag is None
                                                            and out[-2].word.isalpha() and len(out) == 2
                                                            or out[-2].tag in _PERSON_TAGS and len(out) == 2):
        if out[-2].tag is None:
            out[-2] = _Tok(out[-2].word, "OTHER", 1)
        out[-1] = _Tok(out[-1].word, "COME" if out[-1].word == "in" else "NOWORD")
    # "both of us are in", "all 4 of us are in", "me and the wife are in", "the whole family is in": the writer's party is in
    if len(out) >= 3 and out[-1].word == "in" and out[-1].tag == "CUE" and out[-2].word in ("are", "is", "am") \
            and any(t.tag in ("SELF1", "WE", "SELFNUM", "PEOPLE", "FAM") for t in out[:-2]) \
            and not any(t.tag in ("COME", "NEG", "AWAY", "DETAILS") for t in out):
        out[-1] = _Tok(out[-1].word, "COME")
    # "אבא שלי מגיע איתי", "мама придёт со мной", "امي جاية معي": someone named comes with the writer, who comes too
    # (איתי is also a name: only right after a verb of coming said of someone named before it, ending the clause)
    negated = any(t.tag in ("NEG", "NOWORD", "NOVERB", "MAYBE") for t in out)   # ("בעלי לא בא איתי": he does not come)
    if len(out) >= 3 and out[-1].word in ("איתי", "معي", "معاي") and out[-2].tag == "COME" and not negated \
            and any(t.tag in _PERSON_TAGS for t in out[:-2]):
        out[-1] = _Tok(out[-1].word, "SELF1")
    if len(out) >= 4 and out[-1].word == "мной" and out[-2].word in ("со", "с") and out[-3].tag == "COME" and not negated \
            and any(t.tag in _PERSON_TAGS for t in out[:-3]):
        out[-1] = _Tok(out[-1].word, "SELF1")
    # "נועה מגיעה", "רק שירה תגיע", "יונתן ואחותו יגיעו": a name that opens the clause, then a third-person verb
    k = 1 if out and out[0].tag == "JUST" else 0
    if k + 1 < len(out) and out[k].word.isalpha() and re.match(f"[{_HEB}]", out[k].word) and (
            out[k].tag is None and len(out[k].word) > 2 or out[k].word in ("שני", "שתי")):
        nxt = out[k + 1]
        if nxt.word in _THIRD_SG or nxt.tag in _PERSON_TAGS and nxt.word[0] == "ו" and k + 2 < len(out) \
                and out[k + 2].word in _THIRD_PL or nxt.tag == "NEG" and k + 2 < len(out) \
                and out[k + 2].word in _THIRD_SG | _THIRD_ABLE:    # "איתי לא יגיע", "נועה לא תוכל"
            out[k] = _Tok(out[k].word, "OTHER", 1)
        elif nxt.tag is None and nxt.word[0] == "ו" and len(nxt.word) > 3 and k + 2 < len(out) and out[k + 2].word in _THIRD_PL:
            out[k], out[k + 1] = _Tok(out[k].word, "OTHER", 1), _Tok(nxt.word, "OTHER", 1)    # "דבורה ומשה באים": two names
    for i in range(len(out)):
        prev, t = out[i - 1] if i else _Tok("", "CUE"), out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (t.word in _AGE_BEFORE and nxt is not None and (nxt.tag in ("DIGITS", "NUM") or nxt.word in _AGE_WORDS)) or \
                (t.word in _AGE_AFTER or t.word == "old") and prev.tag in ("DIGITS", "NUM", "AGE"):
            out[i] = _Tok(t.word, "AGE")    # "ילדה בת 4", "a boy of 6 years old": an age
        elif t.word in _AGE_WORDS and prev.tag == "AGE":
            out[i] = _Tok(t.word, "AGE")    # "בת חצי שנה"
        elif t.word in _THE_LITTLE_ONE and i >= 2 and prev.tag is None and prev.word.isalpha() and len(prev.word) > 2 \
                and prev.word[:1] == "ו" and (out[i - 2].tag is None or out[i - 2].tag in _PERSON_TAGS + ("SELF1", "AND")):
            out[i - 1], out[i] = _Tok(prev.word, "KID", 1), _Tok(t.word, "CUE")    # "אני, דני ורוני הקטנה": the last named is the little one
        elif t.word in _SMALL and i and prev.tag in (None, "CUE", "DETAILS", "NOISE") and prev.word not in _NOT_NOUN:
            out[i] = _Tok(t.word, "CUE")    # "עדכון קטן", "שאלה קטנה": small, said of a thing, not a child
        elif t.word.removeprefix("ה") in _SMALL and i and prev.tag in ("KID", "KIDS") and prev.value in (None, 1):
            out[i] = _Tok(t.word, "CUE")    # "והילד הקטן", "תינוקת קטנה": the child described, not one more
        elif t.word == "будем" and prev.word == "мы" and nxt is not None and nxt.tag in ("NUM", "DIGITS", "SELFNUM"):
            out[i] = _Tok(t.word, "CUE")    # "Мы будем вдвоём": "we'll be two", a head count like "נהיה 2"
        elif t.word == "אחי" and nxt is not None and nxt.tag in _PERSON_TAGS and (nxt.word[:1] == "ו" or nxt.word == "PARTNERX"):
            out[i] = _Tok(t.word, "OTHER", 1)    # "אחי ובת זוגו", "אחי והילדים": my brother, in a list of people (alone, "bro")
        elif t.tag is None and prev.word == "يا" and t.word.isalpha():
            out[i] = _Tok(t.word, "POLITE")    # "مبروك يا جيران", "يا حبايب": whom it speaks to
        elif t.word == "سيدي" and (prev.word == "يا" or prev.tag in ("THANKS", "GREET", "POLITE", "BLESS") or i == 0 and nxt is None):
            out[i] = _Tok(t.word, "POLITE")    # "شكرا سيدي", "يا سيدي": sir, said to whom it writes (not my grandfather)
        elif t.word == "جدي" and (prev.word in ("بشكل", "كلام", "عن") or nxt is None and i == 0):
            out[i] = _Tok(t.word, "CUE")    # "بشكل جدي", "جدي؟": serious, not my grandfather
        elif t.word in _LEAVING and nxt is not None and (nxt.word[:1] == "מ" and nxt.tag is None or nxt.word in ("ישר", "ישירות")):
            out[i] = _Tok(t.word, "CUE")    # "יוצא ישר מהבסיס", "יוצאת מהעבודה": leaving from somewhere, not "it works out"
        elif t.word in _LEAVING and any(o.word in _WHICH_WHEN for o in out[:i]):
            out[i] = _Tok(t.word, "CUE")    # "באיזה תאריך יוצא הבר מצווה", "מתי יוצא החג": falls on, asked, not "it works out"
        elif t.word in _SURE_WORDS and (prev.word in _PAST_BE or i >= 2 and out[i - 2].word in _PAST_BE and prev.tag in (None, "POLITE", "CUE")):
            out[i] = _Tok(t.word, "CUE")    # "הייתי בטוחה שהם כבר התחתנו", "I was so sure": a belief then, not "sure!"
        elif t.word == "בטח" and prev.tag in (None, "OTHER", "OTHERS", "KID", "KIDS", "PARTNER"):
            out[i] = _Tok(t.word, "CUE")    # "אמא שלך בטח בעננים": surely, not "sure!"
        elif t.tag is None and t.word.isalpha() and (prev.word in _TITLES or prev.word[:1] in "וو" and prev.word[1:] in _TITLES):
            out[i] = _Tok(t.word, "NAME")    # "דודה רחל", "aunt Pam": the relative's name, not one more
        elif t.tag in _PERSON_TAGS and prev.word in _EVENT_OF:
            out[i] = _Tok(t.word, "CUE")    # "למפגש בני הדודים", "לחתונת בני": whose event (said in the construct form), not who comes
            if nxt is not None and nxt.tag is None and nxt.word in _COUSINS:
                out[i + 1] = _Tok(nxt.word, "CUE")
        elif t.word in _COUSIN_HEAD and nxt is not None and nxt.word in _COUSINS:
            out[i] = _Tok(t.word, "OTHERS")    # "בני הדודים שלי", "ובנות הדודות": cousins, not "my son"
            out[i + 1] = _Tok(nxt.word, "CUE")
        elif t.word in _POSSESSIVE and prev.word in _ARRIVAL and t.word in ("שלי", "שלנו"):
            out[i] = _Tok(t.word, "SELF1" if t.word == "שלי" else "WE")    # "מאשרת הגעה שלי ושל אמא שלי": my coming, and hers
            if nxt is not None and nxt.word == "ושל":
                out[i + 1] = _Tok(nxt.word, "AND")
        elif t.tag in _PERSON_TAGS and (prev.word == "של" or prev.word in ("my", "our", "the") and i >= 2 and out[i - 2].word == "of"
                                         and i >= 3 and out[i - 3].word in _CELEBRATION):
            out[i] = _Tok(t.word, "CUE")    # "אבא של הילדה", "לחתונה של הבת שלי", "the wedding of our niece": whose, not one more
        elif t.tag in _PERSON_TAGS and nxt is not None and nxt.word in _CELEBRATION and t.word.endswith("s"):
            out[i] = _Tok(t.word, "CUE")    # "my nephew's wedding": whose, not who comes
        elif t.tag is None and t.word[:1] == "ל" and len(t.word) > 3 and prev.word in _POSSESSIVE and i >= 2 \
                and out[i - 2].tag in _PERSON_TAGS:
            out[i] = _Tok(t.word, "CUE")    # "שותפה שלי לדירה", "חבר שלי בעבודה": who they are
        elif t.tag is None and t.word in _IN_LAW and prev.tag in _PERSON_TAGS:
            out[i] = _Tok(t.word, "OTHER", 1)   # "הבן והכלה": the son and his wife
        elif t.tag in (None, "POLITE") and t.word.isalpha() and t.word.isascii() and prev.word in ("my", "our", "his", "her", "your") \
                and nxt is not None and nxt.tag in _PERSON_TAGS:
            out[i] = _Tok(t.word, "CUE")    # "me and my new partner", "with our little one": who they are, described
        elif t.word in _NEXT_DOOR and prev.tag is None and prev.word.isalpha() and len(prev.word) > 3 and prev.word[:2] in ("מה", "בה", "לה"):
            out[i] = _Tok(t.word, "CUE")    # "מהקיבוץ השכן", "בבניין השכן": the place next door, not the neighbour
        elif _from_where(t) and prev.tag in _PERSON_TAGS:
            out[i] = _Tok(t.word, "CUE")    # "חבר מהצבא", "שירן מהמשרד": who they are, not more people
        elif t.word == "from" and i and (prev.tag in _PERSON_TAGS or prev.tag is None and prev.word.isalpha()) and nxt is not None \
                and nxt.tag in (None, "CUE") and (i + 2 == len(out) or nxt.tag == "CUE" and i + 3 == len(out) and out[i + 2].tag is None):
            for j in range(i, len(out)):
                out[j] = _Tok(out[j].word, "CUE")    # "Tom and Noa from the seminar", "my friend from work": who they are
    return out


# an event named by whose it is, in the Hebrew construct form ("למפגש בני הדודים", "לחתונת הבת שלנו", "להשבעת הנכד"): the person after
# it is whose event, not one more guest
_EVENT_OF = {_fold(p + w) for w in _words("מפגש חתונת מסיבת חינת הולדת טקס השבעת אירוסי פרידת פרישת סיומ חגיגת מצוות בריתת כנס איחוד")
             for p in ("", "ל", "ב", "ו", "ול", "וב")}
_COUSIN_HEAD = {_fold(w) for w in _words("בני בנות ובני ובנות")}
_COUSINS = {_fold(w) for w in _words("דודימ הדודימ דודות הדודות")}
_ARRIVAL = {_fold(w) for w in _words("הגעה ההגעה")}

_THIS_IS = {_fold(w) for w in _words("this it", "זו זה זאת", "هذه هذا", "")}


def _own_name(out: list[_Tok]) -> None:
    """"אני רותי ובעלי", "I'm Sarah and my husband", "זו נועה ובעלה", "это Оля с мужем": a name right after "I am" or
    "this is", opening the clause, is the writer's own name, not one more person (the writer and the husband: 2)."""
    k = 0
    while k < len(out) and out[k].tag == "GREET":
        k += 1    # "hi, I'm Sarah and my husband"
    if k >= len(out):
        return
    opener = out[k]
    if opener.tag == "SELF1" or opener.tag == "INTRO" or opener.word in _THIS_IS:
        n = k + 1
        if n < len(out) and out[n].word in ("am", "is"):
            n += 1
        elif opener.word in ("this", "it"):
            return    # "this Saturday and Sunday": "this is" introduces, "this" alone does not
        if n + 1 >= len(out):
            return
        name, nxt = out[n], out[n + 1]
        joined = nxt.tag == "AND" or nxt.tag in _PERSON_TAGS and nxt.word[:1] in "וو" and len(nxt.word) > 2
        if opener.tag != "SELF1" and name.tag == "SELF1" and joined:
            out[k] = _Tok(opener.word, "CUE")    # "это я с мужем", "זו אני ובעלי": as "я с мужем"
            return
        if name.tag is not None or not name.word.isalpha() or len(name.word) < 2 or not joined \
                or _lookup(name.word) is not None or name.word in _NUMBERS_FOLDED:
            return
        if name.word[0] in "וو" and len(name.word) > 2:
            return    # "אני, דני והתינוקת" (read as "אני ודני והתינוקת"): a list of people, the name one of them
        if opener.tag == "SELF1":
            out[n] = _Tok(name.word, "NAME")
        else:
            out[k], out[n] = _Tok(opener.word, "CUE"), _Tok(name.word, "SELF1")


# "the wedding of my niece", "my nephew's bar mitzvah": the person named is whose celebration it is
_CELEBRATION = set(_words("wedding party mitzvah mitzva birthday bris brit engagement graduation shower celebration simcha kiddush henna "
                          "reunion ceremony gathering"))
# "me and my crew": a group, how many not said
_GROUP = set(_words("crew gang lot tribe clan bunch mob squad team household folk folks lads peeps fam brood"))
_TITLES = {_fold(w) for w in _words("aunt aunty auntie uncle cousin grandma grandpa granny nana",
                                   "דודה הדודה דוד הדוד סבא סבתא", "عمتي خالتي عمي خالي", "тётя дядя")}
_SMALL = {_fold(w) for w in _words("קטן קטנה קטנים קטנות")}
_THE_LITTLE_ONE = {_fold(w) for w in _words("הקטן הקטנה הקטנטן הקטנטנה")}
_POSSESSIVE = {_fold(w) for w in _words("שלי שלנו שלו שלה")}
_IN_LAW = {_fold(w) for w in _words("והכלה והחתנ הכלה החתנ")}
_NEXT_DOOR = {_fold(w) for w in _words("השכן השכנה השכנים השכנות")}
_DEAR = {_fold(w) for w in _words("dear dearest", "יקר יקרה היקר היקרה יקירי יקירתי האהוב האהובה", "العزيز العزيزه الغالي الغاليه", "дорогая дорогой милая милый")}
_FAMILY = {_fold(w) for w in _words("family", "המשפחה משפחה", "العائله", "семьей")}
# "סה"כ 5", "5 in total": the number after these is the whole party
# "both of us", "שנינו", "Mr and Mrs": two grown-ups, the writer one of them (not "вдвоём с сыном": the son is the second)
_PAIR = {_fold(w) for w in _words("SELFNUMTWOX COUPLEX", "שנינו שתינו")}
_TOTAL_WORD = {_fold(w) for w in _words("total", "סהכ בסהכ", "المجموع", "всего итого")}
_NOT_NOUN = {_fold(w) for w in _words("עוד את עם של גם רק ועוד", "")}


def _and_prefixed(word: str) -> bool:
    """"והילדים", "ותינוק", "والولاد": a word joined to the one before by "and" (not "ولاد", kids, which is the word itself)."""
    return word[:1] in "וو" and len(word) > 2 and word not in LEX and _lookup(word[1:]) is not None


def _from_where(t: _Tok) -> bool:
    return t.tag is None and t.word.startswith("מה") and len(t.word) > 3


_TOO = {_fold(w) for w in _words("too also", "גמ", "тоже также", "كمان ايضا")}
_OF_THEM = {_fold(w) for w in _words("of", "מהמ מהנ מתוכמ מתוכנ", "из", "منهم")}
# "נועה מגיעה", "יונתן ואחותו יגיעו": a name (or "שני", a name and a number) before a third-person verb
_THIRD_SG = {_fold(w) for w in _words("מגיע מגיעה תגיע יגיע יבוא תבוא בא באה מצטרף מצטרפת יצטרף תצטרף")}
_ADD_VERBS = tuple(_fold(w) for w in _words("תוסיפ הוסיפ להוסיפ נוסיפ ותוסיפ והוסיפ"))
_WITH = {_fold(w) for w in _words("with", "עמ בליווי", "с со", "مع برفقه بصحبه معي")}
_THIRD_ABLE = {_fold(w) for w in _words("יוכל תוכל")}
_THIRD_PL = {_fold(w) for w in _words("מגיעים מגיעות יגיעו יבואו באים באות יצטרפו")}
_THEY_COME = {_fold(w) for w in _words("coming", "מגיעימ מגיעות באימ באות יגיעו יבואו", "جايين", "придут")}
_SG_VERBS = {_fold(w) for w in _words("מגיע מגיעה אגיע אבוא", "ساحضر اجي جاي جايه", "приду смогу буду")}
_SURE_WORDS = {_fold(w) for w in _words("sure certain", "בטוח בטוחה בטוחימ בטוחות", "متاكد متاكده متاكدين",
                                        "уверен уверена уверены")}
_PRONOUNS = {_fold(w) for w in _words("she he", "היא הוא", "هي هو", "она он")}
# what nobody has or does, said beside a question ("none of us have cars", "אף אחד מאיתנו לא נוהג"): no word about coming
_NOBODY_DOES = {_fold(w) for w in _words("have has had own owns drive drives driving eat eats know knows speak speaks drink drinks need needs use uses",
                                         "נוהג נוהגת נוהגים נוהגות יודע יודעת יודעים צריך צריכה צריכים שותה שותים מדבר מדברת מכיר מכירה מכירים "
                                         "רכב אוטו מכונית",
                                         "بسوق بيسوق سياره", "водит машины машина знает ест пьет")}
_LEAVING = {_fold(w) for w in _words("יוצא יוצאת יוצאים יוצאות")}
_WHICH_WHEN = {_fold(w) for w in _words("איזה איזו באיזה באיזו לאיזה מתי")}
_PAST_BE = {_fold(w) for w in _words("was were been", "הייתי היינו היה הייתה היתה", "كنت كنا كان كانت", "был была были")}
_NOT_ABILITY = {_fold(w) for w in _words("believe thank express describe imagine stop tell say wait")}   # "can't believe it"
_BE_WORDS = {_fold(w) for w in _words("be", "נהיה", "سنكون بنكون منكون نكون", "будем")}
# the number words that stand alone (not "שני", "שלושת", which lead a noun, nor "one", "אחד")
_WHOLE_NUMBERS = {_fold(w) for w in _words("two three four five six seven eight nine ten",
                                           "שניימ שתיימ שלושה שלוש ארבעה ארבע חמישה חמש שישה שש שבעה שבע שמונה",
                                           "اثنين تنين اتنين ثلاثه تلاته اربعه خمسه سته", "двое трое четверо пятеро")}
_GEN_SG = {"ребенка"}   # the singular Russian puts after 2, 3, 4 ("два ребёнка")
_ALONE = {_fold(w) for w in _words("alone solo", "לבד לבדי", "لحالي لوحدي وحدي", "один одна")}
_REGISTER = {_fold(w) for w in _words("תרשמו תרשום תרשמי רשמו register PUTDOWNX", "سجل سجلوا", "запишите")}
_CONTENT_FREE = {"POLITE", "THANKS", "BLESS", "GREET", "CUE", "JUST", "AND"}
_COUNT_TAGS = {"NUM", "DIGITS", "SELFNUM", "PEOPLE", "ADULT", "KID", "KIDS", "PLUS", "AND", "SELF1", "WE", "OTHER",
               "OTHERS", "PARTNER", "JUST", "CUE", "FAM", "YES", "COME", "POLITE", "THANKS", "WITHOUT", "BLESS",
               "MAYBE", "INCL", "AGE", "NAME", "LAUGH"}   # ("me, my wife and the triplets lol": a laugh beside the people counts none)


@dataclass
class _Clause:
    toks: list[_Tok]
    question: bool
    polarity: str | None = None   # "pos", "neg", "weakneg", "maybe", "conflict"
    subject: str = "self"          # "self" or "other"
    kids_subject: bool = False

    def tags(self) -> set[str]:
        return {t.tag for t in self.toks}


def _polarity(c: _Clause) -> None:
    tags = [t.tag for t in c.toks]
    tagset = set(tags)
    has_self = bool(tagset & {"SELF1", "WE", "SELFNUM"})
    has_other = bool(tagset & {"OTHER", "KID", "KIDS", "PARTNER", "OTHERS", "ADULT"})
    about_other = "WITHOUT" not in tagset or bool(tagset & {"AWAY", "NEG", "NOVERB"})
    if has_other and not has_self and about_other:
        # "my husband can't", "the kids won't come": a clause about someone else
        first_person = next((i for i, t in enumerate(c.toks) if t.tag in ("OTHER", "KID", "KIDS", "PARTNER", "OTHERS", "ADULT")), None)
        first_verb = next((i for i, t in enumerate(c.toks) if t.tag in ("COME", "NEG", "ABLE", "YES", "NOVERB")), None)
        # "תרשמי את ההורים שלי", "put my parents down": an order to register someone else is about them
        register = first_verb is not None and c.toks[first_verb].word in _REGISTER
        # "לא נוכל להגיע עם שני קטנים", "can't come with the baby": the people come after the verb and "with"; the writer is
        # who does not come
        with_them = first_person is not None and first_verb is not None and first_verb < first_person and any(
            t.word in _WITH for t in c.toks[first_verb:first_person])
        if first_person is not None and (first_verb is None or first_person < first_verb or "NEG" in tagset and not with_them
                                         or register):
            c.subject = "other"
            c.kids_subject = bool(tagset & {"KID", "KIDS"}) and (not (tagset & {"OTHER", "PARTNER"})
                                                                 or c.toks[first_person].tag in ("KID", "KIDS"))
    for i, t in enumerate(c.toks[:-1]):
        # "not sure", "לא בטוחה", "не уверены": doubt, not a no
        if t.tag == "NEG" and c.toks[i + 1].word in _SURE_WORDS and "STAY" not in tagset:
            c.polarity = "maybe"    # (but "לא בטוח שנישאר לריקודים" doubts the staying, not the coming)
            return
    if "NOBODY" in tagset and (tagset & _ATTEND_TAGS or not any(t.word in _NOBODY_DOES for t in c.toks)):
        c.polarity = "neg"    # ("none of us have cars", "אף אחד מאיתנו לא נוהג": nobody has or does something; nothing said of coming)
        c.subject = "self"
        return
    if "MAYBE" in tagset:
        c.polarity = "maybe"
        # "ננסה להוציא את אלון מהבסיס", "we'll try to get Dan out": the trying is about bringing someone else
        m = next(i for i, t in enumerate(c.toks) if t.tag == "MAYBE")
        after = [t.word for t in c.toks[m + 1:m + 4]]
        if len(after) >= 2 and not tagset & {"COME", "ABLE", "NEG"} and (
                after[0].startswith("ל") and after[1] in ("את", "אותו", "אותה", "אותמ")
                or after[:2] in (["to", "get"], ["to", "bring"]) and len(after) == 3 and after[2] not in ("there", "to")):
            c.subject = "other"
        return
    neg_idx = [i for i, t in enumerate(tags) if t == "NEG"]
    positive = "YES" in tagset or "COME" in tagset
    # "היינו בחו"ל", "we were abroad": away then, the reason for a late reply, not for missing the event
    away_now = any(t == "AWAY" and not (i and c.toks[i - 1].word in _PAST_BE) for i, t in enumerate(tags))
    negative = "NOWORD" in tagset or "NOVERB" in tagset or away_now or (
        len(c.toks) == 3 and c.toks[0].word == "no" and c.toks[1].word == "for" and tags[2] in _PERSON_TAGS)
    for i in neg_idx:
        after = [t for t in c.toks[i + 1:]]
        rest = [t.tag for t in after]
        # "no kids": a "no" before a person takes that person away
        if rest and rest[0] in ("KID", "KIDS", "OTHER", "PARTNER") and c.toks[i].word in ("no", "בלי", "без"):
            c.kids_subject = c.kids_subject or rest[0] in ("KID", "KIDS")
            continue
        if rest and rest[0] in ("DIGITS", "NUM"):
            continue   # "5 ולא 4": the number not meant
        if "STAY" in rest and "COME" not in rest[:rest.index("STAY")]:
            continue   # "לא אוכל להישאר", "can't stay long": not staying is still coming
        if i and tags[i - 1] == "ABLE" and rest and c.toks[i + 1].word not in _NOT_ABILITY and c.subject == "other":
            negative = True    # "hubby can't get off work", "we couldn't find a sitter": "can not" says it, whatever follows
            positive = positive and any(t in ("YES", "COME") for t in tags[:i - 1])
            continue
        if any(r in ("COME", "ABLE", "YES") for r in rest) or all(r in _CONTENT_FREE or r is None and False for r in rest) \
                or all(r in _CONTENT_FREE for r in rest):
            negative = True
            positive = positive and not any(r in ("COME", "YES", "ABLE") for r in rest) and \
                any(t in ("YES", "COME") for t in tags[:i])
    if "NOWORD" in tagset and not positive:
        negative = True
    if negative and positive:
        # "yes and no" inside one clause, or "can't wait" already removed
        yes_words = sum(t == "YES" for t in tags)
        c.polarity = "conflict" if yes_words and ("NOWORD" in tagset or tags.count("NEG") and
                                                  tags[tags.index("NEG") + 1:] == []) else "neg"
        return
    if negative:
        c.polarity = "neg"
    elif positive:
        c.polarity = "pos"
    elif "SORRY" in tagset:
        # "sorry for the late reply", "סליחה על השאלה": an apology for something else declines nothing
        apologies = [i for i, t in enumerate(c.toks) if t.tag == "SORRY"]
        if any(i + 1 >= len(c.toks) or c.toks[i + 1].word not in ("for", "על", "за", "على", "عن")
               for i in apologies):
            c.polarity = "weakneg"


def _count(clauses: list[_Clause], change: bool, partial: bool):
    """(adults, children, total, sure) from the clauses that are about who comes."""
    # "מצטרף עוד ילד, סה"כ 2 מבוגרים ו2 ילדים", "in total 2 adults and 3 kids": the total said, with its breakdown, is the count
    for c in reversed(clauses):
        k = next((k for k, t in enumerate(c.toks) if t.word in _TOTAL_WORD), None)
        rest = c.toks[k + 1:] if k is not None else []
        if rest and any(t.tag in ("DIGITS", "NUM") for t in rest) and any(t.tag in ("ADULT", "KIDS", "KID", "PEOPLE") for t in rest):
            clauses = [_Clause(rest, c.question, c.polarity if c.polarity != "neg" else None, "self", c.kids_subject)]
            break
    adults = children = None
    totals: list[int] = []
    plain: list[int] = []
    plus: list[int] = []
    self_n = 0
    others = 0
    we = False
    plural_unknown = False
    kids_unknown = False
    just = False
    with_other = False
    unsure = False
    sg_verb = False
    sg_self = False
    alone = False       # "Приду один", "اجي لحالي": a singular verb and "alone" is one person
    children_zero = False
    kids_counted = False
    plus_others = 0
    we_and = False
    plus_kids = 0       # "three of us plus a baby": a child named after "+" comes on top of the number
    people_plus = 0     # "2 אנשים וסבתא": one more named after "N people"
    within = 0          # "אנחנו 3, אחד מהם ילד": children counted inside the number said
    including = any(t.tag == "INCL" for c in clauses for t in c.toks)
    named = False       # people named in an earlier clause
    pair = None         # the children counted before "both of us" / "שנינו" (None: no such pair said)
    we_named = False    # "WE WILL BE THERE. GRANDPA MOSHE AND GRANDMA RUTH": after "we", a clause that only names who "we" are
    seen_we = False
    eldest = 0          # "הגדולה": the eldest, named; counted in a number said beside her ("נהיה 2+3, הגדולה מגיעה מהצבא")
    kids_on_top = False
    described = 0       # "2+1 (הקטנה בת שנתיים)": children only described after "N+M", in a clause of their own: who the M are
    # the children are the subject of "coming", and nobody else is said to come
    kids_alone = any(c.subject == "other" and c.kids_subject and c.polarity == "pos" for c in clauses) and not any(
        c.subject == "self" and c.polarity == "pos" for c in clauses) and not any(
        t.tag in ("SELF1", "WE", "SELFNUM", "OTHER", "PARTNER", "OTHERS") for c in clauses for t in c.toks)
    # "בעצם נהיה 3, הקטנה גם באה", "we'll be 3, the baby's coming too": a number said alone, and a child said to come in a
    # clause of its own; the child is why the number is what it is, counted in it
    number_alone = sum(1 for c in clauses if sum(t.tag in ("DIGITS", "NUM") for t in c.toks) == 1
                       and all(t.tag in ("DIGITS", "NUM", "CUE", "WE", "COME", "YES") for t in c.toks)) == 1
    for c in clauses:
        toks = c.toks
        if c.subject == "other" and c.polarity == "pos" and _comes_apart(toks):
            continue    # "סבתא ואני נבוא, הנכדים יבואו עם ההורים שלהם": they come, but with their own people, not in this party
        if c.subject == "other" and c.polarity in ("neg", "weakneg"):
            if c.kids_subject:
                children_zero = True
            continue
        tags = [t.tag for t in toks]
        if seen_we and c.polarity is None and set(tags) <= {"OTHER", "PARTNER", "NAME", "AND", "CUE"} \
                and sum(t.value or 0 for t in toks if t.tag in ("OTHER", "PARTNER")) >= 2 and not any(t.word in _WITH for t in toks):
            we_named = True
        seen_we = seen_we or "WE" in tags
        if tags and tags[0] in ("DIGITS", "NUM") and all(t.tag == "CUE" for t in toks[1:]) and named and toks[0].value \
                and len(toks) <= 3:
            totals.append(toks[0].value)   # "נבוא עם הקטן, 3", "me, my wife and the baby, 3": after the people, the sum
            continue
        if plus and c.polarity is None and "KID" in tags and all(
                t.tag in ("KID", "AGE", "CUE", "NAME", "POLITE") and not (t.tag == "KID" and t.word[:1] in "וو")
                or t.tag in ("DIGITS", "NUM") and any(x.tag == "AGE" for x in toks[max(0, k - 1):k + 2]) for k, t in enumerate(toks)):
            described += sum(t.value or 1 for t in toks if t.tag == "KID")
        named = named or bool(set(tags) & {"KID", "KIDS", "OTHER", "PARTNER", "OTHERS"})
        # ("רק אני ואשתי במקום 4": the number replaced is said, not an unknown word)
        said = [t for k, t in enumerate(tags)
                if not (toks[k].word in _INSTEAD and any(x.tag in ("DIGITS", "NUM") for x in toks[k + 1:k + 3]))]
        if len(said) == len(tags) and len(tags) >= 3 and tags[-1] in ("OTHERS", "OTHER", "PARTNER"):
            j = len(tags) - 2
            while j > 0 and tags[j] == "CUE":
                j -= 1
            if j > 0 and tags[j] == "NEG":
                said = said[:j]    # "רק אני ולא כל המשפחה": who does not come, after those who do
        unknown = any(t is None for t in said)
        if "BLESS" in tags and not set(tags) & {"COME", "YES", "DIGITS", "NUM", "SELFNUM", "PEOPLE"}:
            continue   # "מזל טוב לכל המשפחה", "congrats to you both": who is blessed, not who comes
        anchored_clause = not unknown and all(t in _COUNT_TAGS for t in said)
        persons_count = anchored_clause or c.polarity == "pos"
        # "אני ונועה באות ביחד", "me n maya r coming": the writer and people named, coming together
        first = next((k for k, t in enumerate(toks[:3]) if t.tag == "SELF1"), None)
        listed = first is not None and (c.polarity == "pos" and "COME" in tags or all(
            t.tag in _COUNT_TAGS or t.tag is None and (t.word[:1] == "ו" or toks[k - 1].tag == "AND") for k, t in enumerate(toks) if k > first))
        if first is not None and first > 0 and toks[first - 1].tag is None and toks[first - 1].word.isalpha() \
                and (toks[first].word.startswith("ו") or first > 1 and toks[first - 2].tag is None) and c.polarity == "pos":
            others += 1     # "רוני ואני באים": a name, and the writer
        # "אני נועה ושני הילדים": the writer's own name, then who comes with her (not one more person)
        own_name = first is not None and first + 2 < len(toks) and toks[first + 1].tag is None and toks[first + 1].word.isalpha() \
            and toks[first + 1].word[:1] not in "וو" and toks[first + 2].word[:1] == "ו" and len(toks[first + 2].word) > 1 \
            and all(t.tag in _COUNT_TAGS for t in toks[first + 2:])
        listed = listed or own_name
        if listed:
            k, named = first + 1 + own_name, 0
            persons_count = persons_count or own_name
            while k < len(toks):
                t = toks[k]
                if t.tag == "AND" and k + 1 < len(toks) and toks[k + 1].tag is None and toks[k + 1].word.isalpha():
                    named, k = named + 1, k + 2
                elif t.tag is None and re.fullmatch("ו[\u05d0-\u05ea]{2,}", t.word):
                    named, k = named + 1, k + 1
                elif t.tag in ("OTHER", "PARTNER", "KID") and t.value and t.word[:1] == "ו" and k + 1 < len(toks):
                    k += 1    # "אני ובעלי ונועה ואיתי": a relative in the list (counted below), and the names go on
                elif t.tag == "AND" and k + 2 < len(toks) and toks[k + 1].tag in ("OTHER", "PARTNER", "KID") and toks[k + 1].value \
                        and toks[k + 2].tag == "AND":
                    k += 2    # "me and Tom and Gal and Noa": the same, joined by "and"
                else:
                    break
            others += named
            persons_count = persons_count or (named > 0 and all(t.tag in _COUNT_TAGS for t in toks[k:]))
        i = 0
        while i < len(toks):
            t = toks[i]
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            prev = toks[i - 1] if i > 0 else None
            if t.tag == "WITHOUT" and nxt and nxt.tag in ("KID", "KIDS"):
                children_zero = True
                i += 2
                continue
            if t.tag == "WITHOUT" and nxt and nxt.tag in ("OTHER", "PARTNER", "OTHERS"):
                i += 2
                continue
            if t.tag == "NEG" and nxt and nxt.tag in ("KIDS", "KID"):
                children_zero = True
                i += 2
                continue
            if t.tag == "NEG" and nxt and nxt.tag in ("DIGITS", "NUM"):
                i += 2
                continue
            if t.tag == "NEG" and i > 0:
                # "רק אני ולא כל המשפחה", "just me, not my husband": who is named after the "not" does not come
                j = i + 1
                while j < len(toks) and toks[j].tag == "CUE":
                    j += 1
                if j < len(toks) and toks[j].tag in ("OTHERS", "OTHER", "PARTNER") and j + 1 == len(toks):
                    i = j + 1
                    continue
            if t.tag in ("DIGITS", "NUM") and nxt is not None and nxt.word in _INSTEAD:
                after = toks[i + 2] if i + 2 < len(toks) else None
                after = toks[i + 3] if after is not None and after.word == "of" and i + 3 < len(toks) else after
                if after is not None and after.tag in ("DIGITS", "NUM"):
                    totals.append(t.value)   # "3 במקום 2", "4 instead of 5": the new head count
                    i = toks.index(after, i) + 1
                    continue
            if t.tag in ("DIGITS", "NUM") and nxt is not None and nxt.tag == "NEG" and i + 2 < len(toks) \
                    and toks[i + 2].tag in ("DIGITS", "NUM"):
                totals.append(t.value)   # "4 ולא 2", "4 not 2", "4 مش 2": the number meant, then the one it puts right
                i += 3
                continue
            if t.word in _INSTEAD:   # "3 instead of 2", "3 بدل 2", "3 במקום 2": the number replaced
                after = toks[i + 2] if nxt is not None and nxt.word == "of" and i + 2 < len(toks) else nxt
                if after is not None and after.tag in ("DIGITS", "NUM"):
                    i = toks.index(after, i) + 1
                    continue
            if t.tag in ("DIGITS", "NUM"):
                n = t.value
                approx = prev is not None and prev.word in ("בערכ", "around", "about") and (i >= 2 and
                    toks[i - 2].tag in ("CUE", "WE", "SELFNUM") or i == 1 and len(toks) == 2 and t.word[:1] != "ב")   # "נהיה בערך 8": about 8 people
                # ("..., בערך 11": after the people are listed, the number alone sums them up)
                if approx:
                    unsure = True
                elif t.tag == "DIGITS" and (prev and prev.word in _TIME_BEFORE or nxt and nxt.word in _TIME_AFTER and not (
                        nxt.word in _BEFORE_AFTER and not (i + 2 < len(toks) and (toks[i + 2].tag == "DIGITS" or toks[i + 2].word in _DAYTIME)))):
                    # ("נגיע 3 אחרי הגן": three of us, after kindergarten; "3 אחרי הצהריים", "5 לפני 8": a time)
                    i += 1
                    continue
                if prev and prev.tag == "AGE" or nxt and nxt.tag == "AGE":
                    i += 1
                    continue    # "ילדה בת 4", "a boy aged 6": an age, not more people
                if nxt and nxt.tag == "ADULT":
                    adults = (adults or 0) + n
                    i += 2
                    continue
                j = i + 2 + (i + 2 < len(toks) and toks[i + 2].word in ("them", "us"))
                while nxt and nxt.word in _OF_THEM and j < len(toks) and toks[j].word in ("is", "are", "a", "an", "little", "small"):
                    j += 1
                if nxt and nxt.word in _OF_THEM and j < len(toks) and toks[j].tag in ("KID", "KIDS") and j <= i + 5:
                    # "אנחנו 3 אבל אחד מהם ילד", "we're 4, two of them are kids": children among the number said, not more people
                    children = (children or 0) + n
                    within += n
                    kids_counted = True
                    i = j + 1
                    continue
                after = toks[i + 2] if i + 2 < len(toks) else None
                # "ו3 ילד", "2 kid": the singular after a number above one (a learner's grammar) counts that many children
                # (not "3 ילד אחד קטן": a number said again after the noun)
                # ("два ребёнка", "3 ребёнка": Russian says 2-4 with the singular, in words or digits)
                learner = nxt is not None and nxt.tag == "KID" and nxt.value == 1 and (t.tag == "DIGITS" or nxt.word in _GEN_SG) \
                    and not _and_prefixed(nxt.word) \
                    and 2 <= n <= 10 \
                    and not (after is not None and after.tag in ("NUM", "DIGITS"))
                if nxt and (nxt.tag == "KIDS" and not _and_prefixed(nxt.word) or nxt.tag == "KID" and n == 1 or learner):
                    children = (children or 0) + n
                    kids_counted = True
                    if prev and prev.tag == "PLUS":
                        plus_kids += n
                    i += 2
                    while i < len(toks) and toks[i].tag in ("KIDS", "KID") and toks[i].value is None:
                        i += 1    # "שלושה ילדים קטנים": the children counted, described
                    continue
                if nxt and nxt.tag == "OTHERS" and persons_count:
                    others += n     # "אני ושני החברים שלי": a number of friends
                    i += 2
                    continue
                if nxt and nxt.tag == "PEOPLE":
                    if totals and prev is not None and prev.tag in ("AND", "PLUS") and i >= 2 and toks[i - 2].tag == "PEOPLE" \
                            and toks[i - 2].word != nxt.word:
                        totals[-1] += n    # "2 גברים ו3 נשים", "3 men and 2 women": two groups, one party
                    else:
                        totals.append(n)
                    i += 2
                    # "2 אנשים וסבתא", "2 of us + a car seat baby": someone named after "N people" with "and" / "+" comes on top
                    # (not "with": "4 people with the kids" counts them in)
                    j = i + 1 if i < len(toks) and (toks[i].tag == "PLUS" or toks[i].word in ("and", "ו", "و", "и")) else i
                    while j < len(toks) and toks[j].tag == "CUE":
                        j += 1
                    if j < len(toks) and j > i or j < len(toks) and toks[j].word[:1] in "וو" and len(toks[j].word) > 2:
                        if toks[j].tag == "KID" and toks[j].value and (j == i or toks[i].tag == "AND"):   # (after "+", below)
                            plus_kids += toks[j].value
                        elif toks[j].tag in ("OTHER", "PARTNER") and toks[j].value:
                            people_plus += toks[j].value
                    continue
                if prev and prev.word in _TOTAL_WORD or nxt and nxt.word in _TOTAL_WORD and t.tag == "DIGITS":
                    totals.append(n)    # "עם שלושת הילדים, סה"כ 5", "so 4 total"
                    i += 1
                    continue
                if prev and (prev.word in _REGISTER or prev.word == "PUTDOWNX" or prev.word in ("for", "as") and i >= 2
                             and toks[i - 2].word == "PUTDOWNX"):
                    totals.append(n)    # "אז תרשמי ארבע", "put us down for 4", "put us down as 6": the number to write down is the count
                    i += 1
                    continue
                if prev and prev.tag == "FAM":
                    totals.append(n)
                    i += 1
                    continue
                if prev and prev.tag == "KID" and n == 1:
                    i += 1
                    continue   # "ילד אחד"
                # ("תוסיפו עוד אחד" asks to add one to the count already given: a change, not a head count)
                more = prev is not None and prev.word == "עוד" and i >= 2 and (toks[i - 2].tag == "PLUS" or t.tag == "DIGITS" and (
                    toks[i - 2].tag in ("AND", "COME") or nxt is None and not toks[i - 2].word.startswith(_ADD_VERBS))) or \
                    nxt is not None and nxt.word == "more" and prev is not None and prev.tag == "AND"
                if more and (nxt is None or nxt.tag in ("PEOPLE", "ADULT", "CUE") or _from_where(nxt) or nxt.word == "more"):
                    plus.append(n)    # ("עוד 2 ימים", "in 2 more days": no one more)
                    i += 1
                    continue
                if prev and prev.tag == "PLUS" or (prev and prev.word in ("ועוד",)):
                    plus.append(n)
                    i += 1
                    continue
                anchored = anchored_clause or approx or "FAM" in tags or (
                    prev is not None and prev.tag in ("COME", "YES", "CUE", "WE") and t.tag == "DIGITS") or (
                    # "..., בסוף הוא ינצח אז כנראה 2": a likely number, last in its clause
                    prev is not None and prev.tag == "MAYBE" and t.tag == "DIGITS" and nxt is None) or (
                    prev is not None and prev.tag == "SELFNUM" and prev.value is None and t.tag == "DIGITS") or (   # "كلنا ٥": all of us, 5
                    prev is not None and prev.tag == "WE" and t.tag == "NUM") or (   # "אנחנו זוג", "אנחנו שלושה"
                    # "... אני רוצה להגיד שנהיה ארבע", "אנחנו באים שניים": a number word that ends the clause after "we'll be"
                    # or "coming" (not "שני", "שלושת": they lead a noun)
                    prev is not None and t.tag == "NUM" and t.word in _WHOLE_NUMBERS and (nxt is None or nxt.tag == "PEOPLE")
                    and (prev.tag == "COME" or prev.tag == "CUE" and prev.word.removeprefix("ש").removeprefix("ו") in _BE_WORDS)) or (
                    # "נהיה רק 2", "we'll be only 3": "only" before a number about the party
                    prev is not None and prev.tag == "JUST" and t.tag == "DIGITS"
                    and (i < 2 or toks[i - 2].tag in ("COME", "YES", "CUE", "WE")))
                if anchored:
                    plain.append(n)
                i += 1
                continue
            if not persons_count and t.tag in ("SELFNUM", "KID", "KIDS", "OTHER", "PARTNER", "OTHERS", "SELF1", "WE"):
                i += 1
                continue
            if t.tag == "SELFNUM":
                if t.value:
                    totals.append(t.value)
                    if t.value == 2 and t.word in _PAIR and pair is None:
                        pair = children or 0    # "both of us", "שנינו": two grown-ups; children named after come on top
                else:
                    plural_unknown = True
            elif t.tag == "KID" and kids_counted and nxt is not None and nxt.tag == "AGE" \
                    and (not re.match(f"ו[{_HEB}]", t.word) or t.word[:2] == "וה"):
                pass    # "3 ילדים (הקטן בן שנה)": one of the children counted, and their age
                # ("שני ילדים ותינוק בן חודשיים": "and a baby", one more, with its age)
            elif t.tag == "KID":
                children = (children or 0) + (t.value or 1)
                if t.word in _ELDEST or number_alone and c.subject == "other" and c.polarity == "pos" \
                        and not set(tags) & {"DIGITS", "NUM", "PLUS", "AND", "SELF1", "WE", "OTHER", "PARTNER", "OTHERS"}:
                    eldest += t.value or 1
                if prev is not None and prev.tag == "OTHER" and prev.word.removeprefix("ו") in _CHILD_OF and others \
                        and not t.word.startswith("ו"):
                    others -= 1    # "והבנ הקטנ", "our son the baby": the son is the child, said twice
                back = i - 1
                while back >= 0 and toks[back].tag == "CUE":
                    back -= 1
                if back >= 0 and toks[back].tag == "PLUS":
                    plus_kids += t.value or 1
                elif back >= 1 and toks[back].tag == "AND" and toks[back].word in _WITH and toks[back - 1].tag in ("DIGITS", "NUM") \
                        and plain and plain[-1] == toks[back - 1].value and not _and_prefixed(t.word) \
                        and not (back >= 2 and toks[back - 2].tag in ("COME", "YES")):
                    # "we are 3 with the small one", "אז 4 עם התינוק": the child is one of the number said
                    # (after a verb, "נגיע 2 עם תינוק", the number is who comes and the baby comes with them: 3)
                    within += t.value or 1
            elif t.tag == "KIDS" and nxt and nxt.tag == "NUM" and nxt.word.startswith("ال"):
                children = (children or 0) + nxt.value    # "ولادنا التلاتة": our three children
                i += 1
            elif t.tag == "KIDS" and (k := i + 1 + (nxt is not None and nxt.word in _POSSESSIVE)) < len(toks) \
                    and (toks[k].tag == "NUM" or toks[k].tag == "DIGITS" and toks[k].value <= 12 and not any(
                        x.tag in ("NUM", "DIGITS") or x.word in _TIME_AFTER for x in toks[k + 1:k + 3])
                        and not any(x.tag == "INCL" or x.word in _TOTAL_WORD for x in toks[:i])) \
                    and toks[k].value and not (k + 1 < len(toks) and (toks[k + 1].tag in
                    ("KID", "KIDS", "ADULT", "PEOPLE", "AGE", "OTHERS", "NUM", "DIGITS") or toks[k + 1].word in _OF_THEM)):
                # "הילדים שלי שניים", "ילדים שלושה", "אנחנו 2 + הילדים 3": the number said after them (not "שניים מהם קטנים",
                # not ages "שתיים ושלוש", "3 ו-5"; "כולל הילדים 5": all of them, the children among them)
                children = (children or 0) + toks[k].value
                kids_counted = True
                i = k
            elif t.tag == "KIDS":
                kids_unknown = True
                back = i - 1
                while back >= 0 and toks[back].tag == "CUE":
                    back -= 1
                number = back
                if back >= 0 and (toks[back].tag == "PLUS" or toks[back].word in ("and", "ועוד")):
                    number = back - 1
                    while number >= 0 and toks[number].tag == "CUE":
                        number -= 1
                elif not _and_prefixed(t.word):
                    number = -1
                if number >= 0 and (toks[number].tag in ("DIGITS", "NUM") or toks[number].tag == "ADULT" and number
                                    and toks[number - 1].tag in ("DIGITS", "NUM")):
                    kids_on_top = True    # "אנחנו 2 + הילדים", "we are 2 and the kids": children on top, how many not said
            elif t.tag in ("OTHER", "PARTNER"):
                others += t.value or 1
                back = i - 1
                while back > 0 and toks[back].tag == "CUE":
                    back -= 1    # "+ my gf", "with our son"
                prev = toks[back] if back >= 0 else None
                if (prev and (prev.tag == "AND" and prev.word.removeprefix("و") in _WITH or prev.tag == "PLUS")
                        or any(x.word in _TOO for x in toks) and not any(x.word == "וגמ" for x in toks)
                        and (self_n or others == (t.value or 1) or prev and prev.tag == "AND" and prev.word in _WITH)) \
                        and not (c.subject == "other" and prev and prev.tag == "AND"
                                 and any(x.tag == "COME" for x in toks)):
                    # ("אבי יגיע עם אמי": with the one who comes, not with the writer; "גם לתפילה וגם לקידוש": both, not "too")    # "yes, and my mom too": one more beside the writer
                    # ("she's coming, and grandpa too": too beside her, someone else said to come before, not beside the writer)
                    with_other = True   # "with my wife", "plus my girlfriend": the writer and one more
                if prev and prev.tag == "PLUS":
                    plus_others += t.value or 1   # "אנחנו 4 + סבתא": one more on top of the number
                if t.word == "PLUSONEX":
                    with_other = True   # "plus one!": the writer and one more
            elif t.tag == "OTHERS" and t.word in _FAMILY:
                we = True    # "נגיע כל המשפחה, אני בעלי ו4 ילדים": the family, spelled out or not
            elif t.tag == "OTHERS":
                plural_unknown = True
            elif t.tag == "SELF1":
                self_n = 1
            elif t.tag == "WE":
                if nxt and nxt.tag == "AND" and nxt.word in ("с", "со"):
                    self_n = 1    # "мы с женой": my wife and I
                elif nxt and nxt.tag in ("DIGITS", "NUM") and (t.word[:1] in "וو" or prev and prev.tag == "AND") and others:
                    we_and = True    # "סבא, סבתא, ואנחנו 4": the number is ours, the others come on top
                else:
                    we = True
            elif t.tag == "JUST":
                just = True
                alone = alone or t.word in _ALONE
            elif t.tag == "PLUS" and nxt is None:
                pass
            if t.tag == "COME" and t.word in _SG_VERBS:
                sg_verb = True
                # "מגיעה עם שתי הבנות": a first-person singular verb with nobody named before it is the writer
                if c.subject == "self" and not any(
                        x.tag in ("OTHER", "PARTNER", "KID", "KIDS", "OTHERS", "WE", "SELFNUM") for x in toks[:i]):
                    sg_self = True
            i += 1
    if described and sum(plus) == described and children == described:
        plus = []    # ("2+1 (הקטנה בת שנתיים)": the 1 is the little one, counted once)
    if eldest and (plain or plus or totals) and children:
        children = children - eldest or None
    if children_zero and children is None and not kids_unknown:
        children = 0
    if kids_counted:
        kids_unknown = False    # "with the kids, 2 big 2 small": the kids, then how many
    if sg_self and not self_n and not we and (others or children):
        self_n = 1
    kids_known = children is not None and not kids_unknown
    total = None
    if including and plain and children is not None:
        totals.append(plain[0])
        adults = plain[0] - children if children <= plain[0] else None
    if totals:
        total = totals[-1]
        if plus_kids and children == plus_kids and len(totals) == 1 and not including:
            adults, total = total, total + children
        elif pair == 0 and len(totals) == 1 and (children or kids_unknown) and not including and not plain and not children_zero:
            # "both of us and the baby", "שנינו ושני הילדים": the pair, and the children on top (how many, when said)
            adults, total = (2, 2 + children) if kids_known else (None, None)
        if len(set(totals)) > 1 and not change:
            unsure = True
        if people_plus and len(totals) == 1:
            total += people_plus
        if children is not None and adults is None and children <= total and not (children_zero and not children):
            adults = total - children
    elif adults is not None or (children and plain):
        base = adults if adults is not None else None
        if base is None and plain:
            base = plain[-1]
            if len(plain) > 1:
                unsure = True
            # "2 + ילד", "זוג ותינוק": the number is the adults, the child comes on top (a clear answer)
            # but "אנחנו שלושה, אני ושני הילדים": when the people named add up to the number, it is the total
            if len(plain) == 1 and (self_n or kids_alone) and children and not plus and kids_known and \
                    self_n + others + children == plain[0]:
                base = plain[0] - children    # ("הבנים רוצים לבוא, אנחנו לא. אז 2 מגיעים": the children alone, 2)
        if base is None and (self_n or others):
            base = self_n + others
        if base is not None and kids_known:
            adults = base
            total = base + (children or 0) + sum(plus)
        elif base is not None and not kids_unknown and children is None:
            adults, total = base, base + sum(plus)   # "2 מבוגרים + 1": one more on top of the grown-ups
    elif plain or plus:
        if plain and plus:
            total = plain[-1] + sum(plus)
            if len(plain) == 1 and len(plus) == 1 and kids_unknown and children is None and not kids_counted \
                    and plain[0] == self_n + others and plain[0] and not we:
                # "רק אני והילדים, 1+3", "me, hubby and the kids, 2+3": the grown-ups named, then "N+M", N of them and M
                # children
                adults, children = plain[0], plus[0]
        elif plus:
            total = max(self_n, 1) + others + sum(plus)
        elif len(plain) == 1:
            total = plain[0] + plus_others + (others if we_and and not self_n else 0)
        elif change:
            total = plain[-1]
        else:
            total, unsure = None, True   # "1 2 3"
        if children and total is not None and kids_known:
            adults = total
            total += children
    elif self_n or others or children:
        # "we're coming, me my husband and our 3 girls": the people named are the "we"
        if plural_unknown or kids_unknown or (we and not (self_n and (others or children)) and not (we_named and not self_n and not with_other)):
            total = None
        else:
            base = self_n or (1 if with_other else 0)
            if base == 0 and others and children is None:
                total = others   # "סבא וסבתא מגיעים"
            elif base == 0 and others and children and not kids_unknown and not we:
                adults, total = others, others + children   # "אמא, אבא ו5 ילדים"
            elif base == 0 and not others and children and kids_alone:
                adults, total = 0, children   # "רק הילדה תגיע", "התאומים יגיעו": the children come, the parents do not
            elif base:
                if others or children or just or partial:
                    total = base + others + (children or 0)
                    if children:
                        adults = base + others
    elif just and not we:
        total = None
    if total is None and (partial and sg_verb or alone) and not we and not (others or children):
        total = 1    # "Приду один", "coming solo", "אני מגיע, אשתי לא"
    if children_zero and total is not None and not children:
        adults = total    # (not "with our 2 boys, the baby stays with grandma": one child stays, two come)
    if within and total is not None and adults is not None and total - within >= children:
        total -= within    # ("we're 3, one of them a kid": 3, of whom 1 child)
        adults = total - children
    if kids_on_top and kids_unknown and total is not None and not totals and not including:
        total, adults, unsure = None, None, True    # ("אנחנו 2 + הילדים": 2 and the children; how many in all is not said)
    if total is not None and total < 0:
        return None, None, None, False
    return adults, children, total, not unsure   # (a total above MAX_PARTY_SIZE is the caller's to set aside)


# "?", "מה?", "מי זה?", "who is this?", "что это?", "مين؟": someone who does not know who writes, or what about
_OPENER = (r"(?:sorry|excuse me|hi|hey|hello|good (?:morning|evening|afternoon)|um+|uh+|hmm+|but|ok|so|erm|סליחה|היי|הי|שלומ|אהלנ|ערב טוב|בוקר טוב|רגע|אמ+|אה+|הממ+|אוקיי"
           r"|извините|простите|здравствуйте|привет|добрый (?:день|вечер)|ой|эм+|مرحبا|سلام|عفوا|اهلا|لو سمحت|مساء الخير|صباح الخير)")
_OPENER_WORDS = r"(?:" + _OPENER + r"\s+)*"
_OPENER_ONLY = _rx(_OPENER + r"(?:\s+" + _OPENER + r")*")
_WHO_IS_THIS = _rx(
    _OPENER_WORDS + r"(?:who is (?:this|it|that)(?: from)?|who (?:is )?invit\w*(?: me| us)?|whose (?:event|wedding|party|invitation) is (?:this|it)|who dis|who are (?:you|u)|who (?:sent|sends|wrote) (?:this|that|it|me this)"
    r"|what is (?:this|that|it)(?: about| for)?|what|huh|what is going on|i do not (?:understand|get it)|do i know you)(?: (?:please|pls|plz|again|exactly))?",
    _OPENER_WORDS + r"(?:מי (?:זה|זאת|זו|אתמ|אתה|את|אתנ|שולח|שלח|כותב|כותבת)(?: את זה| לי| את ההודעה)?|מי (?:מזמינ|מזמינה|מזמינימ|הזמינ|הזמינה|הזמינו)(?: אותי| אותנו)?|של מי (?:האירוע|החתונה|ההזמנה|זה)|זה מי|מה|מה זה|מה זאת|מה זו|מה זה אומר"
    r"|מה (?:זה|זאת) ה?הודעה ה?(?:זאת|זו)|מה הקטע|מה העניינ|מה קורה פה|מה זה בכלל|לא הבנתי(?: מה זה| מי זה| מי אתמ)?|אנחנו מכירימ|מכירימ)(?: (?:בבקשה|בדיוק|זה|בכלל))?",
    _OPENER_WORDS + r"(?:кто это|это кто|кто (?:приглашает|пригласил|пригласила)|кто вы|вы кто|кто пишет|что это|это что|что это такое|что|от кого это|не понял|не поняла|не понимаю|мы знакомы)",
    _OPENER_WORDS + r"(?:مين|مين هاد|مين هذا|مين هاي|مين انت|مين انتو|مين انتم|مين حضرتك|مين معي|من انت|من هذا|من انتم|شو|شو هاد|شو هذا|شو هيدا|شو هاي"
    r"|ايش|ايش هذا|ما هذا|شو يعني|مش فاهم|مش فاهمه|منعرف بعض)")
# "מי זה? לא שמור לי המספר", "who is this? I don't have this number": the same, with why they ask
_UNSAVED = _rx(r"(?:i )?(?:do not|dont) (?:have|know) (?:this|your|the) (?:number|contact)(?: saved)?|(?:this |your )?number (?:is )?not saved|(?:i )?do not know (?:you|who (?:this|you) (?:is|are))",
               r"(?:ה)?מספר (?:לא|אינו) שמור(?: לי| אצלי)?|לא שמור (?:לי|אצלי)(?: ה?מספר)?(?: ה?זה)?|אינ לי (?:את )?ה?מספר(?: ה?זה| שלכמ)?|לא מכיר(?:ה|ימ)? (?:את )?ה?מספר(?: ה?זה)?",
               r"(?:номер|ваш номер|этот номер) не сохранен|не знаю (?:этот|ваш) номер", r"(?:الرقم |رقمك )?(?:مش|مو) (?:متسجل|محفوظ)(?: عندي)?")


def asks_who_is_writing(text: str) -> bool:
    """True when a message only asks who writes, or what this is ("?", "מה?", "מי זה?", "who is this?",
    "что это?", "مين؟"), perhaps with why ("the number isn't saved"): no question for the organisers."""
    if not isinstance(text, str) or len(text) > 120:
        return False
    norm = normalise(text)
    if not norm:
        return False
    parts = [re.sub(r"[\W_]+", " ", p).strip() for p in re.split(r"[?؟!.,;:\n]+", norm)]
    parts = [p for p in parts if p]
    if not parts:
        return bool(re.fullmatch(r"[\s?؟!.…]*[?؟][\s?؟!.…]*", norm))   # "?", "??", "?!"
    return any(_WHO_IS_THIS.fullmatch(p) for p in parts) \
        and all(_WHO_IS_THIS.fullmatch(p) or _UNSAVED.fullmatch(p) or _STRANGER.fullmatch(p) or _OPENER_ONLY.fullmatch(p)
                for p in parts)


# the kinds of event a guest names an invitation by ("לא נגיע לאירוסין", "we can't make the bar mitzvah")
_KIND_WORDS = {
    "wedding": r"wedding|חתונה|חתונת|свадьб\w*|عرس|العرس|فرح|الفرح|زفاف|الزفاف",
    "henna": r"henn?a|hina|חינה|хн[аыу]|حنه|الحنه",
    "engagement": r"engagement|אירוסינ|ארוסינ|אירוסימ|помолвк\w*|خطوبه|الخطوبه",
    "mitzvah": r"mitzvah?|mitzwah|מצווה|מצוה|\w*мицв\w*|بار متسفا",
    "brit": r"brit|bris|ברית|בריתה|брит\w*|طهور|الطهور",
    "kiddush": r"kiddush|קידוש|кидуш\w*",
    "birthday": r"birthday|bday|יומולדת|יומהולדת|יומ הולדת|дн[ея] рождения|днюх\w*|عيد ميلاد",
    "aufruf": r"aufruf|שבת חתנ",
    "sheva_brachot": r"sheva brachot|שבע ברכות",
    "housewarming": r"housewarming|חנוכת בית|новосель\w*",
    "graduation": r"graduation|выпускн\w*|تخرج|التخرج",
}
_KINDS = {kind: _rx(r"(?<![^\W_])[ובלהמ]{0,2}(?:" + words + r")(?![^\W_])") for kind, words in _KIND_WORDS.items()}
_HE_PREFIXES = "ובלהמ"
# words that name no event ("the", "של", "of"), and the words before a name that make it the event's ("to Yoni's", "לחתונה של")
_NAME_FILLER = {_fold(w) for w in _words("the a an of and to at for on in my our your his her their party event celebration",
                                         "של את עמ ה ו אירוע מסיבה", "и на в для с у праздник вечеринка", "من في على حفله حفل")}
_EVENT_POSITION = {_fold(w) for w in _words("to at for the make miss attend of", "של", "на в к у", "على في حفله حفل")}


def _variants(word: str) -> set[str]:
    """A word and the word without one or two Hebrew prefixes ("לאירוסין" → "אירוסין")."""
    out = {word}
    for k in (1, 2):
        if len(word) - k >= 3 and all(ch in _HE_PREFIXES for ch in word[:k]):
            out.add(word[k:])
    return out


def event_kinds(text: str) -> set[str]:
    """The kinds of event a text names ("לאירוסין" → {"engagement"}, "the bar mitzvah" → {"mitzvah"}),
    in any of the four languages; also what an event's own name says it is."""
    norm = normalise(text) if isinstance(text, str) else ""
    return {k for k, rx in _KINDS.items() if rx.search(norm)} if norm else set()


def events_named(text: str, names: list[str]) -> set[int]:
    """Which of these event names a guest's message names: by the kind of event ("לאירוסין", "the bar mitzvah")
    or by a word only that name has, said where an event is named ("לאירוע של יוני", "to Yoni's"). Several or
    none: the caller asks which."""
    if not isinstance(text, str) or not names:
        return set()
    norm = normalise(text)
    said = event_kinds(text)
    kinds = [event_kinds(n) for n in names]
    by_kind = {i for i, ks in enumerate(kinds) if ks & said}
    words = [{v for w in re.findall(r"[^\W_]+", normalise(n)) for v in _variants(w)
              if len(v) >= 3 and v not in _NAME_FILLER and not v.isdigit()} for n in names]
    toks = re.findall(r"[^\W_]+", norm)
    placed = set()   # the text's words in an event's place: prefixed ("לאירוסין"), or after "to", "of", "של"
    for k, w in enumerate(toks):
        if (w[0] in "לב" and len(w) > 3) or (k and toks[k - 1] in _EVENT_POSITION):
            placed |= _variants(w)
            if w[0] in "לב":
                placed.add(w[1:])
    by_name = set()
    for i, ws in enumerate(words):
        others = set().union(*(words[j] for j in range(len(names)) if j != i))
        if (ws - others) & placed:
            by_name.add(i)
    named = by_kind | by_name
    if len(named) > 1 and len(by_name) == 1 and said <= kinds[next(iter(by_name))]:
        return by_name   # "לחתונה של רוני" when both are weddings: Roni's
    return named


# Hebrew typed in Latin letters ("nagia 3 anashim", "lo nuchal lehagia, sorry", "ani ve ishti magiim"): the words that carry
# an answer, a count or a person, spelled as Israelis spell them in Latin letters, are read as the Hebrew words. Only a message
# with at least one word no English (or other) writer uses is read so; then the short words that are also English or names
# ("lo", "ani", "im", "ve", "ken") are read as Hebrew too.
_HEBREW_LATIN = {
    "נגיע": "nagia nagiya nagiaa ngia",  "מגיעימ": "magiim magiyim magiem",  "מגיעות": "magiot magiyot",
    "מגיע": "magia magiya magiaa", "אגיע": "agia agiya", "נבוא": "navo", "באימ": "baim", "באות": "baot",
    "נהיה": "nehiye nihiye nihye nehiyeh nihiyeh nihie nehie", "אהיה": "ehiye ehye",
    "אנחנו": "anachnu anahnu anakhnu", "אנשימ": "anashim", "אשתי": "ishti", "בעלי": "baali", "הילדימ": "hayeladim",
    "ילדימ": "yeladim", "מבוגרימ": "mevugarim mevugarym", "ילד": "yeled", "ילדה": "yalda", "תינוק": "tinok", "התינוק": "hatinok", "התינוקת": "hatinoket", "נוכל": "nuchal nukhal nochal", "יכול": "yachol yakhol", "יכולה": "yechola yekhola",
    "יכולימ": "yecholim yekholim", "להגיע": "lehagia lehagiya lehagiaa", "בטח": "betach betah", "ברור": "barur",
    "בסדר": "beseder", "סבבה": "sababa", "לצערי": "lezaari letzaari leza'ari", "לצערנו": "lezaarenu letzaarenu lezarenu",
    "מצטער": "mitztaer mitstaer mitsta'er", "מצטערת": "mitztaeret mitstaeret", "נתראה": "nitraot nitrae",
    "שניימ": "shnayim", "שתיימ": "shtayim", "שני": "shnei", "שתי": "shtei", "שלושה": "shlosha", "ארבעה": "arbaa",
    "רק": "rak", "גמ": "gam", "לבד": "levad", "לבדי": "levadi", "שנינו": "shneinu shnenu shneynu",
}
_HEBREW_LATIN = {latin: heb for heb, words in _HEBREW_LATIN.items() for latin in words.split()}
_HEBREW_LATIN_SHORT = {"lo": "לא", "ken": "כנ", "ani": "אני", "im": "עמ", "ve": "ו", "u": "ו", "toda": "תודה", "todah": "תודה",
                       "avo": "אבוא", "lavo": "לבוא", "shalosh": "שלוש", "arba": "ארבע", "ze": "זה"}
_LATIN_TOKEN = re.compile(r"(?<![^\W\d_])[a-z']+(?![^\W\d_])", re.IGNORECASE)


def _hebrew_in_latin(text: str) -> str:
    words = [w.lower().replace("'", "") for w in _LATIN_TOKEN.findall(text)]
    if re.search("[\u0600-\u06ff\u0400-\u04ff]", text) or not any(
            w in _HEBREW_LATIN or w[:2] == "ve" and w[2:] in _HEBREW_LATIN for w in words):
        return text

    def heb(m: re.Match) -> str:
        w = m.group(0).lower().replace("'", "")
        if w in _HEBREW_LATIN or w in _HEBREW_LATIN_SHORT:
            return _HEBREW_LATIN.get(w) or _HEBREW_LATIN_SHORT[w]
        if w[:2] == "ve" and w[2:] in _HEBREW_LATIN:
            return "ו" + _HEBREW_LATIN[w[2:]]    # "veishti": and my wife
        return m.group(0)
    return re.sub(r"(?<![^\W_])ו (?=[\u05d0-\u05ea])", "ו", _LATIN_TOKEN.sub(heb, text))   # ("ve ishti": ואשתי)


def understand(text: str) -> Understanding:
    """What a guest's message means. Never raises."""
    try:
        return _joined(text, _understand(text))
    except Exception:  # a bug must not cost the guest an answer; a person reads "other"
        return _OTHER


# "בעלי ושני הילדים מצטרפים", "my husband is joining": the people named join the writer, who comes too (said with
# "too" / "גם", the grammar counts the writer already; said of the writer, "I'm joining", nobody is added)
_JOINS = re.compile(r"(?:^|\s)(?:מצטרף|מצטרפת|מצטרפים|מצטרפות|יצטרף|תצטרף|יצטרפו)(?=\s|$|[.,!])"
                    r"|\b(?:is|are|will\s+be)\s+joining\b|\bwill\s+join\b|\bjoins\b", re.I)
_WRITER_SAID = re.compile(r"(?:^|\s)(?:אני|אנחנו|אנו|אליי|אלינו|איתי|איתנו|גם|גם\s+כן)(?=\s|$|[.,!])"
                          r"|\b(?:i|i'm|im|me|we|we're|us|too|also|as\s+well|my\s+own)\b|ו?(?:אצטרף|נצטרף)", re.I)


# a total said outright ("נהיה 5, אחותי מצטרפת", "my son is joining, so 4 total"): the number stands as said
_TOTAL_SAID = re.compile(r"\d|(?:^|\s)(?:נהיה|נהייה|נהיי|אז|סה\"כ|סה״כ|סהכ|בסך|ולא|אלא|במקום|עוד)(?=\s|$|[.,!])"
                         r"|\b(?:so|make\s+that|total|instead|another|more|now\s+we're|we'll\s+be|we\s+will\s+be)\b", re.I)


def _joined(text: str, u: Understanding) -> Understanding:
    if u.total is None or u.answer == "no" or not isinstance(text, str) or not _JOINS.search(text) \
            or _WRITER_SAID.search(text) or _TOTAL_SAID.search(text) or u.total >= MAX_PARTY_SIZE:
        return u
    return replace(u, total=u.total + 1, adults=u.adults + 1 if u.adults is not None else None)


# What a guest says of a date that moved (the update asks them to reply if it doesn't work for them): that it
# will not do is a no, that it works a yes. Never a question ("does the new date work with the venue?").
_DATE_NOUN = r"(?:the\s+|that\s+|this\s+)?(?:new\s+)?(?:date|time|day|timing)"
_DATE_WONT_DO = re.compile(
    r"\b" + _DATE_NOUN + r"\s+(?:really\s+)?(?:does\s+not|will\s+not|would\s+not|is\s+not|isn't|won't|doesn't)\s+(?:really\s+)?"
    r"(?:work|suit|fit|good|possible|ok|okay)\b(?:\s+(?:for|with)\s+(?:us|me))?(?![\w\s]*\b(?:for|with)\b)"
    r"|\b(?:can\s*not|cannot|can't|will\s+not|won't)\s+(?:make|do)\s+" + _DATE_NOUN + r"\b")
# (not when it is someone else it doesn't work for: "the day doesn't work for my husband, I'll come alone")
_DATE_WILL_DO = re.compile(
    r"^\s*" + _DATE_NOUN + r"\s+(?:works|suits\s+(?:us|me)|is\s+(?:fine|good|ok|okay|great|perfect))\b(?:\s+(?:for|with)\s+(?:us|me))?"
    r"|^\s*(?:الموعد|التاريخ)\s+(?:الجديد\s+)?(?:يناسبنا|يناسبني|مناسب\s+لنا|مناسب\s+لي)")


def _understand(text) -> Understanding:
    if not isinstance(text, str):
        return _OTHER
    if len(text) > _MAX_LENGTH * 4:
        return _OTHER
    foreign = _foreign(text)
    if foreign is not None:
        return foreign
    norm = normalise(_hebrew_in_latin(text))
    if not norm or _MEDIA.match(norm.strip()):
        return Understanding("unclear", sure=False)
    for pattern, repl in _SOUNDS_ALIKE:
        norm = pattern.sub(repl, norm)
    norm = _TEENS_HE.sub(_teens, norm)
    norm = _COUPLES.sub(_couples, norm)   # "2 זוגות": four people
    norm = _AGE_ASIDE.sub(" ", norm)   # "סבתא (בת 91) מגיעה עם סבא": the age said in passing
    norm = _BARE_AGE.sub(_bare_age, norm)   # "סבתא (90) מגיעה עם סבא": the same, the number alone
    norm = _MINE_AND_OF.sub("אני ו", norm)   # "מאשר את השתתפותי ושל רעייתי": my participation and my wife's, two
    # "I can't come but my husband and son will": the verb left out after "will" is "come"
    norm = re.sub(r"\b(but|however|though)\s+([^,.!?]{1,40}?)\s+(will|can|could)(?=\s*(?:[.,!?]|$))", r"\1 \2 \3 come", norm)
    norm = _MEANT_ANSWER.sub(_meant_answer, norm)   # "that no was meant to be a yes": the answer meant, the other a slip
    norm = _ASIDE.sub(" . ", norm)   # "I'm not sure how this works. Do I reply here? We are coming. Two."
    if not re.search(r"[?؟]", norm):
        # "the new date doesn't work for us", "التاريخ الجديد يناسبنا": the answer to a moved date, said of the date
        norm = _DATE_WONT_DO.sub(" no . ", norm)
        norm = _DATE_WILL_DO.sub(" yes . ", norm)
    if _IF_NOT_COMING.search(norm):
        kept = _hurt_if_away(norm)
        if kept != norm and re.search(r"[^\W\d_]", kept):
            norm = kept   # "סבתא לא תסלח לי אם לא אבוא, ברור שאני שם": the answer is what else is said
    kept = _KEEP_POSTED.sub(" . ", norm)
    if kept != norm and re.search(r"[^\W\d_]", kept):
        norm = kept   # "נגיע 2, אם משהו ישתנה אעדכן": the answer stands; the promise is about later changes
    if len(norm) > _MAX_LENGTH:
        return _OTHER
    # "*3", "*אשתי לא, אני כן": a star before the message puts the last one right (a "*word*" pair is bold);
    # "*there not their", "*נגיע": a spelling put right, then the message goes on
    starred = norm.startswith("*") and norm.count("*") == 1 and not re.fullmatch(r"\*\s*[^\W\d_]+\W*", norm)   # ("*נגיע": a word spelt right)
    if starred:
        m = _SPELLING_FIX.match(norm)
        if m and all(_lookup(w) in (None, ("CUE", None), ("POLITE", None)) for w in m.groups()):
            norm, starred = norm[m.end():].strip(" ,.!-"), False
            if not re.search(r"[^\W_]", norm):
                return Understanding("other", sure=False)
    if (_ASKED_PLAIN.search(norm) or _MAY_COME_WITH.search(norm)) and "?" not in norm:
        norm += "?"
    symbols = {ch for ch in norm if not ch.isalnum() and not ch.isspace()}
    letters = re.sub(r"[\W_]+", " ", norm).strip()

    # two events in one invitation ("לחינה אני באה בטוח, לחתונה עוד לא יודעת", "Henna yes, wedding no"): coming
    # to one of them is coming; each part is read on its own
    named = {ev for ev, rx in _EVENT_NAMES.items() if rx.search(norm)}
    if len(named) >= 2 and not (_STOP.search(norm) or _START.search(norm)):
        if _BOTH.search(norm) or _ONLY_ONE.search(norm):
            reads = reads_all = [_understand(_EVENT_WORDS.sub(" ", _BOTH.sub(" coming ", _ONLY_ONE.sub(" coming ", norm))))]
        else:
            # (the yes from the parts that name an event: "שתהיה שמחה גדולה" after a double no is a blessing;
            # the head count from any part: "נגיע לחינה וגם לחתונה, 2 אנשים")
            # ("חינה כן חתונה לא", "henna yes wedding no": each event with its answer)
            # ("לחינה אנחנו 5 ולחתונה גם 5": "and to the wedding" starts the wedding's part)
            parts = [p for p in re.split(r"[,.;!?\n]+|(?<![^\W_])(?:but|אבל|بس|но)(?![^\W_])|" + _ANSWER_THEN_EVENT + "|" + _AND_THEN_EVENT, norm)
                     if p and p.strip()]
            reads = [_understand(_EVENT_WORDS.sub(lambda m: " party " if re.match(r"[a-z]", m.group(0)) else " ", part)) for part in parts if _EVENT_WORDS.search(part)]
            counts = [_understand(part) for part in parts if not _EVENT_WORDS.search(part)]
            reads_all = reads + [r for r in counts if r.total and r.intent in ("count", "answer") and r.answer in (None, "yes")]
            # "לא נוכל להגיע לחינה אבל נתראה בחתונה", "can't make the henna, see you at the wedding": after a no to one event,
            # "see you at the other" is a goodbye until then, not coming to this one (the no is asked back: both may be invited to)
            farewells = [bool(_SEE_YOU_AT.fullmatch(re.sub(r"\S*(?:" + _EVENT_WORDS.pattern + r")\S*", " ", part)))
                         for part in parts if _EVENT_WORDS.search(part)]
            if any(r.intent == "answer" and r.answer == "no" for r in reads) and all(
                    seen for r, seen in zip(reads, farewells) if r.answer == "yes" or r.intent == "count" and r.total) \
                    and any(farewells) and not any(r.total for r in reads_all):
                return replace(next(r for r in reads if r.intent == "answer" and r.answer == "no"), sure=False)   # (asked back)
        yes = [r for r in reads if r.answer == "yes" or r.intent == "count" and r.total]
        if yes:
            counted = next((r for r in (reads if len(reads) == 1 and reads[0].total else reads_all) if r.total), None)
            if all(r.intent == "count" and r.answer is None for r in reads_all):
                # "לחינה אנחנו 5 ולחתונה גם 5": how many to each, no word about coming: a head count (asked when they differ)
                return Understanding("count", None, counted and counted.adults, counted and counted.children, counted and counted.total,
                                     sure=all(r.sure for r in yes) and len({r.total for r in reads_all}) == 1)
            return Understanding("answer", "yes", counted and counted.adults, counted and counted.children,
                                 counted and counted.total, sure=all(r.sure for r in yes))

    # opting out and back in are about messages, not the event
    start = _START.search(norm) or _START.search(letters)
    mistaken = _STOPPED_BY_MISTAKE.search(norm)
    if mistaken:
        left = norm[:mistaken.start()] + " . " + norm[mistaken.end():]
        rest = _understand(left)
        apology_only = set(re.findall(r"[^\W\d_]+", left)) <= _APOLOGY_WORDS
        if rest.is_rsvp and rest.answer in ("yes", "no") and not apology_only:
            return rest    # "pressed stop by mistake, we're coming": the answer ("sorry" beside the mistake is none)
        if not start:
            return Understanding("start")
    if start and (len(letters.split()) <= 14 or mistaken):
        # "לא מעוניין לקבל הודעות", "don't want to get updates": the wish to get them, negated
        before = (norm if start.string is norm else letters)[:start.start()].split()[-4:]
        if not any(w in _NEG_WORDS or w in _NEG_CONTRACTIONS or w in ("אל", "никогда") for w in before):   # "אל תשלחו לי שוב"
            return Understanding("start")
        return Understanding("stop")
    stop = _STOP.search(norm) or _STOP.search(letters)
    # "please remove me from this list, I don't know what this event is": a plain request to be taken off, with its reason
    # after it, stops however long the reason (an answer beside it still answers)
    asked_off = stop is not None and len(letters.split()) > 12 and _ASKED_OFF.search(norm)
    if asked_off:
        rest = _understand(norm[:asked_off.start()] + " . " + norm[asked_off.end():])
        if rest.intent in ("answer", "change") and rest.answer in ("yes", "no", "maybe"):
            return rest
    if stop is None and _US_OFF.search(letters):
        return Understanding("stop", sure=False)
    if stop and (len(letters.split()) <= 12 or asked_off):
        # "Not coming, please stop sending reminders", "we'll come, stop the reminders": the answer is
        # what counts, and an answer ends the reminders
        if stop.start() > 0:
            first = _understand(stop.string[:stop.start()])
            if first.intent == "count" and first.total:
                return first   # "עניתי כבר פעמיים. 2 אנשים. די": the count, said again
            if first.intent in ("answer", "change") and first.answer in ("yes", "no") and not re.search(r"already|כבר|уже|سبق", norm):
                return first   # ("כבר אמרתי לא, תפסיקו לשלוח": asks to stop)
        if _SIGH.fullmatch(letters):
            return Understanding("stop", sure=False)   # "די נו", "נו די": maybe a sigh; asked back before anything stops
        return Understanding("stop")

    if not letters:
        return _emoji_only(norm, symbols)
    if re.fullmatch(r"נו(?: נו)*", letters):
        return Understanding("unclear", sure=False)   # "נו", "נו...": a prod, as "ну" and "nu"; not politeness ("נו טוב" is)
    if _WRONG_PERSON.search(norm):
        return Understanding("other", sure=False)
    # "Yes. Wait no. Actually yes, both of us", "נגיע 4. רגע לא, 3 ... אה לא היא כן באה, 4 סופי": the mind changed while
    # writing; what follows the last "wait, no" is the answer (an answer in one message, not a change of an earlier one)
    fix = None
    for fix in _SELF_FIX.finditer(norm):
        pass
    if fix is not None and re.search(r"[^\W_]", norm[:fix.start()]):
        head, tail = norm[:fix.start()], norm[fix.end():]
        after = _understand(tail)
        if after.intent in ("answer", "count", "change") and (after.answer or after.total):
            before = _understand(head)
            intent = after.intent
            if intent == "change" and not _CHANGE.search(head) and not _CHANGE.search(_IN_MESSAGE_FIX.sub(" ", tail)):
                intent = "answer"
            if intent == "count" and before.answer == "yes" and before.intent in ("answer", "change"):
                intent = "answer"
            return replace(after, intent=intent, answer=after.answer or ("yes" if intent != "count" else None))
    # "אני אומרת שנגיע הוא אומר שאין מצב 😂 בקיצור נגיע שנינו", "long story short, we're coming": what follows "in short"
    # is the answer, whatever was weighed before it (a head count said before it still counts)
    concluded = None
    for concluded in _IN_SHORT.finditer(norm):
        pass
    if concluded is not None and re.search(r"[^\W\d_]", norm[:concluded.start()]) and re.search(r"[^\W\d_]", norm[concluded.end():]):
        after = _understand(norm[concluded.end():])
        if after.intent in ("answer", "change") and after.answer in ("yes", "no") and after.sure:
            if after.answer == "yes" and after.total is None:
                before = _understand(norm[:concluded.start()])
                if before.total and before.answer in (None, "yes") and before.intent in ("answer", "count"):
                    after = replace(after, adults=before.adults, children=before.children, total=before.total, sure=before.sure)
            return replace(after, intent="change" if after.intent == "change" or _CHANGE.search(norm[:concluded.start()]) else "answer")
        if after.intent == "count" and after.total and after.sure:
            # "...אנחנו מגיעים אני ובעלי והילדים לא יבואו... אז בעצם רק שנינו": a yes said before, then how many, summed up
            before = _understand(norm[:concluded.start()])
            if before.intent == "answer" and before.answer == "yes" and before.total in (None, after.total):
                return replace(before, total=after.total, adults=before.adults if before.total else after.adults,
                               children=before.children if before.total else after.children, sure=before.sure)
    settled = None
    for settled in _SETTLE.finditer(norm):
        pass
    if settled is not None and re.search(r"[^\W\d_]", norm[:settled.start()]) and not _conditional(norm[:settled.start()]):
        # ("אם זה לא בשבת אז כן": a condition, then the yes it leads to, stays a condition)
        head = norm[:settled.start()]
        doubted = _BELIEF.search(head) or _MAYBE_PHRASE.search(head) or _NOT_SURE.search(head) \
            or any((_lookup(w) or ("",))[0] == "MAYBE" for w in re.findall(r"[^\W\d_]+", head))
        yes_at = next(settled.start(g) for g in ("yes", "yes_he", "yes_ru", "yes_ar") if settled.group(g))
        before = _understand(head) if doubted else None    # ("so yes, 3 of us" after a plain story: read as usual)
        after = _understand(norm[yes_at:]) if before is not None else None
        if before is not None and after.answer == "yes" and after.intent in ("answer", "change") and (
                before.answer == "maybe" or before.answer == "no" and _BELIEF.search(head) and not _QUOTE_LEAD.search(head)):
            # (a change only when the doubt was said before this message: "I said maybe, ... ok yes we're coming")
            said_before = _CHANGE.search(_IN_MESSAGE_FIX.sub(" ", head))
            return replace(after, intent="change" if said_before or after.intent == "change" else "answer")
    m = _COUNT_FIX.search(norm)
    if m and (m.group("marker") or m.group("star1") or m.group("star2")) and m.group("old") != m.group("new") \
            and re.search(r"[^\W\d_]", norm[:m.start()] + m.group("words")):
        # the number meant goes where the one taken back was; what was meant is read as one message (an answer, not a change
        # of an earlier one, unless it says so before the number)
        put_right = norm[:m.start()] + m.group("new") + m.group("words")
        after = _understand(put_right)
        if after.intent in ("answer", "count", "change") and after.total == int(m.group("new")):
            return after
    m = _MAYBE_EXTRA.search(norm)
    if m and m.start() > 0:
        first = _understand(norm[:m.start()])
        if first.answer == "yes" or (first.intent == "count" and first.total):
            return Understanding("answer", "yes", first.adults, first.children, first.total, sure=False)
    norm = _SET_TO.sub(_set_to, norm)
    rel = _relative(letters, norm)
    if rel is not None:
        return rel
    m = re.fullmatch(r"(\d{1,2}) ?[?؟]+", norm.strip())
    if m and 0 < int(m.group(1)) <= 10:
        return Understanding("count", total=int(m.group(1)), sure=False)   # "3?": we'd be 3, is that all right (asked back)

    # the phrases, then the clauses
    phrased = _PERCENT.sub(" ", _PAREN_COUNT.sub(_paren_count, norm))
    phrased = _MAY_WE_TAIL.sub(r" , \1", phrased)   # "אני ועוד 2 חברות באות אפשר?": the asking its own clause
    phrased = _WE_SAID.sub(_we_said, phrased)   # "אנחנו (סבא וסבתא) מגיעים": the people in brackets are the "we"
    phrased = _CLOCK.sub(" ", phrased)    # "[12:03] Dana:", "at 19.30": a time of day, no head count
    phrased = _AGES_IN_BRACKETS.sub(_ages_in_brackets, phrased)
    phrased = _PLUS_NAMES.sub(_plus_names, phrased)
    if _KIDS_NAMED.search(phrased):
        phrased = re.sub(r"(?<=\S) {2,}(?=\S)", " ", _KIDS_NAMED.sub(_kids_named, phrased))
    phrased = _AGE_LIST.sub(_age_list, phrased)
    phrased = _SELF_NAMES.sub(_names_joined, phrased)
    phrased = _SELF_LIST.sub(lambda m: m.group(1) + {"אני": " ו", "انا": " و", "я": " и "}.get(m.group(1), " and "), phrased)
    phrased = _split_partial(phrased)
    phrased = _DRIVE.sub(_drive, phrased)
    phrased = _BRING.sub(_bring, phrased)
    phrased = re.sub(r"^بس (?=انا|احنا|نحن)", "فقط ", phrased)   # "بس انا": just me (elsewhere بس is "but")
    # ("تغيرت الخطة، بس انا": the same after a comma, when nothing follows; "بس انا جاي" is still "but I'm coming")
    phrased = re.sub(r"(?<=[,،.!] )بس (?=(?:انا|احنا|نحن)\s*(?:$|[,،.!]))", "فقط ", phrased)
    earlier = None
    m = _EARLIER.search(phrased)
    if m and re.search(r"\d|(?<![^\W_])(?:" + _NUMBER_WORD + r"|but|אבל|אכ|بس|لكن|но|now|עכשיו|сейчас|هلا|هلق)(?![^\W_])", phrased[m.end():]) \
            or m and _RELATIVE.search(phrased[m.end():]):
        g = next(k for k in range(1, 5) if m.group(k))
        word = m.group(g)
        earlier = int(word) if word.isdigit() else _NUMBERS_FOLDED.get(word)
        phrased = phrased[:m.start(g)] + " EARLIERX " + phrased[m.end(g):]
        # "כתבתי 6 זה 5", "wrote 6, should be 5": the number after "it is" is the one meant; so is the one after "instead of"
        # ("כתבתי 4 במקום 2", "I wrote 4 instead of 2": the 4 was the slip)
        phrased = re.sub(r"EARLIERX\s*[,.!-]?\s*(?:אבל |but )?(?:ו?זה|ו?זו|ו?אנחנו|צריכ להיות|אמור להיות|(?:it )?should be|it is|its|это|هو|هي"
                          r"|במקומ|instead of|вместо|بدل|بدال|عوض)(?= \d)", "EARLIERX נהיה", phrased)
    for pattern, token in _PHRASES:
        phrased = pattern.sub(token, phrased)
    # quoted buttons: "pressed no by mistake" names a button, it does not answer
    button = None
    m = _BUTTON_WORD.search(norm)
    if m and _MISTAKE.search(norm):
        button = next(g for g in m.groups() if g)
        phrased = _BUTTON_WORD.sub(" ", phrased) if _BUTTON_WORD.search(phrased) else phrased
        phrased = re.sub(_B + "(?:" + re.escape(button) + ")" + _E + r"(?= by| בטעות)", " ", phrased, count=1)
    if starred:
        phrased = re.sub(r"^\s*\*\s*(?=\d)", " CUEX ", phrased)   # "*4 not 44": the number meant
    raw_clauses = [s for s in _CLAUSE_SPLIT.split(phrased) if s and s.strip()]
    # which clauses are questions: those followed by "?"
    questions = []
    pos = 0
    for s in raw_clauses:
        idx = phrased.find(s, pos)
        end = idx + len(s)
        pos = end
        tail = phrased[end:end + 3]
        # ("can we come 🥳 with the kids?": a question that goes on after an emoji is still asked)
        emoji_cut = bool(re.match(r"\s?[\U0001F300-\U0001FAFF\u2600-\u27BF]", phrased[end:end + 2]))
        # ("איך לא נבוא?!", "how could we not?": a question that answers itself is not asked)
        questions.append(("?" in tail or "؟" in tail or emoji_cut and bool(_QUESTION_WORD.search(s.strip())))
                         and "SURELYX" not in s and "STILLYESX" not in s)
    if questions and not ("?" in norm or "؟" in norm) and _ASKED.search(norm) and "SURELYX" not in raw_clauses[0] \
            and "STILLYESX" not in raw_clauses[0]:
        questions[0] = True    # "is it fancy dress or can my husband come in jeans": asked without a "?"
    clauses = [_Clause(_tokens(s), q) for s, q in zip(raw_clauses, questions)]
    texts = {id(c): s for c, s in zip(clauses, raw_clauses)}
    clauses = [c for c in clauses if c.toks]
    # "סבתא יקרה, 90 שנה ...", "Dear grandpa, ...", "Дорогая бабушка, ...": the message opens by speaking to someone; whom it
    # speaks to is no one who comes
    if len(clauses) > 1 and [t.tag for t in clauses[0].toks if t.tag != "GREET"] in (["OTHER", "POLITE"], ["POLITE", "OTHER"]) \
            and next(t for t in clauses[0].toks if t.tag == "OTHER").value == 1 \
            and any(t.word in _DEAR for t in clauses[0].toks):
        clauses[0].toks = [_Tok(t.word, "POLITE") if t.tag == "OTHER" else t for t in clauses[0].toks]
    all_toks = [t for c in clauses for t in c.toks]
    tags = {t.tag for t in all_toks}
    n_words = len(all_toks)

    change = (bool(_CHANGE.search(_DRIVE.sub(" , ", norm))) and not _NO_CHANGE.search(norm)) or button is not None or starred \
        or earlier is not None
    has_q = "?" in norm or "؟" in norm or bool(_OPENER_ASKS.search(norm)) or bool(_ASKS_WHETHER.search(norm))
    asks = bool(_QUESTION_WORD.search(norm))   # "is it fancy dress or can my husband come in jeans"
    for c in clauses:
        _polarity(c)
    # "can't come, see you at the wedding", "see you at the party!! sadly only in spirit": beside the writer's no, "see you at ..."
    # is a goodbye, not coming
    if any(c.polarity in ("neg", "weakneg") and c.subject == "self" for c in clauses):
        for c in clauses:
            if c.polarity == "pos" and any(t.word == "SEEYOUX" for t in c.toks) \
                    and not any(t.tag in ("COME", "YES") and t.word != "SEEYOUX" for t in c.toks):
                c.polarity = None
    if re.search(r"[A-Z]", text) and _names_said(clauses, text):
        all_toks = [t for c in clauses for t in c.toks]
        tags = {t.tag for t in all_toks}
    # "שוב תזכורת? אמרנו שנגיע", "we said we're coming": the answer given before, said again with nothing new beside it
    # (no "but", no other answer, no "at first"): it stands; an answer, not a change
    if change and button is None and not starred and earlier is None and not _BUT.search(norm) \
            and not _EARLIER_SAID.search(norm) and not _CHANGE.search(_QUOTE_LEAD.sub(" ", norm)):
        quoted = [c for c in clauses if _QUOTED_ANSWER.fullmatch(texts[id(c)].strip()) or _QUOTE_LEAD.match(texts[id(c)].strip())]
        said = {c.polarity for c in quoted if c.polarity in ("pos", "neg")}
        if len(said) == 1 and all(c in quoted or (c.polarity in said or c.polarity == "weakneg" and "neg" in said) and c.subject == "self"
                                  and not c.tags() & {"NUM", "DIGITS", "SELFNUM", "PEOPLE"}
                                  for c in clauses if c.polarity or c.tags() & {"NUM", "DIGITS", "SELFNUM", "PEOPLE"}):
            change = False    # ("we said yes, see you there": the same answer twice)
    # "بالآخر رح نيجي، كنت حكيت لا", "we can come after all, I said no before": the answer given before, quoted in a
    # change, is not the answer
    # ("we said no but plans changed, we'll be 2", "אמרנו שלא נבוא אבל הסתדר, נהיה 2": the new head count answers)
    if change:
        quoted = [c for c in clauses if c.polarity in ("pos", "neg") and (_QUOTED_ANSWER.fullmatch(texts[id(c)].strip())
                                                                          or _QUOTE_LEAD.match(texts[id(c)].strip()))]
        if quoted and any(c.polarity in ("pos", "neg") and c.subject == "self" or c.tags() & {"NUM", "DIGITS", "SELFNUM", "PEOPLE"}
                          for c in clauses if c not in quoted):
            for c in quoted:
                c.polarity = None
    # "I'll be there but Josh can't", "אני אגיע לבד, דני לא יכול": after the writer's yes, a clause that opens
    # with an unknown word (a name) and then says "not" is about that person
    # ("Ben can't make it anymore so it's just 2 of us", "just me now, John's got covid": the same beside the writer's own
    # party, said as a count)
    seen_yes = False
    for k, c in enumerate(clauses):
        if c.polarity == "pos" and c.subject == "self" and c.tags() & {"SELF1", "WE", "COME", "YES"}:
            seen_yes = True
        elif (seen_yes or any(_own_party(d) for d in clauses if d is not c)) and c.polarity == "neg" and c.subject == "self" and len(c.toks) >= 2 \
                and c.toks[0].tag is None and c.toks[0].word.isalpha() and not c.toks[0].word.endswith("ly") \
                and any(t.tag in ("NEG", "ABLE", "AWAY") for t in c.toks[1:3]) \
                and (all(t.tag in ("NEG", "ABLE", "COME", "CUE", "AWAY") for t in c.toks[1:3]) or c.toks[1].tag == "AWAY") \
                and not c.toks[0].word.endswith(("ing", "ed", "ימ", "ות")) \
                and not c.tags() & {"SELF1", "WE", "SELFNUM"}:    # ("דני חולה בקורונה": kept away, and why)
            c.subject = "other"
    # "רציתי להגיע אבל יש לי משמרת", "I wanted to come but I have a shift": a wish, then "but" and a reason
    # (no "not" said): the wish is what does not happen. A yes, a maybe or a head count after the "but" still answers
    wished = False
    for i, c in enumerate(clauses[:-1]):
        said = texts.get(id(c), "")
        if c.polarity is None and _BARE_WISH.fullmatch(said.strip()):
            c.polarity, c.subject = "pos", "self"    # "ממש רצינו, אבל ...", "we'd have loved to, but ..."
        if c.polarity == "pos" and c.subject == "self" and _WISH.search(said) and not c.question \
                and _BUT.search(phrased[phrased.find(said) + len(said):] if said in phrased else "") \
                and not any(d.polarity in ("pos", "maybe") or d.tags() & {"NUM", "DIGITS", "SELFNUM", "JUST", "PLUS", "YES"}
                            for d in clauses[i + 1:]) \
                and not _CHANGE.search(norm):
            c.polarity = "neg"
            wished = wished or not any(d.polarity == "neg" for d in clauses[i + 1:])   # the reason alone says no
    # "לא נגיע לחופה אבל נקפוץ אחר כך לרקוד", "can't make the ceremony but we'll be at the party": missing a
    # part of the event, then coming, comes
    for i, c in enumerate(clauses[:-1]):
        if c.polarity == "neg" and c.subject == "self" and _EVENT_PART.search(texts.get(id(c), "")) \
                and any(d.polarity == "pos" and d.subject == "self" for d in clauses[i + 1:]):
            c.polarity = None
    # "yes, 2 of us, but we'll leave early, we fly to London that night", "נגיע אבל נצא מוקדם, יש לנו טיסה באותו ערב": coming and
    # leaving early; being away that night is why they leave, not a no
    if _LEAVES_EARLY.search(norm) and any(c.polarity == "pos" and c.subject == "self" for c in clauses):
        for c in clauses:
            if c.polarity == "neg" and c.subject == "self" and not c.tags() & {"NEG", "NOWORD", "NOVERB", "NOBODY"}:
                c.polarity = None
    # a question clause does not answer ("can we come with the kids?"), unless it asks for a change
    answering = [c for c in clauses if not c.question or change]

    if _UNCLEAR_NULL.search(norm) and not any(c.polarity in ("pos",) for c in answering if "YES" in c.tags()):
        # "מי מתחתן? לא הבנתי מההודעה", "whose wedding is it? I didn't get the message": not understanding, beside a question
        # of its own, asks it ("אהה? לא הבנתי" asks nothing)
        asked = re.match(r"\s*([^?؟]*[?؟])\s*(?=\S)", norm)
        if asked and _MISUNDERSTOOD.match(norm[asked.end():]) and not _UNCLEAR_NULL.search(asked.group(1)):
            first = _understand(asked.group(1))
            if first.intent in ("question", "details"):
                return first
        return Understanding("unclear", sure=False)
    # "לא יודע", "I don't know" with no answer beside it: undecided ("don't know the couple, but we'll come" answers)
    weak_unclear = bool(_UNCLEAR_WEAK.search(_KNOW_HOW.sub(" ", norm))) and not _STRANGER.search(norm) \
        and not any(c.polarity in ("pos", "neg") for c in answering) and not _KNOW_WHAT.search(norm)
    strong_unclear = bool(_UNCLEAR_STRONG.search(norm)) or (
        bool(_conditional(norm) or weak_unclear) and not has_q)
    maybe = bool(_MAYBE_PHRASE.search(norm)) or any(c.polarity == "maybe" for c in answering)
    buts = list(_BUT.finditer(norm))
    if strong_unclear and not change and _HOW_MANY_DOUBT.search(norm) and not _UNCLEAR_STRONG.search(_HOW_MANY_DOUBT.sub(" ", norm)) \
            and not _conditional(norm) and any(c.polarity == "pos" and c.subject == "self" and c.tags() & {"COME", "YES"}
                                               and not _HOW_MANY_DOUBT.search(texts[id(c)]) for c in answering):
        # "כן כן בטח כולנו נבוא אבל עוד לא יודע כמה בדיוק", "yes we're coming, not sure yet how many": a clear yes; only how
        # many is open (the guest conversation asks it)
        return Understanding("answer", "yes")
    if strong_unclear and not change and buts and not weak_unclear:
        # "אמורים להיות 42 מעלות באותו יום אבל נגיע, אל תדאגי", "hard to say how the traffic will be, but we'll come": a worry,
        # then "but" and a plain yes; the yes answers (not a condition, nor a promise to tell later)
        head, tail = norm[:buts[-1].start()], norm[buts[-1].end():]
        if not _UNCLEAR_STRONG.search(tail) and not _conditional(norm) and not _WILL_TELL.search(norm) and not _HEDGE.search(tail) \
                and not re.search(r"depend|תלוי|зависит|يعتمد", head):   # ("depends on work, but ...": a condition)
            after = _understand(tail)
            if after.intent == "answer" and after.answer == "yes" and after.sure:
                return after
    if maybe and not strong_unclear and not change:
        # "not sure I know the groom, but I'll happily come": what comes after "but" answers
        if buts:
            after = _understand(norm[buts[-1].end():])
            if after.intent == "answer" and after.answer == "yes" and after.sure:
                # "not sure if my wife can make it, but I'll come": the writer's yes, asked back
                doubts_other = any(c.polarity == "maybe" and c.subject == "other" for c in answering)
                return replace(after, sure=False) if doubts_other else after
    inshallah_only = bool(_INSHALLAH.search(norm))

    # "הבנים שלנו רוצים לבוא, אנחנו לא נוכל. אז 2 מגיעים": after the writer's own no and someone else's yes, a number said to
    # come with no word for the writer ("2 מגיעים", not "נגיע 2") is how many of them come
    if any(c.polarity == "neg" and c.subject == "self" and c.tags() & {"SELF1", "WE"} for c in answering) \
            and any(c.polarity == "pos" and c.subject == "other" for c in answering):
        for c in answering:
            if c.polarity == "pos" and c.subject == "self" and c.tags() <= {"DIGITS", "NUM", "COME", "CUE", "PEOPLE", "JUST"} \
                    and c.tags() & {"DIGITS", "NUM"} and all(t.word in _THEY_COME for t in c.toks if t.tag == "COME"):
                c.subject = "other"
    pols = [(c.polarity, c.subject) for c in answering if c.polarity]
    self_pos = any(p == "pos" and s == "self" for p, s in pols)
    other_pos = any(p == "pos" and s == "other" for p, s in pols)
    self_neg = any(p == "neg" and s == "self" for p, s in pols)
    other_neg = any(p in ("neg", "weakneg") and s == "other" for p, s in pols)
    weak_neg = any(p == "weakneg" and s == "self" for p, s in pols) or bool(symbols & _SAD) and n_words <= 8 \
        or bool(symbols & _NO_EMOJI) or ":(" in norm
    conflict = any(p == "conflict" for p, _ in pols)
    others_doubt = False
    doubted: list[_Clause] = []
    if strong_unclear and not change:
        # "לא יודעת אם בעלי יגיע, אני מגיעה", "Не знаю насчёт мужа, я приду": the doubt is about
        # someone else, in a clause of its own; the writer's own clause answers (and is asked back)
        doubted = [c for c in answering if _UNCLEAR_STRONG.search(texts[id(c)]) or _UNCLEAR_WEAK.search(texts[id(c)])
                   or _conditional(texts[id(c)])]
        own = [c for c in answering if c not in doubted and c.polarity == "pos" and c.subject == "self"]
        # ("if grandma keeps the kids, we'll come": a condition, even on others, is on the answer)
        if doubted and own and not any(_conditional(texts[id(c)]) and not _UNCLEAR_STRONG.search(texts[id(c)])
                                       and not _UNCLEAR_WEAK.search(texts[id(c)]) for c in doubted) \
                and all((c.tags() & {"OTHER", "KID", "KIDS", "PARTNER", "OTHERS"} or _after_other(c, answering)
                         or _tells_later_of(c, answering, doubted, texts) or _named_doubt(c))
                                   and not c.tags() & {"SELF1", "WE", "SELFNUM"} for c in doubted):
            strong_unclear, others_doubt = False, True
            maybe = maybe and any(c not in doubted and (c.polarity == "maybe" or _MAYBE_PHRASE.search(texts[id(c)]))
                                  for c in answering)
        else:
            doubted = []
    if maybe and _other_comes(answering) and not self_pos and not any(p == "neg" for p, _ in [(c.polarity, c.subject) for c in answering]) \
            and not strong_unclear and not change:
        # "ההורים שלי באים בטוח, אני אולי אצטרף מאוחר יותר": the others come; the writer's maybe is the writer's
        maybe, others_doubt = False, True
    if maybe and self_pos and not strong_unclear and not change:
        # "I'm coming, my wife isn't sure yet": the doubt is someone else's; the writer said yes
        doubtful = [c for c in answering if c.polarity == "maybe" or _MAYBE_PHRASE.search(texts[id(c)])]
        if doubtful and all(c.subject == "other" or _named_doubt(c) for c in doubtful):
            maybe, others_doubt = False, True
        elif doubtful and all(_EVENT_PART.search(texts[id(c)]) and c.polarity != "neg" and not c.tags() & {"NEG", "NOWORD", "COME"}
                              and any(d.polarity == "pos" and d.subject == "self" and "COME" in d.tags()
                                      for d in answering[:answering.index(c)]) for c in doubtful):
            maybe = False    # "אני אגיע אחרי הסבב, מקווה להספיק לקבלת פנים": coming; the hope is to be in time for a part of it
    nobody = any("NOBODY" in c.tags() and c.polarity == "neg" for c in answering)   # (not "none of us have cars")

    answer = None
    sure = True
    apology_count = False
    about_others = None
    # "חשבתי שלא נוכל אבל נגיע", "I thought we couldn't, but we'll be there": a no that was only thought, then the answer
    self_said = [p for p, s in pols if s == "self" and p in ("pos", "neg")]
    believed_no = bool(_BELIEF.search(norm)) and self_said[:1] == ["neg"] and self_said[-1:] == ["pos"]
    if strong_unclear and not (button and (self_pos or self_neg)):
        adults, children, total, _ = _count(answering, change, False)
        total = total if total is None or total <= MAX_PARTY_SIZE else None
        if re.search(r"how many|כמה|сколько", norm):
            total = None
        # a maybe said ("maybe, will confirm", "может быть придём, посмотрим"); "not sure yet, will let you know" is undecided
        unsure_said = _NOT_SURE.sub(" ", norm)
        if _WILL_TELL.search(norm):
            unsure_said = _NOT_SETTLED.sub(" ", unsure_said)
        said_maybe = "MAYBE" in tags or bool(_MAYBE_EXTRA.search(norm) or _MAYBE_PHRASE.search(unsure_said)) \
            or bool(_HEDGE.search(norm)) and any(c.polarity in ("pos", "neg") for c in answering)   # "נראה לי שלא נצליח, אם ישתנה אעדכן"
        maybes = [c for c in answering if c.polarity == "maybe"]
        if maybes and all(c.subject == "other" for c in maybes) and not _MAYBE_EXTRA.search(norm):
            said_maybe = False    # "my son is in the army, he might get leave, we'll know closer to the date": his maybe, not theirs
        if said_maybe and not inshallah_only and not re.search(r"how many|כמה|сколько|كم", norm):
            # "maybe, will confirm next week": said maybe ("..., אולי רק אני אבוא": with how many, when the maybe says it)
            counted = total if total and any(c.polarity in ("maybe", "pos") and c.subject == "self"
                                             and c.tags() & {"SELF1", "WE", "JUST", "DIGITS", "NUM", "SELFNUM"} for c in answering) else None
            return Understanding("answer", "maybe", total=counted, sure=False)
        return Understanding("unclear", "maybe", None, None, None, sure=False)
    # "نحن 4 إن شاء الله", "we'll be 4, God willing": a head count said with the hope is a head count, as "we'll be 4"
    # (a bare "إن شاء الله" stays a maybe; a maybe said beside it too)
    inshallah_count = inshallah_only and answering_has_count(answering) and not any(c.polarity == "maybe" for c in answering) \
        and not _MAYBE_PHRASE.search(_INSHALLAH.sub(" ", norm))
    if maybe and not (inshallah_only and not _MAYBE_PHRASE.search(norm.replace("ان شاء الله", "")) and (self_pos or other_pos)) \
            and not inshallah_count:
        answer = "maybe"
    elif conflict:
        return Understanding("unclear", "maybe", sure=False)
    elif button is not None and not (self_pos or self_neg):
        # "pressed no by mistake" alone: the other answer is meant
        answer = "yes" if button in ("no", "לא", "لا", "нет") else "no"
    elif self_pos and self_neg and not change and any(c.polarity == "pos" and c.subject == "self" and c.tags() & {"COME", "YES"}
                                                      for c in answering) \
            and (all(not c.tags() & _ATTEND_TAGS for c in answering if c.polarity == "neg" and c.subject == "self")
                 or believed_no):
        # "אחרי כל הדרמה חשבתי שזה לא יקרה 😂 ברור שאנחנו באים", "I thought he'd never propose, of course we're
        # coming": the "not" is in the story, the answer says coming
        # ("חשבתי שלא נוכל אבל נגיע", "I thought we couldn't, but we'll be there": what was thought, then the answer)
        answer = "yes"
    elif self_pos and self_neg:
        # both said: the last clause about the writer wins when the writer changes their mind
        # without a change of mind the first says it ("Нет, мы будем за границей"); with one, the last
        # a wish before a "but" commits to nothing ("we'd love to, but we're away", "רצינו מאוד אבל ...")
        # and "אנחנו באותו ערב בחתונה אחרת אבל נקפוץ", "it clashes with X but we'll come": being away said
        # without a "not", then "but" and coming, comes
        # ("We'll be in Israel that week anyway so count us in!": the same with "so", or no word between; asked back)
        away_but = all(not c.tags() & {"NEG", "NOWORD", "NOBODY"} for c in answering if c.polarity == "neg" and c.subject == "self") \
            and (bool(_BUT.search(norm)) or [p for p, s in pols if s == "self" and p in ("pos", "neg")][-1] == "pos")
        ordered = list(reversed(pols)) if change or away_but or (_WISH.search(norm) and _BUT.search(norm)) else pols
        last = next(p for p, s in ordered if s == "self" and p in ("pos", "neg"))
        answer = "yes" if last == "pos" else "no"
        sure = change
    elif self_pos:
        answer = "yes"
    elif self_neg and other_pos:
        answer = "yes"     # "we can't, but our son will come"
    elif self_neg or nobody:
        answer = "no"
    elif other_pos and not ((has_q or asks) and not change):
        answer = "yes"
    elif other_pos and clauses and not clauses[0].question and clauses[0].polarity == "pos" and not asks:
        answer = "yes"     # "שני מגיעה, אפשר שתחזור בהסעה?": the answer first, then a question
    elif inshallah_only and not answering_has_count(answering):
        answer = "maybe" if _MAYBE_PHRASE.search(norm) else None
    elif weak_neg and not self_neg and not has_q and any(
            c.polarity is None and c.tags() & {"SELF1", "WE", "SELFNUM"} and c.tags() <= _COUNT_TAGS for c in answering):
        # "סליחה טעות, רק אני ואשתי", "sorry, me and my wife": an apology, then who comes; the people named come
        # (a correction says it for sure; an apology alone is asked back)
        answer, sure, apology_count = "yes", change, True
    elif weak_neg and not (tags & {"NUM", "DIGITS"}) and not has_q and not _STRANGER.search(norm):
        answer = "no"     # "sorry 😔"; but "sorry, who is this?" asks
        sure = not change   # "סליחה טעות", "sorry, my mistake": which answer was the mistake? asked back

    without_other = any(t.tag == "WITHOUT" and n.tag in ("OTHER", "PARTNER", "OTHERS")
                        for c in answering for t, n in zip(c.toks, c.toks[1:]))
    # "בעלי אמר לך שלא? אז אני כן מגיעה", "is it ok my wife can't make it? I'll come": who is not coming, asked, still says it
    other_neg_asked = any(c.question and c.subject == "other" and c.polarity == "neg" for c in clauses) and not change
    partial = answer == "yes" and (other_neg or other_neg_asked or (self_neg and other_pos) or without_other)
    count_clauses = [c for c in answering if c not in doubted]
    if self_neg and other_pos:   # (and a bare sum after them: "אשתי והילדים כן, 3 ביחד")
        count_clauses = [c for c in answering if c.polarity == "pos" or not c.polarity and c.toks
                         and c.toks[0].tag in ("DIGITS", "NUM") and len(c.toks) <= 3]
    adults, children, total, count_sure = _count(count_clauses, change, partial)
    if inshallah_count and answer is None and total is None:
        answer = "maybe"    # "ان شاء الله 2": no head count read after all; the hope alone, as a bare "إن شاء الله"
    if apology_count and total is None:
        sure = False    # "סליחה טעיתי, אני ואשתי והילדים": coming, but how many is not said
    too_many = None
    if total is not None and total > MAX_PARTY_SIZE:
        # "we are 60", "נהיה 200": a head count no answer can hold; kept apart, so the guest is told, never recorded
        # (four digits, "see you in 2025", are a year or a slip, not people)
        too_many = total if total < 1000 else None
        adults, children, total, count_sure = None, None, None, False
    if answer is None and total is None and not has_q and not change and tags & {"SELF1", "WE", "ADULT"} \
            and tags & {"KIDS", "KID", "OTHER", "PARTNER", "OTHERS"} \
            and tags <= _COUNT_TAGS | {"WITHOUT", "AND"}:
        answer, sure = "yes", False   # "אני והילדים, בלי בעלי": naming who comes answers yes
    if answer is None and total and not change and _agrees([t for c in clauses if not c.question for t in c.toks]):
        answer = "yes"    # ("נהיה 4 סגור. מאיפה יוצאים?", "great, we'll be 3. is there parking?": agreed, then asked)
    if answer is None and (total is None or total > 0) and not change and not has_q \
            and not tags & {"NEG", "AWAY", "NOWORD", "NOVERB", "MAYBE"} and _TRAVEL.search(norm):
        # "booking flights now, it'll be me and Dan", "טסים ביום חמישי, נהיה 3": on the way, and how many
        # ("קניתי כרטיסים!! נוחתת ב6 בבוקר וישר לאולם": tickets bought, no more said: a yes, asked back)
        answer, sure = "yes", sure and total is not None
    # (someone said not to come; only left at home or with grandma, the rest is a head count)
    said_not = any(c.subject == "other" and c.polarity in ("neg", "weakneg") and c.tags() & {"NEG", "NOVERB", "NOWORD"}
                   for c in answering)
    # ("ילדים לא, רק אנחנו שניים", "2 взрослых, детей не будет": the children left out with a bare "not", no verb of coming,
    # are part of the head count, as "2 adults, no kids" is)
    said_not_coming = any(c.subject == "other" and c.polarity in ("neg", "weakneg") and c.tags() & {"NEG", "NOVERB", "NOWORD"}
                          and (c.tags() & {"COME", "ABLE", "NOVERB", "AWAY", "NOWORD"} or not c.kids_subject) for c in answering)
    if answer is None and other_neg and said_not_coming and total and not change and not has_q:
        answer = "yes"    # "the kids aren't coming, just the 2 of us": the rest come
    if answer is None and other_neg and not change and not has_q and not (self_neg or nobody) and _SO_ONLY_WE.search(norm) \
            and (tags & {"SELF1", "WE", "SELFNUM"} or total):
        # "בעלי עובד לילות אז רק אני והילדים", "hubby's abroad so just me and the kids": someone kept away, then "so" and who
        # is left: those come ("רק אני, בעלי בחו"ל", who and then why, stays a head count)
        answer = "yes"
    if answer is None and said_not and not total and not change and not has_q and not (self_pos or other_pos or conflict) \
            and not any(c.kids_subject for c in answering if c.subject == "other" and c.polarity) \
            and not any(c.tags() & {"SELF1", "WE", "SELFNUM", "KID", "KIDS", "NUM", "DIGITS", "JUST"}
                        for c in answering if not (c.subject == "other" and c.polarity) and not _introduces_self(c)):
        # "סבתא לא תוכל להגיע", "the Levy family won't make it": written for the one invited, who declines (asked back)
        # ("שלום, אני המזכירה של ד"ר כהן. הוא לא יוכל להגיע": who writes, then the answer for the one invited)
        # (or news of someone else, the writer's own answer unsaid: the guest side decides)
        answer, sure = "no", False
        about_others = sum(t.value or 1 for c in answering if c.subject == "other" and c.polarity in ("neg", "weakneg")
                           for t in c.toks if t.tag in ("OTHER", "PARTNER", "KID")) or None
    if answer is None and total and total > 0 and not change and any(
            c.question and c.subject == "self" and c.polarity == "pos" and "COME" in c.tags() and c.tags() & {"SELF1", "WE"}
            for c in clauses) and any(not c.question and c.tags() & {"NUM", "DIGITS", "SELFNUM", "PEOPLE"} for c in answering):
        answer, sure = "yes", False    # "Is it ok if we come a bit late? We'll be 2": asked how they come, and how many come
    # a question, and only someone else said to come ("is the hall accessible? grandma is coming"):
    # what the writer asks is the message, not an answer for the household
    asked_about_other = answer is None and (other_pos or has_q and not tags & {"NUM", "DIGITS", "SELFNUM", "PLUS", "PEOPLE"}) \
        and (has_q or asks) and not change    # "סבא בכיסא גלגלים, יש מעלית?": who the question is about
    if answer == "no":
        adults = children = None
        total = 0 if nobody else None
    elif answer is None and total == 0:
        answer, total = "no", None
    relative = None
    if change and total is None and _RELATIVE.search(norm):
        relative = -1 if _RELATIVE_DOWN.search(norm) else 1
        if earlier is not None and answer != "no" and 0 < earlier + relative <= MAX_PARTY_SIZE:
            total, relative = earlier + relative, None    # "we said 5 but take one off": 4
    sure = sure and count_sure and not others_doubt and not (wished and answer == "no") \
        and not (_MAY_WE_TAIL.search(norm) and ((total or 0) > 1 or children
                                                or tags & {"OTHER", "OTHERS", "KID", "KIDS", "PARTNER", "PLUS", "PEOPLE"}))   # leave asked for others ("... אפשר?")
    if answer == "yes" and total is None and "STILLYESX" in phrased \
            and not any(t.tag in ("YES", "COME") and t.word != "STILLYESX" for t in all_toks):
        sure = False    # "אפשר עוד לאשר?" alone: asking to say yes, asked back
    if answer in ("yes", "no") and _HEDGE.search(norm):
        sure = False    # "I think we'll come": a guess about their own answer
        if answer == "no" and not nobody:
            answer = "maybe"    # "לא נראה לי שנגיע", "I don't think we can": a probably-not
    if total is not None and not change:
        m = _RANGE.search(norm)
        if m and m.group(1) != m.group(2) and not _MAYBE_PHRASE.search(norm) and int(m.group(1)) <= MAX_PARTY_SIZE:
            sure = False    # "we're coming, 2 or 3 of us"

    if answer is not None or (total is not None and total > 0 and not asked_about_other):
        if answer is None and _is_question_only(clauses, norm, has_q) and not change:
            pass   # "Can I bring a plus one?": a question
        else:
            if change:
                intent = "change"
                if answer is None:
                    answer = "yes"
            elif answer is None and symbols & (_AGREE_EMOJI | _YES_EMOJI):
                intent, answer = "answer", "yes"     # "👍 3"
            elif answer is None:
                intent = "count"
            else:
                intent = "answer"
            return Understanding(intent, answer, adults, children, total, sure=sure, relative=relative,
                                 too_many=too_many if answer != "no" else None,
                                 about_others=about_others if answer == "no" and not change else None)
    if too_many and not has_q and not asks and not asked_about_other:
        return Understanding("change" if change else "count", "yes" if change else None, sure=False, too_many=too_many)
    if change and relative:
        # "להוסיף עוד אחד בבקשה": an explicit request to add (or remove) people
        return Understanding("change", "yes", relative=relative, sure=not has_q)

    # not an answer: details, a question, a greeting, politeness
    # what is asked decides: "מה הכתובת? סבתא צריכה מונית נגישה" asks the address ("?" marks the asking part)
    asked_part = " ".join(re.findall(r"[^?؟]*[?؟]", norm)) if has_q else norm
    tail = re.split(r"[?؟]", norm)[-1].strip(" ,.!")
    if has_q and _QUESTION_WORD.search(tail):
        asked_part += " " + tail    # "מי זה? מאיפה יש לכם את המספר": asked without its "?"
    if (tags & {"DETAILS"} or _DETAILS_PHRASE.search(norm)) and not _NOT_DETAILS.search(asked_part):
        return Understanding("details")
    if _SOCIAL.search(norm) and not ("THANKS" in tags and n_words <= 8 and not has_q):
        return Understanding("other", sure=False)   # wonder, not a question to answer ("thanks for the stunning invite" thanks)
    if has_q or _QUESTION_WORD.search(norm) or _STRANGER.search(norm):
        content = [t for t in all_toks if t.tag not in ("NOISE", "YES", "POLITE", "NOWORD")]
        if not content:
            return Understanding("unclear", sure=False)     # "כן?", "??", "מה?"
        if all(t.tag in ("GREET", "POLITE", "NOISE", "OTHERS") for t in all_toks) and "GREET" in tags:
            return Understanding("greeting")    # "מה נשמע משפחה?": how are you, not a question to answer
        return Understanding("question", sure=False)
    # "היי דנה", "Добрый вечер, Лена!", "Happy 70th Miri!!", "congrats Josh and Amy": a greeting or a blessing said to someone
    # by name; the name is whom it is said to
    # (the name last in its clause, right after the greeting or blessing, or the clause after it: one word, or two joined by "and")
    named_to = next((c for c in clauses if any(t.tag is None for t in c.toks)), None)
    if named_to is not None and not has_q and n_words <= 6 and tags & {"GREET", "BLESS", "THANKS"} \
            and all(t.tag in ("GREET", "POLITE", "BLESS", "THANKS", "AND", None) for t in all_toks) \
            and sum(t.tag is None for t in all_toks) == sum(t.tag is None for t in named_to.toks):
        toks = named_to.toks
        k = next(k for k, t in enumerate(toks) if t.tag is None)
        names = toks[k:]
        before = toks[k - 1] if k else next((c.toks[-1] for c in reversed(clauses[:clauses.index(named_to)])), None)
        if before is not None and before.tag in ("GREET", "BLESS", "THANKS") and all(t.word.isalpha() and len(t.word) > 1 and not t.word.startswith(
                ("لل", "ال", "بال", "وال")) for t in names if t.tag is None) and (
                [t.tag for t in names] in ([None], [None, "AND", None]) or len(names) == 2 and names[1].tag is None and names[1].word[:1] in "וو"):
            all_toks = [_Tok(t.word, "POLITE") if t.tag is None else t for t in all_toks]
            tags = {t.tag for t in all_toks}
    if all(t.tag in ("GREET", "POLITE") for t in all_toks) and "GREET" in tags and "THANKS" not in tags:
        return Understanding("greeting")
    if all_toks and all_toks[0].tag == "GREET" and all(t.tag in ("GREET", "POLITE", "CUE", "OTHERS", "FAM") for t in all_toks) \
            and "THANKS" not in tags and n_words <= 6:
        return Understanding("greeting")    # "שלום וברכה לכל המשפחה", "hello to all": whom it greets
    if _introduces(clauses) and not tags & {"THANKS", "BLESS", "NUM", "DIGITS", "DETAILS"}:
        return Understanding("greeting")    # "ערב טוב, מדברת אסתר", "Hi, it's Lena, Dan's mum"
    polite = [t for t in all_toks if t.tag in ("THANKS", "POLITE", "BLESS", "GREET")]
    gesture = bool(symbols & _GESTURE_EMOJI or symbols & _YES_EMOJI)
    if "THANKS" in tags and n_words <= 8 and "LAUGH" not in tags:
        return Understanding("thanks", gesture=gesture)
    # a blessing that goes on and on ("מזל טוב ענק לכל המשפחה, שתזכו לראות רק נחת ...") is a personal congratulation
    long_blessing = "BLESS" in tags and len(letters.split()) >= 10
    if len(polite) == n_words and n_words <= 6 and "LAUGH" not in tags and not long_blessing:
        return Understanding("thanks", gesture=gesture)
    # whom it blesses: "מזל טוב לתאומים", "congrats to the twins" (a person after "to", not one who comes)
    blessed = {t.tag for k, t in enumerate(all_toks) if not (t.tag in _PERSON_TAGS and (
        t.word[:1] == "ל" and t.word not in LEX or k and all_toks[k - 1].word in ("to", "the", "your") and any(
            x.word == "to" for x in all_toks[max(0, k - 2):k])) or t.word == "your" and k and all_toks[k - 1].word == "to")}
    if tags & {"BLESS", "THANKS"} and blessed <= {"THANKS", "POLITE", "BLESS", "GREET", "CUE", "AND", "OTHERS", "FAM"} \
            and n_words <= 6 and not long_blessing:
        # "congrats to the happy couple!": a blessing with small words around it
        return Understanding("thanks", gesture=gesture)
    if "LAUGH" in tags:
        return Understanding("other", sure=False)
    if all(t.tag in ("NOISE",) for t in all_toks) or re.fullmatch(r"(.)\1*", letters) \
            or (n_words == 1 and all_toks[0].tag is None and len(letters) <= 2 and letters.isalpha()) \
            or (n_words == 1 and all_toks[0].tag is None and re.search("([ךםןףץ])(?!\\1)(?=[\u05d0-\u05ea])", text)):
        # "כב", "jk", a stray key or two: nothing to read
        # ("ךךךלחי": a final letter inside a word, where no Hebrew word has one: keys hit at random)
        return Understanding("unclear", sure=False)
    n = _names_only(norm)
    if n:
        return Understanding("count", total=n, sure=False)   # "יוסי ושרה", "Sam and Leah": who comes, by name (asked back)
    return Understanding("other", sure=False)


# ("ok, we'll be 5", "ok נהיה 3", "ок, нас трое": "ok" before a head count agrees too; alone it is politeness)
# ("I already RSVP'd, 2 people": the yes given, said again beside how many)
_AGREE = {_fold(w) for w in _words("sure great awesome perfect cool done deal sweet lovely ok okay okey okie kk rsvpd rsvped",
                                   "סבבה מעולה יופי אחלה סגור מצוינ מצויינ בסדר פיקס אוקי אוקיי",
                                   "تمام ماشي طيب ممتاز اوكي", "хорошо отлично ладно договорились ок окей")}


def _agrees(toks: list[_Tok]) -> bool:
    """A word that agrees, or "put us down", before a head count ("תרשמו 4" alone stays a count)."""
    return any(t.word in _AGREE or t.word == "PUTDOWNX" for t in toks[:3])


def _introduces(clauses: list[_Clause]) -> bool:
    """A greeting, then who writes: "ערב טוב, מדברת אסתר", "Здравствуйте, это Лена, мама Даниэля".
    After the introduction only names and who they are to someone may follow."""
    tags = [t.tag for c in clauses for t in c.toks]
    lead = "INTRO" if "INTRO" in tags else "FAM"    # "שלום רב לכבוד משפחת אזולאי": whom it greets
    if "GREET" not in tags or lead not in tags or tags.index("GREET") > tags.index(lead):
        return False
    return all(t in ("GREET", "POLITE", "INTRO", "OTHER", "OTHERS", "FAM", "NAME", "CUE", None) for t in tags) \
        and sum(t is None for t in tags) <= 3


# "אני והבנות (2)", "me + kids (3)": a number in brackets after a group of people is its size
# children's ages listed ("ילדים בני 2, 5, 9", "kids aged 3 and 6", "дети 3 и 5 лет"): ages, never more people
_AGE_LIST = re.compile(r"(?<![^\W_])(בני|בנות|בגילאי|גילאי|בגילאימ|גילאימ|ages|aged|age|в возрасте|اعمارهم|اعمارهن|عمرهم|اعمار)\s*:?\s*"
                       r"\d{1,2}(?:\s*(?:,|،|ו-?|and|&|и|و|-)\s*\d{1,2})+(?![\d%])"
                       r"|(?<![\d.:/])\d{1,2}(?:\s*(?:,|ו-?|and|&|и|و)\s*\d{1,2})+\s*(?=(?:лет|года|years? old|yrs? old|yo|שנימ|سنين|سنوات)(?![^\W_]))")


# "הבנות (16 ו14)", "הבנים שלנו (15 ו-13)", "the kids (3, 6)": numbers in brackets right after children are their ages
_AGES_IN_BRACKETS = re.compile(_fold(
    r"(?<![^\W_])((?:ו?ה?)(?:ילדימ|ילדות|בנות|בנימ|קטנימ|קטנות|נכדימ|נכדות|תאומימ|תאומות)(?: שלי| שלנו)?"
    r"|(?:the |my |our )?(?:kids|children|boys|girls|twins|grandkids|grandchildren)|(?:мои |наши )?(?:дети|детьми|девочки|мальчики)"
    r"|(?:و?ال)?(?:اولاد|ولاد|اطفال|بنات)(?:نا|ي)?)"
    r" ?\(\s*\d{1,2}(?:\s*(?:,|،|ו-?|and|&|и|و|-)\s*\d{1,2})+\s*(?:years?|yrs?|שנימ|лет|سنه|سنين)?\s*\)"))


# "עם הקטנים יענקי ושרי", "והתאומים אורי ואלה", "the kids (maya 6, leo 3)", "והילדים, תמר בת 8 ויואב בן 5": the children
# named one by one (an age after each, or none), two or more, joined by commas and "and", ending the clause: as many children
# as names (read like "the kids (6, 3)")
_NAME_AGE = r"[^\W\d_]{2,15}(?:\s*(?:בת|בנ|aged|age)?\s*\(?\d{1,2}\)?)?"
_KIDS_NAMED = re.compile(_fold(
    r"(?<![^\W_])((?:ו?ה?|עמ ה)(?:ילדימ|ילדות|בנות|בנימ|קטנימ|קטנות|נכדימ|נכדות|תאומימ|תאומות)(?: שלי| שלנו)?"
    r"|(?:the |my |our )?(?:kids|children|boys|girls|twins|grandkids|grandchildren))"
    r"\s*[,:(]?\s*(" + _NAME_AGE + r"(?:(?:\s*,\s*(?:and |ו(?=[^\W\d_])|& )?|\s*,?\s*(?:and|&)\s+|\s+ו(?=[^\W\d_]))" + _NAME_AGE + r"){1,5})"
    r"\s*\)?(?=\s*(?:$|[.,!?;\n]))"))
_NOT_NAMES = {_fold(w) for w in _words("today tomorrow tonight later too also soon there here please pls thanks",
                                      "היומ מחר מחרתיימ בשבת אחר כך גמ כנ לא בבקשה תודה שמ פה", "", "")}


# "אני ואבא + נועם, יעל ואריאל (הקטן בעגלה)", "me and Dan + Maya and Leo": people named after a "+", to the end of the clause,
# are as many more as names ("+ 3"); a bracket right after them that says who the last one is ("(הקטן בעגלה)") is no one more
_PLUS_NAMES = re.compile(_fold(
    r"(?<=[^\W\d_]) ?\+ ?([^\W\d_]{2,15}(?:(?:\s*,\s*(?:and |ו(?=[^\W\d_])|& )?|\s*,?\s*(?:and|&)\s+|\s+(?=ו[^\W\d_]))[^\W\d_]{2,15}){0,6})"
    r"(\s*\((?:ה)?(?:קטנ|קטנה|קטנטנ|קטנטנה|תינוק|תינוקת|the little one|the baby|baby)(?![^\W_])[^()]{0,30}\))?(?=\s*(?:$|[.,!?;\n]))"))


def _plus_names(m: re.Match) -> str:
    names = [w[1:] if w[:1] == "ו" and len(w) > 3 and _lookup(w) is None else w
             for w in re.findall(r"[^\W\d_]+", m.group(1)) if w not in ("and",)]
    if any(_lookup(w) is not None or w in _NOT_NAMES for w in names):
        return m.group(0)
    return f" + {len(names)} "


def _kids_named(m: re.Match) -> str:
    names = [w for w in re.findall(r"[^\W\d_]+", m.group(2)) if w not in ("בת", "בנ", "aged", "age", "and")]
    if any(_lookup(w) is not None or w in _NOT_NAMES or w[:1] == "ו" and w[1:] in _NOT_NAMES for w in names):
        return m.group(0)
    words, n = m.group(1).split(), len(names)
    k = next((k for k, w in enumerate(words) if (_lookup(w) or ("",))[0] in ("KIDS", "KID")), len(words) - 1)
    w = words[k]
    words[k] = f"{w[0]} {n} {w[1:]}" if _and_prefixed(w) else f"{n} {w}"
    return " " + " ".join(words) + " "


def _ages_in_brackets(m: re.Match) -> str:
    """"הבנות (16 ו14)" -> "2 הבנות": as many children as ages are listed (the number goes after an "and": "ו 2 הילדים")."""
    words, n = m.group(1).split(), len(re.findall(r"\d{1,2}", m.group(0)))
    k = next((k for k, w in enumerate(words) if (_lookup(w) or ("",))[0] in ("KIDS", "KID")), len(words) - 1)
    w = words[k]
    words[k] = f"{w[0]} {n} {w[1:]}" if _and_prefixed(w) else f"{n} {w}"
    return " " + " ".join(words) + " "


def _age_list(m: re.Match) -> str:
    return " " + (m.group(1) or "") + " "


_PAREN_COUNT = re.compile(r"([^\W\d_]+) ?\((\d{1,2}|" + "|".join(w for w in _NUMBERS if len(w) > 2) + r")\)")
# "אני, דני והתינוקת", "me, Dan and the baby": a comma inside a list of people that starts with me
_SELF_LIST = re.compile(r"(?<![^\W_])(אני|me|انا|я) ?, ?(?=[^\W\d_]+ (?:ו|and |و|и ))")


_SELF_WORDS = {"אני", "אנחנו", "i", "we", "انا", "احنا", "я", "мы"}
# the words of a clause that is about attending: a "not" without one of them is about something else
_ATTEND_TAGS = {"COME", "ABLE", "AWAY", "NOVERB", "YES", "NOWORD", "STAY", "SORRY", "MAYBE", "SELFNUM", "JUST"}
# "אני, נועם, איתי ודניאל מגיעים", "Me, Tom, Gal and Noa": the writer and a list of names
_SELF_NAMES = re.compile(r"(?<![^\W_])(אני|me|i)((?: ?, ?[^\W\d_]+(?![^\W_])){1,6}) ?,? ?(?=(?:ו|and )(?: ?\d{1,2} )?[^\W\d_]+)")
_NEG_WORDS = {"לא", "لا", "مش", "ما", "not", "не", "нет"}


_THIRD_FUTURE = {_fold(w) for w in _words("", "יצליח תצליח יצליחו יוכל תוכל יוכלו יגיע תגיע יגיעו יצטרף תצטרף יצטרפו יבוא תבוא יבואו "
                                            "להצטרפ יספיק תספיק יספיקו", "", "")}


_SIGN_OFF = {"regards", "love", "best", "cheers", "xoxo", "xx", "warmly", "sincerely", "from", "thanks", "kind", "warm", "all", "the"}


def _names_said(clauses: list[_Clause], text: str) -> bool:
    """English names, told by their capital letter: "I'm coming with Bob" (one more), and a signature after a yes ("We'll be
    there ... Sam and Lily", "Regards, David and Miriam Cohen": who "we" are; a surname after the last name is no one more).
    Marks them in the clauses; True when any was."""
    caps = {w.lower() for w in re.findall(r"(?<![\w'])([A-Z][a-z]{1,15})(?![\w'])", text)}
    if not caps:
        return False
    marked = False
    for c in clauses:
        toks = c.toks
        for i, t in enumerate(toks):
            if t.tag is None and t.word in caps and i and toks[i - 1].word == "with" and any(x.tag == "COME" for x in toks[:i - 1]) \
                    and (i + 1 == len(toks) or toks[i + 1].tag == "AND" or toks[i + 1].tag == "CUE" and i + 2 == len(toks)):
                toks[i] = _Tok(t.word, "OTHER", 1)    # "I'm coming with Bob", "with Bob and Sue"
                if i + 2 < len(toks) and toks[i + 1].tag == "AND" and toks[i + 2].tag is None and toks[i + 2].word in caps:
                    toks[i + 2] = _Tok(toks[i + 2].word, "OTHER", 1)
                marked = True
        # the signature: two first names joined by "and" (a surname after the second), after the writer's yes
        words = [t for t in toks if not (t.word in _SIGN_OFF and t.tag in (None, "CUE", "POLITE", "THANKS"))]
        if c.polarity is None and len(words) in (3, 4) and [t.tag for t in words[:3]] == [None, "AND", None] \
                and words[1].word in ("and", "&") and all(t.tag is None and t.word in caps for t in words if t.tag != "AND") \
                and any(d.polarity == "pos" and d.subject == "self" for d in clauses if d is not c):
            first, second = words[0], words[2]
            for k, t in enumerate(toks):
                if t is first or t is second:
                    toks[k] = _Tok(t.word, "OTHER", 1)
                elif len(words) == 4 and t is words[3]:
                    toks[k] = _Tok(t.word, "NAME")
            marked = True    # "Sam and Lily", "David and Miriam Cohen": who comes, signing
    return marked


def _introduces_self(c: _Clause) -> bool:
    """"אני המזכירה של ד"ר כהן", "אני הבת של רחל": who writes, and whose they are; nothing said of coming."""
    toks = [t for t in c.toks if t.tag != "GREET"]
    return len(toks) >= 4 and toks[0].tag == "SELF1" and toks[1].tag in (None, "OTHER", "KID") and toks[2].word == "של" \
        and not c.polarity and not c.tags() & {"COME", "YES", "NEG", "ABLE", "NUM", "DIGITS", "AND"}


def _own_party(c: _Clause) -> bool:
    """A clause that says the writer's own party comes: "we'll come", "it's just 2 of us", "just me"."""
    tags = c.tags()
    return c.subject == "self" and c.polarity in (None, "pos") and not c.question and (
        c.polarity == "pos" and bool(tags & {"SELF1", "WE", "COME", "YES"})
        or "PEOPLE" in tags and bool(tags & {"DIGITS", "NUM"}) or "SELFNUM" in tags or "JUST" in tags and bool(tags & {"SELF1", "WE"}))


def _named_doubt(c: _Clause) -> bool:
    """"רפי עוד לא יודע אם יצליח להצטרף", "Rafi isn't sure he can make it": a doubt that opens with someone's name and says what he or
    she may do is that person's, not the writer's."""
    toks = c.toks
    return len(toks) >= 3 and toks[0].tag is None and toks[0].word.isalpha() and len(toks[0].word) > 1 \
        and not toks[0].word.startswith(("ו", "ש")) and not c.tags() & {"SELF1", "WE", "SELFNUM"} \
        and (any(t.word in _THIRD_FUTURE for t in toks[1:]) or any(t.word in _PRONOUNS for t in toks[1:]))


def _after_other(c: _Clause, clauses: list[_Clause]) -> bool:
    """"Сын в армии, не знаем отпустят ли", "הבן במילואים, לא יודעים אם ישחררו אותו": a doubt right after a clause about someone else, with no verb of
    coming of its own, is about that person."""
    k = clauses.index(c)
    return k > 0 and clauses[k - 1].subject == "other" and clauses[k - 1].polarity in (None, "neg") \
        and not c.tags() & {"COME", "ABLE", "YES", "MAYBE"}


_APART = {_fold(w) for w in _words("separately apart independently", "בנפרד לחוד", "отдельно", "لحالهم")}
_THEIR = {_fold(w) for w in _words("their", "שלהמ שלהנ", "своими своим своей", "")}


def _comes_apart(toks: list[_Tok]) -> bool:
    """"the grandkids will come with their parents", "הם יגיעו בנפרד": someone else comes, but not as part of the writer's party."""
    if any(t.word in _APART for t in toks):
        return True
    return any(t.word in _WITH and any(x.word in _THEIR for x in toks[k + 1:k + 4]) and any(
        x.tag in _PERSON_TAGS for x in toks[k + 1:k + 4]) for k, t in enumerate(toks))


def _tells_later_of(c: _Clause, clauses: list[_Clause], doubted: list[_Clause], texts: dict) -> bool:
    """"אני מגיעה. עוד לא החלטתי אם עם בן זוג, אעדכן", "I'm coming, not sure if with my husband, will let you know": a bare
    promise to tell, right after a doubt about who comes along, tells about them."""
    k = clauses.index(c)
    if not k or not _WILL_TELL.search(texts[id(c)]) or not all(t.tag in (None, "CUE", "POLITE") for t in c.toks) or len(c.toks) > 4:
        return False
    prev = clauses[k - 1]
    return prev in doubted and bool(prev.tags() & {"OTHER", "KID", "KIDS", "PARTNER", "OTHERS"}) \
        and not prev.tags() & {"SELF1", "WE", "SELFNUM"}


def _names_only(norm: str) -> int | None:
    """"יוסי ושרה", "Sam and Leah", "Dan, Noa and Tom": a list of names joined by "and", and nothing else."""
    if not re.fullmatch(r"[^\W\d_]+(?:\s*,\s*[^\W\d_]+)*(?: and | & | ?& ?|\s*,?\s+ו)[^\W\d_]+[\s.!]*", norm):
        return None
    words = re.findall(r"[^\W\d_]+", norm)
    names = [w for w in words if w != "and"]
    names = names[:-1] + [names[-1][1:] if len(names[-1]) > 2 and names[-1][0] == "ו" and "and" not in words and "&" not in norm
                          else names[-1]]
    # (a name that is also a word for a relative, "ואבי", is still one person)
    if not 2 <= len(names) <= 6 or any(_lookup(w) not in (None, ("OTHER", 1)) or len(w) < 2 for w in names) \
            or all(_lookup(w) for w in names):
        return None
    return len(names)


def _other_comes(clauses) -> bool:
    """Someone else is said to come, with no doubt in that clause."""
    return any(c.subject == "other" and c.polarity == "pos" for c in clauses)


def _names_joined(m: re.Match) -> str:
    """"אני, נועם, איתי ודניאל" -> "אני ונועם ואיתי ודניאל": names only (a list with "my husband" or "the kids" stays)."""
    names = [w.strip(" ,") for w in m.group(2).split(",") if w.strip(" ,")]
    last = re.match(r"(?:ו|and )(?:(?:the|my|our) )?(?:\d{1,2} )?([^\W\d_]+)", m.string[m.end():])   # ("me, dan, and the kids")
    # ("אני, בעלי, נועה, איתי והקטנה": a relative among the names is one of the list too)
    if not names or any(_lookup(w) and (_lookup(w)[0] not in ("OTHER", "PARTNER", "KID") or not _lookup(w)[1]) for w in names) \
            or all(_lookup(w) for w in names) \
            or (last and (_lookup(last.group(1)) or ("",))[0] not in ("",) + _PERSON_TAGS):
        return m.group(0)
    joiner = " and " if m.group(1) in ("me", "i") else " ו"
    return m.group(1) + "".join(joiner + w for w in names) + " "


# said right after a person, what keeps them away: "my wife is on call", "בעלי עובד", "муж на смене"
_AWAY_AFTER_PERSON = re.compile(_fold(r"(?:is |are |will be )?(?:on (?:a |the )?(?:shift|night shift|call|duty|nights)|at work|working|abroad|away|sick|ill)(?![^\W_])"
                                      r"|works?(?: nights| that (?:night|evening|day)| the same (?:night|evening|day))(?![^\W_])|(?:עובד|עובדת)(?! על| את| עם| איתי| איתנו)(?![^\W_])|работает(?![^\W_])|(?:بيشتغل|بتشتغل)(?![^\W_])"
                                      r"|חולה(?![^\W_])|на (?:смене|дежурстве|работе)|(?:بالشغل|بالدوام|مسافر|مسافره|مريض|مريضه|مناوب|مناوبه)(?![^\W_])"
                                      # left with someone or at home: "הילדים נשארים אצל סבתא", "the kids are staying with grandma",
                                      # "дети останутся у бабушки", "الولاد بيضلوا عند ستهم" (not "with us")
                                      r"|(?:נשאר|נשארת|נשארים|נשארות|יישאר|יישארו|ישאר|ישארו|תישאר|תשאר|יהיו) (?:בבית|אצל|עם|ליד)(?! איתנו| איתי| אותנו| אתנו| אצלנו)(?![^\W_])"
                                      r"|(?:is |are |will )?(?:staying|stay|stays) (?:at home|home|back|with|at)(?! us| me| them| the (?:hotel|wedding|party|event|venue|hall))(?![^\W_])"
                                      # (no verb: "הילדים אצל סבתא", "дети у бабушки", "the kids at my mum's", "الولاد عند ستهم")
                                      r"|(?:נמצאים |יהיו )?אצל(?![^\W_])|(?:are |will be )?at (?:my |our |the )?(?:grandmas|grandparents|moms|mums|parents|in-laws)(?![^\W_])"
                                      r"|(?:будут )?у (?:бабушки|дедушки|мамы|родителей|няни|свекрови|тещи)(?![^\W_])|عند(?![^\W_])"
                                      r"|(?:останутся|остается|останется|остаются|посидит|посидят) (?:дома|с|со|у)(?! нами| мной)(?![^\W_])"
                                      r"|(?:رح |ح )?(?:يضلوا|بيضلوا|يبقوا|بيبقوا|يضل|بيضل|يبقى|بيبقى|تضل|بتضل) (?:بالبيت|في البيت|مع|عند)(?! نا| ي)(?![^\W_])"))


# "... so just me", "... אז רק אני והילדים", "... так что только я": who is left after someone kept away
_SO_ONLY_WE = _rx(r"(?<![^\W_])(?:אז|לכנ|ולכנ|so|так что|поэтому|لهيك|عشان هيك|لذلك|فلذلك)\s*,?\s*(?:(?:זה |it is |its |נהיה |we will be |it will be |будем |нас будет )?(?:רק|just|only|только|فقط|بس)\s+)?"
                  r"(?:אני|אנחנו|me|us|we|i|я|мы|انا|احنا|נהיה|we will be|будем|\d{1,2}(?!\d)|שנינו|שלושתנו|ארבעתנו|both of us|the (?:two|three|four) of us|вдвоем|втроем|вчетвером)(?![^\W_])")


def _split_partial(text: str) -> str:
    """"انا جاي ومرتي لا", "אני מגיע ואשתי לא", "אני לא ואשתי כן": "and" + a person that answers
    the other way from the writer is a clause of its own."""
    words = text.split(" ")
    for k in range(1, len(words)):
        w = words[k]
        person = None
        if w[:1] in "וو" and len(w) > 2:
            person = _lookup(w[1:])
        elif w in ("and", "и"):
            after = [x for x in words[k + 1:k + 3] if x and x not in ("the", "my", "our")]
            person = _lookup(after[0]) if after else None
        if w in _SELF_WORDS and 0 < k and all(re.fullmatch(r"[^\W_]+", x) for x in words[max(0, k - 3):k]) \
                and any(x in _PRONOUNS or (_lookup(x) or ("",))[0] in _PERSON_TAGS for x in words[max(0, k - 3):k]):
            # "היא מגיעה אני לא", "he's coming I'm not": someone else's answer, then the writer's, with no "and"
            before = words[max(0, k - 3):k]
            after = [re.sub(r"[\W_]+", "", x) for x in re.split(r"[,.;!?]", " ".join(words[k + 1:k + 4]))[0].split()]
            b_pos = any((_lookup(x) or ("",))[0] in ("COME", "YES") for x in before)
            b_neg = any(x in _NEG_WORDS for x in before)
            a_pos = any((_lookup(x) or ("",))[0] in ("COME", "YES") for x in after)
            a_neg = any(x in _NEG_WORDS for x in after)
            if b_pos and not b_neg and a_neg and not a_pos or b_neg and not b_pos and a_pos and not a_neg:
                words[k] = ", " + w
            continue
        elif k >= 1 and w[:1] not in "וو" and (_lookup(w) or ("",))[0] in ("OTHER", "PARTNER", "KID", "KIDS") and re.fullmatch(r"[^\W\d_]+", w):
            # "אני מגיע אשתי לא תוכל", "I'm coming my wife can't": the writer's answer, then someone else's the other way,
            # with no comma and no "and" (a verb of coming right before the person, a "not" right after)
            lead = k - 1 if words[k - 1] in ("my", "our", "the") else k
            verb = (_lookup(words[lead - 1]) or ("",))[0] if lead >= 1 else ""
            after = [x for x in words[k + 1:k + 4] if x]
            said_not = bool(after) and (after[0] in _NEG_WORDS or len(after) > 1 and after[1] in _NEG_WORDS)
            # ("אני מגיע אשתי בתורנות", "I'm coming my wife is abroad": kept away, said without a "not")
            said_not = said_not or bool(after) and ((_lookup(after[0]) or ("",))[0] == "AWAY" or len(after) > 1
                                                    and after[0] in ("is", "are", "будет", "будут") and (_lookup(after[1]) or ("",))[0] == "AWAY"
                                                    or bool(_AWAY_AFTER_PERSON.match(" ".join(x for x in words[k + 1:k + 6] if x))))
            if verb == "COME" and said_not and not any(x in _NEG_WORDS for x in words[max(0, lead - 3):lead]):
                words[lead] = ", " + words[lead]
            continue
        if not person or person[0] not in _PERSON_TAGS:
            continue
        # (only within the clause: "אני לא אגיע, אבל בעלי והבנ יגיעו" names two who come)
        start = max((j + 1 for j in range(k) if words[j].endswith((",", ";", ".", ":")) or words[j] in ("אבל", "but", "אכ", "но", "لكن", "بس")),
                    default=0)
        before, after = [x for x in words[start:k] if x], [x for x in words[k + 1:k + 6] if x]
        # ("אני מגיעה והבעל במילואים", "I'm coming and my husband is abroad": kept away, said without a "not")
        tail = [x for x in after if x not in ("the", "my", "our")][1 if w in ("and", "и") else 0:]   # (after "and": past the person)
        away = bool(tail) and ((_lookup(tail[0]) or ("",))[0] == "AWAY" or bool(_AWAY_AFTER_PERSON.match(" ".join(tail)))
                               or len(tail) > 1 and tail[0] in ("is", "are", "будет") and (_lookup(tail[1]) or ("",))[0] == "AWAY")
        if (any(x in _NEG_WORDS for x in after) or away) and any((_lookup(x) or ("",))[0] in ("COME", "YES") for x in before) \
                or any((_lookup(x) or ("",))[0] in ("COME", "YES") for x in after) and any(x in _NEG_WORDS for x in before):
            words[k] = ", " + w    # "אני לא ואשתי כן": the other way round too
    return " ".join(words)


# "אנחנו (סבא וסבתא 😊) מגיעים", "we (me and the kids) are coming": who "we" are, in brackets
_WE_SAID = re.compile(r"(?<![^\W_])(?:אנחנו|we|мы|احنا|نحن) ?\(([^()]{3,60})\)")


def _we_said(m: re.Match) -> str:
    words = re.findall(r"[^\W\d_]+", m.group(1))
    people = [w for w in words if (_lookup(w) or ("",))[0] in _PERSON_TAGS + ("SELF1",)]
    return " " + m.group(1) + " " if len(people) >= 2 and len(words) <= len(people) + 2 else m.group(0)


# "I'll bring my partner", "אביא את אשתי", "נביא איתנו את סבתא": whom the writer comes with (a person, not "the cake")
_BRING = re.compile(r"(?<![^\W_])(?:(?P<he>ו?(?:אביא|נביא|מביא|מביאה|מביאימ|מביאות))(?: איתי| איתנו| גמ)? (?P<heobj>את [^\W\d_]+)"
                    r"|(?:(?<=will )|(?<=gonna )|(?<=going to )|(?<=and )|(?<=also )|(?<=, ))bring(?: along)? "
                    r"(?P<enobj>(?:(?:my|our|his|her|the) )?(?:\d{1,2} |two |three |four )?[^\W\d_]+))(?![^\W_])")
_BRING_AS = {_fold(k): v for k, v in {"אביא": "אגיע", "מביא": "מגיע", "מביאה": "מגיעה"}.items()}   # (נביא, מביאים: "we")


def _bring(m: re.Match) -> str:
    obj = m.group("heobj") or m.group("enobj")
    hit = _lookup(obj.split()[-1])
    if not hit or hit[0] not in _PERSON_TAGS:
        return m.group(0)
    if m.group("he"):
        verb = m.group("he").removeprefix("ו")
        return " " + _BRING_AS.get(verb, "אנחנו מגיעימ") + " עמ " + obj + " "
    return " come with " + obj + " "


def _paren_count(m: re.Match) -> str:
    word, n = m.group(1), m.group(2)
    # ("יוסי והקטנים (2)": the number goes after the "and", "ו 2 הקטנימ", not before it)
    for cut in ((1, 0) if word[:1] in "וو" else (0, 1)):
        hit = _lookup(word[cut:]) if len(word) - cut > 2 else None
        if hit and hit[0] in ("KIDS", "OTHERS"):
            return f"{word[:cut]} {n} {word[cut:]}" if cut else f"{n} {word}"
    return m.group(0)


def _relative(letters: str, norm: str) -> Understanding | None:
    """"one more", "עוד אחד", "add 2", "one less": a change to the party that stands."""
    plain = re.sub(r"\s+", " ", re.sub(r"[^\w+ ]+", " ", norm)).strip()
    for patterns, sign in ((_RELATIVE_MORE, 1), (_RELATIVE_LESS, -1)):
        for pattern in patterns:
            m = pattern.match(plain) or pattern.match(letters)
            if not m:
                continue
            word = next((g for g in m.groups() if g), "1")
            n = int(word) if word.isdigit() else _NUMBER_OF.get(word, 1)
            if not 0 < n <= 10:
                return None
            return Understanding("change", "yes", relative=sign * n, sure="?" not in norm and "؟" not in norm)
    return None


# words that carry no message of their own beside an answer: small words, the event named, "God willing", a word about
# the answer itself ("pressed the wrong button", "sorry for the late reply")
_FILLER = {_fold(w) for w in _words(
    "the a an to of in on at for it this that these those is are am was were be been being do does did i we you he she they "
    "them us my our your his her their have has had just so and or but also too then there here very really will would "
    "can could shall should up out about with from by as if not get got some any one me oh hey well yet still all "
    "late reply replying response answer answering delay delayed slow update updating change changed plans correction "
    "button pressed clicked tapped mistake accident wrong mistakenly earlier before said wrote meant typo "
    "make miss count see know let time after all anymore oops guys folks both best world bells delighted wishing wish "
    "party wedding event celebration thrilled excited honored honoured forward looking now already definitely "
    "bar bat mitzvah mitzva bris brit henna engagement birthday more less extra another fewer plus",
    "את זה זו זאת של על עם גם רק אז אמ כי אבל שמ פה כאנ עוד כבר יש אינ לי לנו לכמ לכנ לכ ה ב ל ו ש מ כל הזה הזאת היא "
    "הוא המ הנ אתמ כמו ממש מאוד קצת בעזרת השמ אי בעה בעזה נדר בלי איחור האיחור באיחור בתשובה תשובה התשובה שינוי עדכונ "
    "טעות בטעות טעיתי לחצתי אמרתי כתבתי קודמ התכוונתי הכפתור כפתור שוב "
    "נשמח אשמח נראה הפעמ אפ מצב בדיוק סגור סגורימ מאחלימ מאחלת מאחל נתראה בשמחתכמ בשמחתכנ נחגוג להשתתפ שמחה אושר "
    "איתכמ עכשיו עדיינ יודעת יודע יודעימ להיות חתונה לחתונה החתונה בחתונה אירוע לאירוע האירוע בשמחה מפספסימ מפספסת "
    "מפספס נפספס אפספס עניתי שכחתי פחות יותר",
    "في على من الى عن مع و ان شاء الله هذا هذه هو هي انا نحن احنا بس كمان لسه لسا يعني عشان التاخير تاخير الرد غلط بالغلط "
    "كتير كثير جدا العرس عرس الفرح فرح زياده اقل",
    "в на с и а но что это мы я вы он она они у по за к до так же уже ещё еще тоже очень ну бы ли ответ опоздание ошибся "
    "ошибка ошиблась случайно может быть таки все всей всем свадьбу свадьбе свадьба больше меньше")}


# what the details (when, where, the start) cannot answer: when it ends, how long it lasts
_ENDS = _rx(r"\b(?:end|ends|ending|finish|finishes|finished|over|wrap up|wraps up)\b|until what time|till what time|how long|how late",
            r"נגמר|נגמרת|נגמרימ|ייגמר|יגמר|מסתיימ|מסתיימת|יסתיימ|עד מתי|עד איזה שעה|עד איזו שעה|עד כמה מאוחר|כמה זמנ|סיומ|מתי הסופ",
            r"ينتهي|بينتهي|بيخلص|يخلص|تخلص|لامتى|لايمتى|لوين|قديش بيطول|اديش بيطول",
            r"закончится|заканчивается|кончится|до скольки|до какого часа|сколько длится|сколько продлится|окончание")


def asks_beyond_details(text: str) -> bool:
    """A request for details that asks what they do not say ("what time does it end?", "מתי זה נגמר?"): the details
    answer what they can, and the organisers the rest."""
    try:
        return bool(_ENDS.search(normalise(text))) if isinstance(text, str) and len(text) <= _MAX_LENGTH else False
    except Exception:
        return False


# what a host has to plan for, said beside an answer: coming late or leaving early, food, access, a ride, a baby
_NOTEWORTHY = _rx(r"\b(?:late|later|early|leave|leaving|vegan|vegetarian|gluten|allerg\w*|kosher|wheelchair|stroller|pram|"
                  r"high ?chair|ride|lift|shuttle|parking|baby|babies|infant|dog)\b",
                  r"מאחר|מאחרת|מאחרימ|נאחר|אאחר|איחור|מאוחר|מוקדמ|נצא|נעזוב|אעזוב|טבעונ|צמחונ|גלוטנ|אלרג|כשר|כיסא|עגלה|נגיש|"
                  r"טרמפ|הסעה|חניה|תינוק|תינוקת|כלב",
                  r"متأخر|متاخر|بنتأخر|بكير|نباتي|حساسية|عربية|كرسي|توصيلة|موقف|رضيع",
                  r"опозда|поздно|рано|веган|вегетариан|аллерг|коляск|кресл|подвез|парковк|младен|собак")


# only a part of the event: "רק לחופה", "only for the ceremony", "נגיע לקבלת פנים ולא לריקודים": the hosts seat by it
_PART = (r"(?:ה|ל|ב|לה|בה)?(?:חופה|חופּה|טקס|קבלת (?:ה)?פנימ|קבלת|ריקודימ|מסיבה|ארוחה|סעודה|קידוש|הפתיחה|האפטר)|"
         r"(?:the )?(?:ceremony|chuppah|chupah|huppah|reception|dancing|dance|party|dinner|meal|drinks|kiddush|first part|second part|afterparty)|"
         r"(?:ال)?(?:اكليل|إكليل|كتب الكتاب|سهرة|حفلة|عشا|عشاء)|церемони\w*|банкет\w*|фуршет\w*|ужин\w*|вечеринк\w*|расписани\w*")
_PART_ONLY = _rx(r"(?<![^\W_])(?:רק|only|just|بس|فقط|только|лишь) (?:(?:ל|to|for|at|the|ל-|на|в|к|ع|لل|ل|ع ?ال)\s?)?(?:" + _PART + r")(?![^\W_])",
                 r"(?<![^\W_])(?:" + _PART + r") (?:only|בלבד|فقط|بس)(?![^\W_])",
                 r"(?<![^\W_])(?:ל|to|for|the)?\s?(?:" + _PART + r"),? (?:ולא|אבל לא|but not|and not|not (?:to|for) )\s?(?:ל|ה|the )?(?:" + _PART + r")(?![^\W_])")


def says_more(text: str) -> bool:
    """Whether a message says more than an answer, a head count, politeness and blessings: a question ("נגיע 2, יש
    אוכל טבעוני?"), a request or a remark ("כן אבל נאחר קצת, יש לנו עוד חתונה לפני", "אולי, תלוי אם מישהו יקח אותי").
    Such words are for the organisers to read; "כן תודה רבה מזל טוב!" or "we'll be 3, God willing" say nothing more."""
    try:
        norm = normalise(text) if isinstance(text, str) else ""
        if not norm or len(norm) > _MAX_LENGTH:
            return False
        if _PART_ONLY.search(norm):
            return True
        for rx in (_KEEP_POSTED, _WILL_TELL, _ASIDE, _INSHALLAH, _EVENT_WORDS, _CLOCK, _UNCLEAR_WEAK, _NOT_SURE, _NOT_SETTLED,
                   _HEDGE, _MISTAKE, _BUTTON_WORD, _QUOTED_ANSWER, _CHANGE, _SELF_FIX, _STOPPED_BY_MISTAKE, _BARE_WISH):
            norm = rx.sub(" . ", norm)
        content = [t for s in _CLAUSE_SPLIT.split(norm) if s and s.strip() for t in _tokens(s)
                   if t.tag in (None, "DETAILS", "AWAY") and not t.word.isdigit() and t.word not in _FILLER and len(t.word) > 1]
        asks = "?" in norm or "؟" in norm or bool(_QUESTION_WORD.search(norm)) or bool(_NOTEWORTHY.search(norm))
        # A reason for not coming or a wish in two words is no news for the organisers; three
        # words of their own, a question, or something the hosts must arrange is.
        return len(content) >= 3 or asks and len(content) >= 1
    except Exception:   # a bug must not cost the guest their answer
        return False


def answering_has_count(clauses: list[_Clause]) -> bool:
    return any(t.tag in ("NUM", "DIGITS", "SELFNUM") for c in clauses for t in c.toks)


def _is_question_only(clauses: list[_Clause], norm: str, has_q: bool) -> bool:
    return bool(clauses) and all(c.question for c in clauses) and not any(
        c.polarity in ("pos", "neg") for c in clauses)


def _emoji_only(norm: str, symbols: set[str]) -> Understanding:
    if norm.strip() in ("?", "??", "???", "؟") or set(norm) <= {"?", "؟", " ", "!", ".", "…"}:
        return Understanding("unclear", sure=False)
    if symbols & _NO_EMOJI and not symbols & (_YES_EMOJI | _GESTURE_EMOJI):
        return Understanding("answer", "no")
    if symbols & _YES_EMOJI:
        return Understanding("answer", "yes", gesture=True)
    if symbols & _THINK_EMOJI:
        return Understanding("unclear", sure=False)
    if symbols & _GREET_EMOJI:
        return Understanding("greeting")
    if symbols & _LAUGH_EMOJI:
        return Understanding("other", sure=False)
    if symbols & _GESTURE_EMOJI:
        return Understanding("thanks", gesture=True)
    if symbols & _SAD:
        # "😢", "😢😢🙏": sad, but about what (a no, news, being moved) is not said: unclear, as the corpora read it
        return Understanding("unclear", sure=False)
    if symbols & _THANKS_EMOJI - {"🙂"}:
        return Understanding("thanks")
    return Understanding("other", sure=False)


# --------------------------------------------------------------------------- other languages

# Words that tell French, Spanish, German, Portuguese and Italian from English (and from Hebrew or Arabic written in
# Latin letters: "ken", "ma", "ani", "la" are left out), accents dropped. The bot reads he/en/ar/ru: a message in one of
# these is read by a person, never by one word it happens to know ("oui", "si", "ja" are yes in the lexicon).
_FOREIGN_WORDS = frozenset("""
oui non nous vous je suis sommes serons serai serez seront viendrons viendrai venir pourrons pourrai pourra pas mais
finalement desole desolee desoles desolees malheureusement beaucoup pour avec les des est une mari femme enfants
tres bien avons avez notre nos votre vos cette mariage sera aux
si gracias vamos iremos somos seremos estaremos podemos podremos podre nosotros con esposo esposa marido muchas muchos
felicidades siento pero los las una que por para invitacion hijos asistiremos asistire boda llegaremos
ja nein wir kommen kommt werden konnen koennen leider nicht danke vielen mit meinem meiner meine mann frau und sind zu
zweit dritt viert herzlichen gluckwunsch glueckwunsch ich komme kinder hochzeit einladung gerne uns
sim obrigado obrigada nao estaremos iremos com meu minha muito vou vai poderemos casamento parabens
grazie saremo veniamo verremo purtroppo possiamo potremo potro mio marito moglie siamo auguri congratulazioni bambini
io noi sono invito matrimonio
""".split())
# ("merci", "gracias", "danke", "mazal tov"-like words understood everywhere: thanks, whatever the language)
_FOREIGN_THANKS = frozenset("""merci beaucoup gracias muchas danke vielen grazie mille obrigado obrigada felicitations
felicidades parabens auguri congratulazioni herzlichen gluckwunsch glueckwunsch bravo""".split())
_ENGLISH_WORDS = frozenset("""
i me my we us our you your the a an and is are be will can not no yes thanks thank coming come with for to of it this
that so just wife husband kids see there here sorry but all at am was were have has be been sure ok okay please
""".split())
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _foreign(text: str) -> Understanding | None:
    """The reading of a message in another Latin-script language (None when it is not one): thanks when it only thanks
    or congratulates ("Merci beaucoup !", "Gracias"), else "other", foreign, to pass on."""
    if re.search(r"[\u0590-\u05ff\u0600-\u06ff\u0400-\u04ff]", text):
        return None   # Hebrew, Arabic or Russian letters: read as the bot reads them
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    words = [w for w in _LATIN_WORD.findall(plain.replace("\u2019", "'")) if w.isascii()]
    if not words:
        return None
    foreign = [w for w in words if w in _FOREIGN_WORDS or w in _FOREIGN_THANKS]
    english = sum(w in _ENGLISH_WORDS for w in words)
    if not (len(foreign) >= 2 and len(foreign) > english or foreign and len(foreign) == len(words)):
        return None
    if all(w in _FOREIGN_THANKS for w in foreign) and len(foreign) == len(words):
        return Understanding("thanks")
    return Understanding("other", sure=False, foreign=True)


def other_language(text: str) -> bool:
    """Whether a message is written in a language the bot does not read (French, Spanish, German…)."""
    try:
        return bool(isinstance(text, str) and text and (_foreign(text) or _OTHER).foreign)
    except Exception:   # pragma: no cover - a bug reads as English
        return False


_HEARTS = set("❤♥💙💚💛💜🧡🤍🖤💕💖💗😘🥰🙏💐🌹")
_GRATEFUL_WORDS = {_fold(w) for w in _words(
    "thanks thank thx ty congrats congratulations congratulation mazal mazel mazaltov mazeltov",
    "תודה תודות מזל מזלט מזט ברכות",
    "شكرا مشكور مشكورين يسلمو مبروك",
    "спасибо благодарю поздравляем поздравляю мазл мазаль мазел")}


def grateful(text: str) -> bool:
    """Whether a message thanks or congratulates ("Mazal tov!! It was a beautiful wedding", "תודה, היה מושלם", ❤️)."""
    try:
        norm = normalise(text) if isinstance(text, str) else ""
        if any(ch in _HEARTS for ch in norm):
            return True
        return any(_fold(w) in _GRATEFUL_WORDS or (_lookup(w) or ("",))[0] == "THANKS" for w in re.findall(r"[^\W\d_]+", norm))
    except Exception:   # pragma: no cover - a bug reads as no thanks
        return False

