"""Full-text search over versions. (Placeholder: the index lands with the archivists' issue.)"""

from __future__ import annotations


def index_version(db, version_id: int) -> None:
    """Add one version to the search index, inside the caller's transaction."""
