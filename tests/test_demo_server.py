"""The demo server (run as a subprocess, as the crawl tests use it), the demo site, and the
failure routes the tests add to it (tests/support/fault_server.py)."""

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import lxml.html
import pytest

from crawler.demo import SITE_DIR, demo_config
from crawler.demo.server import start_server

ROOT = Path(__file__).resolve().parent.parent
DEMO_SERVER = ["-m", "crawler.demo.server"]
FAULT_SERVER = [str(ROOT / "tests" / "support" / "fault_server.py")]


def _spawn(root, log=None, server=DEMO_SERVER):
    cmd = [sys.executable, *server, str(root)]
    if log:
        cmd += ["--log", str(log)]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and url.endswith("/"), (url, proc.stderr.read())
    return proc, url


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A copy of the demo site served by the fault server subprocess, with a request log."""
    root = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(SITE_DIR, root)
    log = root.parent / "requests.log"
    proc, url = _spawn(root, log, FAULT_SERVER)
    yield {"root": root, "url": url, "log": log, "proc": proc}
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=5)


@pytest.fixture
def client():
    with httpx.Client(timeout=5) as c:
        yield c


def test_cli_prints_url_and_exits_cleanly_on_sigterm(tmp_path):
    (tmp_path / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    proc, url = _spawn(tmp_path)
    assert httpx.get(url, timeout=5).text == "<p>hi</p>"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=5) == 0
    assert proc.stderr.read() == ""


def test_the_demo_server_carries_no_failure_routes(tmp_path):
    with start_server(tmp_path) as server:
        assert httpx.get(server.url + "_status/503", timeout=5).status_code == 404


def test_start_server_api_as_context_manager(tmp_path):
    (tmp_path / "a.txt").write_text("plain", encoding="utf-8")
    with start_server(tmp_path) as server:
        assert server.url.endswith("/")
        response = httpx.get(server.url + "a.txt", timeout=5)
        assert response.text == "plain"
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url + "a.txt", timeout=2)


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("", "text/html; charset=utf-8"),
        ("xwzx/ywdt/", "text/html; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("xwzx/ywdt/202212/P020221212385612345678.pdf", "application/pdf"),
        (
            "xwzx/ywdt/202212/P020221212385612345679.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("images/logo.png", "image/png"),
    ],
    ids=["home", "dir-index", "robots", "pdf", "docx", "png"],
)
def test_serves_files_with_content_type(site, client, path, content_type):
    response = client.get(site["url"] + path)
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


def test_directory_without_slash_redirects(site, client):
    response = client.get(site["url"] + "xwzx/ywdt")
    assert response.status_code == 301
    assert response.headers["location"] == "/xwzx/ywdt/"


@pytest.mark.parametrize(
    "path",
    [
        "nope.html",
        "_server.json",
        "xwzx/ywdt/202212/",
        "%2e%2e/%2e%2e/etc/passwd",
        "_unknown_route",
    ],
    ids=["missing", "config-hidden", "no-listing", "dotdot", "unknown-route"],
)
def test_not_found(site, client, path):
    response = client.get(site["url"] + path)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "404" in response.text


def test_gb_column_header_and_bytes(site, client):
    response = client.get(site["url"] + "gb/zcwj/index.html")
    assert response.headers["content-type"] == "text/html; charset=gb2312"
    text = response.content.decode("gb18030")
    assert "政策文件" in text and "[2022-11-30]" in text
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")


def test_lying_page_says_utf8_over_gbk(site, client):
    response = client.get(site["url"] + "gb/zcwj/202210/t20221021_30002.html")
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    assert "秋冬季农业生产" in response.content.decode("gb18030")


def test_gbk_only_character_in_gb2312_page(site, client):
    body = client.get(site["url"] + "gb/zcwj/202211/t20221118_30005.html").content
    assert "王喆" in body.decode("gb18030")


def test_etag_and_last_modified_give_304(site, client):
    url = site["url"] + "col/col1201/index.html"
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_edit_between_requests_changes_etag(site, client):
    page = site["root"] / "lxwm" / "index.html"
    url = site["url"] + "lxwm/index.html"
    etag = client.get(url).headers["etag"]
    page.write_text(
        page.read_text(encoding="utf-8").replace("12345", "12345（24小时）"), encoding="utf-8"
    )
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200 and "24小时" in response.text
    assert response.headers["etag"] != etag


def test_counter_increases_and_changes_etag(site, client):
    url = site["url"] + "xwzx/ywdt/202212/t20221216_10016.html"
    counts, etags = [], set()
    for _ in range(3):
        response = client.get(url)
        counts.append(int(re.search(r"浏览次数：<span>(\d+)</span>", response.text).group(1)))
        etags.add(response.headers["etag"])
    assert counts[0] < counts[1] < counts[2]
    assert len(etags) == 3


def test_now_and_token_placeholders(site, client):
    text = client.get(site["url"]).text
    assert re.search(r"今天是：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", text)
    assert re.search(r'name="csrf_token" value="[0-9a-f]{32}"', text)
    assert "{{" not in text


def test_query_page_maps_to_p_file(site, client):
    base = site["url"] + "xxgk/xxgc/index.html"
    first = client.get(base).text
    second = client.get(base + "?page=2").text
    assert 'href="index.html?page=2"' in first
    assert "第2页" in second and "市直机关开展学习贯彻" in second
    assert client.get(base + "?page=9").text == first
    assert client.get(site["url"] + "xxgk/xxgc/?page=2").text == second


def test_tracking_query_and_dot_segment_serve_the_same_article(site, client):
    plain = client.get(site["url"] + "xwzx/ywdt/202212/t20221214_10002.html")
    variant = client.get(site["url"] + "xwzx/ywdt/202212/./t20221214_10002.html?utm_source=list")
    assert plain.status_code == variant.status_code == 200
    assert "市委理論學習中心組" in variant.text


@pytest.mark.parametrize("status", [403, 404, 500, 503], ids=str)
def test_status_route(site, client, status):
    response = client.get(site["url"] + f"_status/{status}")
    assert response.status_code == status
    assert str(status) in response.text


def test_slow_route_times_out(site, client):
    with pytest.raises(httpx.ReadTimeout):
        client.get(site["url"] + "_slow/3", timeout=0.3)
    started = time.monotonic()
    assert client.get(site["url"] + "_slow/0.2").status_code == 200
    assert time.monotonic() - started >= 0.2


def test_redirect_loop(site, client):
    response = client.get(site["url"] + "_redirect_loop/1")
    assert response.status_code == 302
    assert response.headers["location"] == "/_redirect_loop/2"
    with pytest.raises(httpx.TooManyRedirects):
        client.get(site["url"] + "_redirect_loop/1", follow_redirects=True)


def test_huge_route(site, client):
    response = client.get(site["url"] + "_huge/1")
    assert len(response.content) == 1024 * 1024
    assert response.text.rstrip().endswith("</html>")


@pytest.mark.parametrize(
    "path, check",
    [
        ("_empty", lambda r: r.content == b""),
        (
            "_binary",
            lambda r: len(r.content) == 8192 and r.headers["content-type"].startswith("text/html"),
        ),
        ("_waf", lambda r: "document.cookie" in r.text and "安全狗" in r.text),
        ("_maintenance", lambda r: "系统维护中" in r.text),
    ],
    ids=["empty", "binary", "waf", "maintenance"],
)
def test_odd_pages_are_200(site, client, path, check):
    response = client.get(site["url"] + path)
    assert response.status_code == 200
    assert check(response)


def test_truncated_body(site, client):
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(site["url"] + "_truncated")


def test_server_json_status_redirect_and_no_validators(site, client):
    config_path = site["root"] / "_server.json"
    original = config_path.read_text(encoding="utf-8")
    config = json.loads(original)
    config["status"] = {"xwzx/ywdt/202212/t20221215_*": 404}
    config["redirect"] = {"gywm/*": "/lxwm/index.html"}
    config["validators"] = False
    config_path.write_text(json.dumps(config), encoding="utf-8")
    try:
        assert client.get(site["url"] + "xwzx/ywdt/202212/t20221215_10015.html").status_code == 404
        moved = client.get(site["url"] + "gywm/")
        assert moved.status_code == 302 and moved.headers["location"] == "/lxwm/index.html"
        plain = client.get(site["url"] + "col/col1201/index.html")
        assert "etag" not in plain.headers and "last-modified" not in plain.headers
        assert (
            client.get(
                site["url"] + "col/col1201/index.html", headers={"If-None-Match": "*"}
            ).status_code
            == 200
        )
    finally:
        config_path.write_text(original, encoding="utf-8")


def test_request_log(site, client):
    client.get(site["url"] + "robots.txt?x=1")
    client.get(site["url"] + "missing.html")
    client.head(site["url"] + "_status/503")
    lines = site["log"].read_text(encoding="utf-8").splitlines()
    assert lines[-3:] == [
        "GET /robots.txt?x=1 200",
        "GET /missing.html 404",
        "HEAD /_status/503 503",
    ]


def test_quiet_without_log(tmp_path):
    (tmp_path / "index.html").write_text("x", encoding="utf-8")
    proc, url = _spawn(tmp_path)
    httpx.get(url + "missing", timeout=5)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=5) == 0
    assert proc.stderr.read() == ""


# -- the demo site itself -----------------------------------------------------------

HTML_PAGES = sorted(SITE_DIR.rglob("*.html"))
LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']*)["']""")


def _decoded(path):
    data = path.read_bytes()
    if path.relative_to(SITE_DIR).parts[0] == "gb":
        return data.decode("gb18030")
    return data.decode("utf-8")


def test_no_dot_files():
    assert not [p for p in SITE_DIR.rglob(".*")]


def _links(page):
    """(href, site path or None for off-site/javascript) for every href/src of a page."""
    text = _decoded(page)
    rel = page.relative_to(SITE_DIR).as_posix()
    for href in LINK.findall(text):  # also finds Hanweb rows inside <script type="text/xml">
        if href.startswith(("javascript:", "mailto:", "http://", "https://")):
            yield href, None
            continue
        target = urlsplit(urljoin("http://demo/" + rel, href)).path.lstrip("/")
        if target == "" or target.endswith("/"):
            target += "index.html"
        yield href, target


@pytest.mark.parametrize("page", HTML_PAGES, ids=lambda p: p.relative_to(SITE_DIR).as_posix())
def test_page_parses_and_links_resolve(page):
    tree = lxml.html.fromstring(_decoded(page))
    assert tree.find(".//body") is not None
    assert tree.findtext(".//title")
    for href, target in _links(page):
        if target is None:
            assert "127.0.0.1" not in href and "localhost" not in href
            continue
        resolved = (SITE_DIR / target).resolve()
        assert resolved.is_relative_to(SITE_DIR.resolve()) and resolved.is_file(), (page, href)


def test_xxgc_column_is_linked_only_from_home_and_breadcrumbs():
    linking = {
        page.relative_to(SITE_DIR).as_posix()
        for page in HTML_PAGES
        if any(target == "xxgk/xxgc/index.html" for _, target in _links(page))
    }
    outside = {p for p in linking if not p.startswith("xxgk/xxgc/")}
    assert outside == {"index.html", "xwzx/ywdt/202212/t20221214_10002.html"}


# Facts documented in crawler/demo/README.md.
LIST_ROWS = {
    "xwzx/ywdt/index.html": 6,
    "xwzx/ywdt/index_1.html": 6,
    "xwzx/ywdt/index_2.html": 6,
    "gb/zcwj/index.html": 5,
    "gb/zcwj/index_1.html": 2,
    "xxgk/xxgc/index.html": 5,
    "xxgk/xxgc/index_p2.html": 3,
    "col/col1201/index.html": 8,
}


def _row_links(rel):
    text = _decoded(SITE_DIR / rel)
    if rel.startswith("col/"):
        return re.findall(r'<record><!\[CDATA\[\s*<li><a href="([^"]+)"', text)
    tree = lxml.html.fromstring(text)
    return tree.xpath(
        '//ul[@class="list"]/li/a/@href | //table[@class="zcwj-list"]//td[@class="title"]/a/@href'
    )


def _canonical(page_rel, href):
    url = urljoin("http://demo/" + page_rel, href)
    path = urlsplit(url).path
    return (
        None
        if urlsplit(url).hostname != "demo" or not path.endswith(".html")
        else path.replace("/./", "/")
    )


def test_list_facts_match_readme():
    releases = {}
    for rel, rows in LIST_ROWS.items():
        links = _row_links(rel)
        assert len(links) == rows, rel
        column = rel.rsplit("/", 1)[0]
        for href in links:
            url = _canonical(rel, href)
            if url:
                releases.setdefault(url, set()).add(column)
    assert len(releases) == 37
    assert releases["/xwzx/ywdt/202212/t20221214_10002.html"] == {"xwzx/ywdt", "xxgk/xxgc"}
    per_column = {}
    for columns in releases.values():
        for column in columns:
            per_column[column] = per_column.get(column, 0) + 1
    assert per_column == {"xwzx/ywdt": 16, "col/col1201": 8, "gb/zcwj": 7, "xxgk/xxgc": 7}
    for url in releases:
        assert (SITE_DIR / url.lstrip("/")).is_file()


def test_demo_config():
    config = demo_config("http://127.0.0.1:8000/")
    assert config["title"] == "临江市人民政府（演示）"
    assert config["start_urls"] == [
        "http://127.0.0.1:8000/xwzx/ywdt/index.html",
        "http://127.0.0.1:8000/col/col1201/index.html",
        "http://127.0.0.1:8000/gb/zcwj/index.html",
    ]


def test_robots_disallows_admin_only():
    assert (SITE_DIR / "robots.txt").read_text(
        encoding="utf-8"
    ) == "User-agent: *\nDisallow: /admin/\n"
