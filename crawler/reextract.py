"""Stored versions re-extracted from their raw bodies under a newer site model or newer rules.

A model change or an upgrade of the extraction rules (``EXTRACTOR_REVISION``) is a migration,
never news: the version's fields are replaced in place (what they were is kept in
``reextractions``), its ``model_revision`` and ``extractor_revision`` say which model and rules
they came from, and no event or alert is written. Runs at the end of a crawl that changed the
model (so a site's baseline ends up extracted with the model it taught), for a whole site on
demand (``bulletin site-model NAME --rebuild``), and inside the store when a refetched page is
compared with a version extracted under another revision (so neither reads as an edit).
"""

from __future__ import annotations

import logging
from dataclasses import fields as dataclass_fields

from .extract import EXTRACTOR_REVISION, extract_article
from .extract.model import Selectors
from .extract.sitemodel import SiteModel, line_key, read_features

logger = logging.getLogger(__name__)

_SELECTOR_KEYS = {f.name for f in dataclass_fields(Selectors)}


def extraction_options(config: dict | None) -> dict:
    """``extract_article`` keywords (encoding, timezone, selectors) from a site's stored config."""
    config = config or {}
    selectors = {
        key: value
        for key, value in (config.get("selectors") or {}).items()
        if key in _SELECTOR_KEYS
    }
    return {
        "encoding": config.get("encoding"),
        "timezone": config.get("timezone"),
        "selectors": Selectors(**selectors),
    }


def _content_type(headers: dict | None) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == "content-type":
            return value
    return None


def reextract(row: dict, model: SiteModel, options: dict) -> dict:
    """The fields of a stored version (a :meth:`Store.stale_versions` row) extracted again from its
    raw body under ``model``. A multi-page article keeps its further pages' text (only the first
    page's body is stored raw), with the model's template lines left out of it."""
    url = row.get("final_url") or row["url"]
    content_type = _content_type(row.get("headers"))
    article = extract_article(
        row["raw_body"], url, content_type=content_type, model=model, **options
    )
    found = article.to_dict()
    if article.next_pages:
        first = extract_article(row["raw_body"], url, content_type=content_type, **options).body
        stored = row.get("body") or ""
        rest = stored[len(first) :] if first and stored.startswith(first) else ""
        rest = model.strip_text(rest.strip()) if rest.strip() else ""
        found["body"] = "\n\n".join(part for part in (found["body"], rest) if part)
    return found


def _may_change(row: dict, model: SiteModel) -> bool:
    """Whether the model can change what was extracted (cheap, on the stored text): a learned
    title affix, a template line in the body or title, a source a template line carries."""
    title = row.get("title")
    if title and (model.strip_title(title)[1] is not None or line_key(title) in model.template):
        return True
    body = row.get("body") or ""
    if any(line_key(line) in model.template for line in body.split("\n") if line.strip()):
        return True
    source = row.get("source")
    if source and any(source in (entry[3] or "") for entry in model.lines.values()):
        return True
    return False


def migrate_site(
    store,
    site: str,
    model: SiteModel,
    *,
    config: dict | None = None,
    batch: int = 100,
    upgrade: bool = False,
) -> dict:
    """Bring every current version of ``site`` to ``model``'s revision and, with ``upgrade``, to
    the current extraction rules. Returns counts: ``checked``, ``reextracted`` (parsed again) and
    ``changed`` (fields replaced).

    Without ``upgrade`` (a crawl's end) a version the model cannot change keeps its fields and
    the rules' revision they came from: upgrading it waits until its page is refetched, so a
    model change never costs a parse of the whole archive."""
    applied = model.for_extraction()
    options = extraction_options(config if config is not None else store.site_config(site))
    counts = {"checked": 0, "reextracted": 0, "changed": 0}
    after = 0
    rules = EXTRACTOR_REVISION if upgrade else None
    while rows := store.stale_versions(
        site, model.revision, after_id=after, limit=batch, extractor_revision=rules
    ):
        with store.batch():
            for row in rows:
                after = row["id"]
                counts["checked"] += 1
                stale_rules = upgrade and row["extractor_revision"] != EXTRACTOR_REVISION
                if not stale_rules and not _may_change(row, applied):
                    store.reextract_version(
                        row["id"],
                        _stored_fields(row),
                        model_revision=model.revision,
                        extractor_revision=row["extractor_revision"],
                    )
                    continue
                counts["reextracted"] += 1
                try:
                    found = reextract(row, applied, options)
                except Exception:  # one unreadable stored page must not stop the migration
                    logger.exception("%s: could not re-extract version %s", site, row["id"])
                    continue
                if store.reextract_version(
                    row["id"],
                    found,
                    model_revision=model.revision,
                    extractor_revision=EXTRACTOR_REVISION,
                ):
                    counts["changed"] += 1
    return counts


def _stored_fields(row: dict) -> dict:
    return {
        "title": row["title"],
        "source": row["source"],
        "published_at": row["published_at"],
        "published_at_meta": row["published_at_meta"],
        "title_variant": row.get("title_variant"),
        "body": row["body"],
        "breadcrumb": row["breadcrumb"],
        "column": row["column_name"],
        "attachments": row["attachments"],
    }


def rebuild_site_model(store, site: str, *, batch: int = 200) -> tuple[SiteModel, dict]:
    """Learn ``site``'s model afresh from the raw bodies of its stored current versions, store it
    (a new revision) and migrate the versions to it and to the current extraction rules. For
    stores written before site models existed, after a change of the learning rules, and after
    an upgrade of the extraction rules. Returns the model and the migration's counts."""
    config = store.site_config(site)
    options = extraction_options(config)
    model = SiteModel()
    after = 0
    while rows := store.stale_versions(site, None, after_id=after, limit=batch):
        for row in rows:
            after = row["id"]
            try:
                model.update(
                    read_features(
                        row["raw_body"],
                        content_type=_content_type(row.get("headers")),
                        encoding=options["encoding"],
                    )
                )
            except Exception:  # one unreadable stored page must not stop the others
                logger.exception("%s: could not read version %s", site, row["id"])
    model.settle()
    previous = SiteModel.from_dict(store.site_model(site))
    model.revision = max(model.revision, previous.revision + 1)
    model.list_hints = previous.list_hints
    counts = migrate_site(store, site, model, config=config, upgrade=True)
    store.save_site_model(site, model.to_dict(), revision=model.revision, pages=model.pages)
    return model, counts
