"""The message itself: headers (RFC 2047, stable Message-ID), parts, escaping of page-derived text."""

from __future__ import annotations

import email
import email.policy

import lxml.html
import pytest

from crawler.alerts import sync_subscriptions
from crawler.alerts.render import build_email, excerpt, local_time, safe_url, subject
from storage import sender_identity
from support.alerts import SITE, SITE_TITLE, Clock, crawl, make_config, make_store, release

HOSTILE_TITLE = '<script>alert("x")</script>通知 & "引号"'


def message_for(tmp_path, releases, subscription=None, **kwargs):
    clock = Clock()
    store = make_store(tmp_path / "a.db", clock)
    sync_subscriptions(
        store,
        make_config(
            25, subscriptions=[subscription or {"to": "r@example.org", "kinds": ["new", "edited"]}]
        ),
    )
    crawl(store, SITE, releases)
    [claimed] = store.outbox.claim_messages(now=clock(), owner=sender_identity())
    items = store.outbox.message_items(claimed["id"])
    mime = build_email(
        items,
        sender="公告监测 <alerts@bulletin.example>",
        recipients=["读者 <r@example.org>"],
        token=claimed["token"],
        created_at=claimed["created_at"],
        subscription="s",
        **kwargs,
    )
    return mime, items, claimed


def parse(mime):
    raw = mime.as_bytes(policy=mime.policy.clone(linesep="\r\n"))
    return raw, email.message_from_bytes(raw, policy=email.policy.default)


def test_headers_are_ascii_on_the_wire_and_decode_to_chinese(tmp_path):
    mime, _, claimed = message_for(tmp_path, [release(1, "关于做好春季森林防火工作的通知")])
    raw, parsed = parse(mime)
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    assert b"=?utf-8?" in head
    assert parsed["Subject"] == f"[{SITE_TITLE}] 1 new"
    assert parsed["From"].addresses[0].display_name == "公告监测"
    assert parsed["Message-ID"] == f"<bulletin.{claimed['token']}@bulletin.example>"
    assert parsed["Date"].datetime.isoformat() == "2026-03-02T01:00:00+00:00"
    assert [part.get_content_type() for part in parsed.iter_parts()] == ["text/plain", "text/html"]


def test_same_rows_give_the_same_message_id_and_bytes(tmp_path):
    first, items, claimed = message_for(tmp_path, [release(1, "通知")])
    again = build_email(
        items,
        sender="公告监测 <alerts@bulletin.example>",
        recipients=["读者 <r@example.org>"],
        token=claimed["token"],
        created_at=claimed["created_at"],
        subscription="s",
    )
    assert first.as_bytes() == again.as_bytes()


def test_page_derived_text_cannot_inject_markup(tmp_path):
    hostile = release(
        1,
        HOSTILE_TITLE,
        body='<img src=x onerror=alert(1)>正文\n<a href="javascript:alert(2)">点我</a>',
        source="<b>办公室</b>",
        attachments=[
            {"name": "<svg onload=alert(3)>附件.pdf", "url": "javascript:alert(4)"},
            {"name": "表格.xlsx", "url": 'https://www.yueyang.gov.cn/a".xlsx'},
        ],
    )
    mime, _, _ = message_for(tmp_path, [hostile])
    _, parsed = parse(mime)
    markup = parsed.get_body(("html",)).get_content()
    assert (
        "<script" not in markup
        and "<img" not in markup
        and "<svg" not in markup
        and "<b>办公室" not in markup
    )
    assert "&lt;script&gt;" in markup
    tree = lxml.html.fromstring(markup)
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    assert not tree.xpath("//*[@onerror or @onload]")
    assert tree.xpath("//title")[0].text_content() == f"[{SITE_TITLE}] 1 new"
    plain = parsed.get_body(("plain",)).get_content()
    assert HOSTILE_TITLE in plain


def test_edit_shows_the_changed_fields_and_the_body_diff(tmp_path):
    mime, _, _ = message_for(
        tmp_path,
        [
            release(
                0,
                "基线文章（修订）",
                body="正文第一段。\n第二段。\n新增第三段，说明截止日期。",
                published_at="2026-03-02T10:00:00+08:00",
            ),
        ],
    )
    _, parsed = parse(mime)
    plain = parsed.get_body(("plain",)).get_content()
    markup = parsed.get_body(("html",)).get_content()
    assert "changed: title, publish time, text" in plain
    assert "title: 基线文章 → 基线文章（修订）" in plain
    assert "publish time: 2026-03-02 09:30 → 2026-03-02 10:00" in plain
    assert "{+" in plain and "说明截止日期" in plain
    assert "<ins>" in markup and "说明截止日期" in markup


def test_new_release_shows_source_time_column_excerpt_and_attachments(tmp_path):
    mime, _, _ = message_for(
        tmp_path,
        [
            release(
                1,
                "通知",
                body="第一行。\n\n第二行。\n" + "长" * 400,
                column="学习贯彻",
                published_at="2026-03-02T02:00:00+00:00",
                attachments=[{"name": "附件1.docx", "url": "https://www.yueyang.gov.cn/f/1.docx"}],
            )
        ],
    )
    _, parsed = parse(mime)
    plain = parsed.get_body(("plain",)).get_content()
    assert "source: 岳阳市人民政府办公室 · published: 2026-03-02 10:00 · column: 学习贯彻" in plain
    assert "第一行。\n  第二行。" in plain
    assert "attachment: 附件1.docx https://www.yueyang.gov.cn/f/1.docx" in plain
    assert "长" * 300 not in plain


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://a.gov.cn/x", "https://a.gov.cn/x"),
        ("HTTP://a.gov.cn/", "HTTP://a.gov.cn/"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("https://a.gov.cn/x y", None),
        ("//a.gov.cn/x", None),
        (None, None),
    ],
    ids=["https", "upper-case-scheme", "javascript", "data", "space", "scheme-relative", "none"],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    "value, zone, expected",
    [
        ("2026-03-02T09:30:00+08:00", "Asia/Shanghai", "2026-03-02 09:30"),
        ("2026-03-02T01:30:00+00:00", "Asia/Shanghai", "2026-03-02 09:30"),
        ("2026-03-02", "Asia/Shanghai", "2026-03-02"),
        ("2026-03-02T09:30:00", "Asia/Hong_Kong", "2026-03-02 09:30"),
        ("昨天", "UTC", "昨天"),
    ],
    ids=["site-offset", "utc-converted", "bare-date", "naive-is-local", "unparsed"],
)
def test_local_time(value, zone, expected):
    assert local_time(value, zone) == expected


def test_excerpt_keeps_first_lines_and_cuts():
    assert excerpt("  a  b \n\n c ") == "a b\nc"
    assert excerpt("字" * 300, limit=10) == "字" * 10 + "…"


@pytest.mark.parametrize(
    "kinds, expected",
    [
        (["new", "new", "edited"], f"[{SITE_TITLE}] 2 new, 1 edited"),
        (["removed", "restored", "new"], f"[{SITE_TITLE}] 1 new, 1 removed, 1 restored"),
    ],
    ids=["new-and-edited", "order-is-fixed"],
)
def test_subject(kinds, expected):
    items = [{"kind": k, "site": SITE, "site_title": SITE_TITLE, "detail": {}} for k in kinds]
    assert subject(items) == expected


def test_subject_for_several_sites():
    items = [{"kind": "new", "site": s, "site_title": s, "detail": {}} for s in ("a", "b", "b")]
    assert subject(items) == "[bulletin-monitor] 2 sites: 3 new"
