from __future__ import annotations

from bot.slack.middleware import CLAIMED_KEYS, claim_once, dedupe_events, finish_event
from storage.events import event_state


class Next:
    def __init__(self) -> None:
        self.called = 0

    def __call__(self) -> None:
        self.called += 1


def _event(event_id: str = "Ev1") -> dict:
    return {"type": "event_callback", "event_id": event_id, "event": {"type": "app_mention"}}


def test_first_delivery_goes_on_and_a_second_is_acked_and_dropped(context) -> None:
    first, second = Next(), Next()
    assert dedupe_events(_event(), context, first) is None
    assert first.called == 1
    assert context[CLAIMED_KEYS] == ["event:Ev1"]
    response = dedupe_events(_event(), context, second)
    assert second.called == 0
    assert response is not None and response.status == 200


def test_non_event_requests_pass_through(context) -> None:
    for body in ({"type": "block_actions"}, {"command": "/srom"}, {"type": "event_callback"}):
        step = Next()
        dedupe_events(body, context, step)
        assert step.called == 1


def test_finish_marks_every_claim_done(context, databases) -> None:
    dedupe_events(_event("Ev2"), context, Next())
    assert claim_once(context, "message:C1:1.0")
    assert not claim_once(context, "message:C1:1.0")
    finish_event(context)
    db = databases.get()
    assert event_state(db, "event:Ev2") == event_state(db, "message:C1:1.0") == "done"
