"""Organiser understanding: how often the command parser gets real organiser texts right.

Corpus: tests/corpora/organiser_commands.jsonl, one JSON object a line:

    {"text": "...", "lang": "he|en|mixed", "command": "<CommandName>" | null, "args": {...}}

It was written from how people text a WhatsApp assistant on a phone (a couple planning a
wedding, a parent planning a bar mitzvah, an event planner), before looking at the parser's
grammar: Hebrew imperatives in every form (הוסף / תוסיף / תוסיפי / להוסיף), polite requests
(אפשר להוסיף...?), questions used as commands (מי עוד לא ענה?, כמה אישרו?), typos, missing
spaces, phones as 050-1234567 / 0501234567 / +972..., Hebrew and numeric dates, English with
typos, and Hebrew/English mixes. `command: null` marks a message the bot should not execute
(chit-chat, a request outside what the bot does). Relative dates assume today is 2026-12-04
(a Friday; "next Friday" is 2026-12-11). `args` carries only the values the writer was sure of.

Scoring. Each line goes through `bot.chat.intents.understand(text, "IL", date(2026, 12, 4))`. A
line is right when

  * the parsed command's class name equals `command` (a `ParseError` counts as null), and
  * every key in `args` matches the parsed value:
      - dates compare as ISO strings ("2027-06-12"), times as "HH:MM"; phones as E.164 strings;
      - free text (names, places, messages, search text, notes) after collapsing whitespace,
        casefolding and stripping surrounding quotes and trailing punctuation (.,!?:;);
      - `side` is normalised on both sides (bride / כלה / הכלה ... -> "bride",
        groom / חתן / החתן ... -> "groom"), since the parser keeps the side as free text;
      - EditGuest `field`: the corpus says "party_size", the parser says "party" (same field);
      - Called `outcome`: "no answer" and "no_answer" are the same outcome;
      - Reminders `days` as a sorted list, or null for "automatic reminders off";
      - AddGuests `guests`: the parsed list must have as many guests as the corpus line, and
        guest i is compared by first_name, phone and party_size where the corpus gives them
        (--strict-guests also compares last_name and side);
      - commands that point at a guest / member / event by a `Ref` (RemoveGuest, UseEvent,
        EditGuest, MarkGuest, ChangeRole, MessageGuest, ...) are compared only by type plus the
        listed args; the Ref itself is not scored.

Wrong writes (the dangerous class): lines where the parser returned a command that changes
something (its table row has writes=True; `Cancel` is left out, as it only drops a pending
question) of a different type than intended, including a write parsed from a line whose
intent is null or a read. Reported separately: lines with the intended write command but
wrong args (a guest marked "no" instead of "yes", a wrong phone...).

    .venv/bin/python bench/organiser_understanding.py
    .venv/bin/python bench/organiser_understanding.py --min 60        # exit 1 below 60 %
    .venv/bin/python bench/organiser_understanding.py --failures 50 --lang he
    .venv/bin/python bench/organiser_understanding.py --all-failures   # every failing line

The parser is being extended (Hebrew verbs and phrasings), so the figures move; the corpus is
the fixed part. Exit status: 1 when --min is given and overall accuracy is below it, else 0.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from datetime import date, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.chat import commands as C  # noqa: E402
from bot.chat import intents  # noqa: E402

TODAY = date(2026, 12, 4)
REGION = "IL"
DEFAULT_CORPUS = ROOT / "tests" / "corpora" / "organiser_commands.jsonl"

_BRIDE = {"bride", "brides", "bride's", "the bride", "kallah", "kala", "כלה", "הכלה", "מהכלה", "לכלה", "בכלה"}
_GROOM = {"groom", "grooms", "groom's", "the groom", "hatan", "chatan", "חתן", "החתן", "מהחתן", "לחתן", "בחתן"}
_NO_WRONG_WRITE = {"Cancel"}
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # writes=True in the table, but only drops a pending question


def norm_text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split()).casefold()
    return text.strip("\"'“”„׳״ ").rstrip(".,!?:;").strip()


def norm_side(value) -> str | None:
    if value is None:
        return None
    text = norm_text(value)
    for prefix in ("side ", "צד ", "מצד ", "הצד של ", "מהצד של "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text in _BRIDE:
        return "bride"
    if text in _GROOM:
        return "groom"
    return text


def norm_value(key: str, value):
    """Bring a corpus or parsed value to a comparable form."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}:00", value):
        return value[:5]    # a time of day, written with or without seconds
    if isinstance(value, bool) or isinstance(value, int) or value is None:
        return value
    if key == "value" and isinstance(value, str) and value.strip().isdecimal():
        return int(value)   # a party size written as "7" or 7
    if key == "side":
        return norm_side(value)
    if key == "status":
        return norm_text(str(value).replace("_", " "))   # "not_invited" is "not invited"
    if key in ("phone", "date"):
        return str(value).strip()
    return norm_text(value)


def command_name(parsed) -> str | None:
    return None if isinstance(parsed, C.ParseError) else type(parsed).__name__


def compare_guests(want: list[dict], got, strict: bool) -> str | None:
    """None when equal, else a short reason."""
    got = list(got or ())
    if len(got) != len(want):
        return f"guests: {len(got)} parsed, {len(want)} expected"
    keys = ["first_name", "phone", "party_size"] + (["last_name", "side"] if strict else [])
    for i, (w, g) in enumerate(zip(want, got), start=1):
        for key in keys:
            if key not in w:
                continue
            a, b = norm_value(key, w[key]), norm_value(key, getattr(g, key, None))
            if a != b:
                return f"guest {i} {key}: {b!r} != {a!r}"
    return None


def compare_args(command: str, want: dict, parsed, strict_guests: bool) -> str | None:
    """None when every corpus arg matches the parsed command, else the first mismatch."""
    for key, expected in want.items():
        if command == "AddGuests" and key == "guests":
            reason = compare_guests(expected, getattr(parsed, "guests", ()), strict_guests)
            if reason:
                return reason
            continue
        if not hasattr(parsed, key):
            return f"{key}: no such field on {type(parsed).__name__}"
        actual = getattr(parsed, key)
        if command == "EditGuest" and key == "field":
            expected = {"party_size": "party", "notes": "note"}.get(expected, expected)
        if command == "EditGuest" and key == "value":
            field = getattr(parsed, "field", None)
            if field == "side":
                a, b = norm_side(expected), norm_side(actual)
            elif field == "party":
                a, b = norm_value(key, expected), norm_value(key, actual)   # 7 or "7"
            else:
                a, b = norm_value(key, expected), norm_value(key, actual)
        elif command == "Called" and key == "outcome":   # "no answer" and "no_answer" name one outcome
            a, b = str(expected).replace(" ", "_"), str(actual).replace(" ", "_")
        elif command == "Reminders" and key == "days":
            a = sorted(expected) if expected is not None else None
            b = sorted(actual) if actual is not None else None
        else:
            a, b = norm_value(key, expected), norm_value(key, actual)
        if a != b:
            return f"{key}: {b!r} != {a!r}"
    return None


def is_write(parsed) -> bool:
    if isinstance(parsed, C.ParseError):
        return False
    spec = C.spec_for(parsed)
    return bool(spec and spec.writes and type(parsed).__name__ not in _NO_WRONG_WRITE)


def short(parsed, limit: int = 90) -> str:
    if isinstance(parsed, C.ParseError):
        text = f"ParseError({parsed.message})"
    else:
        text = repr(parsed)
    text = " ".join(_BIDI.sub("", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                row = json.loads(line)
                row["_line"] = n
                rows.append(row)
    return rows


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "   - "


def score(corpus: Path = DEFAULT_CORPUS, strict_guests: bool = False) -> dict:
    """The figures without printing: accuracy (percent), by_lang (percent), wrong_writes [(text, parsed)]."""
    rows = load(corpus)
    right = 0
    by_lang = collections.defaultdict(lambda: [0, 0])
    wrong_writes = []
    for row in rows:
        want = row["command"]
        parsed = intents.understand(row["text"], REGION, TODAY).command
        got = command_name(parsed)
        ok = got == want and (want is None or compare_args(want, row.get("args") or {}, parsed, strict_guests) is None)
        right += ok
        by_lang[row["lang"]][0] += ok
        by_lang[row["lang"]][1] += 1
        if got != want and is_write(parsed):
            wrong_writes.append((row["text"], short(parsed)))
    return {"accuracy": 100.0 * right / len(rows), "right": right, "total": len(rows),
            "by_lang": {k: 100.0 * r / t for k, (r, t) in by_lang.items()}, "wrong_writes": wrong_writes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min", type=float, default=None, help="exit 1 when overall accuracy (percent) is below this")
    ap.add_argument("--lang", choices=("he", "en", "mixed"), help="only lines in this language")
    ap.add_argument("--failures", type=int, default=20, help="how many failure groups to print (default 20)")
    ap.add_argument("--all-failures", action="store_true", help="print every failing line")
    ap.add_argument("--strict-guests", action="store_true", help="also compare guests' last_name and side")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON (see score())")
    opts = ap.parse_args(argv)
    if opts.json:
        print(json.dumps(score(opts.corpus, opts.strict_guests), ensure_ascii=False, indent=1))
        return 0

    rows = load(opts.corpus)
    if opts.lang:
        rows = [r for r in rows if r["lang"] == opts.lang]
    if not rows:
        print("no lines")
        return 1

    by_lang = collections.defaultdict(lambda: [0, 0])
    by_cmd = collections.defaultdict(lambda: [0, 0, 0, 0])  # right, total, type right, wrong writes caused
    failures = []
    wrong_writes = []
    wrong_args_writes = []
    right = 0
    for row in rows:
        want = row["command"]
        parsed = intents.understand(row["text"], REGION, TODAY).command
        got = command_name(parsed)
        reason = None
        if got != want:
            reason = f"type {got} != {want}"
        elif want is not None:
            reason = compare_args(want, row.get("args") or {}, parsed, opts.strict_guests)
        ok = reason is None
        right += ok
        by_lang[row["lang"]][0] += ok
        by_lang[row["lang"]][1] += 1
        stats = by_cmd[str(want)]
        stats[0] += ok
        stats[1] += 1
        stats[2] += got == want
        if got != want and is_write(parsed):
            wrong_writes.append((row, parsed))
            stats[3] += 1
        elif got == want and not ok and is_write(parsed):
            wrong_args_writes.append((row, parsed, reason))
        if not ok:
            failures.append((row, parsed, got, reason))

    total = len(rows)
    print(f"Organiser understanding: {opts.corpus.relative_to(ROOT) if opts.corpus.is_relative_to(ROOT) else opts.corpus}"
          f" ({total} lines, today {TODAY}, region {REGION})")
    print()
    print(f"Overall accuracy: {right}/{total} = {pct(right, total).strip()}")
    print()
    print("By language:")
    for lang in ("he", "en", "mixed"):
        if lang in by_lang:
            r, t = by_lang[lang]
            print(f"  {lang:<6} {r:4d}/{t:<4d} {pct(r, t)}")
    print()
    print(f"By command:  {'command':<14} {'right':>5} {'lines':>5} {'acc':>6}  {'type ok':>7}  {'wrong writes':>12}")
    order = sorted(by_cmd, key=lambda k: (-by_cmd[k][1], k))
    for name in order:
        r, t, typed, ww = by_cmd[name]
        print(f"             {name:<14} {r:5d} {t:5d} {pct(r, t)}  {pct(typed, t):>7}  {ww:12d}")
    print()
    print(f"Wrong writes (a different write command than intended): {len(wrong_writes)}"
          f" of {total} lines ({pct(len(wrong_writes), total).strip()})")
    for row, parsed in wrong_writes:
        print(f"  [{row['command']}] {row['text']!r:.70} -> {short(parsed, 70)}")
    print(f"Right write command, wrong args: {len(wrong_args_writes)}")
    for row, parsed, reason in wrong_args_writes:
        print(f"  [{row['command']}] {row['text']!r:.70} -> {reason}")
    print()

    groups = collections.OrderedDict()
    for row, parsed, got, reason in failures:
        key = (str(row["command"]), str(got) if got != row["command"] else "wrong args")
        groups.setdefault(key, []).append((row, parsed, reason))
    ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    print(f"Most common failures ({len(failures)} failing lines in {len(groups)} groups; "
          f"top {min(opts.failures, len(ranked))}):")
    for (want, got), items in ranked[: opts.failures]:
        row, parsed, reason = items[0]
        print(f"  {len(items):3d} x  intended {want:<13} got {got:<13} e.g. {row['text']!r:.60}")
        print(f"         -> {reason}; {short(parsed, 100)}")
    if opts.all_failures:
        print()
        print("All failures:")
        for row, parsed, got, reason in failures:
            print(f"  line {row['_line']:4d} [{row['lang']}] [{row['command']}] {row['text']!r}")
            print(f"            {reason}; {short(parsed, 120)}")

    accuracy = 100.0 * right / total
    if opts.min is not None and accuracy < opts.min:
        print(f"\nFAIL: accuracy {accuracy:.1f}% is below --min {opts.min}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
