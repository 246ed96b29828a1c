"""A third watched page, written blind (tests/support/history_notice.py): a county's 公开招聘
notice — prose, a 岗位一览表, attachments — over 37 captures 2020–2023 in three templates (a GBK
table-layout ASP.NET site, a mobile-first redesign whose table is a grid of divs, a 集约化 page
with the 信息公开 metadata table), noise on every fetch, one-sentence and one-cell edits, an
attachment added and one replaced, and the faults sites serve with a 200: cookie challenges, WAF
block pages, a slider check, 访问过于频繁, nginx 502/504, 系统维护中, unrendered templates, a
page cut mid-table, an empty 200, a redirect stub, a 404 that lasts minutes, a table answering
暂无数据 for a day, and a real removal and restoration at the end.

The 暂无数据 day: the page's frame, prose and attachments are all there, but its data table
says 暂无数据 where ten rows stood, and the next day the rows are back. An archivist expects no
version of that day — the site's query failed, it did not publish an empty table — so a failed
fetch and no event, as for any response that lost its data; only if the empty table persisted
past ``removal_confirm_after`` would it be believed (an edit), as a collapse is."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from support.history import Step, replay_history, score_days
from support.history_notice import (
    JSL_CHALLENGE,
    MAINTENANCE,
    NGINX_502,
    NGINX_504,
    NOT_FOUND_2023,
    REFRESH_STUB,
    SLIDER_CHECK,
    TOO_FREQUENT,
    WAF_BLOCK,
    Noise,
    Notice,
    page_2020,
    page_2021,
    page_2023,
)
from support.replay import Capture

GBK = {"encoding": "gb18030", "ctype": "text/html"}


class Days:
    def __init__(self):
        self.steps: list[Step] = []
        self.moment = datetime(2020, 11, 5, 1, 30, tzinfo=UTC)  # 09:30 Beijing
        self.seed = 0

    def add(self, capture: Capture, expect=(), *, failed=False, after=timedelta(days=1)) -> None:
        self.steps.append(Step(capture, at=self.moment, expect=list(expect), failed=failed))
        self.moment += after
        self.seed += 1

    def page(
        self, template, notice, note, expect=(), *, encoding="utf-8", ctype=None, failed=False, **kw
    ):
        noise = Noise(self.seed, self.moment.date())
        data = template(notice, noise, **kw).encode(encoding)
        ctype = ctype or f"text/html; charset={encoding}"
        self.add(Capture(data=data, content_type=ctype, note=note), expect, failed=failed)

    def fault(self, body: str, note: str, *, status=200, after=timedelta(days=1), **kw) -> None:
        self.add(Capture(body=body, status=status, note=note, **kw), failed=True, after=after)


def notice_history() -> list[Step]:
    d = Days()
    n0 = Notice()
    n1 = replace(n0, deadline="2020年11月27日17:00")  # one sentence: the deadline extended
    n2 = n1.with_cell(3, 3, "2")  # one cell: 高中数学教师 1 → 2 (and the total in the prose)
    n3 = replace(
        n2,
        attachments=[
            *n2.attachments,
            ("/uploadfiles/202011/20201124160501234.pdf", "附件3：关于延长报名时间的补充公告.pdf"),
        ],
    )
    n4 = replace(
        n3,
        interview="面试定于2020年12月19日在青溪县第一中学进行，请考生携带身份证和笔试准考证参加。",
    )
    n5 = n4.with_cell(8, 5, "会计学、财务管理、审计学")
    n6 = replace(
        n5,
        attachments=[
            (
                "/uploadfiles/202011/20201126101500001.xls",
                "附件1：青溪县2020年公开招聘事业单位工作人员岗位表（更正）.xls",
            ),
            *n5.attachments[1:],
        ],
    )

    d.fault(JSL_CHALLENGE, "first day: cookie challenge (__jsl_clearance), no page yet")
    d.page(page_2020, n0, "2020 notice", ["new"], **GBK)
    d.page(
        page_2020, n0, "2020 noise (clock, weather, counter, session ids, viewstate, 推荐)", **GBK
    )
    d.fault(NGINX_502, "nginx 502 text page as 200")
    d.page(page_2020, n0, "2020 noise, side menu reordered", **GBK)
    d.page(page_2020, n1, "2020 one sentence edited (deadline extended)", ["edited"], **GBK)
    d.fault(TOO_FREQUENT, "访问过于频繁 as 200")
    d.fault("", "empty 200")
    d.page(page_2020, n1, "2020 noise, 上一篇/下一篇 changed", **GBK)
    d.page(page_2020, n2, "2020 one table cell edited", ["edited"], **GBK)
    whole = page_2020(n2, Noise(d.seed, d.moment.date())).encode("gb18030")
    cut = whole.index("农技员".encode("gb18030"))
    d.add(
        Capture(
            data=whole, truncate=cut, length=False, content_type="text/html", note="cut mid-table"
        ),
        failed=True,
    )
    d.fault(MAINTENANCE, "系统维护中 as 200")
    d.page(page_2020, n3, "2020 an attachment added", ["edited"], **GBK)
    d.fault(REFRESH_STUB, "meta-refresh stub (~200 bytes)")
    # a 404 that lasts minutes: two crawls 15 minutes apart, then the page is back
    d.fault(
        NOT_FOUND_2023, "404 while the CMS republishes", status=404, after=timedelta(minutes=15)
    )
    d.fault(NOT_FOUND_2023, "404 again 15 minutes later", status=404, after=timedelta(minutes=25))
    d.page(page_2020, n3, "2020 back 40 minutes after the first 404", **GBK)
    d.page(
        page_2020,
        replace(n3, posts_shown=False),
        "2020 岗位表 says 暂无数据 (query failed)",
        failed=True,
        **GBK,
    )
    d.page(page_2020, n3, "2020 rows back", **GBK)
    # 2021: mobile-first redesign, the table a grid of divs
    d.moment = datetime(2021, 6, 1, 1, 30, tzinfo=UTC)
    d.page(page_2021, n3, "2021 mobile-first redesign (grid of divs), same content")
    d.page(page_2021, n3, "2021 noise")
    d.fault(SLIDER_CHECK, "滑块 security check")
    d.fault(NGINX_504, "openresty 504 text page as 200")
    d.page(page_2021, n4, "2021 one sentence edited (interview date)", ["edited"])
    d.fault(
        page_2021(n4, Noise(d.seed, d.moment.date()), template=True), "unrendered {{ }} template"
    )
    d.page(page_2021, n4, "2021 noise")
    d.page(page_2021, n4, "2021 full/half-width punctuation only", variant="spaced")
    # 2023: 集约化 platform
    d.moment = datetime(2023, 3, 20, 1, 30, tzinfo=UTC)
    d.page(page_2023, n4, "2023 集约化 redesign (信息公开 table), same content")
    d.page(page_2023, n4, "2023 noise")
    d.fault(
        page_2023(n4, Noise(d.seed, d.moment.date()), unrendered=True),
        "unrendered ${…}/$pageHelpBean",
    )
    d.page(page_2023, n5, "2023 one table cell edited", ["edited"])
    d.fault(WAF_BLOCK, "安全狗-style WAF block as 200")
    d.fault("\n\n  \n", "whitespace-only 200")
    d.page(page_2023, n6, "2023 an attachment replaced by a corrected one", ["edited"])
    d.fault(NOT_FOUND_2023, "404 (taken down)", status=404)
    d.add(
        Capture(body=NOT_FOUND_2023, status=404, note="404 a day later: removed"),
        ["removed"],
        failed=True,
    )
    d.page(page_2023, n6, "2023 restored", ["restored"])
    return d.steps


def test_a_recruitment_notice_over_37_captures_written_blind_is_right_every_day(tmp_path):
    steps = notice_history()
    days, figures = replay_history(tmp_path, steps, path="/show.aspx")
    judged = score_days(steps, days)
    right = sum(ok for _, ok, _ in judged)
    report = "\n".join(("   " if ok else "XX ") + line for _, ok, line in judged)
    print(
        f"\nFIGURE notice history: {right}/{len(steps)} days right, {figures['seconds']:.1f} s\n{report}"
    )
    # First sight (main of 2 December, 02:50): 25/37. Solved since: a session token on the
    # attachment links (``?sid=``), a cut mid-table that ends at a tag, a table answering 暂无数据,
    # attachment names inside or outside the body container; and since 77eb170 the 2021
    # template's view counter glued to the source (来源：X then a counter in the next span,
    # article/source.py): 37/37.
    known: set[int] = set()
    assert {i for i, ok, _ in judged if not ok} <= known, report


def _without(html: str, *classes: str) -> str:
    import re

    for name in classes:
        html = re.sub(rf'<span class="{name}">.*?</span>', "", html)
    return html


@pytest.mark.parametrize(
    ("first", "expect"),
    [("2020", []), ("2021", ["edited"])],
    ids=["redesign-stops-printing-the-source", "same-template-source-deleted"],
)
def test_a_source_the_new_template_no_longer_prints_is_no_edit_and_one_deleted_is(
    tmp_path, first, expect
):
    # The same notice, the next day without its 来源 line: in a new template that is the
    # template's doing; in the same template, an editor deleted it.
    notice, day = Notice(), date(2021, 6, 1)
    before = (
        page_2020(notice, Noise(1, day)).encode("gb18030")
        if first == "2020"
        else _without(page_2021(notice, Noise(1, day)), "views").encode()
    )
    after = _without(page_2021(notice, Noise(2, day)), "views", "src").encode()
    steps = [
        Step(Capture(data=before, content_type="text/html"), expect=["new"]),
        Step(Capture(data=after), expect=expect),
    ]
    days, _ = replay_history(tmp_path, steps, path="/show.aspx")
    judged = score_days(steps, days)
    assert all(ok for _, ok, _ in judged), "\n".join(line for _, _, line in judged)
    if expect:
        assert days[1].events[0]["changed_fields"] == ["source"]
