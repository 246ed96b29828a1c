"""Single-page watches (``pages = [URL]``) replayed capture by capture through real crawls:
an edit exactly when the page's content changed, nothing from broken responses."""

from __future__ import annotations

import json

import pytest

from support.harness import CORPUS, run_cli
from support.monitor_pages import (
    BOT_CHECK,
    EMPTY,
    MAINTENANCE,
    PENALTIES,
    REDIRECT_STUB,
    stats_frame,
    stats_page,
    table_only_page,
    unrendered_template,
)
from support.replay import Capture, Replay

FIGURES = {
    "地区生产总值（亿元）": "1234.5",
    "规模以上工业增加值增速（%）": "6.2",
    "社会消费品零售总额（亿元）": "567.8",
    "城镇居民人均可支配收入（元）": "45678",
    "农村居民人均可支配收入（元）": "21034",
    "固定资产投资增速（%）": "4.8",
    "一般公共预算收入（亿元）": "98.7",
    "一般公共预算支出（亿元）": "187.2",
    "居民消费价格指数（上年同月=100）": "100.3",
    "工业生产者出厂价格指数（上年同月=100）": "97.6",
    "金融机构人民币存款余额（亿元）": "2876.4",
    "金融机构人民币贷款余额（亿元）": "2310.9",
    "进出口总额（亿元）": "156.3",
    "实际使用外资（万美元）": "8120",
    "城镇新增就业（人）": "23456",
    "城镇调查失业率（%）": "5.1",
}


def stats(noise=0, **changed):
    return Capture(
        body=stats_page({**FIGURES, **changed}, as_of="2023年8月", noise=noise),
        note=f"figures {changed or 'as before'}, noise {noise}",
    )


def test_a_watched_page_through_broken_captures_has_one_edit_per_real_change(tmp_path):
    history = [
        (stats(), ["new"]),
        (stats(noise=1), []),  # clock, counter, session id, rotating related box
        (Capture(body=EMPTY, note="empty 200"), []),
        (Capture(body=BOT_CHECK, note="anti-bot challenge"), []),
        (stats(noise=2, **{"地区生产总值（亿元）": "1240.1"}), ["edited"]),
        (Capture(body=unrendered_template(), note="broken template"), []),
        (stats(noise=2, **{"地区生产总值（亿元）": "1240.1"}), []),  # same bytes: a 304
        (Capture(body=REDIRECT_STUB, note="redirect stub"), []),
        (Capture(body=MAINTENANCE, note="maintenance"), []),
        (Capture(body=MAINTENANCE, status=503, note="503"), []),
        (Capture(body="<html><body>404</body></html>", status=404, note="404 for a while"), []),
        (
            Capture(
                body=stats_frame(as_of="2023年8月", noise=4), note="the frame without its figures"
            ),
            [],
        ),
        (
            stats(
                noise=3, **{"地区生产总值（亿元）": "1240.1", "规模以上工业增加值增速（%）": "6.4"}
            ),
            ["edited"],
        ),
    ]
    # Daily captures: validators a week old still make the unchanged day a 304.
    with Replay(tmp_path, site={"validators_max_age": "7d"}) as replay:
        days = replay.run(capture for capture, _ in history)
        versions = replay.versions()
    assert [day.kinds for day in days] == [kinds for _, kinds in history], "\n".join(map(str, days))
    assert len(versions) == 3
    assert days[6].crawl["not_modified"] == 1
    for day, reason in zip(
        [days[i] for i in (2, 3, 5, 7, 8, 9)],
        ["empty body", "anti-bot", "unrendered template", "redirect stub", "maintenance", "503"],
    ):
        assert day.failures and reason in day.failures[0]["reason"], str(day)
    assert (
        "1234.5" in versions[0]["body"]
        and "1240.1" in versions[1]["body"]
        and "6.4" in versions[2]["body"]
    )
    assert days[-1].events[0]["changed_fields"] == ["body"]
    assert days[11].failures[0]["reason"].startswith("content collapsed")


def test_a_page_that_stays_without_its_content_is_an_edit_once_the_window_has_passed(tmp_path):
    frame = Capture(body=stats_frame(as_of="2023年8月"), note="frame")
    with Replay(tmp_path, site={"removal_confirm_after": "0s"}) as replay:
        days = replay.run([stats(), frame, frame, frame, stats()])
    assert [day.kinds for day in days] == [["new"], [], ["edited"], [], ["edited"]], "\n".join(
        map(str, days)
    )


def test_a_table_only_page_edited_in_one_cell_is_one_edit(tmp_path):
    edited = [list(row) for row in PENALTIES]
    edited[2][4] = "警告，罚款3千元"
    with Replay(tmp_path, path="/zwgk/xzcf/index.html") as replay:
        days = replay.run(
            [
                Capture(body=table_only_page(PENALTIES)),
                Capture(body=table_only_page(PENALTIES, noise=4)),
                Capture(body=table_only_page([tuple(row) for row in edited], noise=5)),
            ]
        )
        diff = run_cli("diff", replay.url, db=replay.db)
    assert [day.kinds for day in days] == [["new"], [], ["edited"]], "\n".join(map(str, days))
    assert days[2].events[0]["changed_fields"] == ["body"]
    assert diff.exit_code == 0 and "{+罚款3千元+}" in diff.stdout.replace("，", ""), diff.stdout


BJJS = [CORPUS / "other" / f"bjjs_zjw_beijing_housing_stats_2023090{day}.html" for day in (6, 7)]


@pytest.mark.skipif(
    not all(path.exists() for path in BJJS),
    reason="../shared/corpus (the bjjs statistics pair) is absent",
)
def test_the_bjjs_statistics_pair_as_a_single_page_watch(tmp_path):
    # Served from ../shared where they lie; the second capture has new daily figures and new
    # values of the fields that change on every fetch (createDate, session id).
    with Replay(tmp_path, path="/eportal/ui") as replay:
        days = replay.run(
            [
                Capture(file=BJJS[0], note="2023-09-06"),
                Capture(file=BJJS[1], note="2023-09-07"),
                Capture(file=BJJS[1], note="2023-09-07 again"),
            ]
        )
        shown = json.loads(run_cli("show", replay.url, "--json", db=replay.db).stdout)
    assert [day.kinds for day in days] == [["new"], ["edited"], []], "\n".join(map(str, days))
    assert days[1].events[0]["changed_fields"] == ["body"]
    assert "2023/9/6期房网上认购" in shown["body"] and "2023/9/5期房网上认购" not in shown["body"]


def test_versions_of_one_watched_page_are_one_page_for_the_site_model(tmp_path):
    from storage import Store

    def figures(i):
        return {name: f"{float(value) + i:.1f}" for name, value in FIGURES.items()}

    captures = [Capture(body=stats_page(figures(i), as_of="2023年8月", noise=i)) for i in range(9)]
    with Replay(tmp_path) as replay:
        days = replay.run(captures)
        versions = replay.versions()
    assert [day.kinds for day in days] == [["new"]] + [["edited"]] * 8, "\n".join(map(str, days))
    # the lines every version shares (the intro, the table's labels) stay content: they are the
    # page's, not the site's template
    assert versions[-1]["body"].startswith("截至2023年8月，全市主要经济指标如下表。\n")
    assert "\n指标\t数值\t统计期\t数据来源\n地区生产总值（亿元）\t1242.5" in versions[-1]["body"]
    with Store(replay.db) as store:
        assert (store.site_model("watch") or {}).get("pages", 1) <= 1


def test_the_probe_asks_watched_pages_and_skips_only_when_they_answer_304(tmp_path):
    from crawler.config import load_config
    from crawler.monitor.probe import probe_site
    from storage import Store

    with Replay(tmp_path, site={"revisit": []}) as replay:
        replay.crawl(stats())
        site = load_config(replay.config).site(replay.name)
        with Store(replay.db) as store:
            unchanged = probe_site(store, site)
            replay.serve(stats(**{"地区生产总值（亿元）": "1240.1"}))
            changed = probe_site(store, site)
    assert not unchanged.changed and unchanged.statuses == {"304": 1}, unchanged
    assert changed.changed and "watched page answered 200" in changed.reason
