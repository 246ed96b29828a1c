"""Chat robots (DingTalk, WeCom, Feishu, Slack): one readable Chinese message per run, split to
each API's limit, signed as each API checks, through the outbox's guarantees. A real HTTP server on
loopback answers as each API does (tests/support/robots.py); the CLI runs in a subprocess."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from crawler.alerts import queue_health, send_pending, sync_subscriptions
from crawler.alerts.robots import APIS
from storage import ConfigError
from support.alerts import (
    SITE,
    SITE_TITLE,
    Clock,
    crawl,
    make_config,
    make_store,
    release,
    toml_text,
)
from support.harness import run_cli
from support.robots import SECRET, TOKEN
from support.store import sql

KINDS = ("dingtalk", "wecom", "feishu", "slack")
SIGNED = ("dingtalk", "feishu")
EXIT_UNDELIVERED = 3


def robot_table(receiver, kind, **extra) -> dict:
    table = {"kind": kind, "url": receiver.url(kind), "kinds": ["new", "edited", "removed"]}
    if kind in SIGNED:
        table["secret_env"] = "ROBOT_SECRET"
    return {**table, **extra}


def setup(tmp_path, receiver, kind, **extra):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    config = make_config(robots={"group": robot_table(receiver, kind, **extra)})
    sync_subscriptions(store, config)
    return clock, store, config


def edited_crawl(store):
    crawl(
        store,
        SITE,
        [
            release(1, "关于做好春季森林防火工作的通知", column="通知公告"),
            release(0, "基线文章", body="正文第一段。\n第二段改过了。", source="岳阳市应急管理局"),
        ],
    )


@pytest.mark.parametrize("kind", KINDS)
def test_one_readable_chinese_message_per_run_signed_as_the_api_checks(
    tmp_path, robot_receiver, kind
):
    clock, store, config = setup(tmp_path, robot_receiver, kind)
    edited_crawl(store)
    report = send_pending(store, config, now=clock(), environ={"ROBOT_SECRET": SECRET})
    assert (report.sent, report.failed, report.retrying) == (1, 0, 0), report.messages
    assert robot_receiver.refusals == []
    [text] = robot_receiver.texts(kind)
    assert f"【公告监测】{SITE_TITLE}：新发布 1 条，修改 1 条" in text
    assert "关于做好春季森林防火工作的通知" in text and "t20260302_1.html" in text
    assert "来源：岳阳市人民政府办公室" in text and "时间：2026-03-02 09:30" in text
    assert "栏目：通知公告" in text
    assert "改动：来源、正文" in text
    assert "来源：岳阳市人民政府办公室 → 岳阳市应急管理局" in text
    assert "{+改过了+}" in text or "{+改过+}" in text
    if kind in ("dingtalk", "wecom"):
        assert re.search(r"\[关于做好春季森林防火工作的通知\]\(http", text)
    if kind == "slack":
        assert (
            "<https://www.yueyang.gov.cn/xxgk/xxgc/t20260302_1.html|关于做好春季森林防火工作的通知>"
            in text
        )
    # A second run has nothing new to say.
    assert send_pending(store, config, now=clock.advance(minutes=5)).messages == []
    assert len(robot_receiver.texts(kind)) == 1


def test_site_health_reaches_a_robot_once_per_change(tmp_path, robot_receiver):
    clock, store, config = setup(tmp_path, robot_receiver, "wecom", kinds=["health"])
    crawl(store, SITE, [release(1, "不在订阅范围内的新文章")])
    queue_health(store, SITE, "broken", "list pages yielded no items", now=clock())
    queue_health(store, SITE, "broken", "list pages yielded no items", now=clock())
    assert send_pending(store, config, now=clock()).sent == 1
    [text] = robot_receiver.texts("wecom")
    assert f"【公告监测】{SITE_TITLE}：网站异常" in text
    assert f"⚠ 网站异常：{SITE_TITLE}（2026-03-02 09:00）" in text  # the site's zone
    assert "原因：list pages yielded no items" in text
    assert "不在订阅范围内的新文章" not in text


@pytest.mark.parametrize(
    "kind, answer",
    [("dingtalk", "errcode 310000: sign not match"), ("feishu", "code 19021: sign match fail")],
)
def test_a_bad_sign_fails_for_good_with_the_apis_message(tmp_path, robot_receiver, kind, answer):
    clock, store, config = setup(tmp_path, robot_receiver, kind)
    crawl(store, SITE, [release(1, "通知")])
    report = send_pending(store, config, now=clock(), environ={"ROBOT_SECRET": "wrong"})
    assert report.failed == 1 and report.messages[0]["status"] == "failed"
    assert answer in report.messages[0]["error"]
    [row] = store.outbox.alerts(status="failed")
    assert answer in row["error"]
    assert robot_receiver.texts(kind) == []


@pytest.mark.parametrize(
    "kind, answer",
    [
        ("dingtalk", "errcode 300001: token is not exist"),
        ("wecom", "errcode 93000: invalid webhook url"),
        ("feishu", "code 19001"),
        ("slack", "HTTP 404 Not Found: no_service"),
    ],
)
def test_a_bad_token_fails_for_good(tmp_path, robot_receiver, kind, answer):
    url = robot_receiver.url(kind).replace(TOKEN, "revoked")
    clock, store, config = setup(tmp_path, robot_receiver, kind, url=url)
    crawl(store, SITE, [release(1, "通知")])
    report = send_pending(store, config, now=clock(), environ={"ROBOT_SECRET": SECRET})
    assert report.messages[0]["status"] == "failed"
    assert answer in report.messages[0]["error"]
    assert "revoked" not in report.messages[0]["error"]  # the URL's token is never shown


def many_releases(n: int) -> list:
    body = "\n".join(f"第{i}段：关于进一步加强安全生产工作的实施意见正文内容。" for i in range(8))
    return [
        release(i, f"关于印发第{i}批政府信息公开目录的通知", body=body) for i in range(1, n + 1)
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_a_long_message_is_split_within_the_apis_limit(tmp_path, robot_receiver, kind):
    clock, store, config = setup(tmp_path, robot_receiver, kind)
    count = {"slack": 90, "feishu": 90}.get(kind, 40)
    crawl(store, SITE, many_releases(count))
    report = send_pending(store, config, now=clock(), environ={"ROBOT_SECRET": SECRET})
    assert report.sent == 1, report.messages
    texts = robot_receiver.texts(kind)
    assert len(texts) > 1
    assert robot_receiver.refusals == []  # WeCom refuses content over 4096 bytes, Feishu 20 KB
    for n, text in enumerate(texts, 1):
        assert f"（{n}/{len(texts)}）" in text
    joined = "\n".join(texts)
    shown = min(count, config.alerts.max_items)
    for i in range(1, shown + 1):
        assert joined.count(f"关于印发第{i}批政府信息公开目录的通知") == 1
    for payload in robot_receiver.messages[kind]:
        api = APIS[kind]
        rendered = {
            "dingtalk": lambda p: p["markdown"]["text"],
            "wecom": lambda p: p["markdown"]["content"],
            "slack": lambda p: p["text"],
            "feishu": lambda p: p["content"]["post"]["zh_cn"],
        }[kind](payload)
        assert api.size(rendered) <= api.limit


@pytest.mark.parametrize(
    "kind, error",
    [
        ("dingtalk", "errcode 130101: send too fast"),
        ("wecom", "errcode 45009: api freq out of limit"),
        ("feishu", "code 11232: frequency limited"),
        ("slack", "HTTP 429 Too Many Requests: rate_limited"),
    ],
)
def test_a_rate_limit_resumes_after_the_parts_delivered_never_twice(
    tmp_path, robot_receiver, kind, error
):
    clock, store, config = setup(tmp_path, robot_receiver, kind)
    crawl(store, SITE, many_releases(90 if kind in ("slack", "feishu") else 40))
    robot_receiver.per_minute = 2
    environ = {"ROBOT_SECRET": SECRET}
    first = send_pending(store, config, now=clock(), environ=environ)
    assert first.retrying == 1 and error in first.messages[0]["error"], first.messages
    assert "(part 3 of" in first.messages[0]["error"]
    assert len(robot_receiver.messages[kind]) == 2
    # New events while the robot is throttled do not join the half-delivered message.
    crawl(store, SITE, [release(500, "新的一条通知")])
    robot_receiver.per_minute = 1000
    later = send_pending(store, config, now=clock.advance(hours=1), environ=environ)
    assert later.sent == 2 and later.retrying == 0, later.messages
    texts = robot_receiver.texts(kind)
    parts = [re.search(r"（(\d+)/(\d+)）", t) for t in texts[:-1]]
    numbers = [int(m.group(1)) for m in parts]
    assert numbers == list(range(1, int(parts[0].group(2)) + 1))  # every part once, in order
    assert "新的一条通知" in texts[-1] and "新发布 1 条" in texts[-1]


def test_rate_limited_robot_is_not_tried_again_in_the_run_and_waits_as_asked(
    tmp_path, robot_receiver
):
    clock, store, config = setup(tmp_path, robot_receiver, "dingtalk")
    environ = {"ROBOT_SECRET": SECRET}
    crawl(store, SITE, [release(1, "第一条")])
    robot_receiver.per_minute = 0
    report = send_pending(store, config, now=clock(), environ=environ)
    assert report.retrying == 1
    [row] = store.outbox.alerts(status="pending")
    # DingTalk throttles a robot for 10 minutes after it exceeds 20 messages a minute.
    assert row["next_attempt_at"] >= (clock() + timedelta(minutes=10)).isoformat(timespec="seconds")
    robot_receiver.per_minute = 20
    assert send_pending(store, config, now=clock.advance(minutes=5), environ=environ).messages == []
    assert send_pending(store, config, now=clock.advance(minutes=6), environ=environ).sent == 1


def test_slack_retry_after_is_honoured(tmp_path, robot_receiver):
    clock, store, config = setup(tmp_path, robot_receiver, "slack")
    crawl(store, SITE, [release(1, "第一条")])
    robot_receiver.answers = [(429, "rate_limited")]
    robot_receiver.retry_after = "900"
    report = send_pending(store, config, now=clock())
    assert report.retrying == 1
    [row] = store.outbox.alerts(status="pending")
    assert row["next_attempt_at"] == (clock() + timedelta(seconds=900)).isoformat(
        timespec="seconds"
    )


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_retried(tmp_path, robot_receiver, status):
    clock, store, config = setup(tmp_path, robot_receiver, "wecom")
    crawl(store, SITE, [release(1, "第一条")])
    robot_receiver.answers = [(status, "busy")]
    assert send_pending(store, config, now=clock()).retrying == 1
    assert send_pending(store, config, now=clock.advance(minutes=2)).sent == 1
    assert len(robot_receiver.texts("wecom")) == 1


def test_url_from_the_environment_is_never_stored(tmp_path, robot_receiver):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    table = robot_table(robot_receiver, "wecom")
    url = table.pop("url")
    config = make_config(robots={"group": {**table, "url_env": "WECOM_URL"}})
    sync_subscriptions(store, config)
    crawl(store, SITE, [release(1, "第一条")])
    missing = send_pending(store, config, now=clock(), environ={})
    assert "environment variable WECOM_URL is not set" in missing.messages[0]["error"]
    assert missing.retrying == 1
    sent = send_pending(store, config, now=clock.advance(minutes=2), environ={"WECOM_URL": url})
    assert sent.sent == 1
    tables = [name for (name,) in sql(store, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        assert TOKEN not in repr(sql(store, f"SELECT * FROM [{table}]")), table


@pytest.mark.parametrize(
    "table, message",
    [
        (
            {"kind": "qq", "url": "https://x.example/"},
            'key \'kind\': expected "dingtalk", "wecom", "feishu" or "slack", got "qq"',
        ),
        ({"url": "https://x.example/"}, "key 'kind': required"),
        ({"kind": "wecom"}, "key 'url': required: the robot's webhook URL, or url_env"),
        (
            {"kind": "wecom", "url": "https://x.example/", "url_env": "U"},
            "give either url or url_env",
        ),
        (
            {"kind": "slack", "url": "https://x.example/", "secret_env": "S"},
            "slack robots are not signed",
        ),
        ({"kind": "feishu", "url": "ftp://x.example/"}, "expected an http(s) URL"),
        (
            {"kind": "feishu", "url": "https://x.example/", "sites": ["yueyan"]},
            'unknown site "yueyan"',
        ),
        ({"kind": "feishu", "url": "https://x.example/", "kinds": ["new", "moved"]}, "key 'kinds'"),
        (
            {"kind": "feishu", "url": "https://x.example/", "secret": "s"},
            "key 'secret': unknown key",
        ),
    ],
    ids=[
        "kind",
        "no-kind",
        "no-url",
        "url-and-url_env",
        "unsigned-kind",
        "url",
        "site",
        "kinds",
        "secret-in-file",
    ],
)
def test_robot_tables_are_checked_with_one_line_errors(table, message):
    with pytest.raises(ConfigError) as caught:
        make_config(robots={"group": table})
    text = str(caught.value)
    assert text.startswith("sites.toml: robot 'group': ") and message in text
    assert "\n" not in text


def write_config(tmp_path, receiver, kind, **extra):
    path = tmp_path / "sites.toml"
    path.write_text(
        toml_text(
            {
                "sites": {
                    SITE: {"start_urls": ["https://www.yueyang.gov.cn/"], "title": SITE_TITLE}
                },
                "robots": {"group": robot_table(receiver, kind, **extra)},
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_alerts_test_posts_to_a_robot(tmp_path, robot_receiver, kind):
    config = write_config(tmp_path, robot_receiver, kind)
    result = run_cli(
        "alerts", "test", "--robot", "group", config=config, env={"ROBOT_SECRET": SECRET}
    )
    assert result.exit_code == 0, result.stderr
    assert f"posted to {kind} robot 'group'" in result.stdout
    [text] = robot_receiver.texts(kind)
    assert "【公告监测】测试消息" in text and "中文显示正常" in text


def test_alerts_test_reports_the_apis_answer(tmp_path, robot_receiver):
    config = write_config(tmp_path, robot_receiver, "dingtalk")
    result = run_cli(
        "alerts", "test", "--robot", "group", "--json", config=config, env={"ROBOT_SECRET": "wrong"}
    )
    assert result.exit_code == 1
    answer = json.loads(result.stdout)
    assert answer["ok"] is False and "errcode 310000: sign not match" in answer["error"]
    unknown = run_cli("alerts", "test", "--robot", "nope", config=config)
    assert unknown.exit_code == 1 and "unknown robot 'nope' (configured: group)" in unknown.stderr


def test_alerts_send_delivers_to_a_robot_through_the_cli(tmp_path, robot_receiver):
    db = tmp_path / "a.db"
    config = write_config(tmp_path, robot_receiver, "feishu")
    store = make_store(db)
    sync_subscriptions(store, make_config(robots={"group": robot_table(robot_receiver, "feishu")}))
    crawl(store, SITE, [release(1, "关于开展安全生产大检查的通知")])
    store.close()
    env = {"ROBOT_SECRET": SECRET}
    robot_receiver.answers = [(200, '{"code":11232,"msg":"frequency limited","data":{}}')]
    throttled = run_cli("alerts", "send", "--json", db=db, config=config, env=env)
    assert throttled.exit_code == EXIT_UNDELIVERED
    [message] = json.loads(throttled.stdout)["messages"]
    assert message["channel"] == "robot" and message["subscription"] == "robot:group"
    assert "code 11232: frequency limited" in message["error"]
    listed = run_cli("alerts", "list", "--pending", "--json", db=db, config=config)
    assert "code 11232" in json.loads(listed.stdout.splitlines()[0])["error"]
