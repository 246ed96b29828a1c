"""A page as a web archive's replay serves it (the pattern of Wayback-style playback, written
for these tests): every link and image rewritten to ``/web/<timestamp>[im_]/<original URL>``, the
archive's scripts at the top of ``<head>``, its toolbar (hidden until its script runs: the
capture's date, how many captures, the range of their dates) at the top of ``<body>``, and a
closing comment with the capture's and the replay's times. Histories judged on real pages are
often such captures: all of it changes from one capture to the next, none of it is the page.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin

_LINK = re.compile(r"""(?P<attr>\b(?:href|src|action))=(?P<q>["'])(?P<url>[^"']*)(?P=q)""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
_BODY = re.compile(r"<body[^>]*>", re.I)


def _rewrite(html: str, page_url: str, stamp: str) -> str:
    def one(m: re.Match) -> str:
        url = m["url"]
        if not url or url.startswith(("#", "javascript:", "mailto:", "data:")):
            return m.group(0)
        absolute = urljoin(page_url, url)
        flag = "im_" if m["attr"].lower() == "src" and not url.endswith(".js") else ""
        flag = "js_" if url.endswith(".js") else flag
        return f"{m['attr']}={m['q']}/web/{stamp}{flag}/{absolute}{m['q']}"

    return _LINK.sub(one, html)


def archived(html: str, page_url: str, at: datetime, *, captures: int, first: datetime) -> str:
    """``html`` as the archive replays its capture of ``page_url`` taken ``at``."""
    stamp = at.strftime("%Y%m%d%H%M%S")
    head = f"""<script type="text/javascript" src="/_static/js/bundle-playback.js?v=1B2M2Y8A" charset="utf-8"></script>
<script type="text/javascript" src="/_static/js/wombat.js?v=1B2M2Y8A" charset="utf-8"></script>
<script>window.RufflePlayer=window.RufflePlayer||{{}};window.RufflePlayer.config={{"autoplay":"on","unmuteOverlay":"hidden"}};</script>
<script type="text/javascript">
  __wm.init("https://web.archive.example/web");
  __wm.wombat("{page_url}","{stamp}","https://web.archive.example/","web","/_static/",
              "{int(at.timestamp())}");
</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
"""
    toolbar = f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside"><div id="wm-toolbar" style="position:relative;display:flex;flex-flow:row nowrap;justify-content:space-between;">
<div id="wm-logo" style="/*width:110px;*/padding-top:12px;"><a href="/web/" title="Wayback Machine home page"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" srcset="/_static/images/toolbar/wayback-toolbar-logo-100.png, /_static/images/toolbar/wayback-toolbar-logo-150.png 1.5x, /_static/images/toolbar/wayback-toolbar-logo-200.png 2x" alt="Wayback Machine" style="width:100px" border="0" /></a></div>
<div class="c" style="display:flex;flex-flow:column nowrap;justify-content:space-between;flex:1;">
<form class="u" style="display:flex;flex-direction:row;flex-wrap:nowrap;" target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="{page_url}" onfocus="this.focus();this.select();" style="flex:1;"/><input type="hidden" name="type" value="replay" /><input type="hidden" name="date" value="{stamp}" /><input type="submit" value="Go" /></form>
<div style="display:flex;flex-flow:row nowrap;align-items:flex-end;">
<div class="s" id="wm-nav-captures" style="flex:1;"><a class="t" href="/web/{stamp}*/{page_url}" title="See a list of every capture for this URL">{captures:,} captures</a>
<div class="r" title="Timespan for captures of this URL">{first.strftime("%d %b %Y").lstrip("0")} - {at.strftime("%d %b %Y").lstrip("0")}</div></div>
<div class="k"><a href="" id="wm-graph-anchor"><div id="wm-ipp-sparkline" title="Explore captures for this URL" style="position: relative"><canvas class="sparkline" width="450" height="27"></canvas></div></a></div>
</div></div>
<div class="n"><table><tbody><tr class="m"><td class="b" nowrap="nowrap"><a href="/web/{stamp}/{page_url}" title="{at.strftime("%d %b %Y")}"><strong>{at.strftime("%b")}</strong></a></td><td class="c" id="displayMonthEl" title="You are here: {at.strftime("%H:%M:%S %b %d, %Y")}">{at.strftime("%b").upper()}</td></tr>
<tr class="d"><td class="b" nowrap="nowrap">{at.day - 1 or 1}</td><td class="c" id="displayDayEl" title="You are here: {at.strftime("%H:%M:%S %b %d, %Y")}">{at.day}</td></tr>
<tr class="y"><td class="b" nowrap="nowrap">{at.year - 1}</td><td class="c" id="displayYearEl" title="You are here: {at.strftime("%H:%M:%S %b %d, %Y")}">{at.year}</td></tr></tbody></table></div>
<div class="r" style="display:flex;flex-flow:column nowrap;align-items:flex-end;justify-content:space-between;"><div id="wm-btns"><a href="/details/{page_url}" title="About this capture">About this capture</a></div></div>
</div></div>
<div id="wm-capinfo" style="border-top:1px solid #777;display:none; overflow:hidden"><div id="wm-capinfo-collected-by"><div class="wm-title">COLLECTED BY</div><div class="wm-collected-by-name">Archive Team</div></div>
<div id="wm-capinfo-timestamps"><div class="wm-title">TIMESTAMPS</div><div>The Wayback Machine - https://web.archive.example/web/{stamp}/{page_url}</div></div></div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.example/web/{stamp}/{page_url}</div>
<script type="text/javascript">__wm.bt(700,27,25,2,"web","{page_url}","{stamp}",1996,"/_static/",["/_static/css/banner-styles.css?v=S1zqJCYt","/_static/css/iconochive.css?v=3PDvdIFv"], false);</script>
<!-- END WAYBACK TOOLBAR INSERT -->
"""
    tail = f"""
<!--
     FILE ARCHIVED ON {at.strftime("%H:%M:%S %b %d, %Y")} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 09:12:44 Dec 02, 2026.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

     ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
     SECTION 108(a)(3)).
-->
<!--
playback timings (ms):
  captures_list: {0.5 + captures % 7:.3f}
  exclusion.robots: 0.07
  esindex: 0.011
  cdx.remote: {12 + captures % 13}.338
  load_resource: {80 + at.day * 3}.102
-->"""
    html = _rewrite(html, page_url, stamp)
    m = _HEAD.search(html)
    html = html[: m.end()] + "\n" + head + html[m.end() :] if m else head + html
    m = _BODY.search(html)
    html = html[: m.end()] + "\n" + toolbar + html[m.end() :] if m else toolbar + html
    return html + tail
