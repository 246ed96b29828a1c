"""What a chat robot says: one readable Chinese message per run, as lines of text and links.

The lines are neutral (:class:`Link` segments among plain strings); each robot API writes them in
its own markup and splits them to its size limit (:mod:`crawler.alerts.robots`). A part never
cuts a release in two: each release is one block, and a part holds whole blocks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from storage import render_text_diff

from .render import (
    EVENT_ORDER,
    archived_copy,
    attachment_changes,
    body_ops,
    edit_changes,
    event_items,
    excerpt,
    local_time,
    release_title,
    safe_url,
    split_events,
)

#: The word every robot message starts with: what a DingTalk or Feishu robot's 自定义关键词
#: security setting can require.
KEYWORD = "公告监测"
KIND_LABELS = {"new": "新发布", "edited": "修改", "removed": "已删除", "restored": "已恢复"}
FIELD_LABELS = {
    "title": "标题",
    "source": "来源",
    "published_at": "发布时间",
    "body": "正文",
    "attachments": "附件",
}
#: The body diff of an edit is cut to this many characters (a chat line, not a report).
DIFF_CHARS = 300
EXCERPT_CHARS = 120


@dataclass(frozen=True)
class Link:
    text: str
    url: str


#: A line: plain strings and links; a block: the lines of one release (or note).
Line = list
Block = list


def headline(items: list[dict]) -> str:
    """``【公告监测】岳阳市人民政府：新发布 3 条，修改 1 条`` (or a site's health, a baseline)."""
    titles = list(dict.fromkeys(i["site_title"] for i in items))
    where = titles[0] if len(titles) == 1 else f"{len(titles)} 个网站"
    parts = []
    health = [i for i in items if i["kind"] == "health"]
    broken = sum(1 for i in health if i["detail"].get("state") == "broken")
    if broken:
        parts.append("网站异常" if broken == len(health) == 1 else f"{broken} 个网站异常")
    if len(health) > broken:
        recovered = len(health) - broken
        parts.append("网站恢复" if recovered == len(health) == 1 else f"{recovered} 个网站恢复")
    counts = counts_phrase(items)
    if counts:
        parts.append(counts)
    baseline = [i for i in items if i["kind"] == "baseline"]
    if baseline:
        total = sum(i["detail"].get("releases", 0) for i in baseline)
        parts.append(f"开始监测，已存档 {total} 条")
    return f"【{KEYWORD}】{where}：{'；'.join(parts) or '无新消息'}"


def counts_phrase(items: list[dict]) -> str:
    counts = Counter(i["kind"] for i in event_items(items))
    return "，".join(f"{KIND_LABELS[k]} {counts[k]} 条" for k in EVENT_ORDER if counts[k])


def blocks(
    items: list[dict], *, max_items: int = 50, archive_url: str | None = None
) -> list[Block]:
    """The message's blocks after its headline: one per release shown in full (the first
    ``max_items``), then the rest by title, then a count, as an e-mail lists them."""
    shown, compact, counted = split_events(items, max_items)
    several = len({i["site"] for i in items}) > 1
    out: list[Block] = []
    current = None
    for item in shown:
        if several and item["site"] != current and item["kind"] in EVENT_ORDER:
            current = item["site"]
            out.append([[f"■ {item['site_title']}"]])
        out.append(item_block(item, archive_url))
    if compact or counted:
        out.append(
            [[f"另有 {len(compact) + len(counted)} 条（{counts_phrase(compact + counted)}）："]]
        )
        for item in compact:
            out.append([[f"· {KIND_LABELS[item['kind']]}｜", _link(item, release_title(item))]])
        if counted:
            out.append([[f"（其余 {len(counted)} 条未列出，见 bulletin releases）"]])
    return out


def item_block(item: dict, archive_url: str | None = None) -> Block:
    """The lines of one release event, baseline note or health notice."""
    kind = item["kind"]
    if kind == "health":
        detail = item["detail"]
        state = "异常" if detail.get("state") == "broken" else "恢复正常"
        since = local_time(detail.get("at"), item["site_timezone"]) or detail.get("at")
        lines: Block = [[f"⚠ 网站{state}：{item['site_title']}（{since}）"]]
        if detail.get("detail") and detail.get("detail") != detail.get("state"):
            lines.append([f"原因：{detail['detail']}"])
        return lines
    if kind == "baseline":
        return [
            [
                f"开始监测 {item['site_title']}：已存档 {int(item['detail'].get('releases', 0))} 条，"
                "此后有新发布、修改、删除将在此通知。"
            ]
        ]
    version = item.get("version") or {}
    href, reference = archived_copy(item, archive_url) if kind == "removed" else (None, "")
    title_url = href if kind == "removed" else safe_url(item.get("url"))
    title = release_title(item)
    lines = [[f"【{KIND_LABELS[kind]}】", Link(title, title_url) if title_url else title]]
    meta = []
    if version.get("source"):
        meta.append(f"来源：{version['source']}")
    published = local_time(version.get("published_at"), item["site_timezone"])
    if published:
        meta.append(f"时间：{published}")
    if version.get("column_name"):
        meta.append(f"栏目：{version['column_name']}")
    if meta:
        lines.append(["　".join(meta)])
    if kind == "edited":
        changed = [FIELD_LABELS.get(f, f) for f in item.get("changed_fields", [])]
        if changed:
            lines.append([f"改动：{'、'.join(changed)}"])
        for label, old, new in edit_changes(item):
            lines.append([f"{_zh(label)}：{old} → {new}"])
        added, removed = attachment_changes(item)
        for attachment in added:
            name = attachment.get("name") or attachment.get("url") or ""
            url = safe_url(attachment.get("url"))
            lines.append(["新增附件：", Link(name, url) if url else name])
        for attachment in removed:
            lines.append([f"删除附件：{attachment.get('name') or attachment.get('url') or ''}"])
        ops = body_ops(item)
        if ops:
            lines.append([f"正文：{_cut(' '.join(render_text_diff(ops).split()), DIFF_CHARS)}"])
            lines.append(["（[-…-] 为删去的文字，{+…+} 为新增的文字）"])
    elif kind == "new":
        body = excerpt(version.get("body"), EXCERPT_CHARS)
        if body:
            lines.append([" ".join(body.split())])
    elif kind == "removed":
        lines.append(["已从网站撤下，存档保留。"])
        if safe_url(item.get("url")):
            lines.append([f"原地址：{item['url']}"])
        if not href:
            lines.append([f"存档：{reference}"])
    elif kind == "restored":
        lines.append(["此前报告删除，现已重新出现在网站上。"])
    return lines


def probe_blocks(robot: str) -> list[Block]:
    """The body of ``bulletin alerts test --robot``'s message."""
    return [
        [[f"这是 bulletin-monitor 的测试消息（机器人 {robot}）。"]],
        [["中文显示正常、链接可点即说明配置无误：", Link("示例链接", "https://www.gov.cn/")]],
    ]


def _zh(label: str) -> str:
    english = {"title": "标题", "source": "来源", "publish time": "发布时间"}
    return english.get(label, label)


def _link(item: dict, text: str):
    url = safe_url(item.get("url"))
    return Link(text, url) if url and item["kind"] != "removed" else text


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
