"""Faults that real servers answer with a 200 and that no site's chrome surrounds: verbose
error pages (a Java stack trace of forty frames, ASP.NET's error screen, a PHP fatal error, a
CMS's database warning), busy and rate-limit notices, block pages that name no vendor, gateway
time-outs — and a short real notice about a 系统升级, which is an article, not maintenance."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.extract.fetchcheck import failed_fetch_reason
from support.history_advisories import IMPERVA, PERIMETERX_403
from support.history_blind10 import Noise as Noise10
from support.history_blind10 import aspnet_ysod, whitelabel_error
from support.history_newsroom import AKAMAI_DENIED, CLOUDFLARE
from support.history_notice import NGINX_504, TOO_FREQUENT, WAF_BLOCK
from support.history_pages import RATE_LIMITED, UPDATING
from support.history_tender import Noise, Result, page_2020

_FRAMES = "".join(
    f"\tat org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:{200 + i})\n"
    for i in range(40)
)
NAV_LINKS = "".join(f'<a href="/lm{i}/">栏目{i}</a> ' for i in range(14))
PAGES = {
    "tomcat long trace": f"""<html><head><title>Apache Tomcat/7.0.52 - Error report</title></head><body><h1>HTTP Status 500 - Request processing failed; nested exception is org.hibernate.exception.JDBCConnectionException: Cannot open connection</h1><HR size="1" noshade="noshade"><p><b>type</b> Exception report</p><p><b>message</b> <u>Request processing failed</u></p><p><b>exception</b> <pre>org.springframework.web.util.NestedServletException: Request processing failed
{_FRAMES}</pre></p><HR size="1" noshade="noshade"><h3>Apache Tomcat/7.0.52</h3></body></html>""",
    "aspnet ysod": """<html><head><title>“/”应用程序中的服务器错误。</title></head><body bgcolor="white"><span><H1>“/”应用程序中的服务器错误。<hr width=100% size=1 color=silver></H1><h2> <i>运行时错误</i> </h2></span><font face="Arial, Helvetica, Geneva, SunSans-Regular, sans-serif "><b> 说明: </b>服务器上出现应用程序错误。此应用程序的当前自定义错误设置禁止远程查看应用程序错误的详细信息(出于安全原因)。但可以通过在本地服务器计算机上运行的浏览器查看。<br><br><b>详细信息:</b> 若要使他人能够在远程计算机上查看此特定错误消息的详细信息，请在位于当前 Web 应用程序根目录下的“web.config”配置文件中创建一个 &lt;customErrors&gt; 标记。然后应将此 &lt;customErrors&gt; 标记的“mode”属性设置为“Off”。<br><br><table width=100% bgcolor="#ffffcc"><tr><td><code><pre>&lt;!-- Web.Config 配置文件 --&gt;
&lt;configuration&gt;
    &lt;system.web&gt;
        &lt;customErrors mode="Off"/&gt;
    &lt;/system.web&gt;
&lt;/configuration&gt;</pre></code></td></tr></table><br><b>注释:</b> 通过修改应用程序的 customErrors 配置标记的“defaultRedirect”属性，使之指向自定义错误页的 URL，可以用自定义错误页替换所看到的当前错误页。<br><br><table width=100% bgcolor="#ffffcc"><tr><td><code><pre>&lt;configuration&gt;&lt;system.web&gt;&lt;customErrors mode="RemoteOnly" defaultRedirect="mycustompage.htm"/&gt;&lt;/system.web&gt;&lt;/configuration&gt;</pre></code></td></tr></table><br></body></html>""",
    "aliyun waf verbose": """<!DOCTYPE html><html><head><meta charset="utf-8"><title>405</title></head><body><div class="container"><div class="logo"><img src="https://errors.aliyun.com/images/TB1TpamHpXXXXaJXXXXeB7nYVXX-104-162.png"></div><div class="content"><h3>很抱歉，由于您访问的URL有可能对网站造成安全威胁，您的访问被阻断。</h3><p>Sorry, your request has been blocked as it may cause potential threats to the server's security.</p><table><tr><td>您的请求ID是:</td><td>781bad0a16919876543210988e</td></tr><tr><td>当前网址:</td><td>www.example.gov.cn/art/2023/9/1/art_1_2.html</td></tr><tr><td>客户端特征:</td><td>Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36</td></tr><tr><td>拦截时间:</td><td>2023-09-01 09:30:00</td></tr></table><p>如果您是网站管理员，点击查看<a href="https://help.aliyun.com/document_detail/67345.html">如何处理</a>；如果您是网站访客，请将本页面截图或请求ID反馈给网站管理员以便排查问题。感谢您的理解与支持。</p><p>若您是正常访问被误拦截，请联系网站管理员将您的IP加入白名单。拦截记录将保存30天，供管理员在安全防护控制台中查询相关的拦截原因与详细日志信息。</p></div></div></body></html>""",
    "php mysql error": """<br />\n<b>Warning</b>:  mysqli_connect(): (HY000/2002): Connection refused in <b>/www/wwwroot/cms/include/db.php</b> on line <b>32</b><br />\n<br />\n<b>Fatal error</b>:  Uncaught Error: Call to a member function query() on bool in /www/wwwroot/cms/include/db.php:45\nStack trace:\n#0 /www/wwwroot/cms/show.php(12): DB->query('SELECT * FROM d...')\n#1 {main}\n  thrown in <b>/www/wwwroot/cms/include/db.php</b> on line <b>45</b><br />""",
    "dede error": """<html><head><meta charset="utf-8"><title>DedeCMS Error Warning!</title></head><body><div style="font-size:12px"><b>DedeCMS Error Warning!</b><br>Technical Support: <a href='http://www.dedecms.com'>www.dedecms.com</a><br>Error page: <font color='red'>/plus/view.php?aid=123</font><br>Error infos: Too many connections<br>Error sql: <font color='blue'>SELECT arc.*,tp.typedir FROM `dede_archives` arc</font></div></body></html>""",
    "iis 503": """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd"><HTML><HEAD><TITLE>Service Unavailable</TITLE><META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD><BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>""",
    "site busy": """<html><head><meta charset="gb2312"><title>提示</title></head><body><p>服务器繁忙，请稍后再试！</p><p><a href="javascript:history.go(-1)">返回</a></p></body></html>""",
    "db conn failed": """<html><head><meta charset="utf-8"><title>青溪县人民政府</title></head><body><p>数据库连接失败！</p></body></html>""",
}
PAGES.update(
    {
        "nginx-504": NGINX_504,
        "too-frequent": TOO_FREQUENT,
        "rate-limited": RATE_LIMITED,
        "waf-block-no-vendor": WAF_BLOCK,
        "updating": UPDATING,
        "cloudflare": CLOUDFLARE,
        "akamai": AKAMAI_DENIED,
        "imperva incident iframe": IMPERVA,
        "perimeterx press and hold": PERIMETERX_403,
        # the site's header and navigation, then the driver's error where the content belongs
        "asp odbc error after the header": page_2020(
            Result(), Noise(1, date(2020, 4, 17)), db_error=True
        ),
        "spring whitelabel error page": whitelabel_error(Noise10(1, date(2024, 5, 17))),
        "aspnet ysod english": aspnet_ysod(Noise10(1, date(2024, 6, 22))),
        "mysql syntax error in the frame": "<html><head><title>青溪县人民政府</title></head><body>"
        + NAV_LINKS
        + "<div class=main>You have an error in your SQL syntax; check the manual that corresponds "
        "to your MySQL server version for the right syntax to use near '' at line 1</div></body></html>",
    }
)
KINDS = {
    "tomcat long trace": "error page",
    "aspnet ysod": "error page",
    "aliyun waf verbose": "anti-bot challenge",
    "php mysql error": "error page",
    "dede error": "error page",
    "iis 503": "error page",
    "site busy": "busy or rate-limited page",
    "db conn failed": "error page",
    "nginx-504": "error page",
    "too-frequent": "busy or rate-limited page",
    "rate-limited": "busy or rate-limited page",
    "waf-block-no-vendor": "anti-bot challenge",
    "updating": "maintenance page",
    "cloudflare": "anti-bot challenge",
    "akamai": "anti-bot challenge",
    "imperva incident iframe": "anti-bot challenge",
    "perimeterx press and hold": "anti-bot challenge",
    "asp odbc error after the header": "error page",
    "mysql syntax error in the frame": "error page",
    "spring whitelabel error page": "error page",
    "aspnet ysod english": "error page",
}


@pytest.mark.parametrize("name", list(KINDS), ids=[n.replace(" ", "-") for n in KINDS])
def test_a_fault_page_served_as_200_is_a_failed_fetch(name):
    reason = failed_fetch_reason(PAGES[name].encode(), 200, "text/html; charset=utf-8")
    assert reason and reason.startswith(KINDS[name]), reason


NAV = "".join(f'<a href="/c{i}/">栏目{i}</a> ' for i in range(6))


@pytest.mark.parametrize(
    "text",
    [
        "因系统升级，5月25日暂停办理业务。给您带来不便，敬请谅解。",
        "近期办事群众较多，服务器繁忙时请错峰办理，或通过网上办事大厅提交。",
        "市大数据中心完成数据库连接失败问题的排查，全市政务系统恢复正常。",
        "Runtime error in the permit portal was fixed overnight; renewals reopened at 8 a.m.",
        "A server error delayed Tuesday's data release by two hours. Figures are now online.",
    ],
    ids=[
        "system-upgrade-notice",
        "busy-hall-notice",
        "database-repair-news",
        "runtime-error-news",
        "server-error-news",
    ],
)
def test_a_short_notice_in_the_sites_navigation_is_a_page_whatever_it_says(text):
    html = (
        f"<html><head><meta charset='utf-8'><title>公告-某市政府</title></head><body>"
        f"<div class='nav'>{NAV}</div><h1>公告</h1><p>{text}</p>"
        "<div class='foot'>主办：某市人民政府办公室</div></body></html>"
    )
    assert failed_fetch_reason(html.encode(), 200, "text/html") is None


def test_a_print_view_of_news_about_a_server_error_is_a_page():
    # No links, an error's name in its title and heading, and a long text: but dated.
    text = " ".join(
        ["A server error at the state data center delayed Tuesday's benefit payments."] * 12
    )
    html = (
        "<html><head><title>Server error delays benefit payments</title></head><body>"
        "<h1>Server error delays benefit payments</h1><p>June 18, 2024</p>"
        f"<p>{text}</p></body></html>"
    )
    assert failed_fetch_reason(html.encode(), 200, "text/html") is None


def test_a_stack_trace_in_a_page_with_navigation_is_still_a_page():
    frames = "\n".join(f"  at com.example.Foo.bar(Foo.java:{i})" for i in range(5))
    nav = "".join(f'<a href="/d{i}/">文档{i}</a>' for i in range(12))
    html = (
        "<html><head><meta charset='utf-8'><title>开发者文档：异常排查</title></head><body>"
        f"<div>{nav}</div><h1>异常排查</h1><p>下面是一个常见的异常堆栈：</p><pre>{frames}</pre></body></html>"
    )
    assert failed_fetch_reason(html.encode(), 200, "text/html") is None


def test_a_release_answering_a_long_stack_trace_is_checked_though_its_body_looks_substantial():
    # Article pages are checked in full only when they look thin or may be no page: forty frames
    # of a trace make a long "body", but a page of hardly any links is checked all the same.
    from crawler.extract.pool import checked_article

    body = PAGES["tomcat long trace"].encode()
    article, reason, error = checked_article(body, "http://x.gov.cn/art/2024/1.html")
    assert len(article.body) > 2000 and error is None
    assert reason and reason.startswith("error page served as 200"), reason
