"""``scrapy crawl site -a site=NAME``: Scrapy's own command, with the site checked first.

A missing or invalid ``sites.toml`` or an unknown site is one ``Error:`` line and exit status 1,
as with ``bulletin crawl``, instead of a traceback from inside the crawler. The check runs
before Scrapy builds its crawler process, so nothing else is printed. Ctrl-C stops it as it stops
``bulletin crawl`` (:class:`crawler.runner.CrawlStopper`): nothing new is sent.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from storage import BulletinError


class Command(ScrapyCrawlCommand):
    def process_options(self, args, opts) -> None:
        super().process_options(args, opts)
        from scrapy.spiderloader import get_spider_loader

        loader = get_spider_loader(self.settings)
        if len(args) != 1 or args[0] not in loader.list():
            return  # Scrapy's own usage error follows
        # A spider that takes a site (SiteSpider and its subclasses) checks it here, by duck type:
        # the crawler layer does not import spiders/.
        check = getattr(loader.load(args[0]), "site_from_arguments", None)
        if check is None:
            return
        try:
            check(opts.spargs.get("site"), opts.spargs.get("config"))
        except BulletinError as exc:
            sys.stderr.write(f"Error: {' '.join(str(exc).split())}\n")
            raise SystemExit(1) from None

    def run(self, args, opts) -> None:
        from scrapy.exceptions import UsageError

        from crawler.runner import CrawlStopper

        if not args:
            raise UsageError
        if len(args) > 1:
            raise UsageError("running 'scrapy crawl' with more than one spider is not supported")
        process = self.crawler_process
        process.crawl(self._create_crawler(args[0]), **opts.spargs)
        stopper = CrawlStopper(process, grace=process.settings.getfloat("BULLETIN_STOP_GRACE"))
        with stopper:
            process.start(install_signal_handlers=False)
        stopper.close_unclosed()
        if process.bootstrap_failed:
            self.exitcode = 1
