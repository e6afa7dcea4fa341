"""Guest understanding: how much of tests/corpora/guest_replies.jsonl the bot reads right.

The corpus holds typed replies to an event invitation (Hebrew, English, Arabic, Russian
and mixed), written from how guests write on a phone, each labelled with an intent, an
answer and a head count (tests/corpora/README.md). This script runs every line through
`bot.chat.answers.interpret` and compares.

Corpus intents:

    answer    yes / no / maybe, with or without a count ("כן, מגיעים 2", "sorry, can't come")
    count     only a head count ("אנחנו 4", "just me", "2 adults and 3 kids")
    change    a change of mind or a corrected count ("actually we'll be 3")
    question  asks something other than when/where (parking, kids, dress code, kashrut)
    details   asks when / where / the address
    stop      opt out of messages;  start: opt back in
    thanks    politeness only ("תודה", "ok", "👍", "❤️", "מזל טוב")
    greeting  "hi", "שלום"
    unclear   cannot be decided yet ("depends on work, will confirm next week"; answer
              maybe when it is about coming, else null)
    other     anything else (a congratulation letter, "the link doesn't open")

The bot's GuestIntent is mapped onto those categories:

    yes (party_size n)  → answer, yes, total n (total unknown without a party size)
    no                  → answer, no, total 0 (a no is nobody coming)
    maybe               → answer, maybe
    party_size n        → count, total n
    details             → details      stop / start → stop / start
    thanks              → thanks       help → greeting
    unknown             → a note passed on to the organiser: right only for question / other

A line is right (strict) when the category, the answer and the total all match; the total
is compared only where the corpus gives one. The bot has no `change` or `unclear` kind,
so those lines are never right under the strict rule. The lenient figure scores by effect
instead: a line whose effect is an RSVP (answer, count, change; a count means yes) is
right when the bot files the same RSVP (a party size is filed as a yes), and an `unclear`
line is also right as a note (unknown) or, when its answer is maybe, as a maybe.

    .venv/bin/python bench/guest_understanding.py
    .venv/bin/python bench/guest_understanding.py --min 60        # exit 1 below 60 % (strict)
    .venv/bin/python bench/guest_understanding.py --failures 40 --lang he
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.chat.answers import GuestIntent, interpret  # noqa: E402

CORPUS = ROOT / "tests" / "corpora" / "guest_replies.jsonl"
INTENTS = ("answer", "count", "change", "question", "details", "stop", "start", "thanks",
           "greeting", "unclear", "other")
LANGS = ("he", "en", "ar", "ru", "mixed")
RSVP = ("answer", "count", "change")


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                row = json.loads(line)
                row["line"] = number
                rows.append(row)
    return rows


def bot_view(intent: GuestIntent) -> tuple[str, str | None, int | None]:
    """The bot's result as (category, answer, total) in the corpus's terms."""
    kind = intent.kind
    if kind == "yes":
        return "answer", "yes", intent.party_size
    if kind == "no":
        return "answer", "no", 0
    if kind == "maybe":
        return "answer", "maybe", None
    if kind == "party_size":
        return "count", None, intent.party_size
    if kind == "help":
        return "greeting", None, None
    if kind in ("details", "stop", "start", "thanks"):
        return kind, None, None
    return "note", None, None


def strict_right(row: dict, view: tuple) -> bool:
    category, answer, total = view
    if category == "note":
        return row["intent"] in ("question", "other")
    if category != row["intent"] or answer != row["answer"]:
        return False
    return row["total"] is None or total == row["total"]


def lenient_right(row: dict, view: tuple) -> bool:
    if strict_right(row, view):
        return True
    category, answer, total = view
    if row["intent"] in RSVP:
        if category not in ("answer", "count"):
            return False
        want = row["answer"] or "yes"           # a bare count means coming
        got = answer or "yes"                   # the bot files a party size as a yes
        return got == want and (row["total"] is None or total == row["total"])
    if row["intent"] == "unclear":
        return category == "note" or (row["answer"] == "maybe" and answer == "maybe")
    return False


def describe(intent: GuestIntent) -> str:
    out = intent.kind
    if intent.party_size is not None:
        out += f"({intent.party_size})"
    if intent.gesture:
        out += " gesture"
    return out


def expected(row: dict) -> str:
    out = row["intent"]
    if row["answer"]:
        out += f" {row['answer']}"
    if row["total"] is not None:
        out += f" total={row['total']}"
    return out


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def table(title: str, keys, groups: dict) -> None:
    print(f"\n{title:<12}{'n':>6}{'strict':>9}{'lenient':>9}")
    for key in keys:
        rows = groups.get(key, [])
        if not rows:
            continue
        s = sum(r["strict"] for r in rows)
        l = sum(r["lenient"] for r in rows)
        print(f"{key:<12}{len(rows):>6}{pct(s, len(rows)):>9}{pct(l, len(rows)):>9}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--min", type=float, default=None, metavar="PERCENT",
                        help="exit 1 when strict accuracy is below PERCENT")
    parser.add_argument("--failures", type=int, default=15, help="failure examples to print")
    parser.add_argument("--lang", choices=LANGS, help="score one language only")
    args = parser.parse_args(argv)

    rows = load(args.corpus)
    if args.lang:
        rows = [r for r in rows if r["lang"] == args.lang]
    if not rows:
        print("no corpus lines")
        return 1 if args.min is not None else 0

    for row in rows:
        got = interpret(row["text"])
        view = bot_view(got)
        row["got"] = got
        row["view"] = view
        row["strict"] = strict_right(row, view)
        row["lenient"] = lenient_right(row, view)

    n = len(rows)
    strict = sum(r["strict"] for r in rows)
    lenient = sum(r["lenient"] for r in rows)
    print(f"guest understanding: {args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus}"
          f", {n} lines")
    print(f"accuracy (strict):  {strict}/{n} = {100 * strict / n:.1f}%")
    print(f"accuracy (lenient): {lenient}/{n} = {100 * lenient / n:.1f}%   (same effect; change/unclear creditable)")

    by_lang, by_intent = defaultdict(list), defaultdict(list)
    for row in rows:
        by_lang[row["lang"]].append(row)
        by_intent[row["intent"]].append(row)
    table("language", LANGS, by_lang)
    table("intent", INTENTS, by_intent)

    # a small confusion summary: corpus intent → what the bot said
    print("\nintent       bot kinds (count)")
    for intent in INTENTS:
        kinds = Counter(r["got"].kind for r in by_intent.get(intent, []))
        if kinds:
            print(f"{intent:<12} " + ", ".join(f"{k} {c}" for k, c in kinds.most_common()))

    notes = [r for r in rows if r["answer"] in ("yes", "no") and r["got"].kind == "unknown"]
    print(f"\nclear answers filed as notes: {len(notes)} of "
          f"{sum(r['answer'] in ('yes', 'no') for r in rows)} yes/no lines")
    for row in notes[: args.failures]:
        print(f"  [{row['lang']}] {row['text']!r}  (want {expected(row)})")

    gestures = [r for r in rows if r["got"].gesture]
    print(f"emoji-only yes (gesture=True): {len(gestures)}, of which the corpus calls thanks: "
          f"{sum(r['intent'] == 'thanks' for r in gestures)} (the bot reads them as thanks once answered)")

    def pattern(r: dict) -> tuple:
        wrong_total = (r["view"][0], r["view"][1]) == (r["intent"], r["answer"]) and r["total"] is not None
        return r["intent"], r["answer"], r["view"][0], r["view"][1], wrong_total

    failures = [r for r in rows if not r["strict"]]
    patterns = Counter(pattern(r) for r in failures)
    print(f"\nmost common failures ({len(failures)} lines fail strict):")
    for key, count in patterns.most_common(args.failures):
        intent, answer, category, got_answer, wrong_total = key
        example = next(r for r in failures if pattern(r) == key)
        want = intent + (f" {answer}" if answer else "")
        bot = category + (f" {got_answer}" if got_answer else "") + (", wrong total" if wrong_total else "")
        print(f"  {count:>4}  want {want:<14} bot {bot:<26} e.g. [{example['lang']}] {example['text']!r}"
              f" → {describe(example['got'])}")

    print(f"\nfirst {args.failures} failing lines (strict):")
    for row in failures[: args.failures]:
        print(f"  {row['line']:>4} [{row['lang']}] {row['text']!r}: want {expected(row)}, bot {describe(row['got'])}")

    if args.min is not None and 100 * strict / n < args.min:
        print(f"\nstrict accuracy {100 * strict / n:.1f}% is below --min {args.min}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
