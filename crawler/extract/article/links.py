"""The article's breadcrumb and column, attachments, and the further pages of a paged article."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from ..breadcrumb import find_breadcrumb
from ..model import Article, Selectors
from ..text import (
    Layout,
    Marks,
    all_text,
    file_link,
    file_name,
    squash,
)
from .head import Head, absolute_url, select_nodes


def set_breadcrumb_and_column(
    article: Article,
    root,
    base: str,
    sel: Selectors,
    lay: Layout,
    head: Head,
    title: str | None,
    title_line: int,
    marks: Marks | None = None,
) -> None:
    selected = [c for c in select_nodes(root, sel.breadcrumb) if isinstance(c, etree._Element)][:1]
    crumbs, crumb_links = find_breadcrumb(
        root, base, selected=selected, lay=lay, title=title, title_line=title_line, marks=marks
    )
    article.breadcrumb = crumbs
    article.breadcrumb_links = crumb_links
    explain = article.explain
    if crumbs:
        explain["breadcrumb"] = "site selector" if selected else "breadcrumb trail"
    column = None
    for name in reversed(crumbs):
        if name not in ("正文", "详情", "内容", "正文内容", "详细内容", "文章内容") and squash(
            name
        ) != squash(title):
            column = name
            explain["column"] = "last crumb before the article"
            break
    if column is None and head.meta.get("columnname"):
        column = head.meta["columnname"]
        explain["column"] = "meta ColumnName"
    article.column = column or None


def find_attachments(container, base: str, blocks: list = ()) -> list[dict]:
    """The files the release attaches: links to them in its container, in the 附件 ``blocks``
    after it (:func:`~.body.attachment_blocks`) and in the container's next siblings."""
    if container is None:
        return []
    scopes = [container, *blocks]
    # 附件 blocks usually follow the body container as siblings.
    sib = container.getnext()
    for _ in range(4):
        if sib is None:
            break
        scopes.append(sib)
        sib = sib.getnext()
    seen, out = set(), []
    for scope in scopes:
        for a in scope.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or not file_link(a):
                continue
            absolute = absolute_url(base, href)
            if absolute is None or absolute in seen:
                continue
            seen.add(absolute)
            out.append({"url": absolute, "name": file_name(a, absolute)})
            if len(out) >= MAX_ATTACHMENTS:
                return out
    return out


# A release attaching more files than this is a file index, not a release: its first files are
# kept, and resolving twenty thousand links costs more than the rest of the page.
MAX_ATTACHMENTS = 1000


_PAGE_NO = re.compile(r"^(.*?)(?:[_-](\d{1,3}))?(\.[a-z]+)$", re.I)


def find_next_pages(root, head: Head, container, url: str, base: str) -> list[str]:
    pages: list[str] = []
    for match, parent in head.page_scripts:
        if container is not None and parent is not None:
            inside = parent is container or any(p is container for p in parent.iterancestors())
            near = container.getparent() is not None and any(
                p is container.getparent() for p in parent.iterancestors()
            )
            if not (inside or near or parent is container.getparent()):
                continue
        total, current, prefix, suffix = int(match[1]), int(match[2]), match[3], match[4]
        for n in range(current + 1, min(total, 200)):
            target = absolute_url(base, f"{prefix}_{n}.{suffix}")
            if target:
                pages.append(target)
    if pages:
        return pages
    path = urlsplit(url).path if url else ""
    m = _PAGE_NO.match(path.rsplit("/", 1)[-1])
    if not m:
        return []
    stem, current = m.group(1), int(m.group(2) or 1)
    numbered = {}
    for a in root.iter("a"):
        text = all_text(a)
        if len(text) > 20 or not text.strip("【】[]() \t\r\n\xa0").isdigit():
            continue
        href = (a.get("href") or "").strip()
        target = absolute_url(base, href)
        if target is None:
            continue
        tm = _PAGE_NO.match(urlsplit(target).path.rsplit("/", 1)[-1])
        if not tm or tm.group(1) != stem:
            continue
        n = int(tm.group(2) or 1)
        if n > current and n not in numbered:
            numbered[n] = target
    return [numbered[n] for n in sorted(numbered)]
