"""Patterns and small predicates that several field finders share (labels, sentence ends)."""

from __future__ import annotations

import re


def spaced_labels(*labels: str) -> str:
    """An alternation of two-character labels as pages align them too: "来　源", "时  间"."""
    return "|".join(f"{w[0]}[ \t]{{0,3}}{w[1]}" if len(w) == 2 else w for w in labels)


INFO_LINE = re.compile(
    r"(?:发布时间|發布時間|发布日期|访问量|"
    + spaced_labels("来源", "來源", "稿源", "时间", "時間", "浏览", "瀏覽", "作者", "字号")
    + r")\s*[:：]"
)
# The body heading an English release on a line of its own (India's PIB: "Ministry of Jal Shakti").
MINISTRY_NAME = r"(?:Ministry|Department) (?:of|for) [A-Z][\w ,&'’()-]{2,90}"
SENTENCE_END = re.compile(r"[。.!?！？;；…”\"」』)）:：]$")
# An English info line opening with its date's label ("Date : 05-03-2024", "Published: 5 March
# 2024", "Posted On: 05 MAR 2024 4:10PM", "Release date - 12/04/2024 | Category : Revenue").
EN_INFO_LINE = re.compile(
    r"^\s*(?:Date|Dated|Published|Posted|Issued|Released|Release\s+date|Date\s+of\s+(?:issue|release)|"
    r"Publication\s+date|Date\s+published)(?:\s+on)?\s*[:：-]?\s*(?=\d|[A-Z][a-z]{2})",
    re.I,
)


# A person named in an English release by name or office: "The Rt Hon … MP", "Senator the Hon …",
# "… MLA"; a minister or member by office ("The Roads Minister", "Minister for Housing",
# "Secretary of State for Transport", "Senator for Tasmania", "Federal Member for Coral Bay",
# "Treasurer"; a Ministry is an organisation). A From: line's people beside its organisation, the
# ministers' lines heading a joint release's text.
EN_PERSON = (
    r"(?:The\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|Hon\.?|Sir|Dame|Lord|Lady|Baroness|Baron|Dr\.?|"
    r"Mr\.?|Mrs\.?|Ms\.?|Professor|Prof\.?|Councillor|Cllr\.?|Senator(?:\s+the\s+Hon\.?)?)\s+[A-Z][^,]*?"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:MP|MSP|MS|MLA|MLC|MHA|MHK|TD|KC|QC)"
    r"|(?:The\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?:Minister|Secretary|Premier|Treasurer|Attorney[- ]General|Leader)"
    r"(?:\s+of\s+State)?(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][^,]*?)?"
    # (A governor or a mayor by name is a person; "Office of the Governor" is an office.)
    r"|(?:Lieutenant\s+)?(?:Governor|Mayor)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}"
    # (A council's office holders too: "Cabinet Member for Communities", "Leader of the Council".)
    r"|(?:Federal\s+|State\s+|Cabinet\s+|Executive\s+|Lead\s+)?(?:Member|Senator)\s+for\s+(?:the\s+)?[A-Z][^,]*?"
)

# (所属机构: the office a 信息公开 record belongs to, the one that posts it.)
PUBLISHER_LABELS = r"[发發][布佈](?:机构|機構|机关|機關|单位|單位|部门|部門)|责任(?:部门|单位)|責任(?:部門|單位)|[发發]文(?:机关|機關|单位|單位|机构|機構)|公开单位|公開單位|所屬機構|所属(?:机构|单位|部门)|Herausgeber"
SOURCE_LABEL = re.compile(
    r"(信息来源单位|来源单位|来源网站|来源媒体|出处|信息来源|文章来源|稿件来源|新闻来源|内容来源|来源于|消息来源|供稿单位|供稿部门|来稿单位|供稿(?=\s*[:：])|(?:发布|發布|發佈)人(?=\s*[:：])|发布者|来自(?=[ \t])|"
    # (A reprint names where it came from: 转载自/转自/摘自; an office that supplied it: 信息提供单位.)
    r"转载自|转载于|转自|摘自|摘编自|(?:信息)?提供单位|报送单位|(?:发稿|發稿|撰稿)(?:单位|單位)|"
    r"資訊來源|信息來源|文章來源|新聞來源|消息來源|內容來源|"
    # (资料来源 only as a label starting its line or cell: in prose it credits a figure's data.)
    r"(?<!\S)(?:資料|资料)(?:來源|来源)|"
    + spaced_labels("来源", "來源", "稿源")
    + "|"
    + PUBLISHER_LABELS
    # (A label cell spaced out to align with its neighbours: "发 布 机 构", "索 引 号".)
    + r"|(?<!\S)"
    + "|".join(
        "[ \t]{1,3}".join(w)
        for w in (
            "发布机构",
            "發布機構",
            "发布机关",
            "发布单位",
            "发文机关",
            "发文单位",
            "责任部门",
            "责任单位",
        )
    )
    + r")\s*([:：]?)"
)


# Label cells of a 信息公开 metadata table (索引号 / 发布机构 / 成文日期 …), at a line's start.
RECORD_TABLE_LABEL = re.compile(
    r"^(?:索\s*引\s*号|分\s*类|主题分类|主\s*题\s*词|发文机关|发布机构|发文单位|成文日期|标\s*题|名\s*称|发文字号|文\s*号|"
    r"发布日期|生成日期|发文日期|公开方式|公开时限|公开范围|公开形式|责任部门|有效性|时效性|体裁分类|信息来源|所属机构)\s*[:：]"
)


# (A label cell with or without its colon: "索引号：", "<th>索引号</th>".)
RECORD_CELL = re.compile(RECORD_TABLE_LABEL.pattern.replace(r")\s*[:：]", r")\s*(?:[:：]|$)"))


def in_record_block(lines: list[str], idx: int) -> bool:
    """Whether line ``idx`` sits among a 信息公开 record's attribute rows: another of the record's
    labels (索引号, 发文机关, 成文日期…) in a cell of the lines beside it."""
    return any(
        RECORD_CELL.match(cell.strip())
        for i in range(max(idx - 2, 0), min(idx + 3, len(lines)))
        if i != idx
        for cell in lines[i].split("\t")
    )


# Lines that are page furniture (打印/关闭, 字号 大中小, share bars, view counters): never body
# text, never a title.
FURNITURE_LINE = re.compile(
    r"^(?:[【\[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|關閉|收藏|返回顶部|返回|加入收藏|纠错|我要纠错|分享到?[:：]?|"
    r"字号|字號|字體|字体|大|中|小|默认|超大|扫一扫.*|Print|Close|Share)\s*[】\]]?\s*[|/:：]?\s*)+$"
    r"|^(?:【?\s*字[号號体體]\s*[:：]?.{0,20})$"
    r"|^[(（]?\s*(?:浏览次数|浏览量|访问量|访问次数|点击数|点击量|点击率|阅读数|阅读量|阅读次数|瀏覽次數|瀏覽|浏览|阅读|点击|"
    r"Number of views|Views)\s*[:：]?\s*[(（]?\d*[)）]?\s*[次)）]?$"
    r"|^(?:当前时间|今天是).{0,40}$"
    # A QR code's caption: the page on a phone (手机扫一扫, 用手机扫描二维码打开本页, 扫码分享到手机);
    # a code to sign up or to get an app (扫描下方二维码报名) says something else and stays.
    r"|^(?=[^。！？]{0,24}(?:手机|本页|当前页|此页|本文|阅读|打开|分享))[【\[]?\s*(?:请?用?手机(?:微信)?)?"
    r"(?:扫一扫|扫码|扫描(?:二维码)?)[^。！？]{0,20}$"
    # A player not yet started, its clock at zero beside a few labels (▶ 听新闻 00:00 / 03:12: a
    # read-aloud bar a script plays, with or without an <audio> in the page).
    r"|^[^。！？.!?]{0,12}(?<!\d)0?0:00\s*/\s*\d{1,2}:\d{2}(?::\d{2})?[^。！？.!?\d]{0,12}$"
    r"|^[*=_~#\-–—.·•]{3,}$",
    re.I,
)


DIGITS = re.compile(r"\d\d|[〇○零]")  # 二〇二四年 has no digits


# A press conference's facts (发布时间 / 发布地点 / 主持人) opening its text: what it announces.
EVENT_FACTS = re.compile(r"(?:发布地点|發布地點|发布嘉宾|主持人|出席嘉宾|嘉宾|地点|地點)\s*[:：]")


# A page tool or another info item on the line: the page's info line, not a block of facts.
_PAGE_TOOLS = re.compile(r"字号|字號|打印|分享|浏览|瀏覽|阅读|閱讀|点击|點擊|来源|來源|【")
_TIME_LABEL_BEFORE = re.compile(r"((?:发布|發布|發佈)\s*)?(?:时间|時間)\s*[:：]?\s*$")
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")
_A_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}")
_BARE_TIME = re.compile(r"^\s*(?:时间|時間|日期|会议时间|會議時間)\s*[:：]")


def event_fact(lines: list[str], idx: int, before: str, publication: bool = False) -> bool:
    """Whether a date labelled 发布时间 or a bare 时间 (``before`` it on line ``idx``) is a
    conference's fact, not the page's info line: lines beside it carry 发布地点, 主持人… (The page's
    info line above such a block, with its tools or its own 时间 fact below, stays the page's.)
    ``publication``: asked for the page's time, a line labelled 发布时间 is its publication even
    among such facts (a 新闻发布会 page's release is the conference); a bare 时间 stays the event's."""
    labelled = _TIME_LABEL_BEFORE.search(before)
    if not labelled:
        return False
    near = lines[max(idx - 2, 0) : idx] + lines[idx + 1 : idx + 3]
    if not any(EVENT_FACTS.search(line) for line in near):
        return False
    if publication and labelled.group(1):
        # (Unless the page's own dated info line stands just above the facts.)
        above = lines[max(idx - 3, 0) : idx]
        return any(
            _A_DATE.search(line)
            and (_PAGE_TOOLS.search(line) or _CLOCK.search(line))
            and not EVENT_FACTS.search(line)
            for line in above
        )
    if labelled.group(1):
        line = lines[idx]
        return not (_PAGE_TOOLS.search(line) or any(_BARE_TIME.match(n) for n in near))
    return bool(_BARE_TIME.match(lines[idx]))


# An organisation's name, not a person's: an office's word, or an agency's initials (EPA Region 6).
EN_ORGANISATION = re.compile(
    r"\b(?:Office|Department|Ministry|Bureau|Agency|Authority|Commission|Directorate|Service|"
    r"Administration|Council|Board|Division|Region|Secretariat)\b|^[A-Z]{2,6}\b"
)
# A US release's line naming its kind, the issuing office's line under it.
IMMEDIATE_RELEASE = re.compile(r"^(?:for\s+)?immediate\s+release\s*:?$", re.I)
_OFFICE_LINE = re.compile(r"^[A-Z][\w.'’&,() -]{2,99}$")
_CONTACT_WORD = re.compile(r"(?:media\s+|press\s+)?contacts?\b|by\s", re.I)


_NAME_WORD = re.compile(r"[A-Z0-9][\w.'’&()-]*,?|of|for|and|the|on|in|&")


def release_office(line: str) -> bool:
    """A line that only names an issuing office (``U.S. Attorney's Office, Northern District of
    …``, ``Office of the Governor``): an office's word, a name's words (capitalised, or of/for/and/
    the), no sentence, no person, no contact."""
    return bool(
        _OFFICE_LINE.match(line)
        and not line.endswith(".")
        and EN_ORGANISATION.search(line)
        and all(_NAME_WORD.fullmatch(word) for word in line.split())
        and not re.fullmatch(EN_PERSON, line)
        and not _CONTACT_WORD.match(line)
    )
