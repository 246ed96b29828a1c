"""The one parse-and-clean of every extractor (crawler/extract/text.parse_clean)."""

from __future__ import annotations

from crawler.extract.text import element_text, layout, parse_clean

PAGE = """<html><head><title>标题</title><base href="/x/"></head><body>
<script>var pages = createPageHTML(3, 0, "index", "html");</script>
<p>前文<span style="display:none">隐藏</span>后文</p>
<p hidden>也隐藏</p><ruby>統<rp>(</rp><rt>tǒng</rt><rp>)</rp></ruby>计
<select><option>选项</option></select><noscript>请启用脚本</noscript>
</body></html>"""


def test_read_sees_the_page_as_parsed_then_it_is_cleaned():
    root, found = parse_clean(PAGE, read=lambda raw: [s.text for s in raw.iter("script")])
    assert found == ['var pages = createPageHTML(3, 0, "index", "html");']
    assert layout(root).lines == ["前文后文", "統计"]
    assert root.find("head") is None and next(root.iter("script"), None) is None


def test_keep_head_and_keep_hidden():
    root, _ = parse_clean(PAGE, keep_head=True, keep_hidden=True)
    assert root.find("head/title").text == "标题" and root.find("head/base") is not None
    assert "前文隐藏后文" in element_text(root.find("body"))
    assert next(root.iter("script", "rt", "select", "noscript"), None) is None


def test_no_document_is_none():
    assert parse_clean("   ").root is None
    assert parse_clean("", read=lambda raw: 1) == (None, None)
