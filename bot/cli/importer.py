"""`flask --app wsgi import-guests <file.csv> --event <id or name> --as <phone>`.

A bulk import from the terminal, with the same rules as a CSV sent in the chat: the
file is read by `guest_csv.parse_guest_csv`, the rows go through
`services.guests.import_guests` as the organiser given by `--as` (so their role is
checked), all in one transaction, and the summary lists what was added, what was
already on the list (and who added it) and what was rejected, by line.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.services.guest_csv import GuestRow, NotACsv, RejectedRow, parse_guest_csv
from bot.text.phones import InvalidPhone, display_phone, normalize_phone
from bot.services import events as event_service
from bot.services import guests as guest_service
from bot.services.access import as_uuid
from bot.services.errors import DomainError
from bot.services.users import find_user
from bot.runtime import current as runtime
from bot.text.replies import MAX_REPORTED_LINES, import_summary

CHUNK = 200  # rows per import_guests call (all in the one transaction): the progress bar's step


class ImportFailed(click.ClickException):
    """A clear, one-line reason; exit status 1."""


def resolve_event(session, user, ref: str):
    """The user's event whose id is `ref`, or whose name is `ref` (exactly, else a unique part)."""
    ref = (ref or "").strip()
    mine = [event for event, _ in event_service.list_events(session, user)]
    if not mine:
        raise ImportFailed(f"{display_phone(user.phone)} has no events yet. "
                           "Create one in the chat first (new event <name>).")
    wanted = as_uuid(ref)
    if wanted is not None:
        for event in mine:
            if event.id == wanted:
                return event
        raise ImportFailed(f"No event with id {ref} among {display_phone(user.phone)}'s events.")
    folded = ref.casefold()
    exact = [e for e in mine if e.name.casefold() == folded]
    partial = exact or [e for e in mine if folded and folded in e.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    names = ", ".join(f'"{e.name}" ({e.id})' for e in (partial or mine))
    if partial:
        raise ImportFailed(f'"{ref}" matches several events: {names}. Use the event\'s id.')
    raise ImportFailed(f'No event called "{ref}". {display_phone(user.phone)}\'s events: {names}.')


def _inputs(rows):
    for row in rows:
        if isinstance(row, GuestRow):
            yield guest_service.GuestInput(
                first_name=row.first_name, last_name=row.last_name, phone=row.phone,
                side=row.side, party_size=row.party_size, notes=row.notes, line_no=row.line_no,
            )
        else:  # RejectedRow: import_guests reports it by its line number and reason
            yield row


def summary_lines(event, filename: str, result: guest_service.ImportResult,
                  shown: dict[int, str] | None = None) -> list[str]:
    """The chat's summary of a CSV import, word for word; then, when the chat's summary
    had to stop listing (a long file), every line that was not added, with its text."""
    lines = import_summary(event, result, what=f"“{filename}”").split("\n")
    if max(len(result.duplicates), len(result.rejected)) > MAX_REPORTED_LINES:
        shown = shown or {}
        lines.append("")
        lines.append("Every line that was not added:")
        for line_no, guest, adder in result.duplicates:
            lines.append(f"  line {line_no}: {guest.full_name} ({display_phone(guest.phone)}) "
                         f"is already on the list, added by {adder}")
        for line_no, reason in result.rejected:
            text = shown.get(line_no)
            lines.append(f"  line {line_no}: {reason}" + (f" ({text})" if text else ""))
    return lines


def import_file(rt, path: Path, event_ref: str, as_phone: str, *, progress_file=None) -> list[str]:
    """Import `path` into the event as the organiser `as_phone`; the summary lines.

    Raises ImportFailed with a reason a person can act on.
    """
    settings = rt.settings
    try:
        phone = normalize_phone(as_phone, settings.default_region)
    except InvalidPhone as exc:
        raise ImportFailed(f"--as: {exc}") from None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"Cannot read {path}: {exc.strerror or exc}") from None

    with rt.transaction() as session:
        user = find_user(session, phone=phone)
        if user is None:
            raise ImportFailed(f"Nobody with the phone {display_phone(phone)} has used the bot yet. "
                               "Use the organiser's own number (the one that created the event).")
        event = resolve_event(session, user, event_ref)
        region = guest_service.region_for(user, settings.default_region)
        try:
            rows = parse_guest_csv(data, region)
        except NotACsv as exc:
            raise ImportFailed(f"{path.name}: {exc}") from None
        if not rows:
            raise ImportFailed(f"{path.name} has no guests in it.")
        inputs = list(_inputs(rows))
        total = guest_service.ImportResult()
        try:
            with click.progressbar(length=len(inputs), label=f"Importing {len(inputs)} rows",
                                   file=progress_file or sys.stderr, show_pos=True) as bar:
                for start in range(0, len(inputs), CHUNK):
                    chunk = inputs[start:start + CHUNK]
                    part = guest_service.import_guests(session, user, event.id, chunk, settings.default_region)
                    total.created += part.created
                    total.duplicates += part.duplicates
                    total.rejected += part.rejected
                    bar.update(len(chunk))
        except DomainError as exc:
            raise ImportFailed(exc.message) from None
        shown = {row.line_no: row.text for row in rows if isinstance(row, RejectedRow) and row.text}
        return summary_lines(event, path.name, total, shown)


def register_cli(app) -> None:
    @app.cli.command("import-guests")
    @click.argument("csv_file", metavar="FILE.csv",
                    type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--event", "event_ref", required=True, metavar="ID_OR_NAME",
                  help="The event: its id, its name, or a unique part of its name.")
    @click.option("--as", "as_phone", required=True, metavar="PHONE",
                  help="The organiser importing (their role must allow adding guests).")
    def import_guests_command(csv_file: Path, event_ref: str, as_phone: str) -> None:
        """Add the guests of a CSV file to an event, as the chat does with a CSV document.

        Columns: name (or first/last name), phone, and optionally side, party, notes;
        a header row in English or Hebrew, or none. Nothing is added if anything fails.
        """
        for line in import_file(runtime(), csv_file, event_ref, as_phone):
            click.echo(line)
