"""What a page says when it stands in another's place: that the page is gone, that the site is
down for maintenance or too busy to answer, or the name of a server's error.

The fetch check (``crawler/extract/fetchcheck.py``) reads these wordings on bare pages; the store
reads them on a page drawn in the site's own chrome that answered in a watched page's place,
where only the stored version tells the two apart (another title, none of its lines).
"""

from __future__ import annotations

import re

# Wordings that say the page is not there, shared by the bare notice and the in-template one.
_NOT_THERE = r"页面不存在|頁面不存在|(?:信息|文章|内容|稿件|网页)不存在|不存在或已|找不到(?:该|您要访问的|您访问的)?(?:页面|信息|文章)"

# The page is gone: deleted, withdrawn, expired, not found.
GONE_NOTICE = re.compile(
    _NOT_THERE
    + r"|已被?删除|已被?刪除|已被?撤销|已被?撤回|已被?撤稿|已被?下架|已过期|已下线|已失效|"
    r"已被?移除|"
    r"not\s+found|no\s+longer\s+(?:available|exists)|has\s+been\s+(?:removed|deleted|withdrawn)",
    re.I,
)
# The page itself says it was withdrawn or is gone, as a CMS writes it into the article's own
# template where the text stood (该信息已撤稿, 您访问的页面不存在或已被删除, "This page has been
# removed"): the subject is the page, not something the text reports removed ("the Ashby
# advisory has been removed", 关于撤销……的决定).
WITHDRAWN_NOTICE = re.compile(
    r"(?:页面|頁面|网页|網頁|信息|資訊|文章|内容|內容|稿件|文件|文档|新闻|新聞|链接|鏈接)"
    r"(?:已经?|已被|已經)被?(?:删除|刪除|撤稿|撤销|撤銷|撤回|下线|下線|下架|移除|过期|過期|失效)|"
    + _NOT_THERE
    + r"|"
    r"\b(?:this|the)\s+(?:page|content|article|document|item|story|post)\b[^.\n]{0,40}?"
    r"\b(?:has|was)\s+(?:been\s+)?(?:removed|deleted|withdrawn|unpublished)\b|"
    r"\bpage\s+(?:was\s+)?not\s+found\b|\b(?:page|content)\b[^.\n]{0,40}?\bno\s+longer\s+(?:available|exists)\b",
    re.I,
)
# The site is down for maintenance or an upgrade.
MAINTENANCE_NOTICE = re.compile(
    r"系统维护|网站维护|升级维护|维护升级|维护中|系统升级|网站升级|暂停服务|暂停访问|停止访问|停机|"
    r"正在更新|更新中|正在升级|升级中|"
    r"under\s+maintenance|down\s+for\s+maintenance|"
    r"scheduled\s+maintenance|temporarily\s+unavailable|maintenance\s+mode|be\s+back\s+soon",
    re.I,
)
# A server that refuses for load: too many requests from the visitor, or too many visitors.
BUSY_NOTICE = re.compile(
    r"(?:访问|请求|操作|提交)(?:过于|太|过度)频繁|(?:访问|请求)频率过高|(?:服务器|系统|网络|网站)(?:繁忙|忙碌)|"
    r"访问人数过多|访问量过大|too\s+many\s+requests|rate\s+limit(?:ed|ing)?\b|slow\s+down",
    re.I,
)
# A page that asks the visitor to sign in before it shows anything: what it demands (请先登录,
# 登录后查看, 您尚未登录, "please log in"), or a line that is nothing but a login form's name
# (用户登录, 统一身份认证 - 登录, "Sign in"). An article about a login service (关于统一身份认证
# 平台上线的通知) demands nothing and is no form's name.
LOGIN_NOTICE = re.compile(
    r"请(?:先|您)?(?:登录|登陆)(?!名|页|界面|方式)|(?:登录|登陆)后(?:方可|才能|才可|即可|可以?)?(?:查看|浏览|访问|阅读|下载|继续|使用|操作)|"
    r"(?:需要?|必须)(?:先)?(?:登录|登陆)|(?:您|用户)(?:尚|还)?未(?:登录|登陆)|(?:登录|登陆)(?:超时|已?过期|已?失效|状态已?失效)|"
    r"^\s*(?:(?:用户|账号|帐号|个人|会员|法人|单位|统一身份认证|统一认证|单点)(?:平台|中心)?\s*[-–—|_:：·]?\s*)?(?:登录|登陆)\s*$|"
    r"please\s+(?:log|sign)\s*(?:in|on)\b|(?:log|sign)\s*(?:in|on)\s+(?:is\s+)?required|(?:log|sign)\s*in\s+to\s+(?:continue|view|access)|"
    r"you\s+(?:must|need\s+to)\s+(?:be\s+)?(?:logged|signed)\s+in|^\s*(?:log|sign)\s*(?:in|on)\s*$",
    re.I | re.M,
)
# The title or heading of a server's or CMS's error page.
ERROR_TITLE = re.compile(
    # A status code names the page only as an error's name (404 Not Found, 502, 404错误), never
    # as a figure: 500万元专项资金, 510家企业.
    r"^\s*(?:4[01]\d|5\d\d)\s*(?:[-–—:：.|]\s*)?(?:$|\n|[A-Za-z]|错误|页面|頁面|出错)|页面不存在|頁面不存在|页面未找到|页面找不到|找不到(?:该|您要访问的|您访问的)?页面|"
    r"not\s+found|internal\s+server\s+error|error\s+report|"
    # an application server's own error screens: Spring's, ASP.NET's (Server Error in '/'
    # Application., titled Runtime Error), IIS's (Server Error)
    r"whitelabel\s+error|\bserver\s+error\b|(?:^|\n)\s*runtime\s+error\s*(?:$|\n)|http\s+status\s+\d{3}|服务器(?:内部)?错误|"
    r"service\s+unavailable|bad\s+gateway|gateway\s+time-?out|error\s+warning|database\s+error",
    re.I,
)
