"""Keep the message catalogs in step with the code: `python -m bot.cli.messages`.

Extracts every msgid marked with `_()`, `N_()` or `ngettext()` (Babel's extractor),
sorts them into their domain's catalog (`bot.text.i18n.DOMAIN_FILES`), and updates
`bot/locale/<lang>/LC_MESSAGES/<domain>.po` for each language that domain is read in:
new msgids are added untranslated, msgids no longer in the code are dropped, existing
translations are kept. `--check` changes nothing and exits 1 when a catalog is behind the
code, a translation is missing, or a msgid hides from the extractor (the test suite runs
the same check).
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from bot.text import i18n

BOT_DIR = Path(i18n.__file__).resolve().parent.parent


def extract() -> dict[str, dict[str | tuple[str, str], list[str]]]:
    """domain → msgid (a (singular, plural) pair for ngettext) → where it is used."""
    found: dict[str, dict] = {d: {} for d in i18n.DOMAINS}
    for path in sorted(BOT_DIR.rglob("*.py")):
        rel = path.relative_to(BOT_DIR).as_posix()
        domain = i18n.domain_of(rel)
        for lineno, message, _comments, _context in extract_from_file(
                "python", str(path), keywords=i18n.KEYWORDS, strip_comment_tags=True):
            key = message if isinstance(message, str) else tuple(message[:2])
            if not key or (isinstance(key, tuple) and not key[0]):
                continue
            found[domain].setdefault(key, []).append(f"bot/{rel}:{lineno}")
    return found


def hidden(source: str, found: set[str]) -> list[tuple[int, str]]:
    """Calls of `_()`, `N_()` or `ngettext()` with a literal msgid that is not in `found`:
    Babel's extractor skips a call with another such call among its arguments, so its
    text would go out in English whatever the reader's language. (line, msgid) each."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in i18n.KEYWORDS
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                and node.args[0].value not in found):
            out.append((node.lineno, node.args[0].value))
    return out


def _hidden_everywhere(found) -> list[str]:
    seen = {key[0] if isinstance(key, tuple) else key for ids in found.values() for key in ids}
    out = []
    for path in sorted(BOT_DIR.rglob("*.py")):
        for line, msgid in hidden(path.read_text(encoding="utf-8"), seen):
            out.append(f"bot/{path.relative_to(BOT_DIR).as_posix()}:{line}: {msgid!r} is not extracted "
                       "(a translated call inside its arguments? compute that first)")
    return out


def po_path(lang: str, domain: str) -> Path:
    return i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def read(lang: str, domain: str) -> Catalog:
    path = po_path(lang, domain)
    if not path.exists():
        return Catalog(locale=lang, domain=domain, project="invitebot", fuzzy=False)
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=domain)


def problems(found=None) -> list[str]:
    """Every msgid without a translation, and every catalog entry no code uses."""
    found = found if found is not None else extract()
    out: list[str] = _hidden_everywhere(found if set(found) == set(i18n.DOMAINS) else extract())
    for domain, ids in found.items():
        for lang in i18n.DOMAIN_LANGS[domain]:
            if lang == i18n.SOURCE:
                continue
            catalog = read(lang, domain)
            have = {m.id for m in catalog if m.id}
            for key, where in ids.items():
                message = catalog.get(key[0] if isinstance(key, tuple) else key)
                strings = message.string if message is not None else None
                if isinstance(strings, str):
                    strings = (strings,)
                if message is None or not strings or not all(s.strip() for s in strings):
                    shown = key[0] if isinstance(key, tuple) else key
                    out.append(f"{lang}/{domain}.po: no translation of {shown!r} ({where[0]})")
            used = {key for key in ids}
            for key in have - used:
                shown = key[0] if isinstance(key, tuple) else key
                out.append(f"{lang}/{domain}.po: {shown!r} is not used by the code any more")
    return out


def update(found=None) -> None:
    found = found if found is not None else extract()
    for domain, ids in found.items():
        for lang in i18n.DOMAIN_LANGS[domain]:
            if lang == i18n.SOURCE:
                continue
            old = read(lang, domain)
            new = Catalog(locale=lang, domain=domain, project="invitebot", fuzzy=False)
            for key in ids:
                msgid = key[0] if isinstance(key, tuple) else key
                kept = old.get(msgid)
                string = kept.string if kept is not None else ("",) * new.num_plurals if isinstance(key, tuple) else ""
                if isinstance(key, tuple) and isinstance(string, str):
                    string = (string,) + ("",) * (new.num_plurals - 1)
                new.add(key, string, flags=("python-brace-format",) if "{" in msgid else ())
            path = po_path(lang, domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as fh:
                write_po(fh, new, width=100, no_location=True, omit_header=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on any problem")
    parser.add_argument("--domain", choices=i18n.DOMAINS, help="only this catalog")
    args = parser.parse_args(argv)
    found = extract()
    if args.domain:
        found = {args.domain: found[args.domain]}
    if not args.check:
        update(found)
    issues = problems(found)
    for line in issues:
        print(line)
    print(f"{sum(len(v) for v in found.values())} msgids; {len(issues)} problems")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
