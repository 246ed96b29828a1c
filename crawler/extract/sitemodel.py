"""The site model: what a site repeats on every page, learned from many of its pages.

Per-page rules cannot tell an unseen layout's chrome from its content; many pages of the same site
can. Template detection (Bar-Yossef & Rajagopalan, WWW 2002; Yi, Liu & Li's site style tree, KDD
2003) removes what a site repeats. This module learns, from cheap per-page features:

* **template lines** — normalised text lines (headers, footers, disclaimers, share widgets,
  "related" boxes) found on at least half of the site's recent pages: never body, title or source;
* **frame lines** — the template lines on nearly every page: a response with none of them does
  not have the site's page shape (a redirect stub, an interstitial, a maintenance page);
* **title affixes** — what the site's ``<title>``s share before or after a separator (its name);
* **list hints** — per column, where the main list sits on the column's first page.

Pure: no database, no network. Counts decay (half-life :data:`HALF_LIFE` pages) so a redesign's
new template replaces the old one; nothing is applied before :data:`MIN_PAGES` pages, and a line
must be seen on :data:`MIN_COUNT` pages, so a model from two pages strips nothing.
``update`` costs a dictionary update per distinct line; ``settle`` (once per crawl) decides.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .text import all_text, squash

FORMAT = 1
HALF_LIFE = 35  # pages: after a redesign, about this many pages move the template halfway
_DECAY = 0.5 ** (1 / HALF_LIFE)
MIN_PAGES = 5  # nothing is applied before the model has seen this many pages
MIN_COUNT = 3  # a line or affix counts only once seen on this many pages
TEMPLATE_ON = 0.5  # share of recent pages at which a line becomes template…
TEMPLATE_OFF = 0.3  # …and below which it stops being one (hysteresis: no flapping)
FRAME_SHARE = 0.8  # template lines on nearly every page: the site's page shape
SHAPE_MIN_PAGES = 8  # the shape check needs this many pages and…
SHAPE_MIN_FRAME = 3  # …this many frame lines
AFFIX_SHARE = 0.5
MAX_LINE_CHARS = 400  # longer lines are prose: not hashed
MAX_LINES = 6000  # tracked lines before the rarely seen ones are dropped
_KEEP_RECENT = 8  # pages: lines seen this recently survive pruning
_SAMPLE_CHARS = 80

# A title separator: dashes, underscores, bars (ASCII, full width, 丨), em-dash pairs, colons and
# bullets; or a run of two or more spaces, an ideographic space, or one space between CJK text
# (a single space between Latin words is no separator: "Budget 2024" keeps its year).
_CJK = "\u2e80-\u9fff\uf900-\ufaff"
_TITLE_SEP = re.compile(
    rf"\s*(?:[-_|｜丨¦•·—–－~]+|[:：](?=\s))\s*|\s{{2,}}|\u3000+|(?<=[{_CJK}]) (?=[{_CJK}])"
)
_MAX_AFFIX_SEGMENTS = 3
_MAX_AFFIX_CHARS = 60


def line_key(text: str) -> str:
    """The identity of a text line across pages: whitespace-free, lower case, hashed."""
    return hashlib.blake2b(
        squash(text).lower().encode("utf-8", "replace"), digest_size=8
    ).hexdigest()


@dataclass
class PageFeatures:
    """What the model learns from one page: its ``<title>`` and its distinct text lines.

    Kept as two strings (the keys, 16 hex digits each, end to end; their lines, cut short, one per
    line break): pages travel from the extraction worker to the store writer, and two strings
    pickle in a fraction of the time of a dictionary of hundreds."""

    title: str = ""
    keys: str = ""
    samples: str = ""

    @property
    def lines(self) -> dict[str, str]:
        """Line key -> the line (a sample)."""
        keys = self.keys
        return dict(
            zip((keys[i : i + 16] for i in range(0, len(keys), 16)), self.samples.split("\n"))
        )

    def __len__(self) -> int:
        return len(self.keys) // 16


def _line_keys(lines: list[str]) -> list[str | None]:
    return [line_key(line) if 1 < len(line) <= MAX_LINE_CHARS else None for line in lines]


def page_features(
    lines: list[str], title: str | None, keys: list[str | None] | None = None
) -> PageFeatures:
    """Features of a page from its visible text lines (``text.Layout.lines``) and ``<title>``."""
    found: dict[str, str] = {}
    for line, key in zip(lines, keys if keys is not None else _line_keys(lines)):
        if key is not None and key not in found:
            found[key] = line[:_SAMPLE_CHARS].replace("\n", " ")
    return PageFeatures(
        title=" ".join((title or "").split()),
        keys="".join(found),
        samples="\n".join(found.values()),
    )


def title_segments(title: str) -> list[str]:
    """A ``<title>`` cut at its separators (empty parts dropped)."""
    return [part.strip() for part in _TITLE_SEP.split(title or "") if part and part.strip()]


def _affix_candidates(title: str) -> tuple[list[str], list[str]]:
    parts = title_segments(title)
    if len(parts) < 2:
        return [], []
    prefixes, suffixes = [], []
    for n in range(1, min(_MAX_AFFIX_SEGMENTS, len(parts) - 1) + 1):
        head, tail = " | ".join(parts[:n]), " | ".join(parts[-n:])
        if len(head) <= _MAX_AFFIX_CHARS:
            prefixes.append(head)
        if len(tail) <= _MAX_AFFIX_CHARS:
            suffixes.append(tail)
    return prefixes, suffixes


class _Counts:
    """Decayed counts of keys over pages: ``entries[key] = [pages seen, score, last page, sample]``."""

    @staticmethod
    def add(entries: dict, key: str, page: int, sample: str = "") -> None:
        entry = entries.get(key)
        if entry is None:
            # Most lines are seen once: their text is kept from the second sighting on (smaller JSON).
            entries[key] = [1, 1.0, page, ""]
        else:
            entry[1] = entry[1] * _DECAY ** (page - entry[2]) + 1.0
            entry[0] += 1
            entry[2] = page
            if not entry[3]:
                entry[3] = sample

    @staticmethod
    def share(entry: list, page: int, total: float) -> float:
        return entry[1] * _DECAY ** (page - entry[2]) / total if total else 0.0


def _decayed_pages(pages: int) -> float:
    # The decayed weight of all pages seen: 1 + d + d² + … (pages terms).
    return (1 - _DECAY**pages) / (1 - _DECAY) if pages else 0.0


@dataclass
class SiteModel:
    """A site's learned template. ``to_dict``/``from_dict`` give its stored (JSON) form.

    ``revision`` counts changes of what article extraction applies (template and frame lines,
    title affixes); every version records the revision it was extracted with.
    """

    pages: int = 0
    revision: int = 0
    lines: dict[str, list] = field(default_factory=dict)
    prefixes: dict[str, list] = field(default_factory=dict)
    suffixes: dict[str, list] = field(default_factory=dict)
    list_hints: dict[str, dict] = field(
        default_factory=dict
    )  # column (first list page URL) -> hint
    template: set[str] = field(default_factory=set)  # decided by settle()
    frame: set[str] = field(default_factory=set)
    title_prefixes: list[str] = field(default_factory=list)
    title_suffixes: list[str] = field(default_factory=list)

    # Learning ---------------------------------------------------------------------------------

    def update(self, page: PageFeatures) -> None:
        """Count one page. Cheap; what is applied changes only at :meth:`settle`."""
        self.pages += 1
        n = self.pages
        add = _Counts.add
        for key, sample in page.lines.items():
            add(self.lines, key, n, sample)
        prefixes, suffixes = _affix_candidates(page.title)
        for text in prefixes:
            add(self.prefixes, text, n)
        for text in suffixes:
            add(self.suffixes, text, n)
        if len(self.lines) > MAX_LINES:
            self._prune()

    def note_list(self, column: str, hint: str | None) -> bool:
        """Remember where the main list of ``column`` (its first page's URL) sits; True if new."""
        if not hint or self.list_hints.get(column, {}).get("path") == hint:
            return False
        self.list_hints[column] = {"path": hint, "page": self.pages}
        return True

    def _prune(self) -> None:
        n, total = self.pages, _decayed_pages(self.pages)
        keep = {
            key: entry
            for key, entry in self.lines.items()
            if key in self.template
            or n - entry[2] < _KEEP_RECENT
            or _Counts.share(entry, n, total) >= 0.05
        }
        if len(keep) > MAX_LINES * 2 // 3:
            ranked = sorted(
                keep.items(), key=lambda kv: kv[1][1] * _DECAY ** (n - kv[1][2]), reverse=True
            )
            keep = dict(ranked[: MAX_LINES * 2 // 3])
        self.lines = keep
        for entries in (self.prefixes, self.suffixes):
            for key in [
                k
                for k, e in entries.items()
                if n - e[2] >= _KEEP_RECENT and _Counts.share(e, n, total) < 0.05
            ]:
                del entries[key]

    def settle(self) -> bool:
        """Decide what the model applies from the counts; True (and a new revision) if it changed."""
        before = self._applied()
        n, total = self.pages, _decayed_pages(self.pages)
        template, frame = set(), set()
        if n >= MIN_PAGES:
            for key, entry in self.lines.items():
                if entry[0] < MIN_COUNT:
                    continue
                share = _Counts.share(entry, n, total)
                if share >= TEMPLATE_ON or (key in self.template and share >= TEMPLATE_OFF):
                    template.add(key)
                    if share >= FRAME_SHARE:
                        frame.add(key)
        self.template, self.frame = template, frame
        self.title_prefixes = self._affixes(self.prefixes, n, total)
        self.title_suffixes = self._affixes(self.suffixes, n, total)
        if self._applied() != before:
            self.revision += 1
            return True
        return False

    @staticmethod
    def _affixes(entries: dict, n: int, total: float) -> list[str]:
        if n < MIN_PAGES:
            return []
        found = [
            key
            for key, entry in entries.items()
            if entry[0] >= MIN_COUNT and _Counts.share(entry, n, total) >= AFFIX_SHARE
        ]
        return sorted(found, key=lambda key: (-key.count(" | "), -len(key), key))

    def _applied(self) -> tuple:
        # What article extraction applies (list hints only guide list pages: no revision).
        return (
            frozenset(self.template),
            frozenset(self.frame),
            tuple(self.title_prefixes),
            tuple(self.title_suffixes),
        )

    # Applying ---------------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.pages >= MIN_PAGES and bool(
            self.template or self.title_prefixes or self.title_suffixes
        )

    def is_template(self, text: str) -> bool:
        return bool(self.template) and line_key(text) in self.template

    def entry(self, text: str) -> dict | None:
        """What the model knows of one line: on how many pages, its share, whether it is template."""
        key = line_key(text)
        found = self.lines.get(key)
        if found is None:
            return None
        share = _Counts.share(found, self.pages, _decayed_pages(self.pages))
        return {
            "key": key,
            "pages": found[0],
            "share": round(share, 3),
            "template": key in self.template,
            "text": found[3],
        }

    def strip_title(self, title: str | None) -> tuple[str | None, str | None]:
        """``title`` without the site's learned affixes; and the affix removed (None if none)."""
        if not title:
            return title, None
        parts = title_segments(title)
        if len(parts) < 2:
            return title, None
        removed = []
        for affixes, at_end in ((self.title_suffixes, True), (self.title_prefixes, False)):
            for affix in affixes:
                size = affix.count(" | ") + 1
                if size >= len(parts):
                    continue
                piece = parts[-size:] if at_end else parts[:size]
                if [squash(p) for p in piece] == [squash(p) for p in affix.split(" | ")]:
                    parts = parts[:-size] if at_end else parts[size:]
                    removed.append(affix)
                    break
        if not removed:
            return title, None
        return _rejoin(title, parts), " / ".join(removed)

    def strip_text(self, text: str) -> str:
        """Body text (lines apart by line breaks) without template lines, by the rule of
        :meth:`PageView.body`; table rows (tab-separated cells) stay."""
        if not self.active or not text:
            return text
        pieces = re.split(r"(\n+)", text)
        lines = pieces[0::2]
        drop = [
            bool(line.strip()) and "\t" not in line and line_key(line) in self.template
            for line in lines
        ]
        start, end = 0, len(lines)
        while start < end and drop[start]:
            start += 1
        while end > start and drop[end - 1]:
            end -= 1
        cut, block = _before_attachments(lines, start, end, lambda k: drop[k])
        kept = [
            line
            for k, line in enumerate(lines[start:end], start)
            if not (drop[k] and (len(line) >= _INTERIOR_CHARS or cut <= k < block))
        ]
        return "\n\n".join(line for line in kept if line.strip())

    def shares_frame(self, page: PageFeatures) -> int | None:
        """How many of the site's frame lines ``page`` has; None when the model is too young to judge."""
        if self.pages < SHAPE_MIN_PAGES or len(self.frame) < SHAPE_MIN_FRAME:
            return None
        keys, frame = page.keys, self.frame
        return sum(1 for i in range(0, len(keys), 16) if keys[i : i + 16] in frame)

    def for_extraction(self) -> SiteModel:
        """A copy holding only what extraction applies (small to send to a worker process)."""
        return SiteModel(
            pages=self.pages,
            revision=self.revision,
            list_hints=dict(self.list_hints),
            template=set(self.template),
            frame=set(self.frame),
            title_prefixes=list(self.title_prefixes),
            title_suffixes=list(self.title_suffixes),
            lines={key: self.lines[key] for key in self.template if key in self.lines},
            prefixes={
                key: self.prefixes[key] for key in self.title_prefixes if key in self.prefixes
            },
            suffixes={
                key: self.suffixes[key] for key in self.title_suffixes if key in self.suffixes
            },
        )

    # Showing and storing ----------------------------------------------------------------------

    def describe(self, limit: int = 30) -> dict:
        """What the model learned, for ``bulletin site-model``."""
        n, total = self.pages, _decayed_pages(self.pages)

        def shown(entries, keys):
            rows = [
                {
                    "text": entries[k][3] or k,
                    "pages": entries[k][0],
                    "share": round(_Counts.share(entries[k], n, total), 3),
                    "key": k,
                }
                for k in keys
                if k in entries
            ]
            return sorted(rows, key=lambda r: (-r["share"], -r["pages"], r["text"]))

        lines = shown(self.lines, self.template)
        for row in lines:
            row["frame"] = row["key"] in self.frame
        affix = lambda rows: [{key: row[key] for key in ("text", "pages", "share")} for row in rows]  # noqa: E731
        return {
            "pages": n,
            "revision": self.revision,
            "active": self.active,
            "title_prefixes": affix(shown(self.prefixes, self.title_prefixes)),
            "title_suffixes": affix(shown(self.suffixes, self.title_suffixes)),
            "template_lines": len(self.template),
            "frame_lines": len(self.frame),
            "lines": lines[:limit] if limit else lines,
            "list_hints": [
                {"column": column, **hint} for column, hint in sorted(self.list_hints.items())
            ],
            "tracked_lines": len(self.lines),
            "thresholds": {
                "min_pages": MIN_PAGES,
                "min_count": MIN_COUNT,
                "template_share": TEMPLATE_ON,
                "template_share_off": TEMPLATE_OFF,
                "frame_share": FRAME_SHARE,
                "affix_share": AFFIX_SHARE,
                "half_life_pages": HALF_LIFE,
            },
        }

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "pages": self.pages,
            "revision": self.revision,
            "lines": self.lines,
            "prefixes": self.prefixes,
            "suffixes": self.suffixes,
            "list_hints": self.list_hints,
            "template": sorted(self.template),
            "frame": sorted(self.frame),
            "title_prefixes": self.title_prefixes,
            "title_suffixes": self.title_suffixes,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> SiteModel:
        if not data or data.get("format") != FORMAT:
            return cls()  # an unknown format is relearned, not misread
        return cls(
            pages=int(data.get("pages", 0)),
            revision=int(data.get("revision", 0)),
            lines=dict(data.get("lines") or {}),
            prefixes=dict(data.get("prefixes") or {}),
            suffixes=dict(data.get("suffixes") or {}),
            list_hints=dict(data.get("list_hints") or {}),
            template=set(data.get("template") or ()),
            frame=set(data.get("frame") or ()),
            title_prefixes=list(data.get("title_prefixes") or ()),
            title_suffixes=list(data.get("title_suffixes") or ()),
        )


def read_features(
    body: bytes, *, content_type: str | None = None, encoding: str | None = None
) -> PageFeatures:
    """The features of a page read from its bytes alone (no field extraction): for learning
    from stored pages."""
    from .encoding import decode_html
    from .text import layout, parse_clean

    def read_title(page) -> str:
        titles = page.findall("head/title") or list(page.iter("title"))
        return next((t for t in (all_text(el) for el in titles) if t.strip()), "")

    text, _ = decode_html(body or b"", content_type, encoding)
    root, title = parse_clean(text, read=read_title)
    if root is None:
        return PageFeatures()
    return page_features(layout(root).lines, title)


def learn(pages) -> SiteModel:
    """A settled model learned from an iterable of :class:`PageFeatures`."""
    model = SiteModel()
    for page in pages:
        model.update(page)
    model.settle()
    return model


def update(model: SiteModel | None, page: PageFeatures) -> SiteModel:
    """``model`` (a new one when None) having counted ``page``."""
    model = model if model is not None else SiteModel()
    model.update(page)
    return model


def _rejoin(title: str, parts: list[str]) -> str:
    """The kept parts as they stood in the original title (its own separators between them)."""
    if len(parts) == 1:
        return parts[0]
    start = title.find(parts[0])
    end_part = parts[-1]
    end = title.rfind(end_part)
    if start < 0 or end < start:
        return " ".join(parts)
    return title[start : end + len(end_part)].strip()


# Applying to one page ---------------------------------------------------------------------------

_INTERIOR_CHARS = (
    30  # a template line inside the body goes only when this long (a disclaimer, a box)
)


class PageView:
    """One page as the model sees it while the page is extracted: which lines are template.

    The article extractor calls :meth:`title`, :meth:`body` and :meth:`source` on its results
    (small hooks); each notes what it did in the field's ``explain`` entry.
    """

    def __init__(self, model: SiteModel, lines: list[str], title: str | None):
        self.model = model
        keys = _line_keys(lines)
        self.features = page_features(lines, title, keys)
        template = model.template if model.active else ()
        self.template = [key is not None and key in template for key in keys]
        self.keys = keys

    @property
    def active(self) -> bool:
        return self.model.active

    def _note(self, key: str) -> str:
        entry = self.model.lines.get(key)
        seen = f"on {entry[0]} of {self.model.pages} pages" if entry else "template"
        text = entry[3] if entry and entry[3] else key
        return f"{text[:30]}{'…' if len(text) > 30 else ''} ({seen})"

    def title(self, title: str | None, explain: dict) -> str | None:
        """The title without the site's learned affixes; a title that is a template line (the
        site's banner or a column heading on every page) gives way to the ``<title>`` without them."""
        if not self.active or not title:
            return title
        key = line_key(title)
        if key in self.model.template:
            instead, affix = self.model.strip_title(self.features.title)
            if affix is not None and instead and line_key(instead) not in self.model.template:
                explain["title"] = _joined(
                    explain.get("title"),
                    f"site model r{self.model.revision}: "
                    f"{self._note(key)} is the site's template; the <title> without "
                    f"{affix!r} instead",
                )
                return instead
        stripped, affix = self.model.strip_title(title)
        if affix is None:
            return title
        entries = self.model.suffixes | self.model.prefixes
        seen = entries.get(affix.split(" / ")[0])
        pages = f" (on {seen[0]} of {self.model.pages} pages)" if seen else ""
        explain["title"] = _joined(
            explain.get("title"),
            f"site model r{self.model.revision}: title affix {affix!r}{pages} removed",
        )
        return stripped

    def body(
        self,
        lines: list[tuple[str, int]],
        table_of: list[int],
        link_chars: list[int],
        explain: dict,
    ) -> list[tuple[str, int]]:
        """Body lines ``(text, layout line)`` without template lines: those at the body's start
        and end, and long or link-heavy ones inside it. Rows of a data table that has any
        non-template row stay (a dashboard repeats its header; the table is still content)."""
        if not self.active or not lines:
            return lines
        template = self.template
        live_tables = {table_of[i] for _, i in lines if table_of[i] >= 0 and not template[i]}

        def removable(i: int) -> bool:
            return template[i] and not (table_of[i] >= 0 and table_of[i] in live_tables)

        start, end = 0, len(lines)
        while start < end and removable(lines[start][1]):
            start += 1
        while end > start and removable(lines[end - 1][1]):
            end -= 1
        kept: list[tuple[str, int]] = []
        removed = [i for _, i in lines[:start]] + [i for _, i in lines[end:]]
        cut, block = _before_attachments(
            [text for text, _ in lines], start, end, lambda k: removable(lines[k][1])
        )
        for k, (text, i) in enumerate(lines[start:end], start):
            if removable(i) and (
                len(text) >= _INTERIOR_CHARS or link_chars[i] > len(text) / 2 or cut <= k < block
            ):
                removed.append(i)
            else:
                kept.append((text, i))
        if removed:
            shown = "; ".join(self._note(self.keys[i]) for i in sorted(removed)[:3])
            more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
            explain["body"] = _joined(
                explain.get("body"),
                f"site model r{self.model.revision}: {len(removed)} "
                f"template line{'s' if len(removed) > 1 else ''} left out ({shown}{more})",
            )
        return kept

    def source(
        self, source: str | None, lines: list[str], keep_from: int, keep_to: int, explain: dict
    ) -> str | None:
        """None when every line carrying ``source`` is a template line outside the article's own
        part of the page (``keep_from`` to ``keep_to``: its metadata table, title, info line and
        text): a footer's 信息来源 or a header's site name is not this page's source."""
        if not self.active or not source:
            return source
        hits = [i for i, line in enumerate(lines) if source in line]
        if not hits or any(not self.template[i] or keep_from <= i < keep_to for i in hits):
            return source
        explain["source"] = _joined(
            explain.get("source"),
            f"site model r{self.model.revision}: {source!r} is "
            f"the site's template ({self._note(self.keys[hits[0]])}), not a source",
        )
        return None


# A line of an attachment box: its label (附件：, 附件下载, Attachments) or a file's name.
_ATTACHMENT_LINE = re.compile(
    r"^\s*(?:(?:相关|下载)?附\s*件|attachments?\b|downloads?\b)|"
    r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|csv|txt)\s*(?:[(（][^)）]{0,20}[)）])?\s*$",
    re.I,
)


def _before_attachments(lines: list[str], start: int, end: int, template) -> tuple[int, int]:
    """``(cut, block)``: the template lines ``cut:block`` that end the text just before an
    attachment box closing the body (``block:end``). They are the body's end as much as when no
    attachment follows: a release that gains an attachment keeps the same text."""
    block = end
    while block > start and not template(block - 1) and _ATTACHMENT_LINE.search(lines[block - 1]):
        block -= 1
    if block == end:
        return end, end
    cut = block
    while cut > start and template(cut - 1):
        cut -= 1
    return cut, block


def _joined(rule: str | None, note: str) -> str:
    return f"{rule}; {note}" if rule else note
