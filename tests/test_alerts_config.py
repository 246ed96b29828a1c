"""Validation of [smtp], [alerts], [[subscriptions]] and [webhooks.NAME]; the docs' example loads."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from crawler.alerts import subscription_rows
from crawler.config import (
    ALERTS_KEYS,
    SMTP_KEYS,
    SUBSCRIPTION_KEYS,
    WEBHOOK_KEYS,
    AlertSettings,
    SmtpSettings,
    Subscription,
    config_from_dict,
)
from storage.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
SITES = {
    "yueyang": {"start_urls": ["https://www.yueyang.gov.cn/"]},
    "changsha": {"start_urls": ["https://www.changsha.gov.cn/"]},
}
SMTP = {"host": "smtp.example.org"}


def build(**tables):
    return config_from_dict({"sites": SITES, **tables}, source="sites.toml")


def error(**tables) -> str:
    with pytest.raises(ConfigError) as excinfo:
        build(**tables)
    return str(excinfo.value)


def test_defaults():
    config = build(smtp=SMTP, subscriptions=[{"to": "a@example.org"}])
    assert config.smtp == SmtpSettings(host="smtp.example.org", port=587, tls="starttls")
    assert config.alerts == AlertSettings()
    assert config.subscriptions == (
        Subscription(name="email:a@example.org:*", to=("a@example.org",)),
    )
    assert config.webhooks == ()
    assert build().smtp is None


@pytest.mark.parametrize(
    "tls, port",
    [("starttls", 587), ("tls", 465), ("none", 25)],
    ids=["starttls", "implicit-tls", "none"],
)
def test_default_port_follows_tls_mode(tls, port):
    assert build(smtp={**SMTP, "tls": tls}).smtp.port == port


def test_subscription_inherits_digest_defaults_and_names_follow_recipients_and_sites():
    config = build(
        smtp=SMTP,
        alerts={"digest": "07:30", "timezone": "Asia/Shanghai"},
        subscriptions=[
            {
                "to": ["Li <li@example.org>", "a@example.org"],
                "sites": ["yueyang"],
                "delivery": "digest",
            },
            {"name": "team", "to": "t@example.org", "digest": "18:00", "timezone": "UTC"},
        ],
    )
    first, second = config.subscriptions
    assert first.name == "email:a@example.org,li@example.org:yueyang"
    assert (first.digest, first.timezone, first.delivery) == ("07:30", "Asia/Shanghai", "digest")
    assert (second.name, second.digest, second.timezone) == ("team", "18:00", "UTC")


def test_password_from_environment():
    smtp = build(smtp={**SMTP, "username": "bot", "password_env": "PW"}).smtp
    assert smtp.password({"PW": "x"}) == "x"
    with pytest.raises(ConfigError, match="^smtp: environment variable PW is not set"):
        smtp.password({})
    assert build(smtp={**SMTP, "username": "bot@example.org"}).smtp.sender == "bot@example.org"


def test_subscription_rows_include_operators_and_webhooks():
    config = build(
        smtp=SMTP,
        alerts={"operators": "ops@example.org"},
        webhooks={"archive": {"url": "https://a.example.org/h", "kinds": ["new", "health"]}},
    )
    rows = subscription_rows(config)
    assert [(r["name"], r["channel"], r["target"], r["kinds"]) for r in rows] == [
        ("operators", "email", ["ops@example.org"], ["health"]),
        ("webhook:archive", "webhook", ["https://a.example.org/h"], ["new", "health"]),
    ]


P = "sites.toml: "
INVALID = [
    (
        "smtp-not-a-table",
        {"smtp": "smtp.example.org"},
        P + "key 'smtp': expected a table, got \"smtp.example.org\"",
    ),
    (
        "smtp-host-missing",
        {"smtp": {"port": 25}},
        P + "smtp: key 'host': required: the SMTP server, like \"smtp.example.org\"",
    ),
    (
        "smtp-host",
        {"smtp": {"host": "smtp://x"}},
        P + 'smtp: key \'host\': expected a host name like "smtp.example.org", got "smtp://x"',
    ),
    (
        "smtp-port",
        {"smtp": {**SMTP, "port": 70000}},
        P + "smtp: key 'port': expected a port number from 1 to 65535, got 70000",
    ),
    (
        "smtp-tls",
        {"smtp": {**SMTP, "tls": "ssl"}},
        P + 'smtp: key \'tls\': expected "starttls", "tls" or "none", got "ssl"',
    ),
    (
        "smtp-username",
        {"smtp": {**SMTP, "username": ""}},
        P + "smtp: key 'username': expected a non-empty string, got \"\"",
    ),
    (
        "smtp-password-in-file",
        {"smtp": {**SMTP, "password": "hunter2"}},
        P
        + "smtp: key 'password': secrets are not read from the file: put the password in an environment "
        "variable and name it in password_env",
    ),
    (
        "smtp-password_env",
        {"smtp": {**SMTP, "password_env": "$PW"}},
        P
        + 'smtp: key \'password_env\': expected the name of an environment variable like "SMTP_PASSWORD", got "$PW"',
    ),
    (
        "smtp-from",
        {"smtp": {**SMTP, "from": "alerts"}},
        P
        + 'smtp: key \'from\': expected an e-mail address like "ops@example.org" or "Ops <ops@example.org>", got "alerts"',
    ),
    (
        "smtp-from-header-injection",
        {"smtp": {**SMTP, "from": "a@example.org\nBcc: x@evil.example"}},
        P
        + "smtp: key 'from': control characters are not allowed, got \"a@example.org\\nBcc: x@evil.example\"",
    ),
    (
        "smtp-timeout",
        {"smtp": {**SMTP, "timeout": 0}},
        P + "smtp: key 'timeout': expected a number > 0, got 0",
    ),
    (
        "smtp-ca_file",
        {"smtp": {**SMTP, "ca_file": "/nonexistent/ca.pem"}},
        P + "smtp: key 'ca_file': no such file: \"/nonexistent/ca.pem\"",
    ),
    (
        "smtp-unknown",
        {"smtp": {**SMTP, "hots": "x"}},
        P + "smtp: key 'hots': unknown key (did you mean 'host'?)",
    ),
    (
        "alerts-operators",
        {"alerts": {"operators": ["ops"]}},
        P
        + 'alerts: key \'operators\': expected an e-mail address like "ops@example.org" or "Ops <ops@example.org>", got "ops"',
    ),
    (
        "alerts-digest",
        {"alerts": {"digest": "8am"}},
        P + 'alerts: key \'digest\': expected a time of day "HH:MM" (24-hour clock), got "8am"',
    ),
    (
        "alerts-timezone",
        {"alerts": {"timezone": "Asia/Shangai"}},
        P
        + "alerts: key 'timezone': unknown IANA time zone \"Asia/Shangai\" (did you mean 'Asia/Shanghai'?)",
    ),
    (
        "alerts-max_items",
        {"alerts": {"max_items": 0}},
        P + "alerts: key 'max_items': expected a whole number >= 1, got 0",
    ),
    (
        "operators-need-smtp",
        {"alerts": {"operators": "ops@example.org"}},
        P + "key 'smtp': required: alerts.operators send e-mail, add an [smtp] table",
    ),
    (
        "subscriptions-need-smtp",
        {"subscriptions": [{"to": "a@example.org"}]},
        P + "key 'smtp': required: [[subscriptions]] send e-mail, add an [smtp] table",
    ),
    (
        "subscriptions-not-array",
        {"smtp": SMTP, "subscriptions": {"to": "a@example.org"}},
        P
        + 'key \'subscriptions\': expected an array of tables ([[subscriptions]]), got {"to": "a@example.org"}',
    ),
    (
        "subscription-to-missing",
        {"smtp": SMTP, "subscriptions": [{"sites": ["yueyang"]}]},
        P + "subscription #1: key 'to': required: the e-mail address(es) to send to",
    ),
    (
        "subscription-to-empty",
        {"smtp": SMTP, "subscriptions": [{"to": []}]},
        P + "subscription #1: key 'to': expected at least one e-mail address, got []",
    ),
    (
        "subscription-name",
        {"smtp": SMTP, "subscriptions": [{"name": "my team", "to": "a@example.org"}]},
        P
        + "subscription 'my team': key 'name': expected a name of letters, digits, '_' and '-', got \"my team\"",
    ),
    (
        "subscription-site",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "site": "yueyan"}]},
        P + "subscription #1: key 'site': unknown site \"yueyan\" (did you mean 'yueyang'?)",
    ),
    (
        "subscription-sites",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "sites": "yueyang"}]},
        P + "subscription #1: key 'sites': expected a list of site names, got \"yueyang\"",
    ),
    (
        "subscription-site-and-sites",
        {
            "smtp": SMTP,
            "subscriptions": [{"to": "a@example.org", "site": "yueyang", "sites": ["changsha"]}],
        },
        P + "subscription #1: key 'site': give either site or sites, not both",
    ),
    (
        "subscription-kinds",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "kinds": ["new", "health"]}]},
        P
        + 'subscription #1: key \'kinds\': expected a non-empty list of "new", "edited", "removed", "restored", '
        'got ["new", "health"]',
    ),
    (
        "subscription-keywords_any",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "keywords_any": "统战"}]},
        P + "subscription #1: key 'keywords_any': expected a list of keywords, got \"统战\"",
    ),
    (
        "subscription-keywords_all",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "keywords_all": [""]}]},
        P + "subscription #1: key 'keywords_all': expected a list of keywords, got \"\"",
    ),
    (
        "subscription-keywords_in",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "keywords_in": ["source"]}]},
        P
        + 'subscription #1: key \'keywords_in\': expected a non-empty list of "title", "body", got ["source"]',
    ),
    (
        "subscription-delivery",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "delivery": "daily"}]},
        P + 'subscription #1: key \'delivery\': expected "immediate" or "digest", got "daily"',
    ),
    (
        "subscription-digest",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "digest": "24:00"}]},
        P
        + 'subscription #1: key \'digest\': expected a time of day "HH:MM" (24-hour clock), got "24:00"',
    ),
    (
        "subscription-timezone",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "timezone": "+08:00"}]},
        P + "subscription #1: key 'timezone': unknown IANA time zone \"+08:00\"",
    ),
    (
        "subscription-unknown",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org", "keyword": ["x"]}]},
        P + "subscription #1: key 'keyword': unknown key (did you mean 'keywords_in'?)",
    ),
    (
        "subscription-duplicate",
        {"smtp": SMTP, "subscriptions": [{"to": "a@example.org"}, {"to": "a@example.org"}]},
        P
        + "subscription #2: key 'to': another subscription has the same name (or recipients and sites): "
        "merge them or give each a distinct name",
    ),
    (
        "webhook-name",
        {"webhooks": {"my hook": {"url": "https://x.example.org/"}}},
        P + "webhook 'my hook': invalid name (use letters, digits, '_' and '-')",
    ),
    (
        "webhook-not-a-table",
        {"webhooks": {"x": "https://x.example.org/"}},
        P + "webhook 'x': expected a [webhooks.x] table, got \"https://x.example.org/\"",
    ),
    (
        "webhook-url-missing",
        {"webhooks": {"x": {"kinds": ["new"]}}},
        P + "webhook 'x': key 'url': required: the http(s) URL to POST to",
    ),
    (
        "webhook-url",
        {"webhooks": {"x": {"url": "ftp://x.example.org/"}}},
        P + "webhook 'x': key 'url': expected an http(s) URL, got \"ftp://x.example.org/\"",
    ),
    (
        "webhook-kinds",
        {"webhooks": {"x": {"url": "https://x.example.org/", "kinds": ["all"]}}},
        P
        + 'webhook \'x\': key \'kinds\': expected a non-empty list of "new", "edited", "removed", "restored", '
        '"health", got ["all"]',
    ),
    (
        "webhook-secret_env",
        {"webhooks": {"x": {"url": "https://x.example.org/", "secret_env": "a-b"}}},
        P
        + "webhook 'x': key 'secret_env': expected the name of an environment variable like \"SMTP_PASSWORD\", got \"a-b\"",
    ),
    (
        "webhook-timeout",
        {"webhooks": {"x": {"url": "https://x.example.org/", "timeout": -1}}},
        P + "webhook 'x': key 'timeout': expected a number > 0, got -1",
    ),
]


@pytest.mark.parametrize(
    "tables, message", [case[1:] for case in INVALID], ids=[case[0] for case in INVALID]
)
def test_invalid_alert_settings(tables, message):
    assert error(**tables) == message


def test_every_alert_key_has_an_invalid_case():
    covered = " ".join(case[0] for case in INVALID)
    for table, keys in (
        ("smtp", SMTP_KEYS),
        ("alerts", ALERTS_KEYS),
        ("subscription", SUBSCRIPTION_KEYS),
        ("webhook", WEBHOOK_KEYS),
    ):
        for key in keys:
            if (
                key == "from"
                or table == "webhook"
                and key in ("site", "sites", "keywords_any", "keywords_all", "keywords_in")
            ):
                continue  # shared checkers, covered above
            assert f"{table}-{key}" in covered, f"{table}.{key}"


def test_docs_example_loads_and_every_key_is_described():
    text = (REPO / "docs" / "alerts.md").read_text(encoding="utf-8")
    example = re.search(r"## Quick start\n\n```toml\n(.*?)```", text, re.S).group(1)
    config = config_from_dict({"sites": SITES, **tomllib.loads(example)}, source="docs/alerts.md")
    assert [s.name for s in config.subscriptions] == ["press-office", "united-front"]
    assert config.webhooks[0].secret_env == "BULLETIN_WEBHOOK_SECRET"
    for key in [*SMTP_KEYS, *ALERTS_KEYS, *SUBSCRIPTION_KEYS, *WEBHOOK_KEYS]:
        assert f"`{key}`" in text, key
    assert "`BULLETIN_SMTP_PASSWORD`" in text
