"""The article's source (来源, the issuing office): labelled text near the title, its 信息公开
table, ``<meta>``, never the site's own name."""

from __future__ import annotations

import re
from itertools import islice

from ..dates import find_dates
from ..text import (
    Layout,
    Marks,
    element_text,
    squash,
)
from .body import KIND_KICKER, footer_line, footer_lines
from .head import META_SOURCE, Head
from .patterns import (
    EN_ORGANISATION,
    EN_PERSON,
    IMMEDIATE_RELEASE,
    INFO_LINE,
    MINISTRY_NAME,
    PUBLISHER_LABELS,
    RECORD_CELL,
    SENTENCE_END,
    SOURCE_LABEL,
    in_record_block,
    release_office,
    spaced_labels,
)
from .shown import shown_lines
from .title import INFO_LABELS, names_of_site

# A role word inside an office's name is no role label glued on (编辑部, 记者站, 法制审核股, 校对科,
# 摄影家协会, 通讯员站): a role label is followed by a colon or a person's name, an office's name
# ends with its office word.
_NO_OFFICE_AFTER = (
    r"(?!(?:家|员|員|工作|服务|服務)?(?:股|科|室|组|組|部|站|处|處|所|队|隊|中心|协会|協會|学会|學會|"
    r"委员会|委員會))"
)
_SOURCE_STOP = re.compile(
    # (A tab is a cell boundary: "发布机构\t县卫健委\t生成日期\t…" ends the value at its cell.)
    r"\s*(?:[|｜丨\t]|\s(?=[^\s:：]{1,8}\s*[:：])"
    # (Not a second office with the next item's date label glued on, spans without space between
    # them: "来源：市发展改革委 市财政局发布时间：…"; the label's own stop ends the value there.)
    r"(?![\u4e00-\u9fff]{1,12}?(?:局|委|办|辦|厅|廳|中心|院|所|站|社|会|會|处|處|科|股|部|署|司|政府|联)"
    r"(?:发布|發布|發佈|成文|印发|更新)?(?:时间|時間|日期)\s*[:：])"
    # (Not a second office with a page tool's label glued on: "省发展改革委 省工商联字号：大 中 小".)
    r"(?![^\s:：]{2,6}(?<!发文)(?<!發文)(?:字号|字號)\s*[:：])"
    # (A slash between spaces parts the items as a bar does: "来源：县融媒体中心 / 作者：…".)
    r"|[ \t\u3000][/／](?=[ \t\u3000])|(?:"
    # (发布 as a label's start, never a name's end: "来源：清河发布 发布时间：…", "“临川发布”".)
    r"(?:发布|發布|發佈|发表)(?=\s*(?:[:：]|时间|時間|日期|机构|機構|单位|單位|部门|部門|者|人|于|於|(?:19|20)\d{2}))|"
    + spaced_labels("時間", "时间", "日期", "作者")
    # (A counter's label may name what it counts: "…综合统计处本页浏览次数：", "本文阅读量".)
    + r"|(?:本页|本頁|本文|本篇|页面|頁面)?(?:浏览|瀏覽|点击|點擊|阅读|閱讀|访问|訪問)|"
    # (编辑 as a role, not a newsroom's name: "青山日报编辑部", "县融媒体中心记者站".)
    r"(?:责任|責任)?(?:记者|記者|编辑|編輯)"
    + _NO_OFFICE_AFTER
    # (The page's tools glued on after the value, spans without space between them: "新华社字体：
    # 大 中 小", "…【打印】", "…〔关闭〕", "…视力保护色："; the switcher's letters without its
    # label, "市卫健委 大 中 小", unless a name goes on after them, "市大中小企业服务中心", not
    # the next item's label: "市卫健委大中小阅读：362".)
    + r"|字号|字號|字体|字體|文字大小|大\s*中\s*小(?![\u3400-\u9fff](?![\u4e00-\u9fff]{0,5}[:：]))|"
    r"【|\[|〔|［|分享|打印|关闭|關閉|"
    r"参与互动|评论|举报|纠错|收藏|"
    r"扫一扫|视力保护|護眼|护眼|语音播报|朗读|听全文|Datum|"
    r"(?:录入|錄入|添加|上传|上傳|提交|撰写|加入|入库|发稿|印发|成文)(?:时间|時間|日期)|"
    # (Staff roles glued on after the value: "县融媒体中心撰稿：王丽", "…通讯员 王丽".)
    r"(?:撰稿|撰文|供稿|摄影|攝影|摄像|通讯员|通訊員|审核|審核|审校|审稿|校对|校對|签发|核稿|初审|复审|终审|监制|责编|責編)"
    + _NO_OFFICE_AFTER
    + r"|"
    # (A page tool's link glued on: "来源：纳税服务科全部展开".)
    r"全部展开|展开全文|展开|收起)"
    r"|(?:19|20)\d{2}\s*[-/.年])"
)
_CJK_LETTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z]$")
_DATE_END = re.compile(r"\d\s*[日号號]?$")


def _at_boundary(before: str) -> bool:
    """A label starts an item of the info line: at its start, after a space or a mark, or after a
    date it was glued to ("16:18来源 …", "2024年1月18日發佈機構：…", spans at a source line break)."""
    return not before or not _CJK_LETTER.search(before) or bool(_DATE_END.search(before))


_NAME_PART = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{2,20}[)）]$")
_LABEL_CELL = re.compile(
    r"^\s*[\u4e00-\u9fff]{0,6}(?:日期|时间|時間|字号|文号|编号|索引号|机构|機構|机关|機關|单位|單位|部门|部門|分类|名称|"
    r"标题|有效性|时效|效力)\s*$"
)
_PERSON_OR_OFFICE_LABELS = ("供稿", "发布人", "發布人", "發佈人", "发布者")
_LABEL_AHEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*[:：]")
_NOT_SOURCE = re.compile(r"^[\s:：/|｜丨,，.。-]*$")
_PROSE_BEFORE = re.compile(r"(?:数据|資料|图片|圖片|图|圖|资金|資金|收入|经费|主要|的)\s*$")


# English newsrooms name the publishing organisation on a labelled line ("From: Department for
# Education", "Issued by: …"); always with a colon, at the line's start (prose says "from" too).
_EN_SOURCE_LABEL = re.compile(
    # (A tab, a label cell's boundary, is its colon when the pair is the line's two cells:
    # <dt>Issued by</dt><dd>…</dd> read as one line; a table's header row is no pair.)
    r"^(?:From|Issued by|Published by|Released by|Source|Organi[sz]ations?|Sumber|Agency|Ministry"
    # (A board view's row, Department | Planning Division: whose notice it is.)
    r"|Department|Issuing\s+(?:department|office))"
    r"\s*(?::|(?=\t[^\t]+$))\s*(.*)$"
    # (A label alone on its line, its value the next: <dt>From</dt><dd>Department of Health</dd>.)
    r"|^(?:From|Issued by|Published by|Released by|Source|Organi[sz]ations?|Sumber)()$"
    # (Without a colon only "From" + a capitalised name standing alone: "From Department of …".)
    r"|^(?-i:From\s+((?:the\s+)?[A-Z][^\d.!?:;,]{3,70}))$",
    re.I,
)
_EN_SOURCE_STOP = re.compile(r"\s(?:\||·|•)\s|\s{2,}|\t")


# Inside the info line too: "2024-03-05 Source: Ministry of Transport", "… | Issued by: …".
_EN_SOURCE_INLINE = re.compile(r"(?<=[\s|·•])(?:Source|Issued by|Published by)\s*:\s*(.*)$", re.I)


# People a From: line names beside the organisation: the source is the organisation.
_EN_PEOPLE = re.compile(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?:" + EN_PERSON + r")(?=,|\s+and\s|$)")


# What remains of a From: line without its people when it names a body ("Scottish Government").
_EN_BODY_WORD = re.compile(EN_ORGANISATION.pattern + r"|\b(?:Government|Executive|Parliament)\b")
# A person opening an element (its name, then the portfolio glued on: "The Hon. A B MPMinister …").
_EN_PERSON_FIRST = re.compile(rf"(?:{EN_PERSON})(?=$|[,\s]|[A-Z])")


# What an English line above the heading names when it is a government body (a release's ministry
# line: "Ministry of Jal Shakti", "Cabinet", "Prime Minister's Office").
_EN_OFFICE_WORD = re.compile(
    r"\b(?:Office|Department|Ministry|Bureau|Agency|Authority|Commission|Directorate|Secretariat|Cabinet)\b"
)


def _english_source(lines: list[str], idx: int) -> tuple[int, str | None]:
    match = _EN_SOURCE_LABEL.match(lines[idx][:200]) or _EN_SOURCE_INLINE.search(lines[idx][:200])
    if not match:
        return 0, None
    value = next((group for group in match.groups() if group), "").strip()
    if not value and idx + 1 < len(lines):
        nxt = lines[idx + 1]
        if len(nxt) <= 80 and ":" not in nxt and not find_dates(nxt, 1):
            value = nxt.strip()
    stop = _EN_SOURCE_STOP.search(value)
    value = (value[: stop.start()] if stop else value).strip(" ,;")
    dates = find_dates(value, 1)
    if dates and dates[0].start > 2:
        value = value[: dates[0].start].strip(" ,;|-–—")  # "Source: Xinhua 2024-03-05"
    organisation = re.sub(
        r"^(?:and|&)\s+|\s+(?:and|&)$", "", _EN_PEOPLE.sub("", value).strip(" ,;")
    )
    if organisation != value and not _EN_BODY_WORD.search(organisation):
        # (A From: line naming only people — a minister by office, "Cabinet Secretary for Social
        # Justice", "First Minister", the Premier — names no issuing body.)
        return 1, None
    value = organisation
    if not value or len(value) > 80 or find_dates(value, 1) or SENTENCE_END.search(value):
        return 1, None
    return 1, value


def _labelled_source(lines: list[str], idx: int) -> tuple[int, str | None]:
    """(0 no label, 1 a 来源 label, 2 a publisher label of a 信息公开 table; value) for line ``idx``."""
    line = lines[idx][:400]
    match = SOURCE_LABEL.search(line)
    if not match and line[:1].isascii():
        return _english_source(lines, idx)
    if not match or _PROSE_BEFORE.search(line[: match.start()]):
        return 0, None
    kind = 2 if re.fullmatch(PUBLISHER_LABELS, squash(match.group(1))) else 1
    rest = line[match.end() :]
    # A label in brackets with its value after them ("【发布机构】东山县财政局", "[来源]…", "〔来源〕…"):
    # the closing bracket is its colon.
    opener = line[match.start() - 1 : match.start()] if match.start() else ""
    closer = _BRACKETS_OPENING.get(opener)
    colon = bool(match.group(2))
    if not colon and closer and rest.lstrip(" \t").startswith(closer):
        rest, colon = rest.lstrip(" \t")[1:], True
    if not colon and rest.strip():
        # A label without a colon counts when it stands alone (its value on the next line) or when
        # only white space (tabs, a cell boundary, runs of spaces) parts it from a short value.
        # (Glued on, "来源市发改委 发布时间2024-01-02", when elements split by a source line break
        # joined: only at the start of a short line that goes on with a date or another label.)
        at_start = _at_boundary(line[: match.start()])
        piped = re.match(r"[ \t]*[|｜丨][ \t]*(?=\S)", rest)
        if piped:
            rest = rest[piped.end() :]  # a bar in place of the colon: "来源丨市疾控中心"
        spaced = (piped or line[match.end(1)].isspace()) and len(line) < 100 and at_start
        glued = (
            match.start() == 0
            and len(line) < 80
            and bool(find_dates(line, 1) or INFO_LABELS.search(rest))
        )
        stop = _SOURCE_STOP.search(rest.lstrip(" \t:：】]"))
        value = rest.lstrip(" \t:：】]")[: stop.start()] if stop else rest
        # (Prose "来源于…。" ends as a sentence; the info line's next item may end with a colon. A
        # name's own second part in brackets is no sentence's end: "市市场监管局（市知识产权局）".)
        if not (spaced or glued) or SENTENCE_END.search(_NAME_PART.sub("", value.strip())):
            return 0, None
    if kind == 2 and not _at_boundary(line[: match.start()]):
        return 0, None
    if not colon and line[match.end(1) : match.end(1) + 1] == "\t":
        if _LABEL_CELL.match(rest.lstrip("\t").split("\t", 1)[0]):
            # A row of labels (发布机构 | 生效日期 | …): its values are on the next row.
            return 0, None
    rest = rest.lstrip(" \t:：】]")
    stop = _SOURCE_STOP.search(rest)
    # The next label right after this one: an empty value ("来源：发布时间：…"), unless a value
    # runs into a known label ("来源：新华社字号：", spans without space between them).
    ahead = _LABEL_AHEAD.match(rest)
    if ahead and (stop is None or stop.start() == 0) and not _name_before_label(ahead.group(0)):
        return kind, None
    raw = rest[: stop.start()] if stop else rest
    value = raw.strip(" \t:：|｜丨,，/／")
    if re.search(r"[\u4e00-\u9fff][:：]\s*$", raw):
        # (An unknown label glued on, its value empty or a script's: "县政府办公室背景色：".)
        value = _name_before_label(raw) or value
    if stop and _GLUED_DATE_LABEL.match(rest, stop.start()):
        value = _date_label_cut(value)
    if not value and not rest and idx + 1 < len(lines) and line[: match.start()].strip():
        # One closing a longer info line ("发布时间：… 来源：") with an office's name alone on the
        # next line: the value a block element set apart.
        nxt = lines[idx + 1].strip()
        if _is_office(nxt) and len(nxt) <= 30:
            value = nxt
        else:
            value = _leading_name(nxt) or ""
    elif not value and not rest and idx + 1 < len(lines) and not line[: match.start()].strip():
        # A label alone on its line (<dt>来源</dt><dd>…</dd>, a label cell): the value is the
        # next line. (One closing a longer info line, "发布时间：… 来源：", is empty.)
        nxt = lines[idx + 1]
        if (
            len(nxt) <= 80
            and not re.search(r"[:：]", nxt)
            and not find_dates(nxt, 1)
            and not re.search(r"[。！？!?]$", nxt)
        ):
            value = nxt.strip()
        else:
            value = _leading_name(nxt) or ""
    # (A separator the template prints before the next item is no part of it: "归集管理科 --".)
    value = _TRAILING_SEPARATOR.sub("", value)
    if value and rest.strip() and not stop and idx + 2 < len(lines) and _is_office(value):
        # A second issuing office a <br> set under the first, the info line's next label below
        # it ("来源：市发展改革委<br>市财政局<br>发布时间：…"): both, as printed, a space apart.
        nxt = lines[idx + 1].strip()
        below = lines[idx + 2][:40]
        if (
            _is_office(nxt)
            and len(nxt) <= 30
            and (INFO_LABELS.search(below) or _SOURCE_STOP.match(below))
        ):
            value = f"{value} {nxt}"
    if not value or _NOT_SOURCE.match(value) or len(value) > 80:
        return kind, None
    value = _glued_label_cut(_GLUED_COUNT.sub("", _balanced(value)))
    uploader = match.group(1) in _PERSON_OR_OFFICE_LABELS
    if uploader and value and _is_office(value):
        # (A 来源 beside it says whose text it is, as beside a publisher's label: "发布者：县政府办
        # 来源：县农业农村局".)
        later = _labelled_source([*lines[:idx], line[match.end() :], *lines[idx + 1 :]], idx)
        if later[0] == 1 and later[1]:
            return later
    if not value or _ACCOUNT.search(value) or (uploader and not _is_office(value)):
        # (A CMS login, "发布者：admin", "发布者：党校办公室管理员", names no office, and 供稿/发布人
        # name whoever wrote it up: an office is the source, a person or an account no. The
        # line's other labels are read on: "发布者：admin 来源：县委党校".)
        later = _labelled_source([*lines[:idx], line[match.end() :], *lines[idx + 1 :]], idx)
        return later if later[0] else (0 if uploader else kind, None)
    # "市 发改委" from <span>市</span> <a>发改委</a>: a name has no space between Chinese characters
    # (two offices keep theirs: "县农业农村局 县财政局").
    return kind, _CJK_GAP.sub(_gap, value)


# A role's label glued on after an office's name: 解读人：, 联系人：, 主编：, 联系电话：.
_TRAILING_SEPARATOR = re.compile(r"(?:\s*(?:-{2,}|[—–]+|[|｜丨/／])|\s+-)+\s*$")
# The site named by a pronoun (来源：本网, 来源：本站, 本站原创): printed as the page's source, it gives
# way only to a 信息公开 table's publisher printed beside it.
_SITE_PRONOUN = re.compile(r"^(?:本网|本站|本网站|本站点)(?:原创)?$")
_GLUED_ROLE = re.compile(
    r"(?:[\u4e00-\u9fff]{1,3}[人员者]|主编|编审|[\u4e00-\u9fff]{0,2}电话|邮箱)[:：]"
)


def _name_before_label(text: str) -> str | None:
    """The office's name a label no list knows is glued onto, when ``text`` ends with that label
    and its colon (``县人民政府办公室背景色：``): the longest office's name leaving a label of two to
    five characters."""
    head = text.rstrip(" \t:：")
    for cut in range(len(head) - 2, max(len(head) - 6, 2), -1):
        if _is_office(head[:cut]) and re.fullmatch(r"[\u4e00-\u9fff]+", head[cut:]):
            return head[:cut]
    return None


def _glued_label_cut(value: str) -> str:
    """An office's name without the next item's label glued on (``县住房和城乡建设局解读人：王建国``,
    spans with no space between them): a role's label no list knows ends the value too."""
    colon = re.search(r"[:：]", value)
    if colon is None:
        return value
    head = value[: colon.end()]
    for cut in range(max(len(head) - 5, 3), len(head) - 2):
        if _is_office(head[:cut]) and _GLUED_ROLE.fullmatch(head[cut:]):
            return head[:cut]
    return value


# A date label's last word the value stopped at, glued on with no space: "市农业农村局成稿日期：…"
# (<span>市农业农村局</span><span>成稿日期：…</span>), whatever the label's first word.
_GLUED_DATE_LABEL = re.compile(r"(?<=[\u4e00-\u9fff])(?:时间|時間|日期)\s*[:：]")


def _date_label_cut(value: str) -> str:
    """An office's name without the first word of a date label no list knows (成稿, 上线, 刊发)."""
    if _is_office(value):
        return value
    # (A label's first word is two characters most often: "…局报送日期" is 局 + 报送, not 局报.)
    for cut in sorted(
        range(len(value) - 1, max(len(value) - 5, 2), -1), key=lambda c: len(value) - c != 2
    ):
        if _is_office(value[:cut]) and re.fullmatch(r"[\u4e00-\u9fff]+", value[cut:]):
            return value[:cut]
    return value


def _leading_name(line: str) -> str | None:
    """A name opening a line that goes on with the info line's other items ("县农业农村局" of
    "县农业农村局 发布时间：… 浏览"): a value a ``<br>`` set under its label. (A line that is
    only a name may be the heading.)"""
    line = line.strip()
    stop = _SOURCE_STOP.search(line)
    if stop is None or stop.start() == 0:
        return None
    name = line[: stop.start()].strip(" \t:：|｜丨,，/／")
    return name if _NAME.match(name) and not INFO_LABELS.search(name) else None


def _gap(match: re.Match) -> str:
    before = match.string[: match.start()]
    return " " if len(before) >= 3 and _OFFICE_END.search(before) else ""


_PUBLISHED_LABEL = re.compile(r"(?:发布|發布|發佈)(?:时间|時間|日期)\s*[:：]")
_SITE_FOOTER_MARK = re.compile(r"主办|承办|版权|ICP|网站标识码|技术支持|网站地图|公网安备")


def _footer_mark(lines: list[str], i: int) -> bool:
    return 0 <= i < len(lines) and bool(footer_line(lines[i]) or _SITE_FOOTER_MARK.search(lines[i]))


_REPLY_OFFICE = re.compile(
    # (At a cell's start too: "办理状态：\t已办结\t处理单位：\t市生态环境局".)
    r"(?:^|\t)(?:答复|答覆|回复|回覆|办理|辦理|处理|處理|承办|承辦)(?:单位|單位|部门|部門|机构|機構)"
    r"\s*[:：]?\s*([^\t:：]{2,30}?)\s*(?:\t|$)"
)
# The title of an office's reply to a deputy's 建议 or a member's 提案 (关于…第0123号建议的答复).
_PROPOSAL_REPLY = re.compile(r"(?:建议|建議|提案|议案|議案)(?:办理情况)?的(?:答复|答覆|回复|回覆)")
# "（县农业农村局供稿）", "（供稿：县农业农村局）" closing the text: the office that supplied it.
_SUPPLIED = re.compile(
    r"^[（(]\s*(?:(?:供稿|供稿单位|稿件提供)\s*[:：]\s*([\u4e00-\u9fff（）]{2,30})"
    r"|([\u4e00-\u9fff（）()、“”·]{2,30}?)\s*(?:供稿|供图|提供))\s*[)）]$"
)
_CREDIT_LINE = re.compile(
    r"^[（(【\[]?\s*(?:信息|文章|稿件|新闻|内容|消息)?(?:来源|來源|稿源)\s*[:：]"
)

# A credit in brackets closing the text's last paragraph: "…开局良好。（来源：省统计局）".
_TRAILING_CREDIT = re.compile(
    r"[。！？!?”」]\s*([（(](?:[^（()）]|[（(][^（()）]{1,20}[)）]){2,40}[)）])$"
)


def _closing_credit(lines: list[str], title_line: int, body_stop: int) -> tuple | None:
    """(office, rule) of a credit closing the article's text: a line of its own ("（来源：县融
    媒体中心）", "（县农业农村局供稿）") or the bracket ending its last paragraph."""
    for i in range(body_stop - 1, max(body_stop - 3, title_line, -1), -1):
        line = lines[i].strip()
        if len(line) > 60 or not (_CREDIT_LINE.match(line) or _SUPPLIED.match(line)):
            trailing = _TRAILING_CREDIT.search(line[-60:])
            # (Inside a paragraph only 来源 or 供稿: "（数据由市统计局提供）" credits a figure.)
            line = trailing.group(1) if trailing and "提供" not in trailing.group(1) else ""
        if _CREDIT_LINE.match(line):
            kind, value = _labelled_source([line], 0)
            if kind and value:
                return value, "labelled 来源 closing the body"
        supplied = _SUPPLIED.match(line) if len(line) <= 40 else None
        if supplied:
            return supplied.group(1) or supplied.group(
                2
            ), "office supplying the text, closing the body"
    return None


_BRACKETS = {"）": "（", ")": "(", "】": "【", "]": "[", "」": "「", "》": "《"}
_BRACKETS_OPENING = {"【": "】", "[": "]", "〔": "〕", "［": "］"}


def _balanced(value: str) -> str:
    """Without a bracket the info line wrapped round the value ("【来源：新华社】", "（来源：…）")
    or one a stop word left open ("新华社（记者 …" → "新华社")."""
    value = value.rstrip(" （(【[「《")
    # (A closer beyond the value's own openers: "（来源：市监局（市知识产权局））" keeps the inner pair.)
    while (
        value
        and value[-1] in _BRACKETS
        and value.count(value[-1]) > value.count(_BRACKETS[value[-1]])
    ):
        value = value[:-1].rstrip()
    return value


# A view counter the template shows beside the source with only an icon between them
# (<span>来源：县人社局</span><span><i class="ico-eye"></i>1234</span>): no office's name ends in it.
_GLUED_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])\s*\d+\s*(?:次|人次)?$")
# How the name of an office (or a newsroom) ends: 局, 委员会, 办公室, 中心, 日报, 融媒体中心…
_OFFICE_END = re.compile(
    r"(?:局|委|委员会|委員會|办|辦|办公室|辦公室|厅|廳|中心|院|所|站|队|隊|会|會|处|處|科|股|室|部|署|司|"
    r"社|报|報|台|网|網|客户端|客戶端|政府|公司|集团|支队|大队|街道|镇|鎮|乡|鄉|社区|协会|學校|学校|医院|醫院|"
    # (A court's chamber, a federation: "区法院立案庭", "省工商联", "市妇联".)
    r"庭|联|聯)$"
)
_OFFICE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")
# What a source's name is made of: offices, papers, accounts (“健康青山”微信公众号), joint names (、).
_NAME = re.compile(r"^[\u4e00-\u9fff（）()、“”·]{2,30}$")
# A CMS account, not an office: a login ("admin", "xxgk_01") or a role's account ("党校办公室管理员").
_ACCOUNT = re.compile(
    r"^[a-z][a-z0-9_.]{1,19}$|(?:管理员|管理員|信息员|信息員|录入员|錄入員|操作员|發布員|发布员)$"
)
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")
# What a CMS prints when the editor left the source empty (DedeCMS's 来源:未知): no source.
_PLACEHOLDER = re.compile(
    r"^(?:未知|不详|不詳|无|無|暂无|暫無|空|待定|unknown|none|null|undefined|n/?a|[-—–_]+)$", re.I
)


def pick_source(
    root,
    lay: Layout,
    head: Head,
    sel_source: str | None,
    title_line: int,
    body_start: int,
    body_stop: int,
    view,
    explain: dict,
    marks: Marks | None = None,
) -> str | None:
    """The article's source (来源, the issuing office): the site selector's, else found on the page."""
    source = sel_source or None
    if source:
        explain["source"] = "site selector"
    else:
        source, explain["source"] = _find_source(
            lay,
            head,
            title_line,
            body_start,
            body_stop,
            lambda: names_of_site(root, lay, head, marks),
            root,
        )
        if view is not None:
            # The article's own part of the page: its 信息公开 table, title, info line and text.
            source = view.source(source, lay.lines, title_line - 40, body_stop, explain)
    if source and _PLACEHOLDER.match(source.strip()):
        explain["source"] = f"a placeholder printed for none ({source.strip()})"
        source = None
    return source


_SOURCE_MARK = re.compile(
    # (English newsrooms name the issuing body in an element of its own: <span class="ministry">.)
    r"(?:^|[\s_-])(?:source|laiyuan|from|media-?name|src|origin|copyfrom|ministry|agency|issuer|publisher|"
    # (A US federal newsroom's issuing office field: <div class="node-component">.)
    r"components?)(?:$|[\s_-])"
    r"|^(?:source|ly|wzly|xxly)$",
    re.I,
)


_EN_FIELD_LABEL = re.compile(
    r"^(?:Component(?:s|\(s\))?|Agenc(?:y|ies)|Issuing\s+(?:office|agency)|Issuer|Publisher)\s*:\s*",
    re.I,
)
_AUTHOR_MARK = re.compile(r"(?:^|[\s_-])author(?:$|[\s_-])", re.I)
# A writer's byline: "By …", "Jane Doe, NOAA Fisheries".
_EN_BYLINE = re.compile(r"^(?:By\s|[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+,)")


def _in_byline(el) -> bool:
    """Inside a byline's wrapper (WordPress: ``<span class="byline"> by <span class="author">…``)."""
    for up in islice(el.iterancestors(), 3):
        if "byline" in f"{up.get('class') or ''} {up.get('id') or ''}".lower():
            return True
    return False


_PICTURE_CREDIT = re.compile(
    r"^(?:(?:Photo|Image|Picture|Photograph|Illustration|Video)s?(?:\s+credit)?|Credit)\s*[:：]"
    r"|^(?:图片|圖片|图|圖|摄影|攝影|视频|視頻)\s*(?:来源|來源)?\s*[:：]",
    re.I,
)


def _source_element(root, lay: Layout, title_line: int, head_end: int) -> str | None:
    """The text of an element marked as the source (class/id ``source``…, or a link classed
    ``author``: a media account) on the lines between the title and the body; a release's author
    element naming an office there or on the three lines over the title."""
    if root is None or head_end - title_line > 16:
        return None
    blocks = [
        (el, title_line < start)
        for el, (start, end) in lay.spans.items()
        if title_line - 3 <= start and start != title_line and end <= head_end and end - start <= 2
    ]
    seen = set()
    for block, below in blocks[:40]:
        for el in islice(block.iter(), 200):
            if el in seen or not isinstance(el.tag, str):
                continue
            seen.add(el)
            names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
            author = bool(names) and _AUTHOR_MARK.search(names) is not None
            marked = _SOURCE_MARK.search(names) or (el.tag == "a" and author)
            if not names or not marked or not below:
                if not author or el.tag == "a":
                    continue
                # (A release's author element naming its office, USWDS's
                # `<p class="news-release__author"><a>EPA Region 6</a></p>`: never a person's byline.)
                raw = element_text(el).strip()
                if (
                    not EN_ORGANISATION.search(raw)
                    or _EN_BYLINE.match(raw)
                    or _EN_PERSON_FIRST.match(raw)  # (a minister and portfolio: the author)
                    or len(raw) > 80
                ):
                    continue
                before = el.getprevious().tail if el.getprevious() is not None else None
                parent = el.getparent()
                if before is None and parent is not None:
                    before = parent.text
                if re.search(r"\bBy\s*$", before or "", re.I) or _in_byline(el):
                    continue  # ("By <span class="author">Public Information Office</span>": who wrote it up)
                return raw
            raw = element_text(el)
            if _PICTURE_CREDIT.match(raw.strip()) or el.tag == "figcaption":
                continue  # (a picture's credit: "Photo: …", "图片来源：…")
            label = SOURCE_LABEL.match(raw.strip())
            text = SOURCE_LABEL.sub("", raw, count=1).strip(" :：|")
            if _ACCOUNT.search(text) or (
                label and label.group(1) in _PERSON_OR_OFFICE_LABELS and not _is_office(text)
            ):
                continue  # (who typed the page: "发布者：党校办公室管理员", "发布者：王丽")
            if text.isascii():
                text = _EN_FIELD_LABEL.sub("", text)  # ("Component(s): Civil Rights Division")
            # (An English office's name runs longer: "U.S. Attorney's Office, Northern District of …".)
            longest = 100 if text.isascii() and EN_ORGANISATION.search(text) else 30
            if (
                2 <= len(text) <= longest
                and not find_dates(text, 1)
                and not INFO_LABELS.search(text)
            ):
                return _CJK_GAP.sub("", text)
    return None


# (A posting line's office, "Posted On: … by PIB Delhi", is the desk of the site that posted it.)
_MINISTRY_LINE = re.compile(rf"^(?:{MINISTRY_NAME}|(?:[A-Z][\w'’&-]*\s+){{0,5}}[A-Z][\w'’&-]*)$")


_GLUED_LINKS = re.compile(r"[a-z][A-Z]")


def _ministry_line(lay: Layout, title_line: int) -> str | None:
    """The body heading an English release on a line of its own above the heading, or above the
    date lines and its kind (``Media release``) between them (PIB's ``Posted On: …``, a province's ``Tuesday, March 5, 2024 10:30
    AM``). A link it may be (the ministry's page), but not one after another link: a breadcrumb's
    last crumb."""
    lines = lay.lines
    for i in range(title_line - 1, max(title_line - 4, -1), -1):
        above = lines[i]
        if _MINISTRY_LINE.match(above) and _EN_OFFICE_WORD.search(above):
            # (Nor a menu bar: the site's name and its links glued, "Agency NewsAbout".)
            if lay.link_chars[i] and (
                i == 0 or lay.link_chars[i - 1] or _GLUED_LINKS.search(above)
            ):
                return None
            return above.strip()
        if KIND_KICKER.match(above.strip()):
            continue  # (a release header's kind between them: Department of Health / Media release)
        if len(above) > 80 or lay.link_chars[i] or not find_dates(above, 1):
            return None
    return None


def _find_source(
    lay: Layout,
    head: Head,
    title_line: int,
    body_start: int,
    body_stop: int,
    site_names,
    root=None,
) -> tuple[str | None, str]:
    """The source and the rule that found it; ``site_names()`` lists what the page calls its site."""
    lines = lay.lines
    head_end = body_start if body_start > title_line else min(title_line + 8, len(lines))
    info = range(title_line + 1, min(head_end, title_line + 16))
    # On 信息公开 pages the metadata table's publisher (发布机构/发文机关/责任部门) is the source.
    table = range(max(title_line - 40, 0), min(head_end, title_line + 16))
    publishers = []
    for i in table:
        kind, value = _labelled_source(lines, i)
        if kind == 2 and value:
            publishers.append((abs(i - title_line), value))

    def own_name(value: str) -> bool:
        # Unprinted "sources" that only name the site itself (a CMS default) are no source.
        sq = squash(value)
        return any(sq == squash(name) for name in site_names())

    def site_like(value: str, header=True) -> bool:
        # The site's own name, as its <title> (after a separator), its header or its footer's
        # 主办/版权 prints it, with or without 网/网站 ("青山县人民政府网" is 青山县人民政府's site).
        parts = [part.strip() for part in re.split(r"[_|｜丨–—-]+", head.title)[1:]]
        if own_name(value) or value in parts or (header and value in lines[: min(title_line, 12)]):
            return True
        bare = _bare_site(value)
        return bool(bare) and any(bare == _bare_site(name) for name in (*parts, *site_names()))

    labelled = _info_source(lines, info, title_line)
    shown = None
    if labelled is None or labelled[0] is None:
        # Read again with what the text alone hides: images' alt (an icon as the label, a
        # newspaper's logo as the value) and the boundaries of elements glued without space.
        shown = shown_lines(root, lay, info)
        if shown is not None:
            labelled = _info_source(shown, info, title_line) or labelled
            for i in info if not publishers else ():
                kind, value = _labelled_source(shown, i)
                if kind == 2 and value:
                    publishers.append((abs(i - title_line), value))
    if (
        labelled is not None
        and labelled[0]
        and publishers
        and not (own_name(labelled[0]) or _SITE_PRONOUN.match(labelled[0]))
    ):
        # The info line's 来源 says whose text it is; the table's publisher posted it.
        return labelled[0], "labelled 来源 in the info line (beside the table's publisher)"
    if labelled is None or labelled[0] is None:
        # A 信息来源 row of the 信息公开 table above the title says it as the info line would.
        row = _record_row_source(lines, title_line)
        if row and not ((own_name(row) or _SITE_PRONOUN.match(row)) and publishers):
            return row, "labelled 来源 row of the 信息公开 table above the title"
    if publishers:
        return min(publishers)[1], "publisher row of the 信息公开 table"
    if labelled is not None:
        value, rule = labelled
        if value is None and head.script_source:
            # An empty label the page's script fills from its data: what the reader sees.
            return head.script_source, "source in the page's script data (empty 来源 it fills)"
        if value is None:
            # (An empty 来源 the text's closing credit fills: "…。（来源：县统计局）", or a 来源
            # printed after the text. Never the 作者 beside it: an empty printed 来源 names none.)
            credit = _closing_credit(lines, title_line, body_stop) or _source_after_body(
                lay, body_stop, own_name
            )
            if credit:
                return credit
        return value, rule

    # A body container that also holds the info line: its first lines.
    for i in range(max(body_start, title_line + 1), min(body_start + 3, body_stop)):
        if len(lines[i]) < 120 and INFO_LINE.search(lines[i]) and find_dates(lines[i], 1):
            kind, value = _labelled_source(lines, i)
            if kind:
                return (
                    value,
                    "labelled 来源 in the info line atop the body" if value else "empty 来源 label",
                )
    # A portal's info line names its source without a label, in an element named for it
    # (<a class="source">经济日报</a>, a media account's <a class="author">).
    marked = _source_element(root, lay, title_line, head_end)
    if marked:
        return marked, "unlabelled source element in the info line"
    released = _office_by_release_line(
        lay, title_line, body_start, site_like
    ) or _office_under_heading(lay, title_line, body_start, site_like)
    if released:
        return released
    # An English release headed by its ministry's name on a line of its own (India's PIB:
    # "Ministry of Fisheries, Animal Husbandry & Dairying" over the heading).
    ministry = _ministry_line(lay, title_line)
    if ministry and not site_like(ministry, header=False):
        return ministry, "ministry line above the title"

    # A 建议提案答复 is the answering office's own letter to the deputy: its record's 办理单位
    # (答复单位, 承办单位; a cell of the table above or under the heading) is whose text it is.
    if _PROPOSAL_REPLY.search(lines[title_line] if 0 <= title_line < len(lines) else ""):
        for i in (*table, *range(body_start, min(body_stop, body_start + 3))):
            reply = _REPLY_OFFICE.search(lines[i])
            # (Even the office running the site, as a record's publisher row is.)
            if reply and _is_office(reply.group(1)):
                return reply.group(1), "answering office in a 建议提案答复's record"
    # A credit line closing the article's text ("（来源：县融媒体中心）") is printed by the article
    # itself, even when it names the site's own newsroom.
    # A 领导信箱 letter names the office that answered it (答复单位, 办理单位): a step of its
    # handling, as 来信人 names its writer, not a source the page prints.
    for i in range(max(body_start, title_line + 1), min(body_stop, body_start + 40)):
        reply = _REPLY_OFFICE.search(lines[i])
        if reply and _is_office(reply.group(1)):
            return None, "none printed (a letter's answering office is no source)"
    credit = _closing_credit(lines, title_line, body_stop)
    if credit:
        return credit

    after = _source_after_body(lay, body_stop, own_name)
    if after:
        return after
    # An office the info line names without a 来源 label (after any labelled one, even after the
    # text: a WeChat repost's author and account beside the date, its 来源 closing the page).
    office = (
        _info_office(lines, info, site_like)
        or (_info_office(shown, info, site_like) if shown is not None else None)
        or _office_by_release_date(lay, info, site_like)
    )
    if office:
        return office
    for name in META_SOURCE:
        if head.meta.get(name):
            value = re.sub(r"^\s*(?:来源|來源|Source)\s*[:：]\s*", "", head.meta[name]).strip()
            if value and not site_like(value):
                return value, f"meta {name}"
    if head.state_source and not site_like(head.script_source):
        return head.script_source, "source in a client-rendered page's state"
    return None, "none printed"


def _record_row_source(lines: list[str], title_line: int) -> str | None:
    """The value of a 来源 row (信息来源) of a 信息公开 metadata table above the title: a row
    with the table's other labels (索引号, 发布日期, 文号…) in its cells or on the rows beside."""
    for i in range(title_line - 1, max(title_line - 40, -1), -1):
        kind, value = _labelled_source(lines, i)
        if kind != 1 or not value:
            continue
        cells = [
            cell.strip()
            for line in lines[max(i - 2, 0) : i + 3]
            for cell in line.split("\t")
            if RECORD_CELL.match(cell.strip())
        ]
        if any(not SOURCE_LABEL.match(cell) for cell in cells):
            return value
    return None


# An English "Source: Labour Force Survey, Office for National Statistics" after the text credits
# its data (the publisher's line is From:/Issued by:, or a Source: in the info line).
_DATA_CREDIT = re.compile(r"^\s*(?:Sources?|Data(?:\s+sources?)?)\s*:", re.I)


def _source_after_body(lay: Layout, body_stop: int, own_name) -> tuple | None:
    """(value, rule) of a source printed after the text: an office supplying it, a labelled 来源
    or a whole info line past the text's tools — never the site's footer."""
    lines = lay.lines
    footer = None
    for i in range(body_stop, min(body_stop + 30, len(lines))):
        if i >= body_stop + 8 and not (
            (INFO_LINE.search(lines[i]) and find_dates(lines[i], 1)) or in_record_block(lines, i)
        ):
            # (Past the text's end and its tools, only a whole info line, 发布时间 and 来源, or a
            # row of the record's attributes: 【信息公开属性】 below its attachments and tools.)
            continue
        if footer_line(lines[i]) or _SITE_FOOTER_MARK.search(lines[i]):
            continue  # the site's footer ("网站主办：… 信息来源：…") names no article's source
        credit = _DATA_CREDIT.match(lines[i])
        if credit and lines[i][credit.end() :].strip(" ") and lines[i][credit.end()] != "\t":
            # (Under a chart or a table: where its figures come from, not who published. A label
            # in a cell of its own, its value the next line or cell — a field of the page's
            # record, <dt>Source:</dt><dd>…</dd> — is the source.)
            continue
        supplied = _SUPPLIED.match(lines[i].strip()) if i < body_stop + 3 else None
        if supplied:
            return supplied.group(1) or supplied.group(
                2
            ), "office supplying the text, after the body"
        kind, value = _labelled_source(lines, i)
        # (Printed, it is the source even when it names the site: 来源：本站, 发文机关：县政府办公室.)
        if kind and value:
            if footer is None:
                footer = footer_lines(lay)
            # (A whole info line right after the text is the article's, in a "d-info-bottom" too,
            # and so is one whose items sit one to a line: 信息来源 over 发布日期.)
            whole = i < body_stop + 3 and any(
                _PUBLISHED_LABEL.search(lines[j]) and find_dates(lines[j], 1)
                for j in range(max(i - 2, body_stop), min(i + 3, len(lines)))
            )
            if not whole and (
                i in footer or (_footer_mark(lines, i - 1) and _footer_mark(lines, i + 1))
            ):
                # In the element the page marks as its footer, or between its lines.
                continue
            return value, "labelled 来源 after the body"
    return None


_SITE_SUFFIX = re.compile(r"(?:门户网站|门户网|政务网|网站|网)$")


def _bare_site(name: str) -> str:
    return _SITE_SUFFIX.sub("", squash(name))


def _info_source(lines: list[str], info: range, title_line: int) -> tuple | None:
    """(value or None, rule) of the first 来源-style label in the info line (or just above the
    title); None when none is printed there."""
    empty = None
    for zone, rule in (
        (info, "labelled 来源 in the info line"),
        (range(max(title_line - 2, 0), title_line + 1), "labelled 来源 above the title"),
    ):
        for i in zone:
            if 0 <= i < len(lines):
                kind, value = _labelled_source(lines, i)
                if kind == 2 and value:
                    # (A 来源 printed after the publisher on the same line: "【发布机构】县财政局
                    # 【信息来源】县农业农村局" — the info line's 来源 says whose text it is.)
                    kind, value = _later_source(lines, i)
                if kind == 1 or (kind == 2 and not value):
                    if value:
                        return value, rule
                    # (Read on: a row of labels over a row of values has its value below.)
                    empty = empty or (None, "empty 来源 label")
        if empty:
            return empty
    return empty


def _later_source(lines: list[str], idx: int) -> tuple[int, str | None]:
    """The first 来源-kind label on line ``idx`` after a publisher's label, or (0, None)."""
    line = lines[idx][:400]
    for match in islice(SOURCE_LABEL.finditer(line), 1, 4):
        if re.fullmatch(PUBLISHER_LABELS, squash(match.group(1))):
            continue
        kind, value = _labelled_source([line[match.start() - 1 if match.start() else 0 :]], 0)
        if kind == 1:
            return kind, value
    return 0, None


_ROLE = re.compile(
    r"^(?:作者|编辑|編輯|责任编辑|責任編輯|责编|責編|记者|記者|通讯员|通訊員|摄影|攝影|撰稿|撰文|审核|審核|"
    r"校对|校對|签发|录入|錄入|发布者|發佈者|发布人|上传|上傳)[:：]?$"
)
_INFO_ITEMS = re.compile(r"\s*[|｜丨/]\s*|\s+")
# (With its colon, as a CMS's info line prints the field: a blog's byline "作者 教务处" names a user.)
# (A label cell parted from its value by a tab is labelled as by a colon; a label alone on its
# line takes the next line.)
_AUTHOR = re.compile(
    r"(?:^|\s)(?:作者|作\s+者)(?:\s*[:：]|(?=\t))\s*([^\s|｜:：]{3,30}(?:[ \t]+[^\s|｜:：]{2,30})*|$)"
)
# Offices joined in one 作者 value ("县农业农村局、县财政局", "县农业农村局 县财政局"), as printed.
_JOINED = re.compile(r"([、，,；;]|\s+)")


def _author_offices(value: str) -> str | None:
    """The offices a 作者 value opens with, joined as printed (a person's name after them, "区发改局
    王磊", is the writer's; a 供稿 glued on is the role's), or None when it opens with no office."""
    parts = _JOINED.split(value)
    found = ""
    for n in range(0, len(parts), 2):
        name = re.sub(r"供稿$", "", parts[n])
        if not _is_office(name):
            break
        found += (" " if n and parts[n - 1].isspace() else parts[n - 1] if n else "") + name
        if name != parts[n]:
            break
    return found or None


def _info_office(lines: list[str], info: range, own_name) -> tuple | None:
    """An office the info line names without a 来源 label: as its 作者 (作者：县农业农村局, where
    a person's name would be no source), or on its own beside the date (``2024-03-05 | 县卫健委 |
    阅读 1234``) — never the site's own name."""
    for i in info:
        line = lines[i] if 0 <= i < len(lines) else ""
        if len(line) > 100:
            continue
        author = _AUTHOR.search(line)
        value = author.group(1) if author else ""
        if author and not value and i + 1 in info and i + 1 < len(lines):
            value = lines[i + 1].strip()
        offices = _author_offices(value) if value else None
        if offices and not own_name(offices):
            return offices, "office named as 作者 in the info line"
        dates = find_dates(line, 3)
        if not dates:
            continue
        rest, at = [], 0
        for fd in dates:
            rest.append(line[at : fd.start])
            at = fd.end
        rest.append(line[at:])
        items = _INFO_ITEMS.split(" ".join(rest))
        for n, item in enumerate(items):
            # (The value of a role printed without its colon, "作者 教务处", is that role's.)
            if _is_office(item) and not own_name(item) and not (n and _ROLE.match(items[n - 1])):
                return item, "unlabelled office beside the info line's date"
    return None


_EN_NAME_LINE = re.compile(
    r"^(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|the|on|&))*$"
)


def _office_by_release_date(lay: Layout, info: range, site_like) -> tuple | None:
    """An English release's issuing office printed on a line of its own beside its date, in the
    small block that holds both (a many-agency portal's ``For immediate release: 3/05/2024`` over
    ``Executive Office of Health and Human Services``): no label, no link, not the portal's name."""
    lines = lay.lines
    for i in info:
        if not (0 <= i < len(lines)) or len(lines[i]) > 80 or not lines[i].isascii():
            continue
        if not find_dates(lines[i], 1):
            continue
        for j in (i + 1, i - 1):
            if j not in info or not 0 <= j < len(lines):
                continue
            name = lines[j].strip()
            if (
                len(name) > 80
                or lay.link_chars[j]
                or not _EN_NAME_LINE.match(name)
                or name.startswith("By ")  # (a byline: who wrote it up)
                or "\t" in name  # (a row's label and value: Department | Planning Division)
                or not _EN_OFFICE_WORD.search(name)
                or re.fullmatch(EN_PERSON, name)
                or site_like(name, header=False)
            ):
                continue
            block = _smallest_block(lay, min(i, j), max(i, j) + 1)
            if block is not None:
                return name, "office beside the release date"
    return None


def _office_by_release_line(
    lay: Layout, title_line: int, body_start: int, site_like
) -> tuple | None:
    """A US release's issuing office on a line of its own right after its ``For Immediate
    Release`` line (a date line may stand between), above the text: ``U.S. Attorney's Office,
    Northern District of …``, ``Office of Public Affairs``, ``Office of the Governor`` — no label,
    no link, an office's word, never a person (a byline, a minister) or the site's name."""
    lines = lay.lines
    for i in range(max(title_line - 3, 0), min(body_start + 3, len(lines))):
        if not IMMEDIATE_RELEASE.match(lines[i].strip()):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            name = lines[j].strip()
            if find_dates(name, 1) and len(name) <= 40:
                continue  # (the release's date between them)
            if (
                release_office(name)
                and not lay.link_chars[j]
                and not _EN_BYLINE.match(name)
                and not site_like(name, header=False)
            ):
                return name, "office line under the release's For Immediate Release"
            break
    return None


def _office_under_heading(lay: Layout, title_line: int, body_start: int, site_like) -> tuple | None:
    """An English release's issuing office on a line of its own just under the heading, before
    the text (``Office of the Premier``; a date line between aside), as PIB prints its ministry
    above it: a name only (:func:`patterns.release_office`), no link, not the site's name."""
    lines = lay.lines
    if not (0 <= title_line < len(lines)) or not lines[title_line].isascii():
        return None
    for j in range(title_line + 1, min(title_line + 3, body_start, len(lines))):
        name = lines[j].strip()
        if find_dates(name, 1) and len(name) <= 40:
            continue
        if (
            len(name) <= 80
            and release_office(name)
            and _EN_OFFICE_WORD.search(name)
            and not IMMEDIATE_RELEASE.match(name)
            and not lay.link_chars[j]
            and not site_like(name, header=False)
        ):
            return name, "office line under the heading"
        return None
    return None


def _smallest_block(lay: Layout, start: int, end: int):
    """The smallest element holding lines ``start``–``end`` and at most four lines in all (the
    date's block, not the page's), or None."""
    best = None
    for el, (lo, hi) in lay.spans.items():
        if lo <= start and end <= hi and hi - lo <= 4 and (best is None or hi - lo < best[0]):
            best = (hi - lo, el)
    return best[1] if best else None


def _is_office(text: str) -> bool:
    return bool(
        _OFFICE.match(text)
        and len(text) >= 3
        and _OFFICE_END.search(text)
        and not INFO_LABELS.search(text)
    )
