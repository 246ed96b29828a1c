"""One day of the replica site (``monitor_site.py``) as routes for :func:`history.replay_history`.

``write_site`` writes the site's state with the demo server's placeholders (``{{now}}``,
``{{counter}}``, ``{{token}}``); here each day's state is written to a folder of its own and the
placeholders are filled with that day's values, so a whole history of the site can be served by
one replay, day after day, with its noise.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from support.monitor_site import write_site
from support.replay import Capture


def site_routes(
    folder: Path,
    releases,
    figures: dict[str, str],
    *,
    noise: int,
    moment: datetime,
    broken: dict[str, Capture] | None = None,
) -> dict[str, Capture]:
    """Write the site's state for one day into ``folder``; its routes (a removed release's file
    is absent: 404). ``broken`` replaces the routes of some paths for the day (a list page
    answering an empty 200, say)."""
    write_site(folder, releases, figures, noise=noise)
    statuses = json.loads((folder / "_server.json").read_text(encoding="utf-8"))["status"]
    routes = {}
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8")
        text = (
            text.replace("{{now}}", moment.strftime("%Y-%m-%d %H:%M:%S"))
            .replace("{{counter}}", str(1000 + noise * 37))
            .replace("{{token}}", hashlib.sha1(f"{noise}".encode()).hexdigest())
        )
        path.write_text(text, encoding="utf-8")
        routes["/" + relative] = Capture(file=path, status=statuses.get(relative, 200))
    routes.update(broken or {})
    return routes
