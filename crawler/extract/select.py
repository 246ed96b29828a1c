"""The one selector engine: what `[selectors]` in a site's config means, and how extraction runs it.

A selector is XPath when it starts with ``/`` or ``(``, else CSS as parsel reads it (so
``h1.title::text`` and ``a.next::attr(href)`` work). Both compile to one lxml XPath with parsel's
EXSLT prefixes (``re:test(…)``). Config validation compiles with this module too, so a selector the
config accepts is one extraction can run.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from storage import ConfigError

# The EXSLT prefixes parsel registers, so `re:test(...)` compiles as it will run.
XPATH_NAMESPACES = {
    "re": "http://exslt.org/regular-expressions",
    "set": "http://exslt.org/sets",
}


def is_xpath(expr: str) -> bool:
    return expr.lstrip().startswith(("/", "("))


@lru_cache(maxsize=512)
def compile_selector(expr: str) -> etree.XPath:
    """The compiled selector; :class:`ConfigError` ("invalid CSS selector (…)") when it is not one."""
    xpath = is_xpath(expr)
    try:
        if xpath:
            return etree.XPath(expr.strip(), namespaces=XPATH_NAMESPACES)
        # imported late: only sites with selectors need it
        from parsel.csstranslator import HTMLTranslator

        return etree.XPath(HTMLTranslator().css_to_xpath(expr), namespaces=XPATH_NAMESPACES)
    except Exception as exc:  # cssselect and lxml each raise their own syntax errors
        raise ConfigError(f"invalid {'XPath' if xpath else 'CSS selector'} ({exc})") from None


def select(root, expr: str) -> list:
    """What ``expr`` selects under ``root``: elements, and strings for ``::text``/``::attr()``/``@attr``."""
    try:
        found = compile_selector(expr)(root)
    except etree.XPathEvalError as exc:  # compiles, fails to run (an unknown function)
        raise ConfigError(f"invalid selector {expr!r} ({exc})") from None
    if isinstance(found, list):
        return found
    return [] if found is None or found is False else [str(found)]
