"""A Hanweb (大汉) column served with its jpage proxy, for crawl tests.

    python tests/support/lists_hanweb.py ROOT [--port P] [--log FILE]

serves ``ROOT`` as the demo server does (``write_site`` writes it) and answers
``/module/web/jpage/dataproxy.jsp?startrecord=N&endrecord=M&perpage=P`` (GET or POST) with the
records N..M of ``ROOT/_records.json`` as a bare ``<datastore>``, the way a Hanweb site's proxy
answers its jpage script; a request without the column's ``columnid`` gets no records.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crawler.demo.server import SiteHandler, main

PROXY = "/module/web/jpage/dataproxy.jsp"
COLUMN_ID = "2870"

_COLUMN = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府文件 示例市人民政府</title>
<meta name="ColumnName" content="政府文件"><!-- Produced By 大汉网络 大汉版通发布系统 --></head>
<body><div class="head"><a href="/">首页</a> <a href="/col/col2860/index.html">政务公开</a></div>
<div class="bt-position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col{cid}/index.html">政府文件</a></div>
<div id="14422"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="{proxy}?page=1&webid=3&path=/&columnid={cid}&unitid=14422&webname=%E7%A4%BA%E4%BE%8B&permissiontype=0"></a>]]></nextgroup>
<recordset>
{records}
</recordset></datastore></script></div>
<script src="/module/web/jpage/jpage.js"></script>
<script>$(document).ready(function(){{ $('#14422').jpage({{ proxyUrl: '{proxy}', perPage: {per}, totalRecord: {total}, groupSize: {group}, ajaxParam: {{ col: 1, appid: 1, webid: 3, path: '/', columnid: {cid}, sourceContentType: 1, unitid: 14422, webname: '示例市人民政府', permissiontype: 0 }} }}); }});</script>
<div class="foot">示例市人民政府 主办</div></body></html>
"""

_ARTICLE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="bt-position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col{cid}/index.html">政府文件</a></div>
<div class="article"><h1>{title}</h1><div class="info">发布日期：{date} 来源：示例市人民政府办公室</div>
<div class="content"><p>{title}。各县（市、区）人民政府，市政府各部门：现将有关事项通知如下，请认真贯彻执行。</p>
<p>本通知自印发之日起施行。</p></div></div></body></html>
"""


def article_path(n: int) -> str:
    return f"/art/2024/{n % 12 + 1}/{n % 27 + 1}/art_{COLUMN_ID}_{300000 + n}.html"


def _record(n: int) -> str:
    title = f"示例市人民政府关于第{n}批重点项目建设有关事项的通知"
    return (
        f'<li><a href="{article_path(n)}" title="{title}" target="_blank">{title}</a>'
        f"<span>2024-{n % 12 + 1:02d}-{n % 27 + 1:02d}</span></li>"
    )


def write_site(root: Path, total: int, per: int, group: int) -> list[str]:
    """The column page (its first ``per * group`` records inline), every article, and the
    records the proxy answers from; returns the article paths, newest first."""
    shown = min(total, per * group)
    records = "\n".join(
        f"<record><![CDATA[\n{_record(n)}\n]]></record>" for n in range(1, shown + 1)
    )
    column = root / "col" / f"col{COLUMN_ID}" / "index.html"
    column.parent.mkdir(parents=True, exist_ok=True)
    column.write_text(
        _COLUMN.format(
            cid=COLUMN_ID, proxy=PROXY, records=records, per=per, total=total, group=group
        ),
        encoding="utf-8",
    )
    paths = []
    for n in range(1, total + 1):
        path = root / article_path(n).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        title = f"示例市人民政府关于第{n}批重点项目建设有关事项的通知"
        date = f"2024-{n % 12 + 1:02d}-{n % 27 + 1:02d}"
        path.write_text(_ARTICLE.format(title=title, date=date, cid=COLUMN_ID), encoding="utf-8")
        paths.append(article_path(n))
    (root / "_records.json").write_text(
        json.dumps([_record(n) for n in range(1, total + 1)], ensure_ascii=False),
        encoding="utf-8",
    )
    return paths


def start(root: Path, log_path: Path):
    """This server in a subprocess, as ``support.harness.start_site_server`` starts the demo's."""
    from support.harness import start_site_server

    return start_site_server(root, log_path, Path(__file__))


class HanwebHandler(SiteHandler):
    """The demo handler with a jpage proxy."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self._form = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self._handle()

    def route(self, path: str) -> bool:
        if path != PROXY:
            return False
        split = urlsplit(self.path)
        asked = dict(parse_qsl(split.query)) | dict(parse_qsl(getattr(self, "_form", "")))
        records = json.loads((self.server.root / "_records.json").read_text(encoding="utf-8"))
        try:
            first, last = int(asked["startrecord"]), int(asked["endrecord"])
        except (KeyError, ValueError):
            first, last = 1, 0
        if asked.get("columnid") != COLUMN_ID:
            first, last = 1, 0
        chosen = records[max(first - 1, 0) : max(last, 0)]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><datastore>'
            f"<totalrecord>{len(records)}</totalrecord><recordset>"
            + "".join(f"<record><![CDATA[{r}]]></record>" for r in chosen)
            + "</recordset></datastore>"
        )
        self._send(200, body.encode("utf-8"), content_type="text/xml;charset=UTF-8")
        return True


if __name__ == "__main__":
    sys.exit(main(handler=HanwebHandler, prog="python tests/support/lists_hanweb.py"))
