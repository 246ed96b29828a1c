"""Columns as the store compares them: names folded, the sections above a column in a breadcrumb,
and list pages that aggregate other columns (overview pages such as 新闻中心 or 要闻).

Both the store and migration m041 (``storage/schema.py``) decide with these.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import fold


def ancestor_names(crumbs: list[str], column: str | None) -> set[str]:
    """Folded names that come before ``column`` in a page's breadcrumb: the sections above it.
    Nothing when the column is not in the breadcrumb (then which crumbs are above is unknown)."""
    return set(_ancestors(tuple(c for c in crumbs or [] if isinstance(c, str)), column))


@lru_cache(maxsize=1024)  # a site has few breadcrumbs, repeated on every page
def _ancestors(crumbs: tuple[str, ...], column: str | None) -> frozenset[str]:
    key = column_key(column)
    folded = [column_key(crumb) for crumb in crumbs]
    if not key or key not in folded:
        return frozenset()
    return frozenset(name for name in folded[: folded.index(key)] if name)


@lru_cache(maxsize=4096)
def column_key(name: str | None) -> str:
    """A column's name as columns are compared (:func:`storage.normalize.fold`)."""
    return fold(name)


def aggregating_pages(db, site: str) -> set[str]:
    """Folded column names of list pages whose rows are mostly other columns' releases: at
    least two other columns with two of its rows or more each, covering 80 % of its rows.
    (A column whose releases are also filed elsewhere, 要闻 beside 图片新闻, shares a part.)"""
    pages: dict[int, tuple[str, set, dict]] = {}
    for page_id, column, release_id, other in db.execute(
        """SELECT p.id, p.column_name, e.release_id, c.column_name
           FROM list_pages p JOIN list_entries e ON e.list_page_id = p.id
           LEFT JOIN release_columns c ON c.release_id = e.release_id
                AND (c.list_page_url IS NULL OR c.list_page_url != p.url)
           WHERE p.site = ? AND p.column_name IS NOT NULL""",
        [site],
    ).fetchall():
        key = column_key(column)
        _, releases, others = pages.setdefault(page_id, (key, set(), {}))
        releases.add(release_id)
        if other is not None and column_key(other) != key:
            others.setdefault(column_key(other), set()).add(release_id)
    names = set()
    for key, releases, others in pages.values():
        shared = [ids for ids in others.values() if len(ids) >= 2]
        if key and len(shared) >= 2 and len(set().union(*shared)) >= 0.8 * len(releases):
            names.add(key)
    return names
