"""``python -m crawler``: the ``bulletin`` command, as the scheduler spawns its crawls."""

from crawler.cli import main

main()
