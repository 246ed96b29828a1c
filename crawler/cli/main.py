"""The ``bulletin`` group: global options, and every command group added from its own module."""

from __future__ import annotations

import click

from ..settings import BULLETIN_DB
from . import alerts, archive, crawl, extract, sitemodel, sites
from .common import BulletinGroup


@click.group(cls=BulletinGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="BULLETIN_DB",
    default=BULLETIN_DB,  # the one default, also where `scrapy crawl` reads it
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file (env BULLETIN_DB).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Site configuration (TOML). Default: env BULLETIN_CONFIG, then ./sites.toml.",
)
@click.version_option(package_name="bulletin-monitor")
@click.pass_context
def cli(ctx, db_path, config_path):
    """bulletin-monitor: crawl government bulletin sites into a versioned SQLite archive."""
    ctx.obj = {"db": db_path, "config": config_path}


for command in (
    crawl.crawl,
    crawl.serve,
    crawl.demo,
    extract.extract,
    sitemodel.site_model,
    sites.sites,
    sites.releases,
    sites.events,
    sites.inspect,
    archive.search,
    archive.show,
    archive.history,
    archive.diff,
    archive.export,
    archive.datasette,
    archive.feed,
    alerts.alerts,
):
    cli.add_command(command)


def main():
    cli(prog_name="bulletin")
