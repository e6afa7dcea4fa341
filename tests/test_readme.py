"""The README and the code agree, both ways.

Every organiser command, configuration variable, CLI command and REST route the code
accepts is in the README, and everything the README shows as one exists in the code,
with the roles, synonyms, options and methods it claims.
"""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from bot import create_app
from bot.cli import simulator
from bot.chat.answers import interpret
from bot.chat.commands import COMMANDS
from bot.config import Settings
from bot.services.permissions import role_allows
from storage.models import Role

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
VARIABLE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
API_ROUTE = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE) (/api/[^\s`|]*)")
FLASK_COMMAND = re.compile(r"flask --app wsgi ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?")


# --------------------------------------------------------------------------- reading the README


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def table_rows(text: str) -> list[list[str]]:
    """The body rows of every table in `text`, each a list of cells (`\\|` is a literal bar)."""
    rows = []
    lines = [line.strip() for line in text.splitlines()]
    for i, line in enumerate(lines):
        if not line.startswith("|") or re.fullmatch(r"\|[\s\-:|]+\|", line):
            continue
        if i + 1 < len(lines) and re.fullmatch(r"\|[\s\-:|]+\|", lines[i + 1]):
            continue  # a header row
        cells = re.split(r"(?<!\\)\|", line.strip("|"))
        rows.append([cell.strip().replace("\\|", "|") for cell in cells])
    return rows


def spans(text: str) -> list[str]:
    return [s.replace("\\|", "|") for s in re.findall(r"`([^`\n]+)`", text)]


def code_lines(text: str) -> list[str]:
    """Every line inside a fenced code block."""
    return [line for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S) for line in block.splitlines()]


# --------------------------------------------------------------------------- the code's side


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    application = create_app(Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('readme') / 'x.sqlite3'}"))
    yield application
    application.extensions["invitebot"].engine.dispose()


def cli_commands(app) -> dict[str, click.Command]:
    """'db upgrade', 'worker', ... → the click command."""
    found: dict[str, click.Command] = {}

    def walk(command: click.Command, name: str) -> None:
        if isinstance(command, click.Group):
            for sub_name, sub in command.commands.items():
                walk(sub, f"{name} {sub_name}")
        else:
            found[name] = command

    for name, command in app.cli.commands.items():
        walk(command, name)
    return found


def roles_phrase(action) -> str:
    if action is None:
        return "anyone"
    return ", ".join(role.value for role in Role if role_allows(role, action))


def spec_for(command_text: str):
    """The command spec whose verb (longest first) starts `command_text`, else None."""
    text = command_text.lower()
    best = None
    for spec in COMMANDS:
        for verb in spec.verbs:
            if (text == verb or text.startswith(verb + " ")) and (best is None or len(verb) > len(best[1])):
                best = (spec, verb)
    return best[0] if best else None


# --------------------------------------------------------------------------- organiser commands


def test_every_organiser_command_is_documented_with_its_roles_and_synonyms():
    rows = table_rows(section("Organiser commands"))
    assert rows, "no command table"
    documented = {}
    for row in rows:
        assert len(row) == 4, row
        (command,) = spans(row[0])
        spec = spec_for(command)
        assert spec is not None, f"the README shows a command the bot does not know: {command!r}"
        assert spec.name not in documented, f"{spec.name!r} is documented twice"
        documented[spec.name] = row
        assert row[2] == roles_phrase(spec.action), f"{command!r}: the README says {row[2]!r} may"
        for synonym in (s.strip() for s in row[3].split(",")):
            assert synonym in spec.verbs, f"{command!r}: {synonym!r} is not one of its verbs"
    missing = [spec.name for spec in COMMANDS if spec.name not in documented]
    assert not missing, f"commands missing from the README: {missing}"


def test_what_the_readme_says_guests_can_send_is_what_the_bot_understands():
    meanings = [("no more messages", "stop"), ("messages again", "start"), ("yes", "yes"), ("no", "no"),
                ("maybe", "maybe"), ("how many", "party_size"), ("when and where", "details")]
    rows = table_rows(section("Guests"))
    kinds_shown = set()
    for row in rows:
        kind = next(k for prefix, k in meanings if row[1].startswith(prefix))
        kinds_shown.add(kind)
        for text in spans(row[0]):
            assert interpret(text).kind == kind, f"a guest sending {text!r} is not read as {kind}"
    assert kinds_shown == {"yes", "no", "maybe", "party_size", "details", "stop", "start"}


# --------------------------------------------------------------------------- configuration


def test_every_configuration_variable_is_documented():
    documented = {spans(row[0])[0] for row in table_rows(section("Configuration"))}
    missing = [name for name in Settings.env_names() if name not in documented]
    assert not missing, f"variables missing from the README's table: {missing}"
    example = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert example <= set(Settings.env_names()) | {"DATABASE_URL"}


def test_every_variable_the_readme_shows_is_read_by_the_code():
    settings_names = set(Settings.env_names())
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for pattern in ("bot/**/*.py", "storage/**/*.py", "gunicorn.conf.py", "Makefile", "Procfile",
                        "tests/conftest.py", ".ci/run")
        for path in ROOT.glob(pattern)
    )
    shown = {s for s in spans(README) if VARIABLE.match(s)}
    shown |= {word for word in re.findall(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", section("Configuration"))}
    unknown = sorted(name for name in shown
                     if name not in settings_names and not re.search(rf"\b{name}\b", code))
    assert not unknown, f"the README shows variables nothing reads: {unknown}"


# --------------------------------------------------------------------------- the command line


def test_every_cli_command_is_documented(app):
    missing = [name for name in cli_commands(app) if f"flask --app wsgi {name}" not in README]
    assert not missing, f"CLI commands missing from the README: {missing}"


def test_every_cli_command_and_option_the_readme_shows_exists(app):
    commands = cli_commands(app)
    groups = {name.split(" ")[0] for name in commands if " " in name}
    texts = [cell for row in table_rows(section("Command line")) for cell in [" ".join(row)]]
    texts += [line for line in code_lines(README) if "flask --app wsgi" in line]
    texts += [s for s in spans(README) if "flask --app wsgi" in s]
    assert texts
    for text in texts:
        if "flask --app wsgi <command>" in text:
            continue  # the general form
        match = FLASK_COMMAND.search(text)
        assert match, text
        name = match.group(1)
        if name in groups:
            name = f"{name} {match.group(2)}"
        assert name in commands, f"the README shows `flask --app wsgi {name}`, which does not exist"
        options = {opt for param in commands[name].params for opt in param.opts}
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text):
            if option == "--app":
                continue
            assert option in options, f"`flask --app wsgi {name}` has no option {option}"


def test_the_make_targets_the_readme_shows_exist():
    targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))
    shown = {m.group(1) for text in spans(README) + code_lines(README)
             for m in [re.match(r"\s*make ([a-z][a-z-]*)", text)] if m}
    assert {"run", "test", "chat"} <= shown
    assert shown <= targets, f"the README shows make targets the Makefile lacks: {shown - targets}"


# --------------------------------------------------------------------------- REST


def _api_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api"):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        routes |= {(method, path) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def test_every_rest_route_is_in_the_rest_reference(app):
    reference = {m.groups() for row in table_rows(section("REST API"))
                 for m in [API_ROUTE.search(row[0])] if m}
    missing = sorted(_api_routes(app) - reference)
    assert not missing, f"REST routes missing from the README's reference: {missing}"


def test_every_rest_route_the_readme_shows_exists(app):
    routes = _api_routes(app)
    shown = {m.groups() for m in API_ROUTE.finditer(README)}
    unknown = sorted(shown - routes)
    assert not unknown, f"the README shows REST routes the API lacks: {unknown}"


# --------------------------------------------------------------------------- templates


def test_the_templates_to_create_are_the_ones_the_simulator_shows():
    meta = "\n".join(line.strip() for line in section("Going live with Meta").splitlines())
    for key in ("invitation", "broadcast"):
        assert set(simulator.KNOWN_TEMPLATES[key]) == {"he", "en", "ar", "ru"}
        for lang, (text, titles) in simulator.KNOWN_TEMPLATES[key].items():
            shown = " ⏎ ".join(f"`{line}`" for line in text.split("\n"))
            assert shown in meta, f"the {key} template's {lang} body in the README differs from the simulator's"
            for title in titles:
                assert f"`{title}`" in meta


def test_the_simulator_keys_in_the_readme_are_the_ones_it_knows():
    readme_keys = {s.split()[0] for row in table_rows(section("Quick start")) for s in spans(row[0])
                   if s.startswith("/")}
    help_keys = set(re.findall(r"^\s+(/[a-z]+)", simulator.HELP, re.M))
    assert readme_keys == help_keys
