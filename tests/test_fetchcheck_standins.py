"""Responses that stand in a page's place, read without a stored version (issue 10, session 8):
a bare sign-in page (a password field and 登录), a firewall's page that names no vendor and says
the request may harm the site, and notices drawn in the site's chrome — a soft 404, a login form,
a firewall's notice — read from the article extracted there (``stand_in_reason``). And, with a
stored version: a login notice in the article's own template is no version however long it is
served, and a response cut short that carries the day's edit above the cut is still cut short."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from crawler.extract.article import extract_article
from crawler.extract.fetchcheck import failed_fetch_reason, says_gone, stand_in_reason
from storage import FetchedRelease, Store
from support.history_faults8 import (
    Noise,
    Report,
    login_cas,
    login_in_chrome,
    login_with_agreement,
    page,
    soft_404,
    soft_404_en,
    soft_404_related,
    waf_in_chrome,
    waf_threat,
)

NOISE = Noise(3, date(2024, 3, 6))
URL = "http://tjj.example.gov.cn/tjfx/202403/t20240305_5101.html"


def test_a_bare_sign_in_page_is_a_login_wall():
    assert failed_fetch_reason(login_cas(NOISE).encode()).startswith("login wall")


def test_a_block_page_saying_the_request_may_harm_the_site_is_a_challenge():
    assert failed_fetch_reason(waf_threat(NOISE).encode()) == "anti-bot challenge"


def test_the_page_itself_with_a_login_box_in_its_chrome_is_the_page():
    html = page(Report(), NOISE).replace(
        '<div class="box"><h3>便民服务</h3>',
        '<div class="box"><h3>用户登录</h3><form action="/sso/login"><input name="u">'
        '<input type="password" name="p"><button>登录</button></form></div><div class="box"><h3>便民服务</h3>',
    )
    assert failed_fetch_reason(html.encode()) is None
    article = extract_article(html.encode(), URL)
    assert stand_in_reason(article.title, article.body) is None


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        (soft_404, "gone"),
        (soft_404_en, "gone"),
        (soft_404_related, "gone"),
        (login_in_chrome, "login wall"),
        (login_with_agreement, "login wall"),
        (waf_in_chrome, "anti-bot challenge"),
    ],
    ids=["soft-404", "soft-404-en", "soft-404-over-a-list", "login", "login-long", "waf"],
)
def test_a_notice_in_the_sites_chrome_says_what_it_is(template, kind):
    article = extract_article(template(NOISE).encode(), URL)
    reason = stand_in_reason(article.title, article.body)
    assert reason is not None
    assert says_gone(reason) if kind == "gone" else reason.startswith(kind)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("关于统一身份认证平台上线的通知", "即日起，市民可通过统一身份认证平台办理业务。"),
        ("关于优化网上申报登录方式的通知", "为方便企业申报，现将登录方式调整如下。"),
        ("2024年1-2月示例市国民经济运行情况", "1-2月，全市规模以上工业增加值同比增长6.8%。"),
        ("关于网站系统维护的公告", "本网站将于3月9日22:00至次日6:00进行系统维护。"),
    ],
    ids=["about-a-login-service", "about-login", "statistics", "maintenance-announced"],
)
def test_a_short_article_about_logins_or_maintenance_is_no_stand_in(title, body):
    assert stand_in_reason(title, body) is None


TITLE = "2024年1-2月示例市国民经济运行情况"
LONG = "\n\n".join(
    f"第{n}项：全市规模以上工业增加值同比增长{n}.8%，增速比上年加快{n}个百分点。"
    for n in range(1, 13)
)


def test_a_login_notice_in_the_articles_own_template_is_no_version_however_long(tmp_path):
    now = [datetime(2024, 3, 5, 1, 30, tzinfo=UTC)]
    with Store(tmp_path / "b.db", clock=lambda: now[0]) as store:
        store.ensure_site("demo")
        store.record_release("demo", FetchedRelease(url=URL, title=TITLE, body=LONG))
        wall = FetchedRelease(url=URL, title=TITLE, body="该信息需登录后查看，请先登录。")
        for _ in range(3):
            now[0] += timedelta(days=1)
            assert store.record_release("demo", wall, confirm_after=3600).kind == "held"
        now[0] += timedelta(days=1)
        back = FetchedRelease(url=URL, title=TITLE, body=LONG)
        assert store.record_release("demo", back, confirm_after=3600).kind == "unchanged"
        assert [e["kind"] for e in store.events(include_baseline=True)] == ["new"]


@pytest.mark.parametrize("at_tag", [False, True], ids=["inside-text", "at-a-tag"])
def test_a_cut_carrying_the_days_edit_above_it_is_cut_short(tmp_path, at_tag):
    lines = LONG.split("\n\n")
    raw = ("<html><body>" + "".join(f"<p>{x}</p>" for x in lines) + "</body></html>").encode()
    edited = [lines[0].replace("1.8%", "1.9%"), *lines[1:]]
    cut_raw = "<html><body>" + "".join(f"<p>{x}</p>" for x in edited[:7])
    cut_raw += "<p>" if at_tag else f"<p>{edited[7][:9]}"
    body = "\n\n".join(edited[:7] + ([] if at_tag else [edited[7][:9]]))
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", FetchedRelease(url=URL, title=TITLE, body=LONG, raw_body=raw))
        cut = FetchedRelease(url=URL, title=TITLE, body=body, raw_body=cut_raw.encode())
        assert store.record_release("demo", cut).kind == "held"
        # the whole page with the edit, the next day: the edit
        whole = "\n\n".join(edited)
        full = FetchedRelease(url=URL, title=TITLE, body=whole, raw_body=raw)
        assert store.record_release("demo", full).kind == "edited"


def test_a_page_that_lost_its_last_paragraphs_and_rewrote_half_the_rest_is_an_edit(tmp_path):
    # Too many lines of its own for a cut: the page says something else.
    lines = LONG.split("\n\n")
    raw = ("<html><body>" + "".join(f"<p>{x}</p>" for x in lines) + "</body></html>").encode()
    rewritten = [x.replace("同比", "比上年同期") if i % 2 else x for i, x in enumerate(lines[:7])]
    with Store(tmp_path / "b.db") as store:
        store.ensure_site("demo")
        store.record_release("demo", FetchedRelease(url=URL, title=TITLE, body=LONG, raw_body=raw))
        new_raw = ("<html><body>" + "".join(f"<p>{x}</p>" for x in rewritten) + "<p>").encode()
        new = FetchedRelease(url=URL, title=TITLE, body="\n\n".join(rewritten), raw_body=new_raw)
        assert store.record_release("demo", new).kind == "edited"


@pytest.mark.parametrize(
    ("tail", "where"),
    [
        ("<p>城镇居民人均可支配收入9862元", "inside text"),
        ("<p>城镇居民人均可支配收入9862元</p><ta", "inside a tag"),
        ('<p>城镇居民<a href="/x', "inside a tag"),
        ("<p>城镇居民人均可支配收入9862元</p>", None),  # a tag's end: the store decides
        ("<p>城镇居民人均可支配收入9862元</p></body>", None),
        ("<p>城镇居民人均可支配收入9862元</p></body></html", None),  # the text is whole
    ],
    ids=["in-text", "in-a-tag", "in-an-attribute", "at-a-tag", "body-closed", "in-closing-tag"],
)
def test_a_response_stopping_inside_text_or_a_tag_is_cut_short_on_first_sight(tail, where):
    from crawler.extract.fetchcheck import cut_reason

    reason = cut_reason(
        ("<!DOCTYPE html><html><head><title>t</title></head><body>" + tail).encode()
    )
    assert (reason is None) if where is None else (where in reason)


def test_a_fragment_that_opens_no_document_is_not_cut_short():
    from crawler.extract.fetchcheck import cut_reason

    assert cut_reason("<p>一段文字".encode()) is None
    assert cut_reason(b"") is None
