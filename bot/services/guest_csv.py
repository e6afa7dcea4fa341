"""Reading a guest list from a CSV or Excel file, and writing one: pure, no database.

UTF-8 with or without a BOM (and Windows-1255/Latin-1 as a fallback), commas,
semicolons or tabs, a header row in English or Hebrew, or no header at all
(name, phone, side, party, notes). A children column (children, kids, ילדים) says how
many of the party are children. An Excel workbook (.xlsx) is read from its first sheet,
by the same rules (openpyxl).
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

import charset_normalizer
import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from storage.models import MAX_PARTY_SIZE

from bot.text import i18n
from bot.text.answer_words import party_in_words
from bot.text.phones import InvalidPhone, find_phone, find_phones, normalize_phone

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000


class NotACsv(ValueError):
    """The file cannot be read as a guest list; the message says why, for a person."""


@dataclass(frozen=True)
class GuestRow:
    line_no: int
    first_name: str
    last_name: str
    phone: str          # E.164
    side: str | None = None
    party_size: int | None = None
    notes: str | None = None
    children: int | None = None


@dataclass(frozen=True)
class RejectedRow:
    line_no: int
    reason: str
    text: str = ""
    name: str = ""      # the row's name, when it has one (the report says whose row it is)


HEADER_ALIASES = {
    "name": "name", "full name": "name", "full_name": "name", "guest": "name", "שם": "name", "שם מלא": "name",
    "first name": "first_name", "first_name": "first_name", "firstname": "first_name", "first": "first_name",
    "שם פרטי": "first_name",
    "last name": "last_name", "last_name": "last_name", "lastname": "last_name", "surname": "last_name",
    "family name": "last_name", "last": "last_name", "שם משפחה": "last_name",
    "phone": "phone", "phone number": "phone", "mobile": "phone", "cell": "phone", "whatsapp": "phone",
    "tel": "phone", "telephone": "phone", "number": "phone", "טלפון": "phone", "נייד": "phone",
    "מספר טלפון": "phone", "פלאפון": "phone",
    "side": "side", "group": "side", "צד": "side", "קבוצה": "side",
    "party": "party_size", "party size": "party_size", "party_size": "party_size", "guests": "party_size",
    "count": "party_size", "people": "party_size", "כמות": "party_size", "מספר אורחים": "party_size",
    "children": "children", "kids": "children", "child": "children", "ילדים": "children",
    "מספר ילדים": "children",
    "notes": "notes", "note": "notes", "comment": "notes", "comments": "notes", "הערות": "notes", "הערה": "notes",
    # as Israeli guest-list spreadsheets head them
    "שם האורח": "name", "שם המוזמן": "name", "שם מוזמן": "name", "מוזמן": "name",
    "טלפון נייד": "phone", "מספר נייד": "phone", "סלולרי": "phone", "וואטסאפ": "phone", "ווטסאפ": "phone",
    "מספר מוזמנים": "party_size", "כמות מוזמנים": "party_size", "כמות אורחים": "party_size",
    "מספר מגיעים": "party_size", "כמות מגיעים": "party_size", "כמה": "party_size", "מספר אנשים": "party_size",
    "מוזמן מטעם": "side", "מטעם": "side", "מוזמנים מטעם": "side", "קרבה": "side",
    "הערות נוספות": "notes",
}


def decode(data: bytes) -> str:
    if len(data) > MAX_CSV_BYTES:
        raise NotACsv(i18n._("That file is too large (over {n} MB).", n=str(MAX_CSV_BYTES // (1024 * 1024))))
    if b"\x00" in data:
        raise NotACsv(i18n._("That file is not a CSV (it looks like a spreadsheet or an image). "
                             "Save it as CSV and send it again."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: Excel's Hebrew (cp1255) or Western (cp1252) code page, told apart by what
    # the bytes read as (charset-normalizer), never by trying one first: almost any bytes
    # decode as cp1255, and "José" would become "Josי".
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp1255", "cp1252", "utf_16"]).best()
    if best is not None:
        return str(best)
    return data.decode("latin-1")


def _dialect(sample: str) -> str:
    counts = {d: sample.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def parse_guest_csv(data: bytes | str, default_region: str | None) -> list[GuestRow | RejectedRow]:
    """Every data row of the file (CSV, or an Excel workbook's first sheet), read or rejected
    with its line number and why."""
    rows = _xlsx_records(data) if is_xlsx(data) else _csv_records(data)
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    if not rows:
        raise NotACsv(i18n._("That file has no rows."))
    columns = _header(rows[0][1])
    if columns is not None:
        rows = rows[1:]
        if "phone" not in columns.values() or not ({"name", "first_name"} & set(columns.values())):
            raise NotACsv(i18n._("The file needs a name column and a phone column (e.g. name,phone,side)."))
    else:
        columns = {0: "name", 1: "phone", 2: "side", 3: "party_size", 4: "notes"}
        if len(rows[0][1]) < 2:
            raise NotACsv(i18n._("That file does not look like a guest list: "
                                  "I need at least a name and a phone on each line."))
    return [_row(line_no, record, columns, default_region) for line_no, record in rows]


def _csv_records(data: bytes | str) -> list[tuple[int, list[str]]]:
    text = decode(data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    if not text.strip():
        raise NotACsv(i18n._("That file is empty."))
    delimiter = _dialect("\n".join(text.splitlines()[:5]))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            rows.append((reader.line_num, record))
            if len(rows) > MAX_ROWS + 1:
                raise NotACsv(_too_many_rows())
    except csv.Error as exc:
        raise NotACsv(i18n._("That file is not a readable CSV ({error}).", error=str(exc)))
    return rows


def _too_many_rows() -> str:
    return i18n._("That file has more than {n} rows; split it into smaller files.", n=MAX_ROWS)


# ----------------------------------------------------------------- Excel

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_COLUMNS = 40   # a guest list's columns, and then some; a sheet's far columns are not read


def is_xlsx(data) -> bool:
    """An Excel workbook (a zip archive) rather than text."""
    return isinstance(data, bytes) and data[:4] == b"PK\x03\x04"


def _xlsx_records(data: bytes) -> list[tuple[int, list[str]]]:
    """The first sheet's rows as text, numbered as Excel numbers them."""
    if len(data) > MAX_CSV_BYTES:
        raise NotACsv(i18n._("That file is too large (over {n} MB).", n=str(MAX_CSV_BYTES // (1024 * 1024))))
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError):
        raise NotACsv(i18n._("That file is not a readable Excel workbook. Save it again as .xlsx or as CSV."))
    try:
        rows: list[tuple[int, list[str]]] = []
        sheet = book.worksheets[0] if book.worksheets else None
        for n, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True) if sheet else (), start=1):
            rows.append((n, [_cell_text(v) for v in values]))
            if len(rows) > MAX_ROWS + 1:
                raise NotACsv(_too_many_rows())
    finally:
        book.close()
    if not rows:
        raise NotACsv(i18n._("That file is empty."))
    return rows


def _cell_text(value) -> str:
    """A cell as the CSV reader would have it: 0541234567 typed as a number is 541234567
    (Excel drops the 0; the phone reader takes it back), 2.0 is "2", a date is 2027-06-12."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ", "minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def guest_workbook(title: str, header: list[str], rows: list[list], *, rtl: bool) -> bytes:
    """An Excel workbook of one sheet: the header in bold and frozen, columns as wide as
    their text, right to left for a Hebrew or Arabic reader. Every cell is text or a
    number, never a formula (a cell that starts with = is written as text)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = _sheet_title(title)
    sheet.sheet_view.rightToLeft = rtl
    for values in [header, *rows]:
        sheet.append([_plain(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"   # text, even when it starts with = (openpyxl would make it a formula)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for i, column in enumerate(sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)), start=1):
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 40)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plain(value):
    """A value as a cell holds it: text without control characters (XML refuses them)."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    return value


def _sheet_title(title: str) -> str:
    """A sheet's name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip() or "Guests"
    return cleaned[:31]


def _header(record: list[str]) -> dict[int, str] | None:
    mapped = {}
    for i, cell in enumerate(record):
        key = " ".join(cell.strip().strip('"').lower().replace("-", " ").split())
        if key in HEADER_ALIASES:
            mapped[i] = HEADER_ALIASES[key]
    return mapped if mapped else None


def _row(line_no: int, record: list[str], columns: dict[int, str], region: str | None) -> GuestRow | RejectedRow:
    values: dict[str, str] = {}
    for i, field in columns.items():
        if i < len(record) and record[i].strip():
            values[field] = " ".join(record[i].split())
    shown = ", ".join(c.strip() for c in record if c.strip())[:60]
    first, last = values.get("first_name", ""), values.get("last_name", "")
    if not first and values.get("name"):
        first, _, last_from_name = values["name"].partition(" ")
        last = last or last_from_name.strip()
    if not first:
        return RejectedRow(line_no, i18n._("no name"), shown)
    who = f"{first} {last}".strip()
    if not values.get("phone"):
        return RejectedRow(line_no, i18n._("no phone number"), shown, who)
    aside = None
    try:
        phone = normalize_phone(values["phone"], region)
    except InvalidPhone:
        phone, aside = _phone_with_aside(values["phone"], region)
        if phone is None:
            if len(find_phones(values["phone"], region)) > 1:
                return RejectedRow(line_no, i18n._("two phone numbers in one cell; a guest has one (add the other as a guest "
                                                   "of their own)"), shown, who)
            return RejectedRow(line_no, i18n._("bad phone number {phone}", phone=values['phone'][:25]), shown, who)
    party = None
    if values.get("party_size"):
        try:
            party = int(float(values["party_size"]))
        except (ValueError, OverflowError):  # "abc", "inf", "1e999"
            party = party_in_words(values["party_size"])   # "שניים", "זוג", "3 אנשים"
        if party is None:
            return RejectedRow(line_no, i18n._("party size is not a number ({value})",
                                                       value=values['party_size'][:10]), shown, who)
        if party < 0 or party > MAX_PARTY_SIZE:
            return RejectedRow(line_no, i18n._("party size must be between 0 and {n}", n=str(MAX_PARTY_SIZE)), shown, who)
    children = None
    if values.get("children"):
        try:
            children = int(float(values["children"]))
        except (ValueError, OverflowError):
            return RejectedRow(line_no, i18n._("children is not a number ({value})",
                                                       value=values['children'][:10]), shown, who)
        if children < 0 or children > MAX_PARTY_SIZE:
            return RejectedRow(line_no, i18n._("children must be between 0 and {n}", n=str(MAX_PARTY_SIZE)), shown, who)
        if children and party is None:
            return RejectedRow(line_no, i18n._("children without a party size (children are counted in it)"), shown, who)
        if party is not None and children > party:
            return RejectedRow(line_no, i18n._("more children ({n}) than the party size ({party})",
                                                       n=str(children), party=str(party)), shown, who)
    if len(first) > 100 or len(last) > 100:
        return RejectedRow(line_no, i18n._("name too long"), shown, who)
    notes = "; ".join(n for n in (aside, values.get("notes")) if n) or None
    return GuestRow(line_no, first, last, phone, (values.get("side") or None) and values["side"][:50],
                    party, notes, children)


def _phone_with_aside(cell: str, region: str | None) -> tuple[str | None, str | None]:
    """A phone cell that says whose number it is, "052-1234567 (אמא)", "mum: 07700 900123": the
    number, and the words for the guest's note (None, None when the cell holds no one number)."""
    phone, rest = find_phone(cell, region)
    words = " ".join(rest.strip(" ()[]:-–,;/").split())
    if phone is None or not words or any(ch.isdigit() for ch in words) or len(words) > 40:
        return None, None
    return phone, "📞 " + words


# A cell a spreadsheet would run as a formula starts with one of these (OWASP's CSV
# injection rule); such a cell is written after a single quote, which Excel and
# LibreOffice take as "this is text" and do not show. Phones (+972…) go the same way,
# so they stay text instead of becoming a number such as 9.72E+11.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The cell with a ' before anything a spreadsheet would run (= + - @, a tab, a CR),
    also before a value that already starts with ' and then one of those, so the import,
    which drops one such ', gives back exactly what was exported."""
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def export_guest_csv(rows: list[dict], questions: list[str] = ()) -> bytes:
    """CSV that Excel opens with Hebrew intact (UTF-8 with a BOM, CRLF line ends) and
    that runs nothing: every cell is neutralised with `safe_cell`. Each question asked
    (`questions`, their texts) is a column of the guests' answers."""
    out = io.StringIO()
    fields = ["first_name", "last_name", "phone", "side", "status", "party_size", "children", "notes",
              "invitation", "opted_out", "answered_at"]
    extra = [q for q in questions if q not in fields]
    writer = csv.DictWriter(out, fieldnames=fields + extra, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        answers = row.get("answers") or {}
        writer.writerow({**{k: safe_cell(row.get(k)) for k in fields},
                         **{q: safe_cell(answers.get(q)) for q in extra}})
    return ("\ufeff" + out.getvalue()).encode("utf-8")
