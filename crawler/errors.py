"""The project's exception tree under its older name; it is defined in :mod:`storage.errors`."""

from storage.errors import *  # noqa: F403
from storage.errors import __all__  # noqa: F401
