"""``python -m crawler.cli``, kept for scripts written before ``python -m crawler``."""

from .main import main

main()
