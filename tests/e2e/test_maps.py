"""Maps end to end: the real server, the real engine and data, the fake Slack's files upload v2."""

from __future__ import annotations

from tests.fakes.slack_api import FakeSlackAPI

from .slack_requests import SlackSender, mention


def test_slash_carto_acks_at_once_then_uploads_the_map(slack: SlackSender, fake: FakeSlackAPI) -> None:
    resp, _ = slack.command("RH 2017", command="/srom-carto", channel="C7")
    assert resp.status == 200 and resp.elapsed < 3.0
    (complete,) = fake.wait_for("files.completeUploadExternal", timeout=20)
    assert complete.params["channel_id"] == "C7"
    assert complete.params["initial_comment"].startswith("🗺️ *Ressources humaines — carte 2017*")
    (upload,) = fake.calls_to("upload")
    assert upload.raw.startswith(b"\x89PNG") and len(upload.raw) > 50_000


def test_asking_for_the_map_in_a_channel_answers_with_the_picture_in_the_thread(
    slack: SlackSender, fake: FakeSlackAPI
) -> None:
    event = mention("montre la carte RH 2017", channel="C8")
    slack.event(event)
    (complete,) = fake.wait_for("files.completeUploadExternal", timeout=20)
    assert (complete.params["channel_id"], complete.params["thread_ts"]) == ("C8", event["ts"])
    assert "Ressources humaines" in complete.params["initial_comment"]
    assert complete.params["files"][0]["title"] == "Ressources humaines — carte 2017"
