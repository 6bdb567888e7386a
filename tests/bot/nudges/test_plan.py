"""Planning with a controlled clock: who gets what on which day, in their time zone, never at night or on a
day off, within the weekly bound, and not when snoozed or opted out."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nudges.calendar import is_working_day, previous_working_day
from bot.nudges.plan import (
    CommitmentState,
    DigestSection,
    NudgeConfig,
    Preference,
    Snapshot,
    campaign_key,
    plan,
    plan_day,
    stale_key,
)

PARIS = ZoneInfo("Europe/Paris")
OLD = "2026-06-01T10:00:00.000000Z"  # ~6 months before the test days: stale
RECENT = "2026-11-20T10:00:00.000000Z"


def at(text: str, tz: ZoneInfo = PARIS) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def snapshot(**kw: object) -> Snapshot:
    base = Snapshot(
        commitments=[
            CommitmentState("RH-1", "RH", "Plan de formation", "en_cours", 40, OLD, "update"),
            CommitmentState("RH-2", "RH", "GPEC", None),  # never updated
            CommitmentState("RH-3", "RH", "Paie", "en_cours", 60, RECENT, "update"),
            CommitmentState("RH-4", "RH", "Fait", "atteint", 100, OLD, "update"),  # done: nothing to ask
            CommitmentState("SI-1", "SI", "Fusion", "en_cours", 10, OLD, "update"),
        ],
        referents={"URH": ["RH"], "USI": ["SI"]},
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def who(nudges) -> dict[str, tuple[str, list[str]]]:
    return {n.recipient: (n.kind, [i.id for i in n.items]) for n in nudges}


MONDAY = "2026-11-30T09:30:00"


def test_a_monday_morning_each_referent_gets_one_digest_of_their_stale_commitments() -> None:
    nudges = plan(at(MONDAY), snapshot())
    assert who(nudges) == {"URH": ("stale", ["RH-1", "RH-2"]), "USI": ("stale", ["SI-1"])}
    assert nudges[0].key == "stale:URH:2026-W49"


@pytest.mark.parametrize(
    "moment",
    [
        "2026-11-30T08:59:00",  # before the hour
        "2026-11-30T20:00:00",  # the evening
        "2026-11-30T03:00:00",  # the night
        "2026-11-28T10:00:00",  # Saturday
        "2026-11-29T10:00:00",  # Sunday
        "2026-12-25T10:00:00",  # Christmas, a Friday
        "2026-11-11T10:00:00",  # Armistice, a Wednesday
    ],
)
def test_nothing_at_night_on_weekends_or_public_holidays(moment: str) -> None:
    assert plan(at(moment), snapshot()) == []


def test_a_late_clock_sends_the_days_nudges_late_not_never() -> None:
    assert who(plan(at("2026-11-30T16:45:00"), snapshot()))["URH"][0] == "stale"
    # missed the whole Monday: Tuesday morning, same week, same key
    tuesday = plan(at("2026-12-01T09:05:00"), snapshot())
    assert tuesday[0].key == "stale:URH:2026-W49"


def test_each_person_in_their_own_time_zone() -> None:
    zones = {"URH": "America/Montreal", "USI": "Asia/Tokyo"}
    # 09:30 in Paris: 03:30 in Montréal (night), 17:30 in Tokyo (working hours)
    assert set(who(plan(at(MONDAY), snapshot(time_zones=zones)))) == {"USI"}
    # 15:30 in Paris: 09:30 in Montréal, 23:30 in Tokyo (night)
    assert set(who(plan(at("2026-11-30T15:30:00"), snapshot(time_zones=zones)))) == {"URH"}
    # Monday 09:30 in Tokyo is Monday 01:30 in Paris; Sunday in Paris is no reason to wait
    tokyo_monday = at("2026-11-30T09:30:00", ZoneInfo("Asia/Tokyo"))
    assert set(who(plan(tokyo_monday, snapshot(time_zones=zones)))) == {"USI"}
    # Saturday morning in Tokyo while it is still Friday evening in Paris: not for the Tokyo person
    assert plan(at("2026-12-05T09:30:00", ZoneInfo("Asia/Tokyo")), snapshot(time_zones={"USI": "Asia/Tokyo"})) == []


def test_an_unknown_time_zone_falls_back_to_the_default() -> None:
    assert set(who(plan(at(MONDAY), snapshot(time_zones={"URH": "Mars/Olympus"})))) == {"URH", "USI"}


def test_snooze_until_a_date_then_again() -> None:
    prefs = {"URH": Preference(snoozed_until=date(2026, 12, 7))}
    assert set(who(plan(at(MONDAY), snapshot(prefs=prefs)))) == {"USI"}
    assert "URH" in who(plan(at("2026-12-07T09:30:00"), snapshot(prefs=prefs)))


def test_opted_out_people_get_nothing_not_even_the_bureau_summary() -> None:
    prefs = {"URH": Preference(opted_out=True), "UDIR": Preference(opted_out=True)}
    snap = snapshot(prefs=prefs, directors=["UDIR"], bureau_dates=[date(2026, 12, 1)])
    assert set(who(plan(at(MONDAY), snap))) == {"USI"}


def test_at_most_one_digest_a_week() -> None:
    three_days_ago = {"URH": datetime(2026, 11, 27, 8, 30, tzinfo=UTC)}
    assert set(who(plan(at(MONDAY), snapshot(last_digest=three_days_ago)))) == {"USI"}
    a_week_ago = {"URH": datetime(2026, 11, 23, 8, 30, tzinfo=UTC)}
    assert "URH" in who(plan(at(MONDAY), snapshot(last_digest=a_week_ago)))
    already = frozenset({stale_key("URH", date(2026, 11, 30))})
    assert "URH" not in who(plan(at("2026-12-02T10:00:00"), snapshot(sent=already)))


def test_nothing_stale_nothing_sent() -> None:
    fresh = [CommitmentState("RH-3", "RH", "Paie", "en_cours", 60, RECENT, "update")]
    assert plan(at(MONDAY), snapshot(commitments=fresh)) == []


def test_a_confirmation_makes_a_commitment_current_again() -> None:
    confirmed = [CommitmentState("SI-1", "SI", "Fusion", "en_cours", 10, "2026-11-27T10:00:00.000000Z", "confirmation")]
    assert plan(at(MONDAY), snapshot(commitments=confirmed)) == []


BUREAU = date(2026, 12, 12)  # a Saturday: campaign from 28 November, summary on Friday 11 December


def test_the_campaign_before_the_bureau_stands_for_the_weeks_digest() -> None:
    snap = snapshot(bureau_dates=[BUREAU])
    nudges = plan(at(MONDAY), snap)
    assert who(nudges) == {"URH": ("campaign", ["RH-1", "RH-2"]), "USI": ("campaign", ["SI-1"])}
    assert nudges[0].key == campaign_key("URH", BUREAU) and nudges[0].bureau == BUREAU
    # 15 days before: not yet; once sent, the weekly digest waits its week
    assert who(plan(at("2026-11-27T09:30:00"), snap))["URH"][0] == "stale"
    sent = snapshot(
        bureau_dates=[BUREAU],
        sent=frozenset({campaign_key("URH", BUREAU)}),
        last_digest={"URH": datetime(2026, 11, 30, 8, 31, tzinfo=UTC)},
    )
    assert "URH" not in who(plan(at("2026-12-02T09:30:00"), sent))


def test_the_directors_get_the_summary_the_last_working_day_before() -> None:
    snap = snapshot(directors=["UDIR"], bureau_dates=[BUREAU], referents={})
    assert plan(at("2026-12-10T09:30:00"), snap) == []
    (summary,) = plan(at("2026-12-11T09:30:00"), snap)
    assert (summary.kind, summary.recipient, summary.bureau) == ("bureau_summary", "UDIR", BUREAU)
    in_channel = plan(at("2026-12-11T09:30:00"), replace(snap, directors_channel="CDIR"))
    assert [n.recipient for n in in_channel] == ["CDIR"]


def test_a_section_from_another_feature_joins_the_digest_or_makes_one() -> None:
    section = DigestSection("Demandes de vérification", ("• RH : 2 demandes ouvertes",))
    fresh = [CommitmentState("RH-3", "RH", "Paie", "en_cours", 60, RECENT, "update")]
    (nudge,) = plan(at(MONDAY), snapshot(commitments=fresh, sections={"URH": [section]}))
    assert nudge.kind == "stale" and nudge.items == () and nudge.sections == (section,)


def test_preview_of_a_day_whatever_the_hour() -> None:
    assert set(who(plan_day(date(2026, 11, 30), snapshot()))) == {"URH", "USI"}
    assert plan_day(date(2026, 11, 29), snapshot()) == []


def test_settings_change_the_hour_and_the_staleness() -> None:
    config = NudgeConfig(hour=11, stale_days=400)
    assert plan(at("2026-11-30T10:30:00"), snapshot(), config) == []
    assert who(plan(at("2026-11-30T11:00:00"), snapshot(), config)) == {"URH": ("stale", ["RH-2"])}


def test_plan_wants_an_aware_clock() -> None:
    with pytest.raises(ValueError):
        plan(datetime(2026, 11, 30, 9, 30), snapshot())


def test_working_days() -> None:
    assert is_working_day(date(2026, 11, 30)) and not is_working_day(date(2026, 5, 1))
    assert previous_working_day(date(2026, 12, 28)) == date(2026, 12, 24)  # over a weekend and Christmas
