"""What a government website inspection counts, read from what the crawls saw.

China's national inspection of government websites fails a site outright when it has not been
updated for two weeks, or when five or more columns are stale (news and work-dynamics columns not
updated for two weeks, notices and policy-document columns for six months) or blank (no
content). A crawler can measure those, and how often the site failed to answer; it cannot judge
replies to letters or the quality of services. ``bulletin inspect`` prints this report.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .columns import column_key

__all__ = ["DYNAMIC_DAYS", "NOTICE_DAYS", "VETO_COLUMNS", "column_kind", "inspect_site"]

DYNAMIC_DAYS = 14
NOTICE_DAYS = 183
VETO_COLUMNS = 5  # five stale, or five blank, columns fail a site
AVAILABILITY_DAYS = 7

# A column's kind from its name: which of the inspection's two update rules applies to it. Names
# that are neither (机构概况, 领导之窗) are shown with their age and judged by neither rule.
_NOTICE_WORDS = (
    "通知",
    "公告",
    "公示",
    "通告",
    "政策",
    "文件",
    "法规",
    "规章",
    "规划",
    "计划",
    "解读",
    "notice",
    "polic",
    "regulation",
    "consultation",
)
_DYNAMIC_WORDS = (
    "动态",
    "新闻",
    "要闻",
    "资讯",
    "快讯",
    "图片",
    "视频",
    "news",
    "update",
    "release",
    "announcement",
    "media",
)


def column_kind(name: str | None) -> str | None:
    """``notices`` (six months), ``dynamic`` (two weeks) or None (no update rule)."""
    key = column_key(name).lower()
    if not key:
        return None
    if any(word in key for word in _NOTICE_WORDS):
        return "notices"
    if any(word in key for word in _DYNAMIC_WORDS):
        return "dynamic"
    return None


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _age(latest: str | None, as_of: datetime) -> int | None:
    moment = _when(latest)
    return None if moment is None else max(0, (as_of - moment).days)


def inspect_site(db, site: str, as_of: datetime, overviews: set[str]) -> dict:
    """The inspection report of ``site`` on ``as_of`` (aware): its freshness, its columns (stale
    or blank), releases without a publication date, and the share of failed fetches in the
    week before. ``overviews`` are the folded names of the site's overview pages, which are
    no columns."""
    columns: dict[str, dict] = {}
    for name, page_url, links in db.execute(
        """SELECT column_name, url, link_count FROM list_pages
           WHERE site = ? AND column_name IS NOT NULL ORDER BY id""",
        [site],
    ):
        key = column_key(name)
        if not key or key in overviews:
            continue
        column = columns.setdefault(
            key, {"column": name, "list_page": page_url, "rows": 0, "releases": 0}
        )
        column["rows"] += links or 0
    for key, releases, latest in db.execute(
        """SELECT c.column_name, count(DISTINCT r.id), max(v.published_at)
           FROM release_columns c JOIN releases r ON r.id = c.release_id
           JOIN versions v ON v.id = r.current_version_id
           WHERE r.site = ? AND r.status = 'live' GROUP BY c.column_name""",
        [site],
    ):
        column = columns.setdefault(
            column_key(key), {"column": key, "list_page": None, "rows": 0, "releases": 0}
        )
        column["releases"] += releases
        column["latest_published"] = max(column.get("latest_published") or "", latest or "") or None
    report_columns = []
    for column in columns.values():
        kind = column_kind(column["column"])
        age = _age(column.get("latest_published"), as_of)
        limit = {"dynamic": DYNAMIC_DAYS, "notices": NOTICE_DAYS}.get(kind)
        blank = column["releases"] == 0 and column["rows"] == 0
        report_columns.append(
            {
                "column": column["column"],
                "list_page": column["list_page"],
                "kind": kind,
                "releases": column["releases"],
                "latest_published": column.get("latest_published"),
                "days_since_update": age,
                "stale_after_days": limit,
                "stale": bool(limit is not None and not blank and (age is None or age > limit)),
                "blank": blank,
            }
        )
    latest, undated, live = db.execute(
        """SELECT max(v.published_at), sum(v.published_at IS NULL OR v.published_at = ''), count(*)
           FROM releases r JOIN versions v ON v.id = r.current_version_id
           WHERE r.site = ? AND r.status = 'live'""",
        [site],
    ).fetchone()
    since = (as_of - timedelta(days=AVAILABILITY_DAYS)).astimezone(UTC).isoformat()
    until = as_of.astimezone(UTC).isoformat()
    crawls, requests = db.execute(
        """SELECT count(*), coalesce(sum(requests), 0) FROM crawls
           WHERE site = ? AND started_at >= ? AND started_at <= ?""",
        [site, since, until],
    ).fetchone()
    failures = db.execute(
        """SELECT count(*) FROM fetch_failures
           WHERE site = ? AND missing = 0 AND failed_at >= ? AND failed_at <= ?""",
        [site, since, until],
    ).fetchone()[0]
    site_age = _age(latest, as_of)
    stale = [c["column"] for c in report_columns if c["stale"]]
    blank = [c["column"] for c in report_columns if c["blank"]]
    findings = []
    if live and (site_age is None or site_age > DYNAMIC_DAYS):
        findings.append(f"not updated for {DYNAMIC_DAYS} days: newest release {site_age} days old")
    if len(stale) >= VETO_COLUMNS:
        findings.append(f"{len(stale)} stale columns (a site fails at {VETO_COLUMNS})")
    if len(blank) >= VETO_COLUMNS:
        findings.append(f"{len(blank)} blank columns (a site fails at {VETO_COLUMNS})")
    return {
        "site": site,
        "as_of": until,
        "latest_published": latest,
        "days_since_update": site_age,
        "live_releases": live,
        "undated_releases": undated or 0,
        "columns": report_columns,
        "stale_columns": stale,
        "blank_columns": blank,
        "availability": {
            "days": AVAILABILITY_DAYS,
            "crawls": crawls,
            "requests": requests,
            "failed_fetches": failures,
            "failure_rate": round(failures / requests, 4) if requests else None,
        },
        "findings": findings,
    }
