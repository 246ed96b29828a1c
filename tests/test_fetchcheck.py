"""Failed-fetch classification: 200 responses that are not the page, and real pages that are."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.fetchcheck import failed_fetch_reason, says_gone

PAGES = Path(__file__).parent / "fixtures" / "pages"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "status", "content_type", "reason"),
    [
        ("fetch_safedog_interstitial.html", 200, "text/html", "anti-bot challenge"),
        ("fetch_js_cookie_challenge.html", 200, "text/html", "anti-bot challenge"),
        ("fetch_js_cookie_challenge.html", 412, "text/html", "anti-bot challenge"),
        ("fetch_maintenance.html", 200, "text/html; charset=utf-8", "maintenance page"),
        ("fetch_maintenance.html", 503, "text/html; charset=utf-8", "maintenance page"),
        ("fetch_empty_shell.html", 200, "text/html", "empty body"),
        (
            "fetch_pdf_served_as_page.html",
            200,
            "text/html",
            "not HTML (content type text/html, body is PDF)",
        ),
        ("fetch_pdf_served_as_page.html", 200, None, "not HTML (content type none, body is PDF)"),
    ],
    ids=[
        "safedog",
        "js-cookie-challenge",
        "status-412",
        "maintenance",
        "maintenance-503",
        "empty-html",
        "pdf-as-html",
        "pdf-no-header",
    ],
)
def test_failed_fetch_fixtures(name, status, content_type, reason):
    assert failed_fetch_reason(page(name), status, content_type) == reason


@pytest.mark.parametrize(
    ("body", "status", "content_type", "reason"),
    [
        (b"", 200, "text/html", "empty body"),
        (b"  \r\n\t ", 200, "text/html", "empty body"),
        (b"<html><body></body></html>", 200, None, "empty body"),
        (
            b"<html><head><title>Not Found</title></head><body>404</body></html>",
            404,
            "text/html",
            "HTTP 404",
        ),
        (b"<html><body>Internal error</body></html>", 500, "text/html", "HTTP 500"),
        (b"<html><body>Bad gateway</body></html>", 502, None, "HTTP 502"),
        (b"", 503, None, "maintenance page"),
        (
            b"<html><title>Just a moment...</title><body>Checking your browser</body></html>",
            503,
            None,
            "anti-bot challenge",
        ),
        (
            b"<html><body><h1>Access Denied</h1>You don't have permission to access this server.</body></html>",
            403,
            None,
            "anti-bot challenge",
        ),
        (
            b"<html><body><h1>Access Denied</h1>Reference #18.2f</body></html>",
            200,
            None,
            "anti-bot challenge",
        ),
        (
            "<html><body><p>检测到您的访问存在异常，请稍后再试</p></body></html>".encode(),
            200,
            None,
            "anti-bot challenge",
        ),
        (
            "<html><body><div>创宇盾 提示：您的访问已被拒绝</div></body></html>".encode(),
            200,
            None,
            "anti-bot challenge",
        ),
        (
            b"<html><head><title>Under Maintenance</title></head><body>We'll be back soon.</body></html>",
            200,
            None,
            "maintenance page",
        ),
        (
            b"<html><body>Service temporarily unavailable</body></html>",
            200,
            None,
            "maintenance page",
        ),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
            200,
            "application/zip",
            "not HTML (content type application/zip, body is ZIP)",
        ),
        (
            b"\x00\x01\x02\x03binary\x00\x00junk",
            200,
            "text/html",
            "not HTML (content type text/html, body is binary data)",
        ),
        (
            b'{"code": 0, "data": []}',
            200,
            "application/json",
            "not HTML (content type application/json)",
        ),
    ],
    ids=[
        "zero-bytes",
        "whitespace",
        "empty-html",
        "404",
        "500",
        "502",
        "503-empty",
        "cloudflare-503",
        "403-access-denied",
        "200-access-denied",
        "abnormal-access",
        "chuangyudun",
        "maintenance-en",
        "temporarily-unavailable",
        "zip",
        "nul-bytes",
        "json",
    ],
)
def test_failed_fetch_inline(body, status, content_type, reason):
    assert failed_fetch_reason(body, status, content_type) == reason


@pytest.mark.parametrize(
    "name",
    [
        "fetch_article_mentions_maintenance.html",
        "fetch_short_notice.html",
        "list_trs_column.html",
        "list_app_shell.html",
    ],
    ids=["article-mentions-maintenance", "very-short-notice", "list-page", "app-shell"],
)
def test_real_pages_pass(name):
    assert failed_fetch_reason(page(name), 200, "text/html; charset=utf-8") is None


def test_gb2312_page_passes_with_a_lying_header():
    assert failed_fetch_reason(page("list_gb2312.html"), 200, "text/html; charset=utf-8") is None


def test_utf16_page_is_not_binary():
    body = "\ufeff<html><body><p>示例通知正文内容，共计若干字。</p></body></html>".encode("utf-16")
    assert failed_fetch_reason(body, 200, "text/html") is None


def test_corpus_pages_all_pass():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus folder {CORPUS} is absent")
    flagged = {}
    for path in sorted(CORPUS.glob("*/*.html")):
        reason = failed_fetch_reason(path.read_bytes(), 200, "text/html")
        if reason:
            flagged[path.name] = reason
    assert flagged == {}


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=2000),
    st.sampled_from([200, 403, 404, 412, 500, 503]),
    st.sampled_from([None, "text/html", "application/pdf", "text/html; charset=gbk"]),
)
def test_never_raises(body, status, content_type):
    reason = failed_fetch_reason(body, status, content_type)
    assert reason is None or isinstance(reason, str)


@pytest.mark.parametrize("seed", range(20), ids=lambda seed: f"seed-{seed}")
def test_random_bytes_are_never_a_page(seed):
    import random

    from crawler.extract.fetchcheck import not_html_reason

    body = random.Random(seed).randbytes(8192)
    assert (
        not_html_reason(body, "text/html")
        == "not HTML (content type text/html, body is binary data)"
    )


@pytest.mark.parametrize("tag", [b"<p ", b"<div>", b"<TABLE ", b"<script"])
def test_random_bytes_holding_a_tag_are_binary(tag):
    # One 8 KB random body in twenty holds such a tag by chance (the fault server's /_binary
    # was stored as a release once): control bytes as frequent as noise's are binary anyway.
    import random

    from crawler.extract.fetchcheck import not_html_reason

    noise = random.Random(7).randbytes(8192)
    for body in (noise[:900] + tag + noise[900:], b"\xff\xfe" + tag + noise):
        assert not_html_reason(body, "text/html").endswith("body is binary data)")


def test_gbk_and_utf8_pages_are_html():
    from crawler.extract.fetchcheck import not_html_reason

    for body in (
        ("<p>中文内容，统战工作。</p>" * 50).encode("gbk"),
        ("<p>中文内容</p>" * 50).encode("utf-8"),
    ):
        assert not_html_reason(body, "text/html") is None


# Broken responses that real sites answer with 200 (issue 10, issue 12 item 4) ----------------


@pytest.mark.parametrize(
    ("name", "content_type", "reason"),
    [
        (
            "fetch_redirect_stub_zh.html",
            "text/html",
            "redirect stub (script redirect, no page content)",
        ),
        (
            "fetch_redirect_stub_en.html",
            None,
            "redirect stub (meta refresh to /__check/?next=%2Fnews%2F2024%2Fa1.html)",
        ),
        ("fetch_botcheck_titled.html", "text/html; charset=utf-8", "anti-bot challenge"),
        ("fetch_botcheck_external_script.html", "text/html", "anti-bot challenge"),
        ("fetch_botcheck_form_autosubmit.html", "text/html", "anti-bot challenge"),
        ("fetch_unrendered_velocity.html", "text/html", "unrendered template ($!{doc.title})"),
        ("fetch_unrendered_mustache.html", "text/html", "unrendered template ({{ page.title }})"),
        ("fetch_unrendered_jsp.html", "text/html", "unrendered template (<%=info.getTitle()%>)"),
        (
            "fetch_unrendered_titled_table_prose.html",
            "text/html",
            "unrendered template (${doc.title})",
        ),
        (
            "fetch_unrendered_titled_notice_en.html",
            "text/html",
            "unrendered template (${advisory.title})",
        ),
    ],
    ids=[
        "redirect-stub-zh",
        "redirect-stub-meta-refresh",
        "botcheck-with-title",
        "botcheck-external-script",
        "botcheck-form-autosubmit",
        "unrendered-velocity",
        "unrendered-mustache",
        "unrendered-jsp-gb2312",
        "unrendered-titled-standing-prose-and-table-zh",
        "unrendered-titled-standing-prose-and-table-en",
    ],
)
def test_broken_responses(name, content_type, reason):
    assert failed_fetch_reason(page(name), 200, content_type) == reason


@pytest.mark.parametrize(
    "name",
    [
        "fetch_article_code_sample.html",
        "fetch_article_mentions_botcheck.html",
        "fetch_short_notice_scripted.html",
        "article_hanweb.html",
        "article_en_press_release.html",
    ],
    ids=[
        "code-sample-with-placeholders",
        "article-quotes-botcheck-wording",
        "short-notice-with-analytics",
        "hanweb-article",
        "english-press-release",
    ],
)
def test_real_pages_with_the_same_words_pass(name):
    assert failed_fetch_reason(page(name), 200, "text/html; charset=utf-8") is None


def test_botcheck_wording_alone_does_not_flag_a_page_without_scripts():
    # A bare page that asks for JavaScript but carries no script is not a challenge that runs.
    body = "<html><head><title>操作指南</title></head><body><p>请启用JavaScript后再提交表单。</p><p>2024年3月1日</p></body></html>"
    assert failed_fetch_reason(body.encode(), 200, "text/html") is None


def test_spa_shell_is_left_to_the_list_check():
    # The noscript prompt of a client-side app is one sign, not a bot check; listing names it.
    assert failed_fetch_reason(page("list_app_shell.html"), 200, "text/html") is None


@pytest.mark.parametrize(
    ("snippet", "reason"),
    [
        (
            '<div class="crumb"><TRS_OUTLINE FIELD="CHNLNAME"></TRS_OUTLINE></div><TRS_DOCUMENT FIELD="DOCCONTENT"></TRS_DOCUMENT>',
            "unrendered template (<trs_outline>)",
        ),
        (
            '<div class="crumb">{$nav.path}</div><h1>{dede:field.title/}</h1>',
            "unrendered template ({$nav.path})",
        ),
        (
            "<h1>${article.title}</h1><div>${article.content}</div>",
            "unrendered template (${article.title})",
        ),
        (
            "<h1>{{ title }}</h1><div>{% block content %}{% endblock %}</div>",
            "unrendered template ({{ title }})",
        ),
    ],
    ids=["trs-tags", "php-cms-tags", "freemarker", "jinja"],
)
def test_unrendered_template_engines(snippet, reason):
    nav = "".join(f'<a href="/c{i}/">栏目{i}</a>' for i in range(12))
    body = f"<html><head><meta charset='utf-8'><title>示例网站</title></head><body><div>{nav}</div>{snippet}<p>版权所有 示例网站</p></body></html>"
    assert failed_fetch_reason(body.encode(), 200, "text/html") == reason


def test_one_inline_placeholder_in_a_short_page_is_not_a_template():
    body = "<html><body><h1>通知</h1><p>请在路径中使用 ${HOME} 代替绝对路径，2024年5月6日起执行。</p></body></html>"
    assert failed_fetch_reason(body.encode(), 200, "text/html") is None


def test_a_title_that_quotes_placeholder_syntax_is_no_template():
    # A security bulletin names the exploit string in its title and text: rendered, not a template.
    prose = (
        "<p>"
        + "请各单位立即排查使用 ${jndi:ldap} 形式输入的日志组件，升级至安全版本。" * 10
        + "</p>"
    )
    body = f"<html><head><title>关于日志组件 ${{user.name}} 注入漏洞的预警通报</title></head><body><h1>关于日志组件 ${{user.name}} 注入漏洞的预警通报</h1>{prose}<p>变量 ${{user.home}} 同样受影响。</p></body></html>"
    assert failed_fetch_reason(body.encode(), 200, "text/html") is None


def test_a_rendered_page_with_a_broken_breadcrumb_keeps_its_content():
    # The content is there: the page is the article, its breadcrumb merely unrendered.
    prose = (
        "<p>"
        + "本市今年一季度地区生产总值同比增长百分之五点二，其中第三产业增加值增长百分之六。" * 12
        + "</p>"
    )
    body = f"<html><body><div class='crumb'>$pageHelpBean.getColumnNavPath($column)</div><h1>一季度经济运行情况</h1>{prose}</body></html>"
    assert failed_fetch_reason(body.encode(), 200, "text/html") is None


def test_deep_nesting_is_a_failed_fetch_not_an_empty_version():
    depth = 100_000
    body = (
        "<html><head><title>深层嵌套</title></head><body>"
        + "<div>" * depth
        + "<p>正文在最深处。</p>"
        + "</div>" * depth
        + "</body></html>"
    ).encode()
    reason = failed_fetch_reason(body, 200, "text/html")
    assert reason is not None and reason.startswith("HTML nested too deep")


def test_may_be_unrendered_ignores_template_literals_in_scripts():
    from crawler.extract.fetchcheck import may_be_unrendered

    assert may_be_unrendered(page("fetch_unrendered_velocity.html"))
    assert not may_be_unrendered(b"<html><script>var u = `${base}/a`;</script><p>text</p></html>")
    assert not may_be_unrendered(page("article_hanweb.html"))


@pytest.mark.parametrize(
    ("title", "fault"),
    [
        ("404 Not Found", True),
        ("502 Bad Gateway", True),
        ("404错误", True),
        ("500万元专项资金下达到位", False),
        ("510家企业参加招聘会", False),
    ],
    ids=["404-not-found", "502-bad-gateway", "404-chinese", "figure-500-wan", "figure-510-jia"],
)
def test_a_status_code_names_an_error_page_never_a_figure(title, fault):
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
    reason = failed_fetch_reason(page.encode("utf-8"))
    named = reason is not None and (reason.startswith("error page") or says_gone(reason))
    assert named is fault, reason
    # A 404 or 410 says the page is gone: a miss of the release, confirmed like a 404.
    assert says_gone(reason) is title.startswith("404"), reason


@pytest.mark.parametrize(
    "page",
    [
        '<html><head><meta charset="utf-8"><title></title></head><body><script>alert("对不起，该'
        '信息已删除或不存在！");window.location.href="/xxgk/tzgg/";</script></body></html>',
        "<html><head><meta charset=\"utf-8\"><script>alert('您访问的信息不存在！');history.go(-1);"
        "</script></head><body></body></html>",
        '<html><head><meta charset="utf-8"><title>页面不存在</title></head><body><p>抱歉，您访问的'
        '页面不存在！</p><a href="/">返回首页</a></body></html>',
        "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested "
        "URL was not found on this server.</p><hr><address>Apache</address></body></html>",
        '<html><head><meta charset="utf-8"><title>提示</title></head><body><p>该信息已撤稿。</p>'
        "</body></html>",
    ],
    ids=["alert-then-redirect", "alert-then-back", "bare-页面不存在", "apache-404-as-200", "撤稿"],
)
def test_a_bare_page_saying_the_page_is_gone_is_a_gone_page(page):
    assert says_gone(failed_fetch_reason(page.encode("utf-8")))


@pytest.mark.parametrize(
    "page",
    [
        '<html><head><meta charset="utf-8"></head><body><script>alert("请先登录！");'
        'location.href="/login";</script></body></html>',
        '<html><head><meta charset="utf-8"><title>访问验证</title></head><body><p>该页面已失效，'
        '请完成验证后刷新</p><div id="captcha"></div><script>var t="x";</script></body></html>',
    ],
    ids=["alert-login", "bot-check-says-expired"],
)
def test_a_stub_or_check_that_does_not_say_the_page_is_gone_is_no_gone_page(page):
    reason = failed_fetch_reason(page.encode("utf-8"))
    assert reason is not None and not says_gone(reason), reason
