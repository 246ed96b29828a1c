"""The ``bulletin`` command line: a thin layer over the library; nothing imports it.

Every domain error becomes a one-line message, never a traceback. ``main.py`` holds the group,
``common.py`` what the commands share, and each other module one group of commands.
"""

from .main import cli, main

__all__ = ["cli", "main"]
