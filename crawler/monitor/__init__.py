"""Change monitoring around the crawl: per-site locks, the cheap probe, the scheduler service."""
