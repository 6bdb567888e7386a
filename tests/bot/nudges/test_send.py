"""Sending over the fake Slack Web API: claimed before sending, recorded after, once only whatever crashes,
429s waited out, time zones from users.info."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta

from bot.nudges.plan import NudgeConfig
from bot.nudges.send import METADATA_EVENT, refresh_time_zones, run_due
from storage import nudges as store
from storage import roles

from .conftest import MONDAY_930, posts


def _blocks_text(call) -> str:
    return json.dumps(call.params.get("blocks"), ensure_ascii=False)


def test_each_referent_gets_one_grouped_dm_then_nothing_more(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    result = run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None)
    assert sorted(result.sent) == ["stale:URH:2026-W49", "stale:USI:2026-W49"]
    by_channel = {c.params["channel"]: c for c in posts(fake)}
    assert set(by_channel) == {"DRH", "DSI"}  # conversations.open gave the DM channels
    rh = _blocks_text(by_channel["DRH"])
    assert "RH-1" in rh and "RH-2" in rh and "SI-1" not in rh
    assert (
        rh.count('"text": "Rien de nouveau"') == 1
    )  # a button for RH-1 only has a state to confirm; the others: Mettre à jour
    assert by_channel["DRH"].params["metadata"] == {
        "event_type": METADATA_EVENT,
        "event_payload": {"key": "stale:URH:2026-W49"},
    }
    assert store.nudge_state(db, "stale:URH:2026-W49") == "sent"
    assert store.sent_message(db, "stale:URH:2026-W49") == ("DRH", by_channel["DRH"].response["ts"])
    again = run_due(db, messenger, now=MONDAY_930 + timedelta(hours=2), sleep=lambda s: None)
    assert again.planned == [] and len(posts(fake)) == 2
    assert store.cached_users(db)["URH"][0] == "Europe/Paris"  # users.info, cached


def test_time_zones_come_from_users_info(nudge_db, messenger, fake) -> None:
    fake.time_zones["USI"] = "America/Montreal"
    db = nudge_db.get()
    assert run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None).sent == ["stale:URH:2026-W49"]
    later = MONDAY_930 + timedelta(hours=6)  # 09:30 in Montréal
    assert run_due(db, messenger, now=later, sleep=lambda s: None).sent == ["stale:USI:2026-W49"]


def test_a_claim_held_by_another_clock_is_left_to_it(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    assert store.claim_nudge(db, "stale:URH:2026-W49", "stale", "URH") is not None
    result = run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None)
    assert result.already == ["stale:URH:2026-W49"] and result.sent == ["stale:USI:2026-W49"]


def test_a_sender_killed_after_posting_is_not_repeated(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    key = "stale:URH:2026-W49"
    # The dead sender: claimed, posted (Slack has the message), died before recording it; its lease ran out.
    store.claim_nudge(db, key, "stale", "URH", lease_seconds=-1)
    ts = messenger.post("DRH", "x", [], {"event_type": METADATA_EVENT, "event_payload": {"key": key}})
    result = run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None)
    assert key in result.sent
    assert [c.params["channel"] for c in posts(fake)].count("DRH") == 1
    assert store.sent_message(db, key) == ("DRH", ts)


def test_a_sender_killed_before_posting_is_taken_over_after_its_lease(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    key = "stale:URH:2026-W49"
    store.claim_nudge(db, key, "stale", "URH", lease_seconds=-1)
    run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None)
    assert [c.params["channel"] for c in posts(fake)].count("DRH") == 1
    assert store.nudge_state(db, key) == "sent"


def test_a_failed_send_is_tried_again_later_not_lost(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    fake.fail("chat.postMessage", 500, times=3)  # the client's retries exhausted
    first = run_due(db, messenger, now=MONDAY_930, sleep=lambda s: None)
    assert len(first.failed) == 1 and len(first.sent) == 1
    db.execute("UPDATE nudges SET lease_until = 0 WHERE sent_at IS NULL")  # the retry delay has passed
    db.conn.commit()
    second = run_due(db, messenger, now=MONDAY_930 + timedelta(minutes=10), sleep=lambda s: None)
    assert second.sent == first.failed


def test_two_clocks_at_once_send_each_nudge_once(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    for n in range(30):
        roles.grant(db, "UADMIN", f"UR{n:03d}", "referent", "JUR")
    results = []

    def clock() -> None:
        results.append(run_due(nudge_db.get(), messenger, now=MONDAY_930, sleep=lambda s: None))

    threads = [threading.Thread(target=clock) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    channels = [c.params["channel"] for c in posts(fake)]
    assert len(channels) == 32 and len(set(channels)) == 32
    assert sum(len(r.sent) for r in results) == 32


def test_a_campaign_to_200_people_completes_through_429s(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    for n in range(200):
        roles.grant(db, "UADMIN", f"UC{n:03d}", "referent", "FIN")
    store.add_bureau_date(db, "UADMIN", date(2026, 12, 12))
    waits: list[float] = []
    fake.fail("chat.postMessage", 429, times=3, retry_after=0)  # beyond the client's two retries
    fake.fail("conversations.open", 429, times=3, retry_after=0)
    result = run_due(db, messenger, now=MONDAY_930, sleep=waits.append)
    assert len(result.sent) == 202 and not result.failed
    assert waits  # Retry-After was honoured by waiting, not by dropping anyone
    delivered = [c.params["channel"] for c in posts(fake)]
    assert len(delivered) == 202 and len(set(delivered)) == 202
    assert all("Bureau du 12 décembre" in c.params["text"] for c in posts(fake))


def test_the_directors_summary_the_day_before_with_the_report_buttons(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    store.add_bureau_date(db, "UADMIN", date(2026, 12, 12))
    friday = datetime(2026, 12, 11, 8, 30, tzinfo=UTC)
    result = run_due(db, messenger, now=friday, sleep=lambda s: None, config=NudgeConfig())
    assert "bureau_summary:UDIR:2026-12-12" in result.sent
    (summary,) = [c for c in posts(fake) if c.params["channel"] == "DDIR"]
    text = _blocks_text(summary)
    assert "Rapport annuel au Bureau — 2026" in text and "srom_report_file" in text and "Tableau CSV" in text
    store.set_setting(db, "UADMIN", store.DIRECTORS_CHANNEL, "CDIR")
    again = run_due(db, messenger, now=friday, sleep=lambda s: None)
    assert again.sent == ["bureau_summary:CDIR:2026-12-12"]


def test_time_zones_are_asked_once_a_week(nudge_db, messenger, fake) -> None:
    db = nudge_db.get()
    assert refresh_time_zones(db, messenger) == 3  # URH, USI, UDIR
    assert refresh_time_zones(db, messenger) == 0
    assert refresh_time_zones(db, messenger, now=datetime.now(UTC) + timedelta(days=8)) == 3
    assert [c.params["user"] for c in fake.calls_to("users.info")].count("URH") == 2
