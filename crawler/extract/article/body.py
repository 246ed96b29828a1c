"""The article's body: the CMS's content container when there is one, else the densest block of
prose lines, without the page's furniture."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, islice

from storage import attachment_line, clean_text

from ..dates import find_dates
from ..text import (
    BLOCK_TAGS,
    CELL_SEP,
    DETAIL_LINK,
    Layout,
    all_text,
    file_link,
    is_hidden,
    squash,
)
from .head import Head
from .patterns import (
    EN_PERSON,
    FURNITURE_LINE,
    IMMEDIATE_RELEASE,
    INFO_LINE,
    RECORD_CELL,
    RECORD_TABLE_LABEL,
    SENTENCE_END,
    SOURCE_LABEL,
    event_fact,
    release_office,
)
from .title import (
    clean_raw_title,
    heading_candidates,
    line_of,
    named_pre_or_sub,
    title_from_meta,
)

# Body containers of government CMS families, most specific first: (kind, name).
_BODY_CONTAINERS = [
    ("class", "TRS_Editor"),
    ("class", "TRS_UEDITOR"),
    ("class", "trs_paper_default"),
    ("tag", "ucapcontent"),
    ("id", "UCAP-CONTENT"),
    ("id", "zoom"),
    ("id", "fontzoom"),
    ("id", "zoomcon"),
    ("class", "article-content"),
    ("class", "pages_content"),
    ("class", "detail_content"),
    ("id", "mainText"),
    ("class", "news_cont_d_wrap"),
    ("id", "pressrelease"),
    ("itemprop", "articleBody"),
    ("class", "article-body"),
    ("tag", "article"),
]
_CONTAINER_RANK = {key: rank for rank, key in enumerate(_BODY_CONTAINERS)}
GENERIC_RANK = _CONTAINER_RANK[("tag", "article")]


def container_rank(el) -> int | None:
    best = _CONTAINER_RANK.get(("tag", el.tag))
    ident = el.get("id")
    if ident:
        rank = _CONTAINER_RANK.get(("id", ident))
        if rank is not None and (best is None or rank < best):
            best = rank
    classes = el.get("class")
    if classes:
        for name in classes.split():
            rank = _CONTAINER_RANK.get(("class", name))
            if rank is not None and (best is None or rank < best):
                best = rank
    if el.get("itemprop") == "articleBody":
        best = (
            min(best, _CONTAINER_RANK[("itemprop", "articleBody")])
            if best is not None
            else _CONTAINER_RANK[("itemprop", "articleBody")]
        )
    return best


_PUNCT_MARKS = '，。；！？、,.;!?：:“”"'


def _chars(lay: Layout, el) -> tuple[int, int]:
    start, end = lay.spans.get(el, (0, 0))
    total = sum(len(line) for line in lay.lines[start:end])
    links = sum(lay.link_chars[start:end])
    return total, links


def describe(el) -> str:
    """``div#zoom`` / ``div.TRS_Editor``: enough to find the element again in the page."""
    if el.get("id"):
        return f"{el.tag}#{el.get('id')}"
    classes = (el.get("class") or "").split()
    return f"{el.tag}.{classes[0]}" if classes else el.tag


def cms_body(root, lay: Layout):
    """The best-ranked known CMS container with real text (the largest when several share a rank)."""
    found: list[tuple[int, int, object]] = []  # (rank, text, element)
    files: dict[int, object] = {}
    short: list[tuple[int, int, object]] = []  # a CMS's own container holding one short sentence
    for el in lay.spans:
        rank = container_rank(el)
        if rank is None:
            continue
        total, links = _chars(lay, el)
        text = total - links
        if text >= 10:
            found.append((rank, text, el))
        elif text and rank != GENERIC_RANK and _ends_a_sentence(lay, el):
            short.append((rank, text, el))
        if text < 40 and total and _holds_a_file(el):
            files.setdefault(rank, el)
    full = [c for c in found if c[1] >= 40]
    if full:
        rank = min(c[0] for c in full)
        best = max((c for c in full if c[0] == rank), key=lambda c: c[1])[2]
        if len(found) > 1 and _in_sidebar(best):
            # The same editor's class in a sidebar (an office's profile) is not the article's,
            # even when the article is one short sentence.
            outside = [c for c in found if not _in_sidebar(c[2])]
            if outside:
                full = [c for c in outside if c[1] >= 40] or outside
                rank = min(c[0] for c in full)
                best = max((c for c in full if c[0] == rank), key=lambda c: c[1])[2]
        return best
    # A release that is its attachment (名单公示: 附件：….xlsx) or its pictures.
    if files:
        return files[min(files)]
    # Or one short sentence in the CMS's own container (该信息已删除。 where a withdrawn text stood).
    short = [c for c in short + found if c[0] != GENERIC_RANK and not _in_sidebar(c[2])]
    return min(short, key=lambda c: (c[0], -c[1]))[2] if short else None


def _ends_a_sentence(lay: Layout, el) -> bool:
    start, end = lay.spans.get(el, (0, 0))
    return any(line.rstrip().endswith(("。", "！", "!", ".")) for line in lay.lines[start:end])


_ATTACHMENT_HEAD = re.compile(
    r"^\s*(?:(?:相关|相關)?附\s*件|附件下[载載]|(?:(?:相关|相關)?(?:檔案|档案|附檔)|文件下[载載])\s*(?:[:：]|$)|"
    r"Attachments?\b|Downloads?\b|Annex(?:es)?\s*:?$)",
    re.I,
)


def attachment_blocks(lay: Layout, container, end: int) -> tuple[int, list]:
    """Where the body ends with the 附件 blocks that follow its container (`<div class="attach">
    附件：<a href="….docx">`, a bare `<b>附件：</b><a href="download.jsp?…">名单.pdf</a>`), and
    those blocks: what a release attaches is part of it. When nothing else follows the container
    in its block, the blocks after that block are looked at too (a 相关附件 box below the box
    holding the text), up to three levels."""
    if container is None:
        return end, []
    blocks: list = []
    el = container
    for _ in range(3):
        parent = el.getparent()
        sibling = el.getnext()
        run = False  # inline attachment links since the last block
        stopped = False
        for _ in range(8):
            if sibling is None:
                break
            if not isinstance(sibling.tag, str):
                sibling = sibling.getnext()
                continue
            span = lay.spans.get(sibling)
            if span is None:
                kind = _inline_attachment(sibling)
                if kind is None:
                    stopped = True
                    break
                if kind == "file":
                    run = True
                    blocks.append(sibling)
                sibling = sibling.getnext()
                continue
            start, stop = span
            if run:  # the inline links' lines run up to this block
                end, run = max(end, start), False
            if stop > start:
                text = lay.lines[start]
                links = sum(lay.link_chars[start:stop])
                if links or not (
                    _ATTACHMENT_HEAD.match(text) or _holds_a_file(sibling, pictures=False)
                ):
                    stopped = True
                    break
                end = max(end, stop)
                blocks.append(sibling)
            sibling = sibling.getnext()
        if run and parent is not None and parent in lay.spans:
            end = max(end, lay.spans[parent][1])
        if stopped or parent is None or parent.tag in ("body", "html"):
            break
        el = parent
    return end, blocks


def sibling_sections(lay: Layout, container, end: int) -> tuple[int, list, set[int]]:
    """Where the body ends with the sections continuing it: the blocks after its container of
    the same kind (tag and class), one after the other, each of text rather than links (a
    release's `Quotes`, `Quick facts` in `div.section` blocks like the text's own). A section
    that opens with an end line (`Associated links`, `Contacts`, 相关链接) ends them. A small box
    between two sections (an app's QR code and its line, an ad) is skipped: its lines are given
    apart, as not the text's."""
    if container is None or not container.get("class") or container.tag in ("body", "html"):
        return end, [], set()
    kind = _section_kind(container)
    found: list = []
    skipped: set[int] = set()
    sibling = container.getnext()
    for _ in range(12):
        while sibling is not None and _blank_break(lay, sibling):
            sibling = sibling.getnext()  # (Word's section break between its sections)
        if sibling is None or not isinstance(sibling.tag, str):
            break
        if _section_kind(sibling) != kind and _interlude(lay, sibling):
            after = sibling.getnext()
            if after is not None and isinstance(after.tag, str) and _section_kind(after) == kind:
                skipped.update(range(*lay.spans.get(sibling, (0, 0))))
                sibling = after
        if _section_kind(sibling) != kind or sibling not in lay.spans:
            break
        start, stop = lay.spans[sibling]
        if stop <= start or _END_LINE.match(lay.lines[start]):
            break
        chars, links = _chars(lay, sibling)
        if links > chars * 0.3 or not any(
            lay.table[i] >= 0 or _is_prose(lay.lines[i], lay.link_chars[i])
            for i in range(start, stop)
        ):
            break
        found.append(sibling)
        end = max(end, stop)
        sibling = sibling.getnext()
    if not found:
        skipped.clear()
    else:
        last = lay.spans[found[-1]][0]
        skipped = {i for i in skipped if i < last}
    return end, found, skipped


def interludes_inside(lay: Layout, container) -> set[int]:
    """Lines of the small boxes set between two boxes of one kind holding the text, inside the
    body's block (a QR code's line between the two halves of a news text)."""
    out: set[int] = set()
    if container is None:
        return out
    for parent in container.iter():
        kids = [k for k in parent if isinstance(k.tag, str) and k in lay.spans]
        if len(kids) < 3 or parent.tag in ("table", "tbody", "thead", "tr"):
            continue
        for before, box, after in zip(kids, kids[1:], kids[2:], strict=False):
            if (
                before.get("class")
                and lay.spans[before][1]
                <= lay.spans[box][0]
                < lay.spans[box][1]
                <= lay.spans[after][0]
                and _section_kind(before) == _section_kind(after) != _section_kind(box)
                and _interlude(lay, box)
                and _prose_box(lay, before)
                and _prose_box(lay, after)
            ):
                out.update(range(*lay.spans[box]))
    return out


def _prose_box(lay: Layout, el) -> bool:
    start, stop = lay.spans[el]
    return any(_is_prose(lay.lines[i], lay.link_chars[i]) for i in range(start, stop))


def _interlude(lay: Layout, el) -> bool:
    """A small box set between a text's sections: a picture or two and a line or two, no
    sentence of the text's length, no end line."""
    start, stop = lay.spans.get(el, (0, 0))
    if stop - start > 2 or (stop > start and _END_LINE.match(lay.lines[start])):
        return False
    return sum(len(line) for line in lay.lines[start:stop]) <= 60


_NUMBER = re.compile(r"\d+")


def _section_kind(el) -> tuple:
    """Tag and class, a number in the class aside: Word's ``WordSection1``, ``WordSection2``
    (a landscape table's pages between the text's) are sections of one text."""
    return el.tag, _NUMBER.sub("#", el.get("class") or "")


def _blank_break(lay: Layout, el) -> bool:
    """An element between sections that shows nothing: a ``<br>``, or an inline one holding
    only line breaks (Word's ``<span><br clear=all style="page-break-before:always"></span>``)."""
    if (el.tail or "").strip():
        return False
    if not isinstance(el.tag, str) or el.tag == "br":
        return True
    return el.tag not in BLOCK_TAGS and not all_text(el).strip() and el.find(".//img") is None


def _inline_attachment(el) -> str | None:
    """An inline element after the body's container: "file" (a link to one, or holding one),
    "label" (附件：), "empty", or None (anything else ends the attachments)."""
    if el.tag in DROP_INLINE or el.tag == "br":
        return "empty"
    if el.tag == "a":
        return "file" if file_link(el) else None
    if any(file_link(a) for a in el.iter("a")):
        return "file"
    text = all_text(el).strip()
    if not text:
        return "empty"
    return "label" if len(text) <= 12 and _ATTACHMENT_HEAD.match(text) else None


DROP_INLINE = frozenset(["img", "wbr", "hr"])


def _holds_a_file(el, pictures: bool = True) -> bool:
    return (pictures and el.find(".//img") is not None) or any(file_link(a) for a in el.iter("a"))


# A site's footer and disclaimer: prose-like, never the article. One strong mark (版权所有, ICP备,
# 不得转载…) or two weak ones (主办单位 and 地址, …) make a line the site's, not the article's.
_FOOTER_STRONG = re.compile(
    r"版权所有|版權所有|Copyright|©|ICP\s*备|ICP\s*證|公网安备|公網安備|网站标识码|網站標識碼|建议使用.{0,20}浏览|"
    r"不得(?:转载|复制|镜像)|未经.{0,8}(?:许可|授权).{0,16}(?:转载|复制|镜像|链接)|"
    # A reprint disclaimer: 凡本网注明"来源：…（非本网）"的作品…并不代表本网赞同其观点
    r"(?:并?不代表|不意味着)本(?:网|站|网站)(?:赞同|观点|立场)|转载目的在于传递更多信息|"
    # The site's disclaimer: 免责声明：本网站所载信息仅供参考…不作任何保证
    r"^(?:免责|网站|特别|版权|隐私)声明\s*[:：]|本(?:网站|网|站)(?:所载|刊载|发布|提供)?的?(?:信息|内容|资料).{0,12}(?:仅供参考|不作任何保证|不承担)",
    re.I,
)
_FOOTER_WEAK = re.compile(
    r"主办单位|主辦單位|主\s*办\s*[:：]|承办单位|技术支持|地址\s*[:：]|电话\s*[:：]|邮编|联系我们"
)


def footer_line(line: str) -> bool:
    head = line[:300]
    return (
        bool(_FOOTER_STRONG.search(head))
        or len({m.group(0)[:2] for m in _FOOTER_WEAK.finditer(head)}) >= 2
    )


_FOOTER_HINT = re.compile(
    # (Not a spacing utility's side: margin-bottom, Isomer's padding--bottom--xl on its main section.)
    r"(?<![A-Za-z])(?<!border-)(?<!margin-)(?<!padding-)(?<!border--)(?<!margin--)(?<!padding--)"
    r"(?i:footer|foot|copyright|banquan|bottom)(?![a-z])"
)


def footer_lines(lay: Layout) -> set[int]:
    """Lines inside elements the page marks as its footer (``<footer>``, class/id foot, bottom,
    copyright; not a layout's name for the page that has one, ``l-page has-footer``)."""
    return _marked_parts(lay)[0]


_SIDE_HINT = re.compile(r"(?<![A-Za-z])(?i:side|sidebar|aside)(?![a-z])")
# A layout's name for the page as a whole (l-sidebar-layout, one-sidebar, has-sidebar,
# has-footer): the page's, holding the article too, not the part it names.
_LAYOUT_HINT = re.compile(r"layout|(?:^|[-_])(?:with|has|no|one|two|three)[-_]", re.I)


def _marked(el, hint: re.Pattern) -> bool:
    """Whether one of ``el``'s class names or its id is ``hint``'s, not a layout's name."""
    names = _names(el)
    return names is not None and _names_marked(names, hint)


def _names(el) -> str | None:
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return None
    return f"{cls or ''} {ident or ''}"


def _names_marked(names: str, hint: re.Pattern) -> bool:
    if not hint.search(names):
        return False  # (most elements: one search over the names, not one a token)
    return any(hint.search(token) and not _LAYOUT_HINT.search(token) for token in names.split())


# Readers' comments (网友评论) the page lists under a release: comment-list, pinglun, plist.
_COMMENT_HINT = re.compile(r"(?<![A-Za-z])(?i:comments?|pinglun|pl-?list)(?![a-z])")


def _marked_parts(lay: Layout) -> tuple[set[int], set[int], set[int]]:
    """The lines inside what the page marks as its footer (:func:`footer_lines`), as a sidebar
    (``<aside>``, class/id side, sidebar, col-side…: a 领导信箱 of replies or a box of summaries
    there is the site's, however wordy) and as readers' comments, in one walk over its blocks."""
    footer: set[int] = set()
    side: set[int] = set()
    comments: set[int] = set()
    for el, (start, end) in lay.spans.items():
        if end <= start:
            continue
        tag, names = el.tag, _names(el)
        if tag == "footer" or (names is not None and _names_marked(names, _FOOTER_HINT)):
            footer.update(range(start, end))
        if tag not in ("body", "html", "main", "article") and (
            tag == "aside" or (names is not None and _names_marked(names, _SIDE_HINT))
        ):
            side.update(range(start, end))
        if names is not None and _names_marked(names, _COMMENT_HINT):
            comments.update(range(start, end))
    return footer, side, comments


def _in_sidebar(el) -> bool:
    """Whether ``el`` sits in what the page marks as a sidebar (as :func:`_marked_parts` reads it)."""
    for _ in range(40):
        if el is None or el.tag in ("body", "html", "main", "article"):
            return False
        if el.tag == "aside" or _marked(el, _SIDE_HINT):
            return True
        el = el.getparent()
    return False


# An info line's last label left empty for a script to fill (… 访问次数：<span id="fwcs"></span>):
# its colon ends no sentence.
_EMPTY_LABEL_TAIL = re.compile(r"\s[^\s:：]{2,6}\s*[:：]\s*$")


def _line_score(lay: Layout, idx: int) -> float:
    """How much a line looks like content: prose by its punctuation, a data-table row by its cells."""
    line = lay.lines[idx]
    links = lay.link_chars[idx]
    # (A footer's line scores nothing: looked for last, as the other checks are cheaper.)
    if lay.table[idx] >= 0:
        # Figures and names in cells carry no punctuation: tables are content all the same.
        if links > len(line) * 0.8 or (lay.cells[idx] < 2 and len(line) < 4) or footer_line(line):
            return 0.0
        return 1 + min(lay.cells[idx], 6) * 0.5 + min(len(line) / 40, 2)
    if links > len(line) / 2 or (len(line) < 20 and (links or not _SHORT_SENTENCE.search(line))):
        return 0.0
    if (
        len(line) < 150
        and not SENTENCE_END.search(_EMPTY_LABEL_TAIL.sub("", line))
        and (INFO_LINE.search(line) or _CLOCK.search(line))
    ):
        return 0.0  # 来源：… 发布时间：… is the article's furniture; a top bar's clock changes by the second
    if (len(line) < 100 and _GREETING.match(line)) or footer_line(line):
        return 0.0
    head = line[:2000]
    punct = sum(head.count(mark) for mark in _PUNCT_MARKS)
    return 1 + min(punct, 60) + min(len(line) / 80, 3)


def title_heading_line(root, lay: Layout, head: Head, candidates=None) -> int:
    """The line of the heading that shows the page's <title> (its longest such heading), or -1."""
    raw = clean_raw_title(head.title)
    title_sq = squash(raw) + "\n" + squash(title_from_meta(head))
    first = squash(_TITLE_PART.split(raw, maxsplit=1)[0])
    best, best_len = -1, 0
    for text, el, rank in candidates if candidates is not None else heading_candidates(root):
        sq = squash(text)
        if (
            rank <= 2
            and (len(sq) >= 8 and sq in title_sq or (len(sq) >= 4 and sq == first))
            and len(sq) > best_len
            and (line := line_of(lay, el)) >= 0
            and (len(sq) >= 8 or _heads_text(lay, line))
        ):
            best, best_len = line, len(sq)
    return best


# The <title>'s first part, before the site's or the column's: "春耕忙_某县人民政府".
_TITLE_PART = re.compile(r"\s*(?:[_|｜丨]|\s-{1,2}\s|-{2}|–|—+)\s*")


def _heads_text(lay: Layout, line: int) -> bool:
    """A short heading the <title> shows whole heads an article, not a box of links: the line
    after it is no link ("更多>>", the box's first row)."""
    nxt = line + 1
    return nxt < len(lay.lines) and lay.link_chars[nxt] * 2 < len(lay.lines[nxt])


def density_body(
    root, lay: Layout, owners: list, template: list[bool] | None = None, title_line: int = -1
):
    """Readability-style: each content line scores its block, the parent and (half) the grandparent.

    The best block then takes in its parent while the parent's other children hold as much content
    again (a dashboard's several tables, an article split over sibling blocks). Lines the site
    model knows as ``template`` score nothing. Lines above ``title_line`` (the title's heading)
    count half while text follows it: a short notice's body is below its title, a top bar above.
    """
    line_scores = _body_line_scores(lay, template, title_line)
    scored = [(idx, score) for idx, score in enumerate(line_scores) if score]
    best, best_score, adjusted = _densest_block(lay, owners, scored)
    if best is None:
        return None
    start, end = lay.spans.get(best, (0, 0))
    if title_line >= 0 and not any(line_scores[max(start, title_line + 1) : end]):
        # The title's heading and what is above it won (a banner): the text is what follows,
        # however the page marks its block (a class the footer hint reads), outside a <footer>.
        first = max(end, title_line + 1)
        after = [(idx, score) for idx, score in scored if idx >= first]
        if not after:
            footer = {
                i for el, span in lay.spans.items() if el.tag == "footer" for i in range(*span)
            }
            after = [
                (idx, score)
                for idx in range(first, len(lay.lines))
                if idx not in footer and (score := _line_score(lay, idx))
            ]
        if after:
            best, best_score, adjusted = _densest_block(lay, owners, after)
    twin = _first_twin(best)
    if twin is not None:  # the block won by holding the text twice: one copy is the text
        best, best_score = twin, adjusted.get(twin, best_score)
    under = (
        _table_under_heading(lay, owners, line_scores, best, best_score, title_line)
        or _prose_under_heading(lay, owners, line_scores, best, title_line)
        or _text_beside_slider(lay, owners, line_scores, best, title_line)
    )
    if under is not None:
        best, best_score, adjusted = under
    # A table's body or row won: the table, its header row and caption with it, is the block.
    while best.tag in ("tbody", "thead", "tfoot", "tr") and best.getparent() in lay.spans:
        best = best.getparent()
        best_score = max(best_score, adjusted.get(best, 0.0))
    start, end = lay.spans.get(best, (0, 0))
    if 2 * sum(line_scores[i] for i in range(start, end) if lay.table[i] >= 0) >= sum(
        line_scores[start:end]
    ):
        best, best_score, adjusted = _prose_beside_table(
            lay, owners, scored, (best, best_score, adjusted), line_scores, title_line
        )
    # A tie with the parent: the parent holds the same text plus short lines that scored nothing
    # (a closing "特此通知。"), so it is the article's block.
    parent = best.getparent()
    while (
        parent is not None
        and adjusted.get(parent, 0.0) >= best_score * 0.999
        and parent.tag not in ("body", "html")
        and not _holds_a_twin(parent, best)
    ):
        best, parent = parent, parent.getparent()
    if best.tag != "table":
        best = _paragraphs_around(lay, line_scores, best)
        parent = best.getparent()
    start, end = lay.spans.get(best, (0, 0))
    if best.tag in ("ol", "ul", "dl") and parent is not None and parent in lay.spans:
        # A numbered list won: the paragraphs around it (通告如下： … 特此通告。) are the same text.
        p_start, p_end = lay.spans[parent]
        own = sum(line_scores[start:end])
        around = sum(line_scores[p_start:p_end]) - own
        chars, links = _chars(lay, parent)
        if around >= own * 0.25 and links <= chars * 0.3 and parent.tag not in ("body", "html"):
            return parent
    rows = sum(score for i, score in enumerate(line_scores[start:end], start) if lay.table[i] >= 0)
    if rows * 2 < sum(line_scores[start:end]):
        return best
    return _dashboard_block(lay, line_scores, best)


_HEADING_LEVELS = 6  # (blocks looked at up from the title's heading for the text under it)


def _heading_block(lay: Layout, owners: list, line_scores: list[float], title_line: int):
    """The nearest block holding the title's heading and content after it, or None."""
    if title_line < 0 or owners[title_line] is None:
        return None
    el = owners[title_line]
    for _ in range(_HEADING_LEVELS):
        el = el.getparent()
        if el is None or el.tag in ("body", "html") or el not in lay.spans:
            return None
        if any(line_scores[i] for i in range(title_line + 1, lay.spans[el][1])):
            return el
    return None


def _within(el, block) -> bool:
    return el is block or any(a is block for a in el.iterancestors())


def _table_under_heading(
    lay: Layout, owners: list, line_scores: list[float], best, best_score: float, title_line: int
):
    """A data table under the title's heading, in the block that holds the heading and what
    follows it, when prose elsewhere won (a site's disclaimer or a box of notes below the page's
    article block): a table's rows score less than sentences, but the release is what its heading
    heads. Three rows or more, scoring a third of the winner's at least; else None."""
    el = _heading_block(lay, owners, line_scores, title_line)
    if el is None or _within(best, el) or _within(el, best):
        return None  # (the winner is under the heading, or holds the heading's block and more)
    start, end = lay.spans[el]
    rows = [(i, line_scores[i]) for i in range(start, end) if line_scores[i] and lay.table[i] >= 0]
    if len(rows) < 3 or 3 * sum(score for _, score in rows) < best_score:
        return None
    scored = [(i, line_scores[i]) for i in range(start, end) if line_scores[i]]
    won = _densest_block(lay, owners, scored)
    return won if won[0] is not None else None


# A box's own heading: a short name, no numbered section of a text (一、, 1., （二）, 第三条).
_BOX_HEADING = re.compile(
    r"^(?![(（]?[一二三四五六七八九十\d]+[、.．)）]|第.{1,4}[章条节])[^\s:：，,。.！!？?；;]{2,10}$"
)


def _prose_under_heading(
    lay: Layout, owners: list, line_scores: list[float], best, title_line: int
):
    """The text under the title's heading, in the block holding the heading and what follows it,
    when a box outside that block won by its density (a sidebar's 领导分工 beside a photo story
    of one caption): a box headed by its own short name (a heading, or a short line of its own:
    ``<div class="bt">温馨提示</div>``), a few paragraphs, is the site's. The
    block under the heading must hold a sentence of its own; else None."""
    el = _heading_block(lay, owners, line_scores, title_line)
    if el is None or _within(best, el) or _within(el, best):
        return None
    start, end = lay.spans.get(best, (0, 0))
    first = owners[start] if start < len(owners) else None
    lines = [i for i in range(start, end) if line_scores[i]]
    if (
        first is None
        or lay.link_chars[start]
        or not _BOX_HEADING.match(lay.lines[start].strip())
        or len(lines) > 6
    ):
        return None
    scored = [
        (i, line_scores[i]) for i in range(title_line + 1, lay.spans[el][1]) if line_scores[i]
    ]
    if not any(SENTENCE_END.search(lay.lines[i]) for i, _ in scored):
        return None
    won = _densest_block(lay, owners, scored)
    return won if won[0] is not None else None


def _slide(lay: Layout, el) -> bool:
    """A picture and its caption: a line or three, no more than a caption says, not a link."""
    start, end = lay.spans[el]
    if not 1 <= end - start <= 3:
        return False
    chars = sum(len(line) for line in lay.lines[start:end])
    links = sum(lay.link_chars[start:end])
    return chars <= 200 and links * 2 <= chars and el.find(".//img") is not None


_SLIDER_HINT = re.compile(
    r"(?<![A-Za-z])(?i:swiper|slider?|slides|slick|carousel|lunbo|jdt)(?![a-z])"
)


def _slider(lay: Layout, el) -> bool:
    """A picture slider or a list of pictures in a box of its own (`div.swiper-wrapper` of
    `div.swiper-slide`, `ul.pic-list`): three or more children of one tag, each a picture and its
    caption, and nothing else with text but a control's word or counter (上一张, 1/4); or a box
    its class names a slider holding two pictures or more and only their captions (two slides, a
    SuperSlide's pictures and captions in two lists)."""
    slides, tags, other = 0, set(), False
    for child in el:
        span = lay.spans.get(child) if isinstance(child.tag, str) else None
        if span is None or span[1] <= span[0]:
            continue
        if _slide(lay, child):
            slides += 1
            tags.add(child.tag)
        elif sum(len(line) for line in lay.lines[span[0] : span[1]]) > 8:
            other = True
    if slides >= 3 and len(tags) == 1 and not other:
        return True
    if not _marked(el, _SLIDER_HINT):
        return False
    start, end = lay.spans[el]
    pictures = sum(1 for _ in islice(el.iter("img"), 13))
    return (
        2 <= pictures
        and 0 < end - start <= min(pictures + 2, 12)
        and all(
            len(lay.lines[i]) <= 200
            and lay.link_chars[i] * 2 <= len(lay.lines[i])
            and lay.table[i] < 0
            for i in range(start, end)
        )
    )


def _has_text(lay: Layout, start: int, end: int, skip: set[int]) -> bool:
    """Whether ``start:end`` holds a sentence of text outside ``skip``."""
    return any(
        i not in skip
        and len(lay.lines[i]) >= 20
        and lay.table[i] < 0
        and _is_prose(lay.lines[i], lay.link_chars[i])
        for i in range(start, end)
    )


def slider_lines(lay: Layout, container) -> set[int]:
    """The captions of the picture sliders inside the body's block when the block has text of its
    own besides them (a photo story's slides over its paragraphs): the pictures' captions, not
    the text. A pure photo story's captions are its text."""
    if container is None or container not in lay.spans:
        return set()
    out: set[int] = set()
    for el in container.iter():
        if el in lay.spans and el not in out and _slider(lay, el):
            out.update(range(*lay.spans[el]))
    if out and not _has_text(lay, *lay.spans[container], out):
        return set()
    return out


def _text_beside_slider(lay: Layout, owners: list, line_scores: list[float], best, title_line: int):
    """A picture slider won (its captions outscore the text): the text is the densest block of
    the nearest box up to three levels up, inside the block holding the title's heading, with
    text of its own after the heading besides the slider; else None (a pure photo story)."""
    heading = _heading_block(lay, owners, line_scores, title_line)
    if heading is None:
        return None
    slider = best
    for _ in range(3):
        if slider is None or slider.tag in ("body", "html") or slider not in lay.spans:
            return None
        if _slider(lay, slider):
            break
        slider = slider.getparent()
    else:
        return None
    skip = set(range(*lay.spans[slider]))
    el = slider
    for _ in range(3):
        el = el.getparent()
        if el is None or el not in lay.spans or not _within(el, heading):
            return None
        start, end = lay.spans[el]
        start = max(start, title_line + 1)
        if _has_text(lay, start, end, skip):
            chars, links = _chars(lay, el)
            if links > chars * 0.3:
                return None
            scored = [
                (i, line_scores[i]) for i in range(start, end) if line_scores[i] and i not in skip
            ]
            won = _densest_block(lay, owners, scored)
            return won if won[0] is not None else None
    return None


def _paragraphs_around(lay: Layout, line_scores: list[float], best):
    """A block that won inside a box of the text's own block (a video's transcript folded under
    its description) gives way to the nearest block, up to three levels up, holding prose
    paragraphs right beside that box (its sibling ``<p>``s, nothing else between), its links few.
    (A summary above an info block — gov.uk's lead paragraph over From/Published — is not beside.)"""
    branch = best
    for _ in range(3):
        parent = branch.getparent()
        if parent is None or parent.tag in ("body", "html") or parent not in lay.spans:
            break
        own = sum(
            _prose_chars(lay, line_scores, sibling)
            for way in ("getprevious", "getnext")
            for sibling in _paragraph_run(lay, branch, way)
        )
        if own >= 60:
            chars, links = _TextChars(lay)(parent)
            return parent if links <= chars * 0.3 else best
        branch = parent
    return best


def _paragraph_run(lay: Layout, el, way: str):
    """The ``<p>`` siblings next to ``el`` one way, past siblings that show nothing."""
    sibling = getattr(el, way)()
    while sibling is not None:
        span = lay.spans.get(sibling) if isinstance(sibling.tag, str) else None
        if span is not None and span[1] > span[0]:
            if sibling.tag != "p":
                return
            yield sibling
        sibling = getattr(sibling, way)()


def _prose_chars(lay: Layout, line_scores: list[float], el) -> int:
    start, end = lay.spans[el]
    return sum(
        len(lay.lines[i])
        for i in range(start, end)
        if line_scores[i] > 0 and _is_prose(lay.lines[i], lay.link_chars[i])
    )


def _text_key(el) -> str:
    return squash(all_text(el))[:200]


def _holds_a_twin(parent, best) -> bool:
    """Whether ``parent`` ties with ``best`` because it holds a copy of it, not short lines
    closing the text: a PC and a mobile twin, one of them hidden by the page's stylesheet."""
    key = _text_key(best)
    return bool(key) and any(
        sibling is not best and isinstance(sibling.tag, str) and _text_key(sibling) == key
        for sibling in parent
    )


_TWIN_CHARS = 50


def _first_twin(block):
    """The first of two children of ``block`` saying the same, the two most of what it says (a
    PC and a mobile copy of the text, the page's CSS showing one), or None. (A widget repeated
    beside the text, a video's consent notice, is no copy of it.)"""
    seen: dict = {}
    total = None  # (the block's whole text, read only when two children say the same)
    for child in block:
        if isinstance(child.tag, str):
            key = _text_key(child)
            if len(key) >= _TWIN_CHARS:
                if key in seen:
                    first = seen[key]
                    if total is None:
                        total = len(squash(all_text(block)))
                    if 10 * len(squash(all_text(first))) >= 3 * total:
                        return first
                    continue
                seen[key] = child
    return None


def _body_line_scores(lay: Layout, template: list[bool] | None, title_line: int) -> list[float]:
    """Each line's content score; footer and template lines score nothing, lines inside a list of
    cards or of readers' comments a tenth, in a sidebar a quarter, and lines above the title's
    heading half while text follows it."""
    footer, side, comments = _marked_parts(lay)
    line_scores = [
        0.0 if idx in footer or (template and template[idx]) else _line_score(lay, idx)
        for idx in range(len(lay.lines))
    ]
    for idx in _card_lines(lay):
        line_scores[idx] *= 0.1
    for idx in side:
        line_scores[idx] *= 0.25
    for idx in comments:
        line_scores[idx] *= 0.1  # readers' comments under the release: longer, never its text
    hero = _hero_span(lay, title_line)
    if hero is not None and any(line_scores[hero[1] :]):
        for idx in range(*hero):
            line_scores[idx] *= 0.25
    if title_line > 0 and any(line_scores[title_line:]):
        for idx in range(title_line):
            line_scores[idx] *= 0.5
    return line_scores


# A page-title banner (Bulma's and Isomer's section.hero, USWDS's usa-hero) holding the heading.
_HERO_HINT = re.compile(r"(?<![A-Za-z])(?i:hero)(?![a-z])")


def _hero_span(lay: Layout, title_line: int) -> tuple[int, int] | None:
    """The lines of the banner the page marks as its hero when it holds the title's heading: the
    heading's standfirst, not the text, which is set in a section after it (a Singapore agency's
    Isomer page, the text in a grid column below)."""
    if title_line < 0:
        return None
    for el, (start, end) in lay.spans.items():
        if start <= title_line < end and end - start <= 8 and _marked(el, _HERO_HINT):
            return start, end
    return None


_CARD_TAGS = frozenset(["li", "dd", "div", "section", "article", "p"])
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _card_lines(lay: Layout) -> set[int]:
    """Lines inside the items of a list of cards: three or more sibling items of one kind (tag
    and class), each a title link or a heading beside a picture with text of its own — a box of
    teasers with their summaries, a 领导之窗 of portraits and duties. However much prose their
    summaries hold, they introduce other pages and people; an article's text is not cut in cards.
    So are one-line rows of a title link and its summary, and title lines over summaries with no
    item around each pair (:func:`_teaser_pairs`)."""
    groups: dict = {}
    for el in lay.spans:
        if el.tag in _CARD_TAGS:
            key = (el.getparent(), el.tag, el.get("class") or "")
            groups.setdefault(key, []).append(el)
    out: set[int] = set()
    for items in groups.values():
        if len(items) < 3:
            continue
        cards = [el for el in items if _is_card(lay, el)]
        if len(cards) >= 3 and len(cards) * 5 >= len(items) * 3:
            for el in cards:
                out.update(range(*lay.spans[el]))
    out.update(_teaser_pairs(lay))
    return out


_TEASER_TITLE = 6  # (characters of a title link at least: 更多, 详细 are no titles)


def _title_link(el):
    """The link that opens ``el``'s text, a page's title rather than a file's, or None."""
    link = next((a for a in el.iter("a") if (a.text or len(a)) and a.get("href")), None)
    if link is None or file_link(link):
        return None
    title = squash("".join(link.itertext()))
    if len(title) < _TEASER_TITLE or not squash("".join(el.itertext())).startswith(title):
        return None
    return link


def _teaser_row(lay: Layout, el, line: int) -> bool:
    """A one-line item that is a title link and a summary sentence after it (`<li><a>…</a>　为切实
    做好…。</li>`), not a list row's link and its date."""
    text = lay.lines[line]
    return (
        len(text) - lay.link_chars[line] >= 20
        and bool(SENTENCE_END.search(text))
        and _title_link(el) is not None
    )


def _teaser_pairs(lay: Layout) -> set[int]:
    """Lines of a box of teasers set without an item around each: three or more title lines of
    one kind (`<h4><a>…</a></h4>`), each only its link, each followed by its summary, a block of
    a sentence or two without links."""
    groups: dict = {}
    for el, (start, end) in lay.spans.items():
        if end - start != 1 or lay.link_chars[start] * 5 < len(lay.lines[start]) * 4:
            continue
        summary = el.getnext()
        while summary is not None and not isinstance(summary.tag, str):
            summary = summary.getnext()
        span = lay.spans.get(summary) if summary is not None else None
        if span is None or not 1 <= span[1] - span[0] <= 3 or span[0] != end:
            continue
        lines = lay.lines[span[0] : span[1]]
        if (
            any(lay.link_chars[span[0] : span[1]])
            or sum(len(line) for line in lines) > 300
            or not SENTENCE_END.search(lines[-1])
            or _title_link(el) is None
        ):
            continue
        key = (el.getparent(), el.tag, el.get("class") or "")
        groups.setdefault(key, []).append((start, span[1]))
    out: set[int] = set()
    for pairs in groups.values():
        if len(pairs) >= 3:
            for start, end in pairs:
                out.update(range(start, end))
    return out


def _is_card(lay: Layout, el) -> bool:
    start, end = lay.spans[el]
    if end - start == 1:
        return _teaser_row(lay, el, start)
    if not 2 <= end - start <= 8:
        # A one-line item is a list row (a link and its date), unless a summary follows the
        # link; a long one is a page's own block.
        return False
    total = sum(len(line) for line in lay.lines[start:end])
    if total > 600:
        return False
    links = sum(lay.link_chars[start:end])
    if links >= 8 and total - links >= 20:
        return True
    # A heading and a summary beside a picture, or over the teaser's 详情/Read more link.
    return (
        total >= 20
        and (
            el.find(".//img") is not None
            or (
                lay.link_chars[end - 1] == len(lay.lines[end - 1])
                and DETAIL_LINK.match(lay.lines[end - 1])
            )
        )
        and next(el.iter(*_HEADINGS), None) is not None
    )


def _densest_block(lay: Layout, owners: list, lines_scored) -> tuple:
    """(block, score, every block's score): line scores summed into the line's block, its parent
    and (less) its grandparents, discounted by the share of link text."""
    scores: dict = {}
    spans = lay.spans
    for idx, score in lines_scored:
        el = owners[idx]
        for weight in (1.0, 1.0, 0.5, 0.33):
            if el is None:
                break
            scores[el] = scores.get(el, 0) + score * weight
            el = el.getparent()
            # An inline wrapper (<font>, a CMS's own <founder-content>) is no level of blocks.
            while el is not None and el not in spans:
                el = el.getparent()
    best, best_score = None, 0.0
    adjusted = {}
    text_chars = _TextChars(lay)
    for el, score in scores.items():
        total, links = text_chars(el)
        if not total:
            continue
        score *= 1 - links / total
        adjusted[el] = score
        if score > best_score:
            best, best_score = el, score
    return best, best_score, adjusted


class _TextChars:
    """A block's characters and link characters up to its first end line (上一篇, 相关文章,
    Related content…): the links of a prev/next bar or a related box inside the article's own
    block are not the article's, so they do not make it read as navigation."""

    def __init__(self, lay: Layout) -> None:
        self.spans = lay.spans
        self.chars = [0, *accumulate(len(line) for line in lay.lines)]
        self.links = [0, *accumulate(lay.link_chars)]
        self.ends = [i for i, line in enumerate(lay.lines) if _END_LINE.match(line)]

    def __call__(self, el) -> tuple[int, int]:
        start, end = self.spans.get(el, (0, 0))
        k = bisect_right(self.ends, start)
        if k < len(self.ends) and self.ends[k] < end:
            end = self.ends[k]
        return self.chars[end] - self.chars[start], self.links[end] - self.links[start]


def _prose_beside_table(
    lay: Layout,
    owners: list,
    scored: list,
    won: tuple,
    line_scores: list[float],
    title_line: int = -1,
) -> tuple:
    """A table won. Where the page also has an article's prose (a few real paragraphs) apart
    from that table, the table is a sidebar's (prices, rankings) and the prose is the body —
    unless the table is under the title's heading and the prose is not (a site's disclaimer or
    notes below the article's block: the release is what its heading heads)."""
    best = won[0]
    prose = [(idx, score) for idx, score in scored if lay.table[idx] < 0]
    if sum(1 for _, score in prose if score >= 5) >= 2:
        prose_best, prose_score, prose_adjusted = _densest_block(lay, owners, prose)
        if (
            prose_best is not None
            and prose_score >= 15
            and best not in prose_best.iterancestors()
            and prose_best is not best
        ):
            under = _heading_block(lay, owners, line_scores, title_line)
            if under is not None and _within(best, under) and not _within(prose_best, under):
                return won
            return prose_best, prose_score, prose_adjusted
    return won


def _dashboard_block(lay: Layout, line_scores: list[float], best):
    """A table of figures: the page's other tables beside it are as much content (a dashboard).
    (The block then reads "densest text block" for the ancestor that holds them all.)"""
    prefix = [0.0]
    for score in line_scores:
        prefix.append(prefix[-1] + score)

    def content(el) -> float:
        start, end = lay.spans.get(el, (0, 0))
        return prefix[end] - prefix[start]

    parent = best.getparent()
    if parent is not None and parent.tag not in ("body", "html") and parent in lay.spans:
        # A table between the paragraphs of its block (现将日程安排如下： … 会议期间如有调整…):
        # the block is the body, however few its sentences.
        p_start, p_end = lay.spans[parent]
        b_start, b_end = lay.spans.get(best, (0, 0))
        chars, links = _chars(lay, parent)
        # (A block that holds its paragraphs with its table already is the text: a 温馨提示 box
        # beside it is no paragraph of it.)
        if (
            links <= chars * 0.3
            and not any(lay.table[i] < 0 and line_scores[i] >= 3 for i in range(b_start, b_end))
            and any(
                lay.table[i] < 0 and (line_scores[i] >= 3 or _lead_in(lay.lines[i], line_scores[i]))
                for i in (*range(p_start, b_start), *range(b_end, p_end))
            )
        ):
            best, parent = parent, parent.getparent()
    for _ in range(16):
        if parent is None or parent.tag in ("body", "html") or parent not in lay.spans:
            break
        own, total = content(best), content(parent)
        if total - own > 0:  # wrappers that add nothing are passed through
            chars, links = _chars(lay, parent)
            if total - own < own * 0.4 or links > chars * 0.3:
                break
            best = parent
        parent = parent.getparent()
    return best


def tab_set(lay: Layout, container):
    """The panels of the tab set ``container`` is in, when it is in one (原文 | 解读 | 图解): two
    or more sibling blocks of one kind (tag and a class in common), each with text of its own, under
    a row of as many short tab labels. A reader clicks through them; all are the release's."""
    el = container
    for _ in range(4):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        classes = set((el.get("class") or "").split())
        if classes:
            panels = [
                c
                for c in parent.iterchildren(el.tag)
                if classes.intersection((c.get("class") or "").split())
            ]
            if (
                len(panels) >= 2
                and _tab_labels(parent, panels)
                and _all_text(lay, panels)
                and len({_text_key(c) for c in panels}) == len(panels)  # (copies are no panels)
            ):
                return parent
        el = parent
    return None


def _tab_labels(parent, panels: list) -> bool:
    """A row of as many short labels as panels above them, saying nothing else: a breadcrumb's
    two links (当前位置：首页 > 新闻 > 正文) over a text split in two boxes are no tab bar."""
    before = []
    for child in parent:
        if child is panels[0]:
            break
        before.append(child)
    heads = [parent.getprevious(), *before][:4]
    for head in heads:
        if head is None or head in panels or not isinstance(head.tag, str):
            continue
        if head.tag == "nav" or _TRAIL_HINT.search(
            f"{head.get('class') or ''} {head.get('id') or ''}"
        ):
            continue
        items = list(head)
        if len(items) == 1 and items[0].tag in ("ul", "ol"):
            items = list(items[0])
        labels = [all_text(item).strip() for item in items if isinstance(item.tag, str)]
        if (
            len(labels) == len(panels)
            and all(0 < len(label) <= 12 for label in labels)
            and squash(all_text(head)) == squash("".join(labels))
        ):
            return True
    return False


def _all_text(lay: Layout, panels: list) -> bool:
    for panel in panels:
        total, links = _chars(lay, panel)
        if not total or links > total / 2:
            return False
    return True


# A sentence leading into the table it introduces (现将…成绩予以公布如下：, …通知如下：).
# A sentence leading into a table or said beside it: 现将…公布如下： ; in English a whole sentence
# of six words or more (its score stays under a paragraph's: one full stop, few commas).
_LEAD_IN = re.compile(
    r"[\u3400-\u9fff].{8,}[：:]$|^[A-Z](?=(?:\S+\s+){5})[^\u3400-\u9fff]*[a-z)][.:]$"
)


def _lead_in(line: str, score: float) -> bool:
    return score > 0 and bool(_LEAD_IN.search(line))


def line_owners(lay: Layout) -> list:
    owners = [None] * len(lay.lines)
    # Innermost block wins: visit blocks from the largest span to the smallest.
    for el, (start, end) in sorted(lay.spans.items(), key=lambda kv: kv[1][0] - kv[1][1]):
        for i in range(start, end):
            owners[i] = el
    return owners


# A "more" link closing a line: a portlet's or box's heading (全市主要经济指标 更多>>).
_MORE_LINK = re.compile(
    r"\s*[\[【(（]?\s*(?:查看)?更多(?:内容|信息|详情|数据)?\s*[>＞》»›]*\s*[\]】)）]?\s*$"
    r"|\s*(?:more|view\s+more|read\s+more)\s*[>»›]+\s*$",
    re.I,
)
# A comment section's heading (网友留言（3）, 发表评论：, Comments (2), Leave a reply): readers'
# words follow, never the text, inside the article's box or not.
# A comment section's heading (网友留言（3）, 发表评论：, Comments (2), Leave a reply): readers'
# words follow it, never the text.
_COMMENTS = (
    r"(?:(?:(?:(?:网友|读者|用户|最新|热门|全部|精彩|相关)(?:留言|评论|跟帖)|跟帖(?:评论)?|评论|发表(?:您的|你的)?"
    r"(?:评论|留言|看法)|我要(?:评论|留言|跟帖)|(?:我来)?说两句|评论(?:区|列表|专区)|留言板"
    r"|(?:已有|共有?)\s*\d+\s*[条人](?:评论|留言|跟帖|参与))"
    r"\s*(?:[(（\[【]\s*(?:共|已有)?\s*\d+\s*条?\s*[)）\]】]|(?:共|已有)?\s*\d+\s*条)?"
    r"\s*(?:查看全部|查看更多|更多)?\s*[>》»]*"
    r"|(?:\d+\s+)?Comments?(?:\s*\(\d+\))?|\d+\s+(?:Responses?|Replies)|(?:Responses?|Replies)\s*\(\d+\)"
    r"|Leave\s+a\s+(?:reply|comment)|Post\s+a\s+comment|Add\s+(?:a\s+|new\s+|your\s+)?comment"
    r"|Comments\s+are\s+closed\.?|Join\s+the\s+discussion)"
    r"\s*[】\]］〕]?\s*[:：]?\s*$"
    r"|(?:One|\d+)\s+(?:thoughts?|responses?|replies|comments?)\s+(?:on|to)\s+\S)"
)
COMMENT_HEAD = re.compile(r"^[【\[［〔■]?\s*" + _COMMENTS, re.I)
_END_LINE = re.compile(
    # (A box's heading may be dressed: 【相关链接】, [相关链接], ■ 相关链接.)
    r"^[【\[［〔■□●○◆◇▶►·•]?\s*"
    r"(?:上一篇|下一篇|上一条|下一条|上一页|相关链接|相关文章|相关阅读|相关新闻|相关稿件|关联稿件|相关附件下载|"
    r"(?:相关文件|相关政策|相关解读|相关报道|延伸阅读|推荐阅读|相关信息|相关推荐|关联阅读|关联文章|"
    r"热点推荐|热门推荐|猜你喜欢)\s*[】\]］〕]?\s*[:：]?\s*$|"
    r"扫一扫在手机|分享到|分享\s*[:：]|【\s*打印|【\s*关闭|打印本页|关闭窗口|Ends/|NNNN$|"
    # (Hong Kong's Chinese "Ends": a bare 完 over the date and 香港時間; a Xinhua "（完）" is text.)
    r"完$|" + _COMMENTS + r"|"
    r"[(（【\[]\s*(?:责任编辑|责编|編輯|编辑|审核|校对|监制)\s*[:：]|(?:责任编辑|责编|本文来源)\s*[:：]|"
    r"(?:特别声明|免责声明|版权声明)\s*[:：]|"
    r"(?:Adresse für Rückfragen|Herausgeber|Pressekontakt|Zum Thema|Weitere Informationen|Zurück zur Übersicht|"
    r"Letzte Änderung|Stand:|Last updated|Page last (?:updated|reviewed)|Related (?:links|content|articles|stories)|"
    r"See also|Share this|Back to top|Return to top|Categories:|Tags:|Date modified|Associated links|"
    r"Was this page helpful)(?:\b|$)"
    # A release's contact block closes its text: a line that is only the heading.
    # ("Contact" alone heads a program page's own contact paragraph: it stays.)
    # A US release's end mark (###, # # #, -30-).
    r"|(?:#\s*){1,3}$|-\s*30\s*-$"
    # A release's ENDS (- ENDS -, [ENDS], -end-).
    r"|[-–—\[(]*\s*(?-i:ENDS?|Ends|End|end)\s*[-–—\])]*\.?$"
    r"|(?:(?:Media|Press|News)\s+(?:Contacts?|Enquiries|Inquiries|Queries)|Contacts|Enquiries|Inquiries)\s*:?$"
    r"|(?:Media|Press)\s+(?:contacts?|enquiries|inquiries|queries)\s*:"
    # "For media queries, please contact:"; a heading "Contact:" or "Learn More:" after the text.
    r"|For\s+(?:all\s+)?(?:media|press|news)\s+(?:queries|enquiries|inquiries|contacts?)\b"
    r"|Contact\s*:$|Learn\s+more\s*:?$"
    r"|新[闻聞](?:联络人|聯絡人|联系人|聯繫人)\s*[:：])",
    re.I,
)
_META_LABEL_CELL = re.compile(
    RECORD_TABLE_LABEL.pattern.replace(r")\s*[:：]", r")\s*[:：]?\s*$")
    # (and the info line's labels, laid out as a row over their values: 来源 | 发布时间 | 浏览)
    + r"|^(?:来\s*源|來\s*源|信息来源|稿\s*源|作\s*者|发布时间|發布時間|发布日期|發布日期|时\s*间|時\s*間|日\s*期|"
    r"浏\s*览(?:次数|量)?|瀏\s*覽(?:次數)?|点击(?:数|量|率)?|阅读(?:数|量|次数)?|访问量|责任编辑|编\s*辑)\s*[:：]?\s*$"
)


# A cell a label row may also hold beside the known labels: a short word, no figure or sentence
# (时效, 效力级别, 主题 — each site names a column or two of its own).
_LABEL_LIKE_CELL = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff ]{0,7}[:：]?$")


def _label_row(cells: list[str], more_rows: bool) -> bool:
    """Whether a table row is a row of labels over one row of values: all known labels, or most
    of them beside short words — unless further rows of values follow (日期 | 时间 | 内容 | 地点
    heading a schedule is a data table's header)."""
    known = sum(bool(_META_LABEL_CELL.match(c)) for c in cells)
    return known == len(cells) or (
        not more_rows
        and known >= 2
        and known * 2 >= len(cells)
        and all(_LABEL_LIKE_CELL.match(c.strip()) for c in cells)
    )


def label_value_rows(lay: Layout) -> None:
    """A 信息公开 table laid out as a row of labels over a row of values (索引号 | 发布机构 |
    发布日期 over their values): the values' line reads "索引号：…\t发布机构：…" as the usual
    label-and-value rows do, so the publisher and the date are found the same way."""
    for i in range(min(len(lay.lines), 400) - 1):
        table = lay.table[i]
        if table < 0 or lay.table[i + 1] != table or lay.cells[i] < 2:
            continue
        labels = lay.lines[i].split(CELL_SEP)
        values = lay.lines[i + 1].split(CELL_SEP)
        more_rows = (
            i + 2 < len(lay.lines)
            and lay.table[i + 2] == table
            and len(lay.lines[i + 2].split(CELL_SEP)) == len(labels)
        )
        if len(labels) != len(values) or not _label_row(labels, more_rows):
            continue
        lay.lines[i + 1] = CELL_SEP.join(
            f"{label.rstrip(' :：')}：{value}" for label, value in zip(labels, values, strict=True)
        )


# A short notice's one-line paragraph ("根据工作安排，定于3月5日停水。") is a whole sentence all the same.
_SHORT_SENTENCE = re.compile(
    r"^(?=(?:.*?[\u3400-\u9fff]){4}).{7,}[。！？]$"
    # A notice's salutation: its addressees, listed (各乡镇人民政府，县直各单位：).
    r"|^(?=(?:.*?[\u3400-\u9fff]){6})[^:：]{3,}[，、][^:：]{2,}[:：]$"
)
# A top bar's date-time clock (今天是：2024年3月1日 星期五, 10:12:03) and greeting: the site's, never an article's.
_CLOCK = re.compile(
    r"(?:今天是|今日|当前时间|现在时间|现在是|北京时间)\s*[:：]?\s*(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*[(（]?(?:星期|周|礼拜|禮拜)[一二三四五六日天]"
    r"|(?<![\d:])[0-2]?\d:[0-5]\d:[0-5]\d(?![\d:])"
)
TOP_BAR_CLOCK = re.compile(r"今天|今日|当前|现在|北京时间|星期|礼拜|周[一二三四五六日天]")
_GREETING = re.compile(
    r"^(?:您好|你好)?[，,!！\s]*(?:欢迎|歡迎)(?:访问|訪問|来到|來到|光临|光臨|进入|進入|您)"
)


# The kind of page printed above an English release's heading or text ("News release").
KIND_KICKER = re.compile(
    r"^(?:Joint\s+)?(?:(?:News|Media|Press)\s+(?:release|statement|advisory|briefing)|Statement|"
    r"Speech|Backgrounder|Readout|Fact\s+sheet)$",
    re.I,
)
# The ministers heading a joint release's text, a line each for a name and a portfolio ("The Hon
# … MP", "Minister for Infrastructure, Transport and Regional Development", "Senator for …").
_MINISTER_LINE = re.compile(r"(?:" + EN_PERSON + r")(?:$|[,\s])")
# A US release's header above its text: its release line and the contact block under it.
_RELEASE_LINE = re.compile(r"^(?:for\s+)?immediate\s+release\b|^embargoed\b", re.I)
CONTACT_HEAD = re.compile(r"^(?:(?:media|press|news)\s+)?contacts?\s*:", re.I)
# An English release's labelled source line above its text (From: Department of …).
_EN_BYLINE = re.compile(r"^(?:From|Issued by|Published by|Source|(?i:Posted on))\s*:\s*\S")
# The staff credits closing a report (记者：… 编辑：… 责编：…): two or more roles, no sentence.
_ROLES = r"(?:记者|编辑|責編|责编|责任编辑|審核|审核|审校|校对|摄影|摄像|通讯员|监制|终审|初审|复审|策划|制作|剪辑|撰稿|文字|图片|视频)"
_CREDITS = re.compile(rf"^{_ROLES}\s*[:：][^。！？]{{0,40}}?{_ROLES}\s*[:：][^。！？]*$")


_TRAIL_HINT = re.compile(r"crumb|(?<![a-z])(?:position|location|weizhi|dqwz)(?![a-z])", re.I)


def _trail_lines(lay: Layout, start: int, end: int) -> set[int]:
    """Lines of a ``<nav>`` or a breadcrumb-marked element opening the body's block."""
    out: set[int] = set()
    for el, (first, stop) in lay.spans.items():
        if start <= first < min(end, start + 40) and stop > first:
            if el.tag == "nav" or _TRAIL_HINT.search(
                f"{el.get('class') or ''} {el.get('id') or ''}"
            ):
                out.update(range(first, stop))
    return out


# A stamp of when the page or its figures were updated: an end line only when nothing follows.
_STAMP = re.compile(
    r"^(?:Last updated|Page last (?:updated|reviewed)|Date modified|Letzte Änderung|Stand:)", re.I
)
_STARS = re.compile(r"^(?:\*\s*){3,}$")


# A board view's or a notice's field labels, a cell each beside its value.
_FIELD_CELL = re.compile(
    r"^(?:标\s*题|主\s*题|名\s*称|发布日期|发布时间|日\s*期|时\s*间|发布部门|发布单位|发布机构|来\s*源|"
    r"信息来源|浏览次数|点击(?:数|次数)?|作\s*者|文\s*号|"
    r"Title|Subject|Date|Department|Issued\s+by|Published\s+by|Source|Author|Views|Category|"
    r"Ref(?:erence)?\.?\s*No\.?|File\s+No\.?|Memo\s+No\.?)\s*[:：]?$",
    re.I,
)
_NAMING_CELL = re.compile(r"^(?:标\s*题|主\s*题|名\s*称|Title|Subject)\s*[:：]?$", re.I)


def _board_rows(lay: Layout, start: int, end: int) -> set[int]:
    """The lines in ``start:end`` that are a board view's field rows: a table's rows of label and
    value cells (``Title | …``, ``Date | 2024-05-13``), two or more, one of them naming the page
    (a title or subject row)."""
    rows: dict[int, list[tuple[int, bool]]] = {}
    for i in range(start, end):
        if lay.table[i] < 0:
            continue
        cells = [c.strip() for c in lay.lines[i].split(CELL_SEP)]
        labels = cells[::2]
        if len(cells) % 2 or not all(_FIELD_CELL.match(c) for c in labels):
            continue
        if not all(cells[1::2]):
            continue
        rows.setdefault(lay.table[i], []).append((i, any(_NAMING_CELL.match(c) for c in labels)))
    return {
        i
        for found in rows.values()
        if len(found) >= 2 and any(named for _, named in found)
        for i, _ in found
    }


# What closes a release's header block when the text follows it (and the text when nothing does):
# its share links' heading and its media contact's.
_HEADER_TOOLS = re.compile(
    r"^(?:Share\s+this(?:\s+(?:page|release|article|story))?\b|Share\s*:|分享到"
    r"|(?:(?:Media|Press|News)\s+)?(?:Contacts?|Enquiries|Inquiries|Queries)\s*:"
    r"|(?:Media|Press|News)\s+(?:Contacts?|Enquiries|Inquiries|Queries)\s*$"
    r"|For\s+(?:all\s+)?(?:media|press|news)\s+(?:queries|enquiries|inquiries|contacts?)\b)",
    re.I,
)


def _prose_within(lay: Layout, start: int, end: int, lines: int = 12) -> bool:
    """Whether a paragraph of prose comes within a few lines from ``start`` (a header's tools
    and contact lines are short)."""
    return any(
        len(lay.lines[i]) >= 60 and _is_prose(lay.lines[i], lay.link_chars[i])
        for i in range(start, min(end, start + lines))
    )


def _content_follows(lay: Layout, start: int, end: int) -> bool:
    """Whether a data table's row or a paragraph of prose comes in ``start:end``."""
    return any(
        lay.table[i] >= 0
        or (len(lay.lines[i]) >= 60 and _is_prose(lay.lines[i], lay.link_chars[i]))
        for i in range(start, min(end, start + 200))
    )


_SIZE_NOTE = re.compile(r"[(（\[][^()（）\[\]]{0,24}[)）\]]$|\.(?:pdf|docx?|ofd)$", re.I)
_COPY_HEAD = re.compile(r"PDF|Druck|print|打印|下载|下載|版本", re.I)
_EMPTY_ATTACHMENTS = re.compile(
    r"^(?:相关|相關)?附\s*件(?:下[载載])?\s*[:：]?\s*(?:无|無|暂无|暫無)?$"
)
# A repost's and a CMS's tail under the text, in any order and dressed or not: the original
# title (（原标题：…）), 【纠错】, the editors' credits (【责任编辑：张三】, 编辑：… 校对：… 审核：…) and a
# 来源 among them. A sign-off in round brackets (（编辑：王五）, （来源：…）) is the text's own.
_TAIL_ITEM = (
    r"[(（【\[]?\s*原标题\s*[:：][^()（）【】\[\]]{1,80}[)）】\]]?"
    r"|[【\[]?\s*纠错\s*[】\]]?"
    rf"|[【\[]?\s*(?:{_ROLES}|(?:文章|信息|稿件|本文)?来源|稿源)\s*[:：][^:：。！？()（）【】\[\]]{{0,30}}?\s*[】\]]?"
    r"|[(（]\s*(?:责任编辑|责编)\s*[:：][^:：。！？()（）【】\[\]]{0,30}?\s*[)）]"
)
_TAIL_LINE = re.compile(rf"^(?:(?:{_TAIL_ITEM})\s*)+$")
_TAIL_MARK = re.compile(rf"原标题|纠错|{_ROLES}\s*[:：]")


# The text's own sign-off in round brackets, typed as its last paragraph (（编辑：王五　审核：赵六）):
# the text's, as a closing （来源：…） is. A 责任编辑 or 责编 line is the CMS's field, and so is
# any line in an element the template marks as the editor's (class editor, zrbj).
_TEXT_CREDIT = re.compile(
    r"^[(（]\s*(?:编辑|編輯|审核|審核|审校|校对|校對|监制|终审|供稿|记者|記者|通讯员|摄影)\s*[:：]"
    r"[^()（）]{1,60}[)）]$"
)
_EDITOR_HINT = re.compile(r"editor|zrbj|bianji|(?<![a-z])(?:zb|bj)(?![a-z])", re.I)


def _text_credit(lay: Layout, line: str, i: int) -> bool:
    if not _TEXT_CREDIT.match(line) or re.search(r"责任编辑|責任編輯|责编|責編", line):
        return False
    return not any(
        start <= i < stop and _EDITOR_HINT.search(f"{el.get('class') or ''} {el.get('id') or ''}")
        for el, (start, stop) in lay.spans.items()
    )


def _is_prose(line: str, link_chars: int) -> bool:
    return link_chars <= len(line) * 0.3 and (len(line) >= 80 or bool(SENTENCE_END.search(line)))


# A 信箱 letter laid out as a record (label/value rows or cells): the letter's and the reply's
# content labels, and the labels of the record's other fields around them (编号, 来信时间, 答复单位,
# 满意度…), which are the record's metadata, not its text.
_LETTER_TEXT = re.compile(
    r"^(?:(?:来信|來信|信件|留言|咨询|諮詢|投诉|投訴|诉求|訴求|反映|建议|建議|提问|提問|问题|問題|事项)(?:内容|內容|描述)"
    r"|(?:答复|答覆|回复|回覆|办理|辦理|处理|處理|反馈|反饋)(?:内容|內容|意见|意見|结果|結果|情况|情況)"
    r"|办理答复|辦理答覆|部门回复|官方回复)\s*[:：]?\s*(?:\t|$)"
    r"|^(?:来信|來信|信件|留言|咨询|投诉|诉求|问题)内容\s*[:：]\s*"
    r"|^(?:答复|答覆|回复|回覆|办理|处理)(?:内容|意见|结果)\s*[:：]\s*"
)
_LETTER_REPLY = re.compile(r"^(?:答复|答覆|回复|回覆|办理|辦理|处理|處理|反馈|反饋|部门|官方)")
_LETTER_FIELD = re.compile(
    r"^(?:(?:信件|来信|來信|留言|写信|寫信|咨询|投诉|诉求|问题|事项)(?:编号|編號|标题|標題|主题|主題|类型|類型|类别|"
    r"分类|时间|時間|日期|领域|領域|目的|状态|狀態|编码|人)"
    r"|来信人|來信人|写信人|留言人|咨询人|提问人|网友|姓\s*名|称\s*呼"
    r"|(?:答复|答覆|回复|回覆|办理|辦理|处理|處理|承办|承辦|受理|转办|交办|反馈)(?:单位|單位|部门|部門|机构|時間|时间|日期|状态|狀態|人)"
    r"|(?:公开|公開|发布|發布)(?:时间|時間|日期|状态|意愿)|是否公开|满意度(?:评价)?|滿意度|评价(?:结果)?|評價|验证码|驗證碼"
    r"|浏览次数|点击数|所属领域|所属部门)\s*[:：]?\s*(?:\t|[:：]|$)"
)


# A callout box set between a release's heading and its text (a notice's status, 【重要提示】).
_CALLOUT_HINT = re.compile(
    r"(?<![a-z])(?:alert|callout|notice|notification|warning|status|important|highlight|tishi|zyts)(?![a-z])",
    re.I,
)
_CALLOUT_HEAD = re.compile(
    r"^[【\[]?\s*(?:重要提示|特别提示|重要通知|重要公告|Status|Update|Important|Notice|Alert|Warning)\s*[】\]:：]",
    re.I,
)


def callout_before(lay: Layout, container, title_line: int):
    """A callout just before the body's block, below the heading, inside the article's own part
    (`div.usa-alert` holding "Status: … lifted", a 【重要提示】 box): its sentences open the text, and
    a change of the status is an edit. A site's banner (above the heading) is none."""
    prev = _block_before(lay, container)
    if prev is None:
        return None
    start, stop = lay.spans[prev]
    hint = f"{prev.get('class') or ''} {prev.get('id') or ''}"
    if (
        start > title_line
        and 0 < stop - start <= 6
        and (_CALLOUT_HINT.search(hint) or _CALLOUT_HEAD.match(lay.lines[start]))
        and any(
            _is_prose(lay.lines[i], lay.link_chars[i]) and len(lay.lines[i]) >= 20
            for i in range(start, stop)
        )
    ):
        return prev
    return None


def _block_before(lay: Layout, container):
    """The laid-out block just before ``container`` or, when it opens its parent, before the
    nearest of its first two ancestors that has one (inside the article's part: never past
    ``<main>``/``<article>``)."""
    el = container
    for _ in range(3):
        if el is None or el.tag in ("body", "html", "main", "article"):
            return None
        prev = el.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or prev not in lay.spans):
            prev = prev.getprevious()
        if prev is not None:
            return prev
        el = el.getparent()
    return None


# A summary box (摘要：…, 内容提要, 导读, 核心提示): the text retold, not its opening. An editor's
# note (编者按) is the text's own.
_SUMMARY_HEAD = re.compile(
    r"^[【\[]?\s*(?:内容)?(?:摘\s*要|提\s*要|导\s*读|核心提示|内容简介)\s*[】\]]?\s*[:：]?"
)
_SUMMARY_HINT = re.compile(r"(?<![a-z])(?:summary|abstract|zhaiyao|digest)(?![a-z])", re.I)


def lead_before(lay: Layout, container, title_line: int):
    """The lead paragraph a template sets in a block of its own just before the body's container,
    below the heading (``div.wz_dy`` holding 第一段（导语） before ``div.TRS_Editor``): the text's
    first paragraphs. Chinese prose only — one to six lines of sentences without links, no info
    line, no 副标题, no summary box (摘要：…), no copy of the text's opening and nothing the page
    hides (a TRS_Editor of last year's text kept under ``display:none``); else None."""
    prev = _block_before(lay, container)
    if prev is None or is_hidden(prev):
        return None
    start, stop = lay.spans[prev]
    lines = lay.lines[start:stop]
    if (
        start <= title_line
        or not 0 < stop - start <= 6
        or any(lay.link_chars[start:stop])
        or _SUMMARY_HEAD.match(lines[0])
        or _marked(prev, _SUMMARY_HINT)
        or named_pre_or_sub(prev)
        or not all(_CJK.search(line) and SENTENCE_END.search(line) for line in lines)
        or any(INFO_LINE.search(line) or SOURCE_LABEL.search(line) for line in lines)
        or sum(len(line) for line in lines) < 30
        or any(_slider(lay, el) for el in prev.iter() if el in lay.spans)
    ):
        return None  # (a picture slider's captions over the text are no lead either)
    c_start, c_stop = lay.spans.get(container, (0, 0))
    opening = squash("".join(lay.lines[c_start : min(c_stop, c_start + 8)]))
    return None if squash(lines[0])[:40] in opening else prev


_MOST_LEAD_CHARS = 200  # (a container's own text, at most, for a table beside it to join it)


def table_beside(lay: Layout, container):
    """The block holding a known CMS container and the data table beside it, when the container
    holds only a line or two and no table (现将…公示如下：, 特此公示。, a note) while the table it
    speaks of sits outside it, before or after it: the nearest block up to three levels up holding
    two rows or more of such a table, more text than the container's, few links. A record's
    metadata table (索引号, 发布机构…) or an info line's (来源 | 发布时间) is no such table."""
    if container is None or container.tag in ("body", "html") or container not in lay.spans:
        return None
    start, end = lay.spans[container]
    if any(lay.table[i] >= 0 for i in range(start, end)):
        return None
    total, links = _chars(lay, container)
    own = total - links
    if own > _MOST_LEAD_CHARS:
        return None
    el = container
    for _ in range(3):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html") or parent not in lay.spans:
            return None
        p_start, p_end = lay.spans[parent]
        rows = [
            i
            for i in range(p_start, p_end)
            if not start <= i < end
            and lay.table[i] >= 0
            and lay.cells[i] >= 2
            and lay.link_chars[i] <= len(lay.lines[i]) / 2
        ]
        meta = {
            lay.table[i]
            for i in rows
            if any(
                RECORD_CELL.match(cell.strip()) or _META_LABEL_CELL.match(cell.strip())
                for cell in lay.lines[i].split(CELL_SEP)
            )
        }
        rows = [i for i in rows if lay.table[i] not in meta]
        if rows:
            if len(rows) < 2 or sum(len(lay.lines[i]) for i in rows) <= own:
                return None
            chars, links = _TextChars(lay)(parent)
            if links > chars * 0.3 or any(_in_sidebar(line_owners(lay)[i]) for i in rows[:1]):
                return None
            return parent
        el = parent
    return None


def letter_record(lay: Layout, container):
    """The 信箱 letter's record around the body's block when that block is only one side of it (its
    reply's box, denser than the letter): the nearest element, up to four levels up, holding the
    letter's content label and the reply's. Letter and reply are one text."""
    if container is None:
        return container
    el = container
    for _ in range(5):
        start, end = lay.spans.get(el, (0, 0))
        labels = [_LETTER_TEXT.match(line) for line in lay.lines[start:end]]
        if any(labels):
            if any(
                label and not _LETTER_REPLY.match(line)
                for label, line in zip(labels, lay.lines[start:end], strict=True)
            ) and any(
                label and _LETTER_REPLY.match(line)
                for label, line in zip(labels, lay.lines[start:end], strict=True)
            ):
                return el
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        el = parent
    return container


def letter_text(lay: Layout, start: int, end: int) -> tuple[set[int], dict[int, str]] | None:
    """A 信箱 letter laid out as a record: the lines of its text — the letter's content through
    the reply's — and those lines without their labels (来信内容 / 答复内容). The record's other
    rows (编号, 来信人, 办理单位, 答复时间, 满意度…), the buttons and the disclaimer after it are not
    text. None when the block is no such record (no letter's content label opening a row)."""
    first = next(
        (
            i
            for i in range(start, min(end, start + 80))
            if _LETTER_TEXT.match(lay.lines[i])
            and not _LETTER_REPLY.match(lay.lines[i])
            and _one_value(lay.lines[i])
        ),
        None,
    )
    # (A record has its other fields too: a table headed 问题描述 | 整改措施 | 责任单位 is no letter.)
    if first is None or not any(
        (_LETTER_FIELD.match(lay.lines[i]) and len(lay.lines[i]) <= 80)
        or (_LETTER_TEXT.match(lay.lines[i]) and _LETTER_REPLY.match(lay.lines[i]))
        for i in range(start, min(end, first + 80))
        if i != first
    ):
        return None
    keep: set[int] = set()
    cut: dict[int, str] = {}
    inside = False
    for i in range(first, end):
        line = lay.lines[i]
        label = _LETTER_TEXT.match(line)
        if label:
            inside = True
            rest = line[label.end() :].strip()
            if rest:
                keep.add(i)
                cut[i] = rest
        elif _LETTER_FIELD.match(line) and len(line) <= 80:
            inside = False
        elif inside and (
            lay.link_chars[i] > len(line) / 2
            or _END_LINE.match(line)
            or _NOTICE_HEAD.match(line)
            or (lay.table[i] != lay.table[i - 1] and lay.table[i - 1] >= 0)
        ):
            inside = False  # (the buttons, a disclaimer or what follows the record's table)
        elif inside:
            keep.add(i)
    return (keep, cut) if keep else None


def _one_value(line: str) -> bool:
    """A label and one value (or the label alone), not a header row of several labels."""
    label = _LETTER_TEXT.match(line)
    return label is not None and CELL_SEP not in line[label.end() :]


# A disclaimer or tip closing a letter's record (温馨提示：本栏目所刊载信件仅代表…).
_NOTICE_HEAD = re.compile(
    r"^[【\[]?(?:温馨提示|溫馨提示|特别提示|特別提示|郑重声明|免责声明|免責聲明|声明|聲明)[】\]]?\s*[:：]"
)


def pick_body_lines(
    lay: Layout, start: int, end: int, title: str | None, skip: set[int] = frozenset()
) -> tuple[list[tuple[str, int]], int]:
    """The body's paragraphs without furniture, and the line where the article text stopped
    (``skip``: lines in the range that are not the text's, a box between its sections)."""
    kept: list[tuple[str, int, int]] = []
    title_sq = squash(title)
    stop = end
    skip_value = False
    contact = False  # inside a contact block heading the text
    released = False  # past a US release's For Immediate Release line
    credits = None  # (kept lines before, line) of the first staff credits line after the text began
    tail_at = -1  # (kept lines before a tail line left out: 【纠错】, the end line 责任编辑：…)
    trail = _trail_lines(lay, start, end)
    letter = letter_text(lay, start, end)
    cut: dict[int, str] = {}
    if letter is not None:
        keep, cut = letter
        skip = set(skip) | {i for i in range(start, end) if i not in keep}
    first_plain = next(
        (i for i in range(start, end) if lay.link_chars[i] <= len(lay.lines[i]) / 2), start
    )
    board = _board_rows(lay, start, min(end, start + 60))
    for i in range(start, end):
        if i in skip:
            continue
        line = cut.get(i, lay.lines[i])
        if not kept and i in trail:
            continue  # the breadcrumb inside the body's block (a <main> that holds it): navigation
        if (
            kept
            and i - start < 60
            and len(line) < 100
            and CONTACT_HEAD.match(line)
            and _header_only(kept)
            and _content_follows(lay, i + 1, end)
        ):
            # A release's header: its office's byline, then its contact block over the text
            # (Media Contact: a name, an e-mail). The text starts below them.
            kept, contact = [], True
            continue
        if i in board and _header_only(kept):
            # A board view's field rows over its text (Title | …, Date | …, Department | …;
            # 标题/发布日期/发布部门): the page's title, time and source, not its text; the short
            # lines above them (the board's name) are the page's too.
            kept = []
            continue
        if (
            i - start < 60
            and len(line) < 100
            and _HEADER_TOOLS.match(line)
            and _header_only(kept)
            and _prose_within(lay, i + 1, end)
        ):
            # A short release's header block over its text (its office, Media release, the date,
            # Share this page and its links, the media contact's lines): the text starts below.
            kept, contact = [], True
            continue
        if kept and _END_LINE.match(line) and not _text_credit(lay, line, i):
            if _STAMP.match(line) and _content_follows(lay, i + 1, end):
                continue  # "Last updated: …" over a data table: the figures' stamp, not the end
            stop = i
            if _TAIL_LINE.match(line) and _TAIL_MARK.search(line):
                tail_at = len(kept)
            break
        if (
            kept
            and CONTACT_HEAD.match(line)
            and contact_detail(line[line.index(":") + 1 :].strip())
            and not _content_follows(lay, i + 1, end)
        ):
            stop = i  # a release's closing "Contact: Press Office, 555-010-0177": no text
            break
        if kept and _STARS.match(line) and not _content_follows(lay, i + 1, end):
            stop = i  # a release's closing **** (the tail after it: initials, reference, counter)
            break
        if kept and len(line) < 80 and _CREDITS.match(line):
            credits = credits or (len(kept), i)
            continue
        if FURNITURE_LINE.match(line) or (i < first_plain and lay.link_chars[i] > len(line) / 2):
            if kept and "纠错" in line:
                tail_at = len(kept)
            continue  # (menu lines opening the block, when the block is the page's <body>)
        # (Every form of _MORE_LINK says 更多 or more: a search of a long line tries every character.)
        more = ("更多" in line or "more" in line.lower()) and _MORE_LINK.search(line)
        if more and lay.link_chars[i] >= len(squash(more.group(0))) and more.start() > 0:
            line = line[: more.start()]  # a box heading's "更多>>" link: furniture
        if kept and title_sq and i - start < 60 and squash(line) == title_sq and _header_only(kept):
            # The block holds the article's heading: the short lines above it (a ministry's
            # name, a language switcher, a kicker) are the page's, the text starts below it.
            kept = []
            continue
        if not kept and i - start < 60 and len(line) < 100:
            if _RELEASE_LINE.match(line) or CONTACT_HEAD.match(line):
                contact = contact or bool(CONTACT_HEAD.match(line))
                released = released or bool(IMMEDIATE_RELEASE.match(line))
                continue
            if released and release_office(line):
                continue  # (the issuing office's line under For Immediate Release: the source's)
            if contact and contact_detail(line):
                continue  # (a name, a phone, an e-mail under "Contact:")
        contact = False
        if len(kept) < 2 and i - start < 60:
            if skip_value:
                skip_value = False
                if len(line) < 80 and not RECORD_TABLE_LABEL.match(line):
                    continue
            table = RECORD_TABLE_LABEL.match(line)
            if table:
                skip_value = not line[table.end() :].strip()
                continue
            if (title_sq and squash(line) == title_sq) or KIND_KICKER.match(line):
                continue
            if (
                not kept
                and len(line) < 120
                and not SENTENCE_END.search(line)
                and not line.endswith(",")  # (a speech's "Mr Speaker," opens its text)
                and _MINISTER_LINE.match(line)
            ):
                continue
            if len(line) < 120 and len(INFO_LINE.findall(line)) >= 2:
                continue
            # (A data table's row of three or more cells may hold a date: it is no info line.)
            if (
                len(line) < 100
                and not SENTENCE_END.search(line)
                and lay.cells[i] < 3
                and (SOURCE_LABEL.search(line) or _EN_BYLINE.match(line) or _dateline(lay.lines, i))
            ):
                continue  # an info line: a labelled source, a date or a line it opens (a dateline)
        kept.append((line, lay.link_chars[i], i))
    # Link blocks after the last prose paragraph (related articles, promos, PDF boxes) are not body.
    last_prose = max(
        (
            k
            for k, (line, links, i) in enumerate(kept)
            if lay.table[i] >= 0 or _is_prose(line, links)
        ),
        default=-1,
    )
    # The site's copyright or reprint notice closing the block (未经授权不得转载) is not the text.
    # So are an empty attachment box (附件下载：, 相关附件：无) and a repost's or editor's tail
    # closing it (（原标题：…）, 【纠错】, 编辑：王五); a 来源 line alone there is the text's own credit.
    while len(kept) > 1:
        if _FOOTER_STRONG.search(kept[-1][0][:300]) or _EMPTY_ATTACHMENTS.match(kept[-1][0]):
            kept.pop()
        elif (run := _closing_tail(kept, tail_at)) < len(kept):
            del kept[run:]
        else:
            break
        last_prose = min(last_prose, len(kept) - 1)
    # An English release's sign-off after its last paragraph: the issuing body's (or its head's)
    # name and title in capitals and the date (MINISTRY OF MANPOWER / 27 NOVEMBER 2026).
    signed = len(kept)
    while signed > 1 and lay.table[kept[signed - 1][2]] < 0 and _sign_off(kept[signed - 1][0]):
        signed -= 1
    if signed < len(kept) and signed > 1 and _ISSUER_LINE.match(kept[signed - 1][0]):
        signed -= 1  # (the issuing body over the date in title case: Ministry of Manpower)
    if signed < len(kept) and not _CJK.search(kept[signed - 1][0]):
        kept = kept[:signed]
        last_prose = min(last_prose, len(kept) - 1)
    # The release itself as a file closing it (its title as a PDF link, under "als PDF"/"PDF
    # version"): a copy of the page, not an attachment of it.
    if len(kept) > 2 and title_sq and _SIZE_NOTE.sub("", squash(kept[-1][0])) == title_sq:
        kept.pop()
        if len(kept[-1][0]) <= 40 and _COPY_HEAD.search(kept[-1][0]):
            kept.pop()
        last_prose = min(last_prose, len(kept) - 1)
    # Staff credits close a report when no text follows them (a lead's credits do not).
    if credits is not None and last_prose < credits[0]:
        kept, stop = kept[: credits[0]], credits[1]
        last_prose = min(last_prose, len(kept) - 1)
    tail = kept[last_prose + 1 :]
    if (
        last_prose >= 0
        and any(links > len(line) / 2 for line, links, _ in tail)
        and not any("附件" in line for line, _, _ in tail)
    ):
        kept = kept[: last_prose + 1]
    while len(kept) > 1 and kept[-1][1] > len(kept[-1][0]) / 2:
        kept.pop()  # a menu line closing the block: navigation, whatever came before it
    return [(line, i) for line, _, i in kept], stop


def _closing_tail(kept: list, mark_at: int = -1) -> int:
    """Where the run of tail lines closing ``kept`` starts (at least one line left before it),
    or ``len(kept)``: a run of 来源 lines alone is no tail, unless a tail line left out
    (``mark_at``: the kept lines before it) sits in it or after it."""
    run, marked = len(kept), False
    while run > 1 and len(line := kept[run - 1][0]) <= 120 and _TAIL_LINE.match(line):
        marked = marked or bool(_TAIL_MARK.search(line))
        run -= 1
    return run if marked or run <= mark_at <= len(kept) else len(kept)


def _header_only(kept: list) -> bool:
    """Whether the lines kept so far are a few short lines and no prose: a page's or a release's
    header (a ministry's name, a kicker, an office's byline), not the text."""
    return len(kept) <= 4 and all(len(k[0]) < 120 and not _is_prose(k[0], k[1]) for k in kept)


_CJK = re.compile(r"[\u3400-\u9fff]")
_SIGN_OFF_MARK = re.compile(r"[.!?:;\"”)]$")


_ISSUER_LINE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’&-]*\s+|(?:of|and|for|the|on)\s+){0,6}"
    r"(?:Ministry|Department|Office|Agency|Authority|Council|Commission|Bureau|Board|Secretariat|"
    r"Government|Division|Service|Police)\b(?:\s+(?:[A-Z][\w'’&-]*|of|and|for|the|on))*$"
)


def _sign_off(line: str) -> bool:
    """A line of an English sign-off: a name or title in capitals, or a date (with its place)."""
    if len(line) > 80 or _CJK.search(line) or _SIGN_OFF_MARK.search(line.rstrip()):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and not any(c.islower() for c in letters):
        return True
    dates = find_dates(line, 1)
    if not dates:
        return False
    rest = line[: dates[0].start] + line[dates[0].end :]
    return len(rest.strip(" ,.-–—")) <= 24 and not re.search(r"\d", rest)


# The heading over the files, numbered as a section of the notice or not (十、附件, Annexes).
_FILES_HEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．])?" + _ATTACHMENT_HEAD.pattern[1:],
    re.I,
)
_MOST_FILES = 40  # (lines of a closing attachment list looked at: a long list's end is its own)
_PUBLIC_NOTE = re.compile(r"^[(（]\s*此件[^()（）]{1,10}[)）]$")


def without_closing_attachments(
    lay: Layout, lines: list[tuple[str, int]], names: set[str], container
) -> list[tuple[str, int]]:
    """The body without the attachments closing it when they come after the release's signature
    (落款: its office and date, （此件公开发布）) or in a box of their own after the text (a
    `div.fujian`, a list of files): the `attachments` field holds them. Attachment lines typed as
    paragraphs of a text that has no signature (its 附件说明 after the last sentence) stay, and so
    does a release that is only its attachments."""
    if not names:
        return lines
    tail_text = clean_text("\n".join(line for line, _ in lines[-_MOST_FILES:] if len(line) <= 300))
    names = {name for name in names if name in tail_text}
    run = len(lines)
    while (
        run > max(0, len(lines) - _MOST_FILES)
        and len(lines[run - 1][0]) <= 300
        and (
            attachment_line(clean_text(lines[run - 1][0]), names)
            or (
                run < len(lines)
                and len(lines[run - 1][0]) <= 12
                and _FILES_HEAD.match(lines[run - 1][0])
            )
        )
    ):
        run -= 1
    if run in (0, len(lines)) or not names:
        return lines
    before = lines[run - 1][0]
    if _PUBLIC_NOTE.match(before) and run > 1:
        before = lines[run - 2][0]
    if _signature_date(before) or _own_box(lay, container, lines[run - 1][1], lines[run][1]):
        return lines[:run]
    return lines


# What a letter's sender adds under its 落款 (a 建议提案答复): whom to call and who gets copies.
_ROUTING_LINE = re.compile(
    r"^[(（]?\s*(?:联\s*系\s*人(?:及(?:联系)?电话|和电话)?|联系电话|联系方式)\s*[:：]"
    r"|^(?:抄\s*送|抄\s*报)\s*[:：]"
)


def without_routing_lines(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The body without the lines after its signature's date that route the letter rather than
    say anything — ``（联系人：刘某，联系电话：0871-6630123）``, ``抄送：市政协提案委…`` under a
    答复's 落款: the text ends at the date. (A 版记 that closes with its 印发 line is no such run.)"""
    run = len(lines)
    while run > 1 and len(lines[run - 1][0]) <= 120 and _ROUTING_LINE.match(lines[run - 1][0]):
        run -= 1
    if run == len(lines):
        return lines
    last = lines[run - 1][0]
    dates = find_dates(last, 1)
    signed = _signature_date(last) or (
        # (or the office and the date on one line: 县教育体育局　2024年7月15日)
        len(last) <= 40
        and bool(dates)
        and not last[dates[-1].end :].strip()
        and not re.search(r"[:：]", last)  # (not a labelled date: 报名截止：2024年7月15日)
    )
    return lines[:run] if signed else lines


def _signature_date(line: str) -> bool:
    dates = find_dates(line, 1)
    return (
        bool(dates) and len(line) <= 24 and dates[0].end - dates[0].start >= len(line.strip()) * 0.6
    )


def _own_box(lay: Layout, container, text_line: int, file_line: int) -> bool:
    """Whether the attachments' first line sits in a block of another kind than the text's last
    line, beside it under their nearest common element (a `div.fujian` or a `<ul>` of files after
    the text's `<p>`s; a `<p>` of a file among them is the text's own paragraph)."""
    owners = line_owners(lay)
    text_el, file_el = owners[text_line], owners[file_line]
    if text_el is None or file_el is None:
        return False
    text_chain = [text_el, *text_el.iterancestors()]
    on_text = {id(el) for el in text_chain}
    child = file_el
    for parent in file_el.iterancestors():
        if id(parent) in on_text:
            break
        child = parent
    else:
        return False
    if id(child) in on_text:
        return False  # (the file's line is inside the text's own block)
    text_child = next((el for el in text_chain if el.getparent() is parent), None)
    return text_child is not None and _section_kind(child) != _section_kind(text_child)


def contact_detail(line: str) -> bool:
    """A line of a contact block: a name and role, a phone number, an e-mail address."""
    return (
        len(line) < 80 and len(line.split()) <= 8 and ("@" in line or not SENTENCE_END.search(line))
    )


def _dateline(lines: list[str], i: int) -> bool:
    """A short line holding a date, or one a date opens (a dateline) — unless it is a press
    conference's 发布时间 among its facts (发布地点, 主持人: the release's own text)."""
    line = lines[i]
    dates = find_dates(line, 1)
    if not dates or not (len(line) < 40 or dates[0].start == 0):
        return False
    return not event_fact(lines, i, line[: dates[0].start])


def join_body(lay: Layout, lines: list[tuple[str, int]]) -> str:
    """Paragraphs apart by a blank line; rows of one table on consecutive lines."""
    out: list[str] = []
    prev_table = -1
    for line, i in lines:
        table = lay.table[i]
        if out:
            out.append("\n" if table >= 0 and table == prev_table else "\n\n")
        out.append(line)
        prev_table = table
    return "".join(out)
