"""A generated government-style site for the crawl and re-crawl benchmarks.

    .venv/bin/python benchmarks/sitegen.py /tmp/bench-site --articles 5000
    .venv/bin/python benchmarks/sitegen.py /tmp/bench-site --add 10 --edit 3 --remove 2

The site imitates a TRS WCM portal of a fictional city (澄川市): columns under sections
(``xwzx/ywdt/`` 要闻动态 …), list pages of 20 rows newest first with the page count only in
``createPageHTML(pages, current, "index", "html")`` (``index.html``, ``index_1.html`` …), and
articles at ``COLUMN/YYYYMM/tYYYYMMDD_ID.html`` with ArticleTitle/PubDate/ContentSource/ColumnName
metas, a ``div.position`` breadcrumb, an info line and a ``div.TRS_Editor`` body of synthetic
Chinese text. Every page derives from ``(seed, article id, revision)``, so the site is the same
on every machine; its state lives in ``ROOT/_manifest.json`` so :meth:`Site.add_releases`,
:meth:`Site.edit_releases` and :meth:`Site.remove_releases` can change it later the way a CMS
would (lists re-paginated, rows shifting to later pages, removed pages answering 404).

Dates: the newest ~20 articles are from the last day before ``now``, every other one is at
least 8 days older, spread back over years — so "recent" releases are few.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

__all__ = ["MANIFEST", "Site", "generate"]

MANIFEST = "_manifest.json"
ZONE = ZoneInfo("Asia/Shanghai")
ROWS_PER_PAGE = 20
RECENT_COUNT = 20
OLD_AFTER = timedelta(days=8)
SITE_NAME = "澄川市人民政府"
SITE_DOMAIN = "www.chengchuan.example"

# (section folder, section name, column folder, column name, column type)
COLUMNS = [
    ("xwzx", "新闻中心", "ywdt", "要闻动态", "新闻"),
    ("zwgk", "政务公开", "tzgg", "通知公告", "公告"),
    ("xwzx", "新闻中心", "bmdt", "部门动态", "新闻"),
    ("zwgk", "政务公开", "zcwj", "政策文件", "文件"),
    ("xwzx", "新闻中心", "xqdt", "县区动态", "新闻"),
    ("zwgk", "政务公开", "rsxx", "人事信息", "公告"),
    ("zwgk", "政务公开", "ghjh", "规划计划", "文件"),
    ("hdjl", "互动交流", "zxft", "在线访谈", "新闻"),
]

# Synthetic vocabulary, written for this generator.
PLACES = [
    "澄川市",
    "澄川",
    "东湖区",
    "西山区",
    "临溪县",
    "南岭县",
    "北港新区",
    "青石镇",
    "白沙街道",
    "云台乡",
]
BODIES = [
    "市人民政府",
    "市人民政府办公室",
    "市发展和改革委员会",
    "市教育局",
    "市科学技术局",
    "市工业和信息化局",
    "市公安局",
    "市民政局",
    "市财政局",
    "市人力资源和社会保障局",
    "市自然资源和规划局",
    "市生态环境局",
    "市住房和城乡建设局",
    "市交通运输局",
    "市水利局",
    "市农业农村局",
    "市商务局",
    "市文化广电旅游局",
    "市卫生健康委员会",
    "市应急管理局",
    "市市场监督管理局",
    "市统计局",
    "市医疗保障局",
    "市政务服务中心",
]
SOURCES = ["澄川日报", "澄川市融媒体中心", "市人民政府办公室"] + BODIES[2:]
TOPICS = [
    "安全生产",
    "优化营商环境",
    "乡村振兴",
    "城市更新",
    "生态环境保护",
    "防汛抗旱",
    "森林防火",
    "民生实事",
    "重点项目建设",
    "招商引资",
    "就业创业",
    "义务教育",
    "医疗保障",
    "养老服务",
    "食品安全",
    "交通运输",
    "文明城市创建",
    "数字政府建设",
    "政务服务",
    "河湖长制",
    "农田水利",
    "住房保障",
    "消费提振",
    "科技创新",
    "耕地保护",
    "燃气安全",
    "冬春供暖",
    "老旧小区改造",
    "营商环境评价",
    "产业园区建设",
]
VERBS = [
    "召开",
    "部署",
    "推进",
    "落实",
    "开展",
    "研究",
    "审议",
    "调研",
    "督查",
    "启动",
    "举办",
    "通报",
]
ADVERBIALS = [
    "近日，",
    "日前，",
    "今年以来，",
    "会议指出，",
    "会议强调，",
    "据了解，",
    "下一步，",
    "与此同时，",
    "截至目前，",
    "会上，",
    "调研中，",
    "按照工作安排，",
]
SUBJECTS = [
    "市委市政府",
    "各县市区",
    "市直各部门",
    "全市各级各部门",
    "相关单位",
    "市领导",
    "各乡镇（街道）",
    "有关部门",
    "各级党组织",
    "市场主体",
    "广大干部群众",
    "各责任单位",
]
PREDICATES = [
    "要坚持问题导向，",
    "要压紧压实责任，",
    "要加强统筹协调，",
    "要强化要素保障，",
    "要深化改革创新，",
    "持续用力、久久为功，",
    "主动担当作为，",
    "聚焦短板弱项，",
    "细化工作措施，",
    "对标先进地区，",
]
OUTCOMES = [
    "确保各项任务按期完成",
    "推动工作取得实效",
    "切实保障人民群众生命财产安全",
    "不断提升群众获得感",
    "为高质量发展提供有力支撑",
    "形成齐抓共管的工作合力",
    "以实际成效检验工作成果",
    "营造良好社会氛围",
    "推动政策落地见效",
    "守住不发生重大风险的底线",
]
FIGURES = [
    "完成投资{a}.{b}亿元，同比增长{c}.{d}%",
    "新增市场主体{n}户",
    "累计办理业务{n}件",
    "惠及群众{n}人次",
    "排查整改隐患{m}处",
    "建成项目{k}个",
    "发放补贴资金{a}.{b}亿元",
    "培训人员{n}人次",
]
TITLE_TEMPLATES = [
    "{place}召开{topic}工作会议",
    "{body}关于做好{topic}工作的通知",
    "{place}{topic}工作取得阶段性成效",
    "{body}印发《{place}{topic}实施方案》",
    "市领导{verb}{topic}工作",
    "{place}{verb}{topic}专项行动",
    "关于{place}{topic}有关事项的公告",
    "{body}{verb}{topic}重点任务推进情况",
    "{place}第{n}次{topic}联席会议召开",
    "{place}{topic}和{topic2}工作会议召开",
]


@dataclass
class Article:
    """One generated release as the manifest records it."""

    id: int
    column: int
    published: datetime  # Beijing time, aware
    rev: int = 0

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "column": self.column,
            "published": self.published.isoformat(),
            "rev": self.rev,
        }

    @classmethod
    def from_json(cls, data: dict) -> Article:
        return cls(
            data["id"],
            data["column"],
            datetime.fromisoformat(data["published"]),
            data.get("rev", 0),
        )


class Site:
    """A generated site on disk: its manifest, page rendering, and the CMS operations that change it.

    ``changed_paths`` holds the URL paths of every file the last operation wrote or deleted.
    """

    def __init__(self, root: Path, manifest: dict):
        self.root = Path(root)
        self.seed: int = manifest["seed"]
        self.n_columns: int = manifest["columns"]
        self.now = datetime.fromisoformat(manifest["now"])
        self.view_counter: bool = manifest.get("view_counter", False)
        self.next_id: int = manifest["next_id"]
        self.ops: int = manifest.get("ops", 0)
        self.removed: list[int] = manifest.get("removed", [])
        self.articles: dict[int, Article] = {
            a["id"]: Article.from_json(a) for a in manifest["articles"]
        }
        self.columns = [_column(i) for i in range(self.n_columns)]
        self.changed_paths: list[str] = []
        self._made_dirs: set[Path] = set()
        # Articles this object added or edited: edits and removals leave them alone, so one
        # round of changes is disjoint (a page added but not crawled yet cannot be "edited").
        self._touched: set[int] = set()

    # Loading and saving -----------------------------------------------------------------------

    @classmethod
    def load(cls, root) -> Site:
        """Open a site generated earlier (reads ``ROOT/_manifest.json``)."""
        root = Path(root)
        return cls(root, json.loads((root / MANIFEST).read_text(encoding="utf-8")))

    def save(self) -> None:
        """Write the manifest (the operations call it themselves)."""
        manifest = {
            "seed": self.seed,
            "columns": self.n_columns,
            "now": self.now.isoformat(),
            "view_counter": self.view_counter,
            "next_id": self.next_id,
            "ops": self.ops,
            "removed": self.removed,
            "articles": [a.to_json() for a in sorted(self.articles.values(), key=lambda a: a.id)],
        }
        (self.root / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False), encoding="utf-8"
        )

    # Addresses --------------------------------------------------------------------------------

    def start_urls(self, base_url: str) -> list[str]:
        """The first list page of every column, as absolute URLs under *base_url*."""
        base = base_url.rstrip("/") + "/"
        return [
            base + f"{section}/{folder}/index.html" for section, _, folder, _, _ in self.columns
        ]

    def article_path(self, article: Article) -> str:
        """URL path of an article page, e.g. ``/xwzx/ywdt/202405/t20240501_10042.html``."""
        section, _, folder, _, _ = self.columns[article.column]
        day = article.published
        return f"/{section}/{folder}/{day:%Y%m}/t{day:%Y%m%d}_{article.id}.html"

    def article_paths(self) -> list[str]:
        """URL paths of every article currently published, newest first."""
        return [self.article_path(a) for a in self._newest_first(self.articles.values())]

    def list_paths(self) -> list[str]:
        """URL paths of every list page of every column."""
        paths = []
        for column in range(self.n_columns):
            section, _, folder, _, _ = self.columns[column]
            pages = _page_count(len(self._column_articles(column)))
            paths += [f"/{section}/{folder}/{_list_name(p)}" for p in range(pages)]
        return paths

    def recent(self) -> list[Article]:
        """Articles published within a day of the newest one (or of ``now``), newest first."""
        newest = max((a.published for a in self.articles.values()), default=self.now)
        since = max(newest, self.now) - timedelta(days=1)
        return [a for a in self._newest_first(self.articles.values()) if a.published > since]

    # Operations -------------------------------------------------------------------------------

    def add_releases(self, k: int, now: datetime | None = None) -> list[str]:
        """Publish *k* new articles at the top of their columns' lists; returns their URL paths.

        They are dated after the newest article, up to *now* (default: the real current time).
        Lists are re-paginated as a CMS does: every row below moves down, some onto later pages.
        """
        now = _beijing(now)
        newest = max((a.published for a in self.articles.values()), default=now - timedelta(days=1))
        step = max(timedelta(minutes=1), (now - newest) / max(k, 1))
        added = []
        for i in range(k):
            article = Article(
                self.next_id, self.next_id % self.n_columns, _minute(newest + step * (i + 1))
            )
            self.next_id += 1
            self.articles[article.id] = article
            self._touched.add(article.id)
            added.append(article)
        self.now = max(self.now, now)
        self.changed_paths = []
        for article in added:
            self._write_article(article)
        self._write_lists({a.column for a in added})
        self.save()
        return [self.article_path(a) for a in added]

    def edit_releases(self, k: int, recent: bool = True) -> list[str]:
        """Change the body text of *k* articles (recent ones, or ones older than 8 days); returns their paths.

        Articles this object added or edited before are not chosen.
        """
        chosen = self._choose(k, recent)
        self.changed_paths = []
        for article in chosen:
            self._touched.add(article.id)
            article.rev += 1
            self._write_article(article)
        self.save()
        return [self.article_path(a) for a in chosen]

    def remove_releases(self, k: int, recent: bool = True) -> list[str]:
        """Delete *k* recent articles from disk and from their lists (the server then answers 404).

        Articles this object added or edited before are not chosen.
        """
        chosen = self._choose(k, recent)
        self.changed_paths = []
        for article in chosen:
            path = self.article_path(article)
            (self.root / path.lstrip("/")).unlink(missing_ok=True)
            self.changed_paths.append(path)
            del self.articles[article.id]
            self.removed.append(article.id)
        self._write_lists({a.column for a in chosen})
        self.save()
        return [self.article_path(a) for a in chosen]

    def _choose(self, k: int, recent: bool) -> list[Article]:
        candidates = [
            a for a in self._newest_first(self.articles.values()) if a.id not in self._touched
        ]
        if recent:
            since = max(self.now, max(a.published for a in self.articles.values())) - timedelta(
                days=1
            )
            pool = [a for a in candidates if a.published > since]
            if len(pool) < k:
                pool = candidates[:k]
        else:
            cutoff = max(self.now, max(a.published for a in self.articles.values())) - OLD_AFTER
            pool = [a for a in candidates if a.published <= cutoff]
        self.ops += 1
        rng = random.Random(f"{self.seed}:op:{self.ops}")
        return sorted(rng.sample(pool, min(k, len(pool))), key=lambda a: a.id)

    # Rendering --------------------------------------------------------------------------------

    def write_all(self) -> None:
        """(Re)write every page of the site: home, robots.txt, sections, lists, articles."""
        self.changed_paths = []
        self._put("/robots.txt", ROBOTS)
        self._put("/css/style.css", STYLE)
        for article in self.articles.values():
            self._write_article(article)
        self._write_lists(set(range(self.n_columns)))
        self.save()

    def _newest_first(self, articles) -> list[Article]:
        return sorted(articles, key=lambda a: (a.published, a.id), reverse=True)

    def _column_articles(self, column: int) -> list[Article]:
        return self._newest_first(a for a in self.articles.values() if a.column == column)

    def _write_article(self, article: Article) -> None:
        path = self.article_path(article)
        if self._put(path, self.render_article(article)):
            self.changed_paths.append(path)

    def _write_lists(self, columns: set[int]) -> None:
        for column in sorted(columns):
            section, _, folder, _, _ = self.columns[column]
            rows = self._column_articles(column)
            pages = _page_count(len(rows))
            for page in range(pages):
                path = f"/{section}/{folder}/{_list_name(page)}"
                chunk = rows[page * ROWS_PER_PAGE : (page + 1) * ROWS_PER_PAGE]
                if self._put(path, self._render_list(column, chunk, page, pages)):
                    self.changed_paths.append(path)
            # Pages past the new end would otherwise linger with stale rows.
            page = pages
            while (stale := self.root / section / folder / _list_name(page)).exists():
                stale.unlink()
                self.changed_paths.append(f"/{section}/{folder}/{_list_name(page)}")
                page += 1
        for section in sorted({self.columns[c][0] for c in columns}):
            path = f"/{section}/index.html"
            if self._put(path, self._render_section(section)):
                self.changed_paths.append(path)
        if self._put("/index.html", self._render_home()):
            self.changed_paths.append("/index.html")

    def _put(self, url_path: str, text: str) -> bool:
        target = self.root / url_path.lstrip("/")
        if target.parent not in self._made_dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made_dirs.add(target.parent)
        return _write(target, text.encode("utf-8"))

    def _title(self, article: Article) -> str:
        rng = random.Random(f"{self.seed}:title:{article.id}")
        template = rng.choice(TITLE_TEMPLATES)
        topic, topic2 = rng.sample(TOPICS, 2)
        return template.format(
            place=rng.choice(PLACES),
            body=rng.choice(BODIES),
            topic=topic,
            topic2=topic2,
            verb=rng.choice(VERBS),
            n=rng.randint(2, 30),
        )

    def _source(self, article: Article) -> str:
        return random.Random(f"{self.seed}:source:{article.id}").choice(SOURCES)

    def _paragraphs(self, article: Article) -> list[str]:
        rng = random.Random(f"{self.seed}:body:{article.id}")
        title = self._title(article)
        paragraphs = [
            _paragraph(rng, lead=f"{article.published.month}月{article.published.day}日，{title}。")
        ]
        paragraphs += [_paragraph(rng) for _ in range(rng.randint(2, 7))]
        for rev in range(1, article.rev + 1):
            # An edit rewrites one paragraph and dates the correction, like a CMS republish.
            edit = random.Random(f"{self.seed}:edit:{article.id}:{rev}")
            index = edit.randrange(len(paragraphs))
            paragraphs[index] = _paragraph(edit, lead=f"（第{rev}次更正）")
        return paragraphs

    def render_article(self, article: Article) -> str:
        """The HTML of one article page."""
        section, section_name, folder, column_name, column_type = self.columns[article.column]
        title = self._title(article)
        source = self._source(article)
        when = f"{article.published:%Y-%m-%d %H:%M}"
        paragraphs = self._paragraphs(article)
        body = "\n".join(f'<p style="text-indent: 2em;">{html.escape(p)}</p>' for p in paragraphs)
        description = html.escape(paragraphs[0][:80], quote=True)
        counter = (
            "&nbsp;&nbsp;&nbsp;浏览次数：<span>{{counter}}</span>" if self.view_counter else ""
        )
        return ARTICLE.format(
            title=html.escape(title),
            title_attr=html.escape(title, quote=True),
            site=SITE_NAME,
            domain=SITE_DOMAIN,
            column=column_name,
            column_type=column_type,
            when=when,
            source=html.escape(source),
            section=section_name,
            up="../../../",
            body=body,
            description=description,
            counter=counter,
            header=self._header("../../../"),
            footer=FOOTER.format(up="../../../"),
            related=self._related(article),
        )

    def _related(self, article: Article) -> str:
        # Title-only links to off-site portals, as on many TRS templates (never crawled).
        rng = random.Random(f"{self.seed}:related:{article.id}")
        names = rng.sample(
            ["中国政府网", "省人民政府", "新华网", "人民网", "国家政务服务平台", "省政务服务网"], 3
        )
        return "\n".join(
            f'<li><a href="http://www.gov.cn/" target="_blank">{n}</a></li>' for n in names
        )

    def _header(self, up: str) -> str:
        items = [f'<li><a href="{up}index.html">首页</a></li>']
        seen = set()
        for section, section_name, _, _, _ in self.columns:
            if section not in seen:
                seen.add(section)
                items.append(f'<li><a href="{up}{section}/index.html">{section_name}</a></li>')
        return HEADER.format(up=up, site=SITE_NAME, nav="\n    ".join(items))

    def _row(self, article: Article, href: str) -> str:
        title = self._title(article)
        shown = title if len(title) <= 24 else title[:23] + "..."
        return (
            f'<li><a href="{href}" title="{html.escape(title, quote=True)}" target="_blank">{html.escape(shown)}</a>'
            f"<span>{article.published:%Y-%m-%d}</span></li>"
        )

    def _render_list(self, column: int, rows: list[Article], page: int, pages: int) -> str:
        section, section_name, folder, column_name, _ = self.columns[column]
        lines = "\n".join(
            self._row(a, f"./{a.published:%Y%m}/t{a.published:%Y%m%d}_{a.id}.html") for a in rows
        )
        on = ' class="on"'
        menu = "\n".join(
            f'<li{on if c == column else ""}><a href="../{f}/index.html">{name}</a></li>'
            for c, (s, _, f, name, _) in enumerate(self.columns)
            if s == section
        )
        return LIST.format(
            site=SITE_NAME,
            column=column_name,
            section=section_name,
            up="../../",
            header=self._header("../../"),
            footer=FOOTER.format(up="../../"),
            rows=lines,
            pages=pages,
            current=page,
            menu=menu,
        )

    def _render_section(self, section: str) -> str:
        boxes = []
        section_name = ""
        for column, (s, name, folder, column_name, _) in enumerate(self.columns):
            if s != section:
                continue
            section_name = name
            rows = "\n".join(
                self._row(a, f"./{folder}/{a.published:%Y%m}/t{a.published:%Y%m%d}_{a.id}.html")
                for a in self._column_articles(column)[:8]
            )
            boxes.append(
                f'<div class="box"><div class="box-title"><a href="./{folder}/index.html">{column_name}</a>'
                f'<a class="more" href="./{folder}/index.html">更多&gt;&gt;</a></div>\n<ul>\n{rows}\n</ul></div>'
            )
        return SECTION.format(
            site=SITE_NAME,
            section=section_name,
            header=self._header("../"),
            footer=FOOTER.format(up="../"),
            up="../",
            boxes="\n".join(boxes),
        )

    def _render_home(self) -> str:
        boxes = []
        for column, (section, _, folder, column_name, _) in enumerate(self.columns):
            rows = "\n".join(
                self._row(
                    a, f"./{section}/{folder}/{a.published:%Y%m}/t{a.published:%Y%m%d}_{a.id}.html"
                )
                for a in self._column_articles(column)[:6]
            )
            boxes.append(
                f'<div class="box"><div class="box-title"><a href="./{section}/{folder}/index.html">{column_name}</a></div>'
                f"\n<ul>\n{rows}\n</ul></div>"
            )
        return HOME.format(
            site=SITE_NAME,
            header=self._header("./"),
            footer=FOOTER.format(up="./"),
            boxes="\n".join(boxes),
        )


def generate(
    root,
    n_articles: int = 5000,
    columns: int = 4,
    seed: int = 1,
    now: datetime | None = None,
    view_counter: bool = False,
) -> Site:
    """Write a site of *n_articles* articles in *columns* columns to *root*; returns its :class:`Site`.

    *now* (default: the real current time) anchors the dates: the newest ~20 articles fall in the
    day before it, the rest at least 8 days before it, spread back over years. *view_counter* adds
    a ``{{counter}}`` view count to articles (a new ETag on every request, as on many real sites).
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    now = _minute(_beijing(now))
    rng = random.Random(f"{seed}:dates")
    recent = min(RECENT_COUNT, n_articles)
    dates = [now - timedelta(minutes=30 + 60 * i + rng.randint(0, 20)) for i in range(recent)]
    when = now - OLD_AFTER - timedelta(hours=rng.uniform(1, 12))
    for _ in range(n_articles - recent):
        dates.append(_minute(when))
        # ~6 h apart on average: 5,000 articles span about three and a half years.
        when -= timedelta(hours=rng.uniform(0.5, 11.5))
    first_id = 10001
    articles = []
    for i, published in enumerate(reversed(dates)):
        article_id = first_id + i
        articles.append(Article(article_id, article_id % columns, _minute(published)).to_json())
    manifest = {
        "seed": seed,
        "columns": columns,
        "now": now.isoformat(),
        "view_counter": view_counter,
        "next_id": first_id + n_articles,
        "ops": 0,
        "removed": [],
        "articles": articles,
    }
    site = Site(root, manifest)
    site.write_all()
    return site


# Helpers -------------------------------------------------------------------------------------


def _column(index: int) -> tuple[str, str, str, str, str]:
    if index < len(COLUMNS):
        return COLUMNS[index]
    return ("ztzl", "专题专栏", f"zt{index:02d}", f"专题{index}", "新闻")


def _beijing(value: datetime | None) -> datetime:
    if value is None:
        return datetime.now(ZONE)
    return value.replace(tzinfo=ZONE) if value.tzinfo is None else value.astimezone(ZONE)


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _page_count(rows: int) -> int:
    return max(1, math.ceil(rows / ROWS_PER_PAGE))


def _list_name(page: int) -> str:
    return "index.html" if page == 0 else f"index_{page}.html"


def _write(path: Path, data: bytes) -> bool:
    """Write *data* unless the file already holds it: unchanged pages keep their mtime (Last-Modified)."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.write_bytes(data)
    return True


def _pick(rng: random.Random, items):
    # random.choice/randint cost several times this; the site needs thousands of words per page.
    return items[int(rng.random() * len(items))]


def _number(rng: random.Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _sentence(rng: random.Random) -> str:
    parts = [_pick(rng, ADVERBIALS) if rng.random() < 0.6 else ""]
    parts.append(_pick(rng, SUBJECTS) + _pick(rng, PREDICATES))
    parts.append(f"{_pick(rng, VERBS)}{_pick(rng, TOPICS)}工作，")
    if rng.random() < 0.5:
        figure = _pick(rng, FIGURES).format(
            a=_number(rng, 1, 99),
            b=_number(rng, 0, 9),
            c=_number(rng, 1, 30),
            d=_number(rng, 0, 9),
            n=_number(rng, 100, 99999),
            m=_number(rng, 10, 999),
            k=_number(rng, 3, 80),
        )
        parts.append(f"{_pick(rng, PLACES)}{figure}，")
    parts.append(_pick(rng, OUTCOMES) + "。")
    return "".join(parts)


def _paragraph(rng: random.Random, lead: str = "") -> str:
    return lead + "".join(_sentence(rng) for _ in range(_number(rng, 2, 6)))


# Templates -----------------------------------------------------------------------------------

ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /search/\n"

STYLE = """body { margin: 0; font: 14px/1.8 "Microsoft YaHei", sans-serif; color: #333; }
.w1200 { width: 1200px; margin: 0 auto; }
.header { background: #1d4f91; color: #fff; }
.list li { display: flex; justify-content: space-between; border-bottom: 1px dashed #ddd; }
.article-title { text-align: center; font-size: 24px; }
.article-info { text-align: center; color: #888; }
.footer { background: #f4f4f4; text-align: center; padding: 20px 0; }
"""

HEADER = """<div class="top-bar">
  <div class="w1200"><span class="welcome">欢迎访问{site}门户网站</span>
  <a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a> | <a href="javascript:void(0)" onclick="setHome()">设为首页</a> | <a href="javascript:void(0)" class="wza">无障碍浏览</a> | <a href="{up}search/index.html">站内搜索</a></div>
</div>
<div class="header">
  <div class="logo"><a href="{up}index.html"><img src="{up}images/logo.png" alt="{site}"></a></div>
  <ul class="nav">
    {nav}
  </ul>
</div>"""

FOOTER = """<div class="footer">
  <div class="friend-links">
    <select onchange="window.open(this.value)"><option>国务院部门网站</option><option value="http://www.gov.cn/">中国政府网</option><option value="http://www.ndrc.gov.cn/">国家发展改革委</option><option value="http://www.moe.gov.cn/">教育部</option><option value="http://www.mof.gov.cn/">财政部</option></select>
    <select onchange="window.open(this.value)"><option>省内市州网站</option><option value="http://www.gov.cn/">省人民政府</option><option value="http://www.gov.cn/">邻江市人民政府</option><option value="http://www.gov.cn/">石门市人民政府</option></select>
  </div>
  <div class="footer-links">
    <a href="{up}gywm/index.html">关于我们</a> |
    <a href="{up}wzdt/index.html">网站地图</a> |
    <a href="{up}lxwm/index.html">联系我们</a> |
    <a href="{up}admin/index.html">网站管理</a> |
    <a href="http://www.gov.cn/" target="_blank">中国政府网</a>
  </div>
  <p>主办：澄川市人民政府办公室　承办：澄川市大数据中心　联系电话：0000-1234567</p>
  <p>网站标识码：9999000001　（基准测试站点，内容均为程序生成）</p>
  <p><a href="javascript:void(0)"><img src="{up}images/jiucuo.png" alt="政府网站找错"></a>　<a href="javascript:void(0)"><img src="{up}images/dzjg.png" alt="党政机关"></a></p>
</div>"""

ARTICLE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{title}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="{domain}">
<meta name="SiteIDCode" content="9999000001">
<meta name="ColumnName" content="{column}">
<meta name="ColumnType" content="{column_type}">
<meta name="ArticleTitle" content="{title_attr}">
<meta name="PubDate" content="{when}">
<meta name="ContentSource" content="{source}">
<meta name="Keywords" content="{column}">
<meta name="Description" content="{description}">
<link rel="stylesheet" href="{up}css/style.css">
</head>
<body>
{header}
<div class="w1200 main">
<div class="position">当前位置：<a href="{up}index.html">首页</a> &gt; <a href="../../index.html">{section}</a> &gt; <a href="../index.html">{column}</a></div>
<div class="article">
  <h1 class="article-title">{title}</h1>
  <div class="article-info">来源：{source}&nbsp;&nbsp;&nbsp;发布时间：{when}{counter}&nbsp;&nbsp;&nbsp;字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></div>
  <div class="article-content">
<div class="TRS_Editor">
{body}
</div>
  </div>
  <div class="article-tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
  <div class="related">
    <h3>相关链接</h3>
    <ul>
{related}
    </ul>
  </div>
</div>
</div>
{footer}
<script type="text/javascript">
function doZoom(size) {{ document.querySelector(".TRS_Editor").style.fontSize = size + "px"; }}
</script>
</body>
</html>
"""

LIST = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{column}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="ColumnName" content="{column}">
<link rel="stylesheet" href="{up}css/style.css">
<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {{
  if (_nPageCount == null || _nPageCount <= 1) {{ return; }}
  var nCurrIndex = _nCurrIndex || 0;
  if (nCurrIndex == 0) {{ document.write("首页 上一页 "); }}
  else {{
    document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a> ");
    var prev = nCurrIndex == 1 ? _sPageName + "." + _sPageExt : _sPageName + "_" + (nCurrIndex - 1) + "." + _sPageExt;
    document.write("<a href=\\"" + prev + "\\">上一页</a> ");
  }}
  if (nCurrIndex + 1 < _nPageCount) {{
    document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex + 1) + "." + _sPageExt + "\\">下一页</a> ");
    document.write("<a href=\\"" + _sPageName + "_" + (_nPageCount - 1) + "." + _sPageExt + "\\">尾页</a>");
  }} else {{ document.write("下一页 尾页"); }}
}}
</script>
</head>
<body>
{header}
<div class="w1200 main">
<div class="position">当前位置：<a href="{up}index.html">首页</a> &gt; <a href="../index.html">{section}</a> &gt; <a href="index.html">{column}</a></div>
<div class="left">
  <div class="column-menu">
    <h2>{section}</h2>
    <ul>
{menu}
    </ul>
  </div>
</div>
<div class="right">
  <div class="column-title">{column}</div>
  <ul class="list">
{rows}
  </ul>
  <div class="page">
<script type="text/javascript">
var currentPage = {current};
var countPage = {pages};
createPageHTML({pages}, {current}, "index", "html");
</script>
  </div>
</div>
</div>
{footer}
</body>
</html>
"""

SECTION = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{section}_{site}</title>
<meta name="SiteName" content="{site}">
<meta name="ColumnName" content="{section}">
<link rel="stylesheet" href="{up}css/style.css">
</head>
<body>
{header}
<div class="w1200 main">
<div class="position">当前位置：<a href="{up}index.html">首页</a> &gt; <a href="index.html">{section}</a></div>
{boxes}
</div>
{footer}
</body>
</html>
"""

HOME = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{site}</title>
<meta name="SiteName" content="{site}">
<link rel="stylesheet" href="./css/style.css">
</head>
<body>
{header}
<div class="w1200 main">
{boxes}
</div>
{footer}
</body>
</html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "root", type=Path, help="folder to write (or to change, with --add/--edit/--remove)"
    )
    parser.add_argument(
        "--articles", type=int, default=5000, help="articles in a new site (default 5000)"
    )
    parser.add_argument("--columns", type=int, default=4, help="columns in a new site (default 4)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--view-counter", action="store_true", help="a {{counter}} on every article"
    )
    parser.add_argument(
        "--add", type=int, default=0, help="publish K new articles in an existing site"
    )
    parser.add_argument(
        "--edit", type=int, default=0, help="edit K recent articles of an existing site"
    )
    parser.add_argument(
        "--remove", type=int, default=0, help="remove K recent articles of an existing site"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.add or args.edit or args.remove:
        site = Site.load(args.root)
        for name, k in (("added", args.add), ("edited", args.edit), ("removed", args.remove)):
            if k:
                paths = {
                    "added": site.add_releases,
                    "edited": site.edit_releases,
                    "removed": site.remove_releases,
                }[name](k)
                print(f"{name} {len(paths)}: " + " ".join(paths))
    else:
        site = generate(
            args.root, args.articles, args.columns, args.seed, view_counter=args.view_counter
        )
        print(f"{len(site.articles)} articles, {len(site.list_paths())} list pages in {args.root}")
    print(f"{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
