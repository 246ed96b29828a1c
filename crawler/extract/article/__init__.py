"""Article pages → :class:`Article`.

Each field is looked for in order: per-site selectors → government ``<meta>`` tags → labelled text
near the title (来源：…, 发布日期：…) → the URL → generic fallbacks (text density for the body).
The page is parsed once; every later step works on the cleaned tree and its line layout.
"""

from __future__ import annotations

from lxml import etree

from ..breadcrumb import find_breadcrumb
from ..dates import style_for, zone_for
from ..encoding import decode_html
from ..model import Article, Selectors
from ..sitemodel import PageView, SiteModel
from ..text import Layout, Marks, layout, parse_clean, squash
from .body import (
    GENERIC_RANK,
    attachment_blocks,
    callout_before,
    cms_body,
    container_rank,
    density_body,
    describe,
    interludes_inside,
    join_body,
    label_value_rows,
    lead_before,
    letter_record,
    line_owners,
    pick_body_lines,
    sibling_sections,
    slider_lines,
    tab_set,
    table_beside,
    title_heading_line,
    without_closing_attachments,
    without_routing_lines,
)
from .head import Head, read_head, select_nodes, selected_text
from .links import find_attachments, find_next_pages, set_breadcrumb_and_column
from .published import date_from_meta, set_published, shown_date
from .source import pick_source
from .title import (
    below_ministry_line,
    clean_raw_title,
    heading_candidates,
    in_news_column,
    named_by_document_title,
    pick_title,
    reads_as_release,
    subtitle_lines,
)


def extract_article(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    timezone: str | None = None,
    selectors: Selectors | None = None,
    model: SiteModel | None = None,
    reading=None,
) -> Article:
    """Parse an article page into an :class:`Article`. Never raises on bad input.

    ``encoding`` forces a codec (site config); ``timezone`` is the IANA zone of the site's
    local times (default: guessed from the host); ``selectors`` are per-site overrides;
    ``model`` is the site's :class:`~.sitemodel.SiteModel` (its template is not content, and
    the page's features for learning are left in ``Article.features``).
    ``reading`` (a :class:`~crawler.extract.fetchcheck.PageReading`) is given the page as
    parsed and as cleaned, so the failed-fetch check needs no parse of its own.
    """
    try:
        text, used = decode_html(body or b"", content_type, encoding)
    except Exception:  # decoding is best effort; an unknown forced codec must not abort a crawl
        text, used = (body or b"").decode("utf-8", "replace"), "utf-8"
    article = Article(url=url, encoding=used)
    try:
        _extract(article, text, url, timezone, selectors or Selectors(), model, body, reading)
    except (
        RecursionError,
        MemoryError,
        ValueError,
        TypeError,
        etree.LxmlError,
        KeyError,
        IndexError,
    ):
        # Keep whatever was found before the failure: a partial article beats a crashed crawl.
        pass
    return article


def _extract(
    article: Article,
    text: str,
    url: str,
    timezone: str | None,
    sel: Selectors,
    model: SiteModel | None = None,
    raw: bytes | None = None,
    reading=None,
) -> None:
    ids = any(getattr(sel, f) for f in ("title", "source", "published_at", "body", "breadcrumb"))

    def read(page):
        if reading is not None:
            reading.read(page)
        # The head, its scripts, and text selectors (a meta's content, too) see the whole page.
        selected = {
            name: selected_text(page, getattr(sel, name))
            for name in ("title", "source", "published_at")
        }
        return read_head(page, url), selected

    root, found = parse_clean(text, body=raw, encoding=article.encoding, ids=ids, read=read)
    if reading is not None:
        reading.shown(root, text)
    if root is None:
        return
    head, selected = found
    base = head.base or url
    zone = zone_for(url, timezone, root.get("lang") or root.get("xml:lang"), head.title)
    lay = layout(root)
    view = None
    if model is not None:
        view = PageView(model, lay.lines, head.title)
        article.features = view.features
    label_value_rows(lay)  # (after the features: a model learns the page's lines as printed)

    headings = heading_candidates(root, head)  # (one walk for the title and the body's search)
    marks = Marks(root)  # (read once for the site's names and the breadcrumb)
    # Body container first: it bounds where the info line and the title can be.
    explain = article.explain
    container = _body_container(root, lay, head, headings, sel, view, explain)
    record = letter_record(lay, container)
    if record is not container:
        explain["body"] += f", widened to the letter's record {describe(record)}"
        container = record
    elif container is not None and container_rank(container) not in (None, GENERIC_RANK):
        beside = table_beside(lay, container)
        if beside is not None:
            explain["body"] += f", widened to the table beside it in {describe(beside)}"
            container = beside
    body_start, body_end = lay.spans.get(container, (len(lay.lines), len(lay.lines)))
    body_end, sections, interludes = sibling_sections(lay, container, body_end)
    interludes |= interludes_inside(lay, container) | slider_lines(lay, container)
    if sections:
        explain["body"] += f" and the {len(sections)} section(s) of its kind after it"
    # (An attachment box after the text is the release's attachments, not its text.)
    _, attached = attachment_blocks(lay, sections[-1] if sections else container, body_end)
    article.attachments = find_attachments(container, base, attached)

    title = selected["title"] or None
    title_el = None
    if title:
        explain["title"] = "site selector"
    else:
        pick = pick_title(root, lay, head, body_start, body_end, headings, marks)
        title, title_el = pick.text, pick.element
        explain["title"] = pick.rule
        article.title_variant = pick.variant
    title_line = _title_line(lay, title, title_el, body_start)
    under = (
        None
        if selected["title"]
        else below_ministry_line(lay, title, title_line, body_start, clean_raw_title(head.title))
    )
    if under is not None:
        title, title_line = under
        title_el = None
        explain["title"] = "heading under the ministry's line"
        article.title_variant = None
    # (A 副标题 the template sets as the text's first paragraph, under the heading: not the text.)
    interludes |= subtitle_lines(lay, title_line, body_start)
    opening = callout_before(lay, container, title_line)
    if opening is not None:
        explain["body"] += f", opened by the callout {describe(opening)}"
    elif (opening := lead_before(lay, container, title_line)) is not None:
        explain["body"] += f", opened by the lead paragraph in {describe(opening)}"

    body_lines, body_stop = pick_body_lines(
        lay,
        lay.spans[opening][0] if opening is not None else body_start,
        body_end,
        title,
        interludes,
    )
    body_lines = without_closing_attachments(
        lay, body_lines, {a["name"] for a in article.attachments if a.get("name")}, container
    )
    body_lines = without_routing_lines(body_lines)
    if view is not None:
        body_lines = view.body(body_lines, lay.table, lay.link_chars, explain)
    article.body = join_body(lay, body_lines)

    # How the page's locale writes 05/03/2024, 113-03-05, 05.13.24.
    style = style_for(zone, text, "\n".join(lay.lines))
    meta_date, meta_rule = date_from_meta(head, text, style)
    visible, visible_rank, visible_rule = shown_date(
        lay,
        head,
        selected["published_at"],
        title_line,
        body_start,
        body_stop,
        title,
        style,
        url=url,
        meta=meta_date,
        root=root,
    )
    published = set_published(
        article, url, zone, (visible, visible_rank, visible_rule), (meta_date, meta_rule)
    )

    if (
        published is None
        and not sel.title
        and named_by_document_title(head)
        and not in_news_column(
            find_breadcrumb(root, base, lay=lay, title=title, title_line=title_line, marks=marks)[0]
        )
        and not reads_as_release(lay, title_line, body_start, body_stop, url)
    ):
        # Not an article (a program page, a dashboard): the document title is its name.
        # (Whole, as the page names itself: there is no article heading to tell the site's part.)
        title = clean_raw_title(head.title)
        explain["title"] = "<title> of a page without a date"
        article.title_variant = None
    article.title = title or None
    if view is not None:
        article.title = view.title(article.title, explain)

    article.source = pick_source(
        root, lay, head, selected["source"], title_line, body_start, body_stop, view, explain, marks
    )
    set_breadcrumb_and_column(article, root, base, sel, lay, head, title, title_line, marks)
    article.next_pages = find_next_pages(root, head, container, url, base)


def _body_container(
    root, lay: Layout, head: Head, headings, sel: Selectors, view, explain: dict
) -> etree._Element | None:
    """The element holding the article's text: the site selector's, a CMS's container, or the
    densest text block (inside a generic container such as a bare <article>)."""
    container = None
    picked = select_nodes(root, sel.body)
    if picked and isinstance(picked[0], etree._Element):
        container = picked[0]
        explain["body"] = "site selector"
    if container is None:
        container = cms_body(root, lay)
        if container is not None:
            explain["body"] = f"CMS container {describe(container)}"
    if container is None or container_rank(container) == GENERIC_RANK:
        densest = density_body(
            root,
            lay,
            line_owners(lay),
            view.template if view is not None else None,
            title_heading_line(root, lay, head, headings),
        )
        if container is None:
            container = densest
            if container is not None:
                explain["body"] = f"densest text block {describe(container)}"
        elif densest is not None and any(a is container for a in densest.iterancestors()):
            # A bare <article> also holds the heading, the byline and the contact block: the
            # text is its densest part.
            explain["body"] = f"densest text block {describe(densest)} in {describe(container)}"
            container = densest
    if container is not None:
        tabs = tab_set(lay, container)
        if tabs is not None:
            explain["body"] += f" in the tab set {describe(tabs)}"
            container = tabs
    return container


def _title_line(lay: Layout, title: str | None, title_el, body_start: int) -> int:
    if title_el is not None and title_el in lay.spans:
        start, end = lay.spans[title_el]
        if end > start:
            return end - 1
    if title:
        sq = squash(title)[:30]
        if sq:
            for i, line in enumerate(lay.lines):
                if sq in squash(line) and len(line) < len(title) * 2 + 20:
                    return i
    return max(body_start - 1, 0)
