"""``bulletin serve``: the scheduler service (APScheduler 3).

One job per site, from the site's ``schedule`` (an interval such as ``6h`` or a cron
expression). Each run probes the site's start pages first and skips the crawl when nothing
changed; otherwise it runs ``bulletin crawl SITE`` in a child process — a Twisted reactor cannot
be restarted, memory goes back to the OS and a crash stays contained — under a time limit.
Runs of one site never overlap (``max_instances=1`` here, the site lock in the child); missed
runs are coalesced; first runs are staggered and resume from the times stored in the database.
A job sends due alerts every minute (retries, digests) and after every crawl.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.config import Cron, parse_schedule
from storage import Store

logger = logging.getLogger("bulletin.serve")

#: One log line format for the service and its crawl processes (they share its stderr).
LOG_FORMAT = "%(asctime)s,%(msecs)03d %(levelname)s %(name)s: %(message)s"
LOG_DATEFORMAT = "%Y-%m-%d %H:%M:%S"
EXIT_INTERRUPTED = 130  # what `bulletin crawl` exits with when a signal stopped it

_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def cron_trigger(cron: Cron, zone: str):
    """An APScheduler trigger firing when the checked crontab line *cron* does.

    The parser (crawler/config/schedule.py) has expanded every field; weekdays are handed over by
    name, since crontab counts them from Sunday and APScheduler 3 from Monday. When both day
    fields are restricted crontab runs on a day matching either, APScheduler only on one matching
    both: that case is two triggers, either of which fires.
    """
    from apscheduler.triggers.combining import OrTrigger
    from apscheduler.triggers.cron import CronTrigger

    fields = {
        "minute": _cron_values(cron.minutes, 60),
        "hour": _cron_values(cron.hours, 24),
        "month": _cron_values(cron.months, 12),
        "timezone": zone,
    }
    day = _cron_values(cron.days, 31)
    weekday = (
        "*" if len(cron.weekdays) == 7 else ",".join(_WEEKDAYS[d] for d in sorted(cron.weekdays))
    )
    if cron.either_day:
        return OrTrigger(
            [CronTrigger(day=day, **fields), CronTrigger(day_of_week=weekday, **fields)]
        )
    return CronTrigger(day=day, day_of_week=weekday, **fields)


def _cron_values(values: frozenset[int], count: int) -> str:
    return "*" if len(values) == count else ",".join(str(v) for v in sorted(values))


def first_run_time(
    last_started: str | None, interval: float, now: datetime, delay: float
) -> datetime:
    """When a site's interval job first runs: one interval after its last crawl, never before ``delay``."""
    earliest = now + timedelta(seconds=delay)
    if last_started:
        due = datetime.fromisoformat(last_started) + timedelta(seconds=interval)
        return max(due, earliest)
    return earliest


class Service:
    """The long-running scheduler. ``run()`` blocks until SIGTERM/SIGINT and returns 0."""

    def __init__(self, config, db_path: str | Path, *, config_path: str | Path | None = None):
        self.config = config
        self.options = config.serve  # [serve], checked with the rest of the file
        self.db_path = Path(db_path)
        self.config_path = Path(config_path) if config_path else config.path
        self.stopping = threading.Event()
        self.children: dict[str, subprocess.Popen] = {}
        self.lock = threading.Lock()
        self.active_crawls = 0
        self.crawls_done = threading.Condition(self.lock)
        self.scheduler = None

    # Jobs --------------------------------------------------------------------------------------

    def schedule_all(self, now: datetime | None = None) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.interval import IntervalTrigger

        now = now or datetime.now(UTC)
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={
                "default": {"type": "threadpool", "max_workers": max(2, len(self.config.sites))}
            },
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )
        with Store(self.db_path) as store:
            last = {row["name"]: row["last_crawl_at"] for row in store.sites()}
            from crawler.alerts import sync_subscriptions

            sync_subscriptions(store, self.config)
        for index, (name, site) in enumerate(self.config.sites.items()):
            schedule = site.schedule or self.options.default_schedule
            when = parse_schedule(schedule)
            if isinstance(when, int):
                interval = when
                jitter = min(600.0, interval * self.options.jitter)
                start = first_run_time(last.get(name), interval, now, index * self.options.stagger)
                trigger = IntervalTrigger(
                    seconds=interval, start_date=start, jitter=jitter or None, timezone=UTC
                )
                next_run = start
            else:
                trigger = cron_trigger(when, site.timezone)
                next_run = None
            job = self.scheduler.add_job(
                self.run_site,
                trigger,
                args=[name],
                id=f"site:{name}",
                name=name,
                **({"next_run_time": next_run} if next_run else {}),
            )
            logger.info(
                "%s: scheduled (%s), next run %s", name, schedule, job.next_run_time or "per cron"
            )
        self.scheduler.add_job(
            self.send_alerts,
            IntervalTrigger(seconds=max(1.0, self.options.alerts_interval)),
            id="alerts",
            name="alerts",
        )

    def run_site(self, name: str) -> None:
        """One scheduled run of a site: probe, then (if needed) a crawl in a child process."""
        if self.stopping.is_set():
            return
        site = self.config.site(name)
        from .probe import probe_site

        try:
            with Store(self.db_path) as store:
                probe = probe_site(store, site)
                if not probe.changed:
                    store.record_skipped_crawl(
                        name,
                        note=f"probe: {probe.reason}",
                        requests=probe.requests,
                        responses_by_status=probe.statuses,
                    )
                    logger.info("%s: probe: %s; crawl skipped", name, probe.reason)
                    return
                logger.info("%s: probe: %s; crawling", name, probe.reason)
        except Exception as exc:  # a failed probe must not cost the crawl
            logger.warning("%s: probe failed (%s: %s); crawling", name, type(exc).__name__, exc)
        self._crawl(name)
        self.send_alerts()

    def _crawl(self, name: str) -> None:
        command = [sys.executable, "-m", "crawler", "--db", str(self.db_path)]
        if self.config_path:
            command += ["--config", str(self.config_path)]
        command += [
            "crawl",
            name,
            "--progress",
            "log",
            "-s",
            f"LOG_FORMAT={LOG_FORMAT}",
            "-s",
            f"LOG_DATEFORMAT={LOG_DATEFORMAT}",
        ]
        with self.lock:
            if self.stopping.is_set():
                return
            # Its log goes to our stderr as it happens; its summary (stdout) becomes one log line.
            # Its own process group: a Ctrl-C on the service reaches the crawl once, as our SIGTERM.
            child = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                process_group=0,
            )
            self.children[name] = child
            self.active_crawls += 1
        try:
            try:
                summary, _ = child.communicate(timeout=self.options.crawl_timeout)
            except subprocess.TimeoutExpired:
                logger.error(
                    "%s: crawl exceeded %.0f s; stopping it", name, self.options.crawl_timeout
                )
                _stop(child, self.options.stop_timeout)
                summary, _ = child.communicate()
            code = child.returncode
            summary = summary_line(summary)
            if code == 0 and self._last_status(name) == "cut_short":
                # Exit 0 too, but unfinished: what it did not reach waits for the next crawl.
                logger.warning("%s: crawl cut short: %s", name, summary)
            elif code == 0:
                logger.info("%s: crawl finished: %s", name, summary)
            elif code == EXIT_INTERRUPTED:
                logger.info("%s: crawl interrupted: %s", name, summary)
            else:
                logger.warning(
                    "%s: crawl exited with status %s: %s", name, code, summary or "no summary"
                )
            self.write_feeds([name])  # even a failed crawl may have recorded events
        finally:
            with self.lock:
                self.children.pop(name, None)
                self.active_crawls -= 1
                self.crawls_done.notify_all()

    def _last_status(self, name: str) -> str | None:
        """The status of the site's last crawl row (the one its crawl just closed)."""
        try:
            with Store(self.db_path) as store:
                rows = store.crawls(name, limit=1)
        except Exception as exc:  # the log line must not cost the service
            logger.warning("%s: crawl status unknown (%s: %s)", name, type(exc).__name__, exc)
            return None
        return rows[0]["status"] if rows else None

    def write_feeds(self, sites) -> None:
        """Rewrite ``all.atom`` and ``SITE.atom`` of ``sites`` in ``[serve] feed_dir``, if set."""
        if not self.options.feed_dir:
            return
        try:
            from crawler.feed import write_feed_dir

            with Store(self.db_path) as store:
                written = write_feed_dir(
                    store,
                    Path(self.options.feed_dir).expanduser(),
                    sites,
                    limit=self.options.feed_entries,
                    archive_url=self.options.archive_url,
                    feed_url=self.options.feed_url,
                )
            logger.info("feeds: wrote %s", ", ".join(path.name for path in written))
        except Exception as exc:  # a feed that cannot be written must not stop the service
            logger.warning("feeds: %s: %s", type(exc).__name__, exc)

    def send_alerts(self) -> None:
        try:
            from crawler.alerts import send_pending

            with Store(self.db_path) as store:
                report = send_pending(store, self.config, archive_url=self.options.archive_url)
            if report.messages:
                logger.info(
                    "alerts: %d sent, %d failed, %d to retry",
                    report.sent,
                    report.failed,
                    report.retrying,
                )
            if report.deferred:
                logger.warning(
                    "alerts: %d messages not tried: %s",
                    report.deferred,
                    next(m["error"] for m in report.messages if m["status"] == "deferred"),
                )
        except (
            Exception
        ) as exc:  # delivery problems are recorded in the outbox; the service goes on
            logger.warning("alerts: %s: %s", type(exc).__name__, exc)

    # Life cycle --------------------------------------------------------------------------------

    def request_stop(self, *_args) -> None:
        self.stopping.set()

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.request_stop)
        signal.signal(signal.SIGINT, self.request_stop)
        self.schedule_all()
        self.write_feeds(list(self.config.sites))
        self.scheduler.start()
        logger.info(
            "serving %d sites from %s; SIGTERM or Ctrl-C stops",
            len(self.config.sites),
            self.db_path,
        )
        self.stopping.wait()
        logger.info(
            "stopping: no new runs; letting running crawls close (at most %.0f s)",
            self.options.stop_timeout,
        )
        self.scheduler.shutdown(wait=False)
        with self.lock:
            children = list(self.children.values())
        for child in children:
            _stop(child, self.options.stop_timeout)
        # Each crawl's job logs how it ended (and writes its feeds) before the service says so.
        with self.lock:
            self.crawls_done.wait_for(
                lambda: self.active_crawls == 0, timeout=self.options.stop_timeout + 10
            )
        logger.info("stopped")
        return 0


def summary_line(text: str | None) -> str:
    """A crawl's printed summary as one log line: its lines joined, the failure details left out
    (each was logged as a warning when it happened)."""
    lines = [
        " ".join(line.split())
        for line in (text or "").splitlines()
        if line.strip() and not line.startswith("    ")
    ]
    return "; ".join(lines)


def _stop(child: subprocess.Popen, timeout: float) -> int:
    """SIGTERM (Scrapy closes the crawl cleanly), then SIGKILL after ``timeout`` seconds."""
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
        try:
            return child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
    return child.wait()
