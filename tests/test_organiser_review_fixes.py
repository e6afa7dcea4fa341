"""What a reviewer found playing organisers in the simulator: an Israeli mother organising her
son's army-induction party in Hebrew, and an American planner with two events."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Guest
from tests.phone import phone_factory  # noqa: F401  (fixture)

MOM = "+972521110001"
JEN = "+19175550100"


def guests_of(runtime) -> dict[str, str]:
    with runtime.transaction() as s:
        return {g.full_name: g.phone for g in s.scalars(select(Guest))}


# ---------------------------------------------------------------- a digit before the phone

def test_a_digit_typed_before_the_phone_is_no_part_of_it(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    asked = mom.send("הוסף אורח אבי שכן 1 0521000001")
    assert "52-100-0001" in asked and "10521000001" not in asked
    mom.tap("confirm:yes", "כן")
    mom.send("רוס1 0522000001")
    mom.tap("confirm:yes", "כן")
    assert guests_of(runtime) == {"אבי שכן": "+972521000001", "רוס1": "+972522000001"}


def test_a_number_that_cannot_be_a_phone_is_refused(phone_factory, runtime):
    mom = phone_factory(MOM, "Michal")
    mom.send("אירוע חדש הגיוס של איתי")
    reply = mom.send("הוסף אורח אבי 10521000001")
    assert "10521000001" in reply and "לא נראה כמו מספר טלפון" in reply
    assert guests_of(runtime) == {}
