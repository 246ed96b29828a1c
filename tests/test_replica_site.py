"""The replica scenario: a site written here changes over five real crawls — new, edited and
removed releases, an edited single-page watch, and volatile noise on every page in every crawl
(counters, clocks, tokens, rotating and reordered boxes, same-day rows swapping, a 503). Every
change must come out as exactly one event, and nothing else may."""

from __future__ import annotations

import json

import pytest

from support.harness import run_cli, start_site_server, write_config
from support.monitor_site import Release, write_site

ALWAYS_REVISIT = [36500, 36501, 36502]  # every release counts as "recent": revisited on every crawl
FIGURES = {
    "地区生产总值（亿元）": "1234.5",
    "一般公共预算收入（亿元）": "98.7",
    "常住人口（万人）": "112.3",
}


def releases() -> list[Release]:
    notices = [
        Release(
            "tzgg",
            100 + i,
            title,
            f"2023-09-0{1 + i // 2}",
            [
                f"为进一步做好{title[4:12]}相关工作，现将有关事项通知如下。",
                f"一、工作时间为2023年9月{10 + i}日至10月{10 + i}日，共计{20 + i}个工作日。",
                "二、请各单位高度重视，认真组织实施，确保各项工作落到实处。",
            ],
        )
        for i, title in enumerate(
            [
                "关于开展2023年秋季爱国卫生运动的通知",
                "关于做好中秋国庆期间安全生产工作的通知",
                "关于开展城镇燃气安全专项整治的通知",
                "关于公布第二批市级非物质文化遗产名录的通知",
                "关于做好2023年度秋冬季森林防火工作的通知",
                "关于开展全市统计执法检查的通知",
                "关于调整城区部分公交线路的通告",
                "关于2023年秋季学期中小学开学工作的通知",
            ]
        )
    ]
    readings = [
        Release(
            "zcjd",
            200 + i,
            title,
            f"2023-09-0{2 + i}",
            [
                f"近日，市政府印发《{title[2:]}》，现就有关内容解读如下。",
                f"《办法》共{5 + i}章{30 + i}条，自2023年10月1日起施行。",
            ],
            source="临江市司法局",
        )
        for i, title in enumerate(
            [
                "解读临江市物业管理办法",
                "解读临江市城市绿化管理规定",
                "解读临江市养犬管理条例实施细则",
                "解读临江市促进就业若干措施",
            ]
        )
    ]
    return notices + readings


NOTICE_108 = [
    "请各单位于9月30日前完成报表报送。",
    "逾期未报送的，将按照《统计法》有关规定予以通报。",
    "联系人：王某某，电话：0730-1234567。",
]


@pytest.mark.parametrize("paragraphs", [1, 2], ids=["one-paragraph", "two-paragraphs"])
def test_a_short_notice_body_is_its_text_not_the_top_bar(paragraphs):
    from crawler.extract import extract_article
    from support.monitor_site import _article

    notice = Release(
        "tzgg",
        108,
        "关于做好2023年第三季度统计报表报送工作的通知",
        "2023-09-09",
        NOTICE_108[:paragraphs],
    )
    page = _article(notice, 1).replace("{{now}}", "2023-09-09 10:00:00").replace("{{counter}}", "5")
    assert extract_article(
        page.encode(), "http://www.linjiang.example/tzgg/a.html"
    ).body == "\n\n".join(NOTICE_108[:paragraphs])


def test_replica_site_over_five_crawls_every_change_and_no_false_event(tmp_path):
    root = tmp_path / "site"
    site = releases()
    by_number = {release.number: release for release in site}
    figures = dict(FIGURES)
    write_site(root, site, figures, noise=0)
    server = start_site_server(root, tmp_path / "requests.log")
    try:
        base = server.url.rstrip("/")
        config = write_config(
            tmp_path / "sites.toml",
            {
                "replica": {
                    "start_urls": [f"{base}/tzgg/index.html", f"{base}/zcjd/index.html"],
                    "pages": [f"{base}/tjsj/zyjjzb.html"],
                    "timezone": "Asia/Shanghai",
                    "revisit": ALWAYS_REVISIT,
                    "removal_confirm_after": "0s",
                    "exclude": ["/rd/", "/search/"],
                    "politeness": {"obey_robots": False},
                }
            },
        )
        db = tmp_path / "bulletin.db"
        seen: list[dict] = []

        def page(number: int) -> str:
            return next(r for r in site if r.number == number).path.rsplit("/", 1)[-1]

        def crawl(noise: int) -> list[tuple]:
            write_site(root, site, figures, noise=noise)
            result = run_cli("crawl", "replica", "--progress", "off", db=db, config=config)
            assert result.exit_code == 0, result.stderr[-3000:]
            out = run_cli("events", "--json", "--include-baseline", db=db)
            assert out.exit_code == 0, out.stderr
            events = [json.loads(line) for line in out.stdout.splitlines()]
            new = events[len(seen) :]
            seen.extend(new)
            return sorted(
                (e["kind"], e["url"].rsplit("/", 1)[-1], tuple(e.get("changed_fields") or ()))
                for e in new
                if not e["baseline"]
            )

        assert crawl(0) == []
        assert len(seen) == 13 and all(e["baseline"] for e in seen)

        # 1: a new notice at the top pushes the oldest one to page 2; noise everywhere
        site.append(
            Release(
                "tzgg",
                108,
                "关于做好2023年第三季度统计报表报送工作的通知",
                "2023-09-09",
                NOTICE_108[:1],
            )
        )
        assert crawl(1) == [("new", page(108), ())]

        # 2: a quiet body edit, a retitled release (row and page), a removal
        by_number[102].paragraphs[1] = (
            by_number[102].paragraphs[1].replace("共计22个工作日", "共计25个工作日")
        )
        by_number[201].title = "解读《临江市城市绿化管理规定》（修订）"
        by_number[105].removed = True
        assert crawl(2) == [
            ("edited", page(102), ("body",)),
            ("edited", page(201), ("title",)),
            ("removed", page(105), ()),
        ]

        # 3: a new reading, new figures on the watched page, an attachment added
        site.append(
            Release(
                "zcjd",
                204,
                "解读临江市老旧小区改造实施方案",
                "2023-09-08",
                ["《方案》明确了2023—2025年改造目标。"],
                source="临江市住房和城乡建设局",
            )
        )
        figures["一般公共预算收入（亿元）"] = "101.2"
        by_number[100].attachments.append(("2023qiuji.pdf", "秋季爱国卫生运动工作安排.pdf"))
        assert crawl(3) == [
            # The 附件 list under the text is body (ffe8b41), but its lines are the attachment
            # list's, and the site's closing template line before it still ends the text: the
            # notice's words are unchanged, so only the attachments moved (the body diff showed
            # that template line as inserted text).
            ("edited", page(100), ("attachments",)),
            ("edited", "zyjjzb.html", ("body",)),
            ("new", page(204), ()),
        ]

        # 4: nothing but noise, and one release answering 503 for a while
        by_number[101].status = 503
        assert crawl(4) == []
    finally:
        server.stop()
