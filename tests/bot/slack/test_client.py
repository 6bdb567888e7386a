"""The outgoing clients retry 429 (after Retry-After) and 5xx, a bounded number of times."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError

from bot.slack.client import MAX_RETRIES, build_web_client, build_webhook_client
from tests.fakes.slack_api import FakeSlackAPI


def test_base_url_is_used(fake: FakeSlackAPI) -> None:
    assert build_web_client("xoxb-test", fake.api_url).auth_test()["user_id"] == "UBOT"
    assert [c.method for c in fake.calls] == ["auth.test"]


def test_429_is_retried_after_retry_after(fake: FakeSlackAPI) -> None:
    fake.fail("chat.postMessage", 429, retry_after=0)
    response = build_web_client("xoxb-test", fake.api_url).chat_postMessage(channel="C1", text="x")
    assert response["ok"]
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [429, 200]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_every_5xx_is_retried(fake: FakeSlackAPI, status: int) -> None:
    fake.fail("chat.postMessage", status)
    assert build_web_client("xoxb-test", fake.api_url).chat_postMessage(channel="C1", text="x")["ok"]
    assert [c.status for c in fake.calls_to("chat.postMessage")] == [status, 200]


def test_retries_are_bounded(fake: FakeSlackAPI) -> None:
    fake.fail("chat.postMessage", 500, times=10)
    with pytest.raises(SlackApiError):
        build_web_client("xoxb-test", fake.api_url).chat_postMessage(channel="C1", text="x")
    assert len(fake.calls_to("chat.postMessage")) == 1 + MAX_RETRIES


def test_a_retry_after_too_long_is_not_waited_for(fake: FakeSlackAPI) -> None:
    fake.fail("chat.postMessage", 429, retry_after=3600)
    with pytest.raises(SlackApiError):
        build_web_client("xoxb-test", fake.api_url).chat_postMessage(channel="C1", text="x")
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_4xx_is_not_retried(fake: FakeSlackAPI) -> None:
    fake.fail("chat.postMessage", 400)
    with pytest.raises(SlackApiError):
        build_web_client("xoxb-test", fake.api_url).chat_postMessage(channel="C1", text="x")
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_response_url_client_retries_too(fake: FakeSlackAPI) -> None:
    fake.fail("response_url", 503)
    assert build_webhook_client(fake.response_url()).send(text="x").status_code == 200
    assert [c.status for c in fake.calls_to("response_url")] == [503, 200]


def test_fake_supports_the_file_upload_flow(fake: FakeSlackAPI) -> None:
    """Later features upload maps: the fake must run slack_sdk's whole upload flow."""
    response = build_web_client("xoxb-test", fake.api_url).files_upload_v2(
        channel="C1", content="carte", filename="carte.svg", title="Carte"
    )
    assert response["ok"]
    methods = [c.method for c in fake.calls]
    assert methods == ["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
    assert fake.calls_to("upload")[0].raw == b"carte"
