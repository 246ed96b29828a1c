import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.diff import diff_texts, has_changes, render_html_diff, render_text_diff


def old_text(ops):
    return "".join(text for op, text in ops if op != "insert")


def new_text(ops):
    return "".join(text for op, text in ops if op != "delete")


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "岳阳市统战部召开会议",
            "岳阳市统战部召开座谈会",
            [("equal", "岳阳市统战部召开"), ("delete", "会议"), ("insert", "座谈会")],
        ),
        (
            "市长李摯主持",
            "市长张三主持",
            [("equal", "市长"), ("delete", "李摯"), ("insert", "张三"), ("equal", "主持")],
        ),
        (
            "The quick brown fox",
            "The quick red fox",
            [("equal", "The quick "), ("delete", "brown"), ("insert", "red"), ("equal", " fox")],
        ),
        ("", "新增", [("insert", "新增")]),
        ("删除", "", [("delete", "删除")]),
        ("不变", "不变", [("equal", "不变")]),
        ("", "", []),
    ],
    ids=[
        "cjk-characters",
        "cjk-middle",
        "latin-words",
        "all-inserted",
        "all-deleted",
        "unchanged",
        "empty",
    ],
)
def test_diff_texts(old, new, expected):
    assert diff_texts(old, new) == expected


def test_latin_words_are_replaced_whole_not_letter_by_letter():
    ops = diff_texts("The ministry announced funding", "The ministry announced findings")
    assert ("delete", "funding") in ops and ("insert", "findings") in ops


def test_a_shared_character_does_not_split_a_rewritten_sentence():
    ops = diff_texts("会议强调了发展的重要性", "会议指出了改革的必要性")
    changes = [op for op in ops if op[0] != "equal"]
    assert len(changes) <= 4
    assert old_text(ops) == "会议强调了发展的重要性" and new_text(ops) == "会议指出了改革的必要性"


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="统战工作会议 abc的了。\n", max_size=60),
    st.text(alphabet="统战工作会议 abc的了。\n", max_size=60),
)
def test_ops_rebuild_both_texts(old, new):
    ops = diff_texts(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert all(text for _, text in ops)
    assert all(a[0] != b[0] for a, b in zip(ops, ops[1:]) if "equal" in (a[0], b[0]))


def test_render_text_diff_marks_changes():
    ops = diff_texts("岳阳市统战部召开会议", "岳阳市统战部召开座谈会")
    assert render_text_diff(ops) == "岳阳市统战部召开[-会议-]{+座谈会+}"


def test_render_text_diff_trims_unchanged_text_to_the_context():
    old = "甲" * 100 + "旧" + "乙" * 100 + "丙" * 100 + "旧" + "丁" * 100
    new = "甲" * 100 + "新" + "乙" * 100 + "丙" * 100 + "新" + "丁" * 100
    rendered = render_text_diff(diff_texts(old, new), context=5)
    assert rendered == "…甲甲甲甲甲[-旧-]{+新+}乙乙乙乙乙…丙丙丙丙丙[-旧-]{+新+}丁丁丁丁丁…"


def test_render_text_diff_keeps_short_middle_passages_whole():
    ops = diff_texts("甲旧乙乙乙旧丙", "甲新乙乙乙新丙")
    assert render_text_diff(ops, context=2) == "甲[-旧-]{+新+}乙乙乙[-旧-]{+新+}丙"


def test_nothing_to_render_without_changes():
    ops = diff_texts("同样的文字", "同样的文字")
    assert not has_changes(ops)
    assert render_text_diff(ops) == "" and render_html_diff(ops) == ""


def test_render_html_diff_escapes_everything():
    ops = diff_texts('<b>通知</b> & "附件"', '<b>公告</b> & "附件"')
    html = render_html_diff(ops)
    assert "<del>通知</del><ins>公告</ins>" in html
    assert "&lt;b&gt;" in html and "&amp;" in html and "&quot;" in html
    assert "<b>" not in html


def test_render_html_diff_escapes_inside_changes():
    html = render_html_diff(diff_texts("a <script>", "a <style>"))
    assert "<script>" not in html and "<style>" not in html
    assert "&lt;" in html
