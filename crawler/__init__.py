"""bulletin-monitor: the Scrapy project, extraction, configuration and the CLI."""

__version__ = "0.1.0"
