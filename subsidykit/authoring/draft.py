"""Draft the catalog entries of a guide from its text: `draft_guide(path) -> Draft`.

What the drafter reads, and how (no seed is special-cased; every rule below is about the shape
of a guide, not about one guide's words):

* **Lines.** Each line is classified once: blank, page furniture (a page number "- 23 -", a
  table-of-contents line "…… 12", a short line repeated on many pages), an attachment marker
  ("附件 2", "附件 1-1" = a form, "附件：" = the list of forms), a chapter marker ("第二章 …", also
  as a running header "» 第二章 …"), a heading, or text.  Markup a conversion leaves (``**``,
  ``<b>``, leading ``#``) is ignored; full-width digits and brackets count as half-width.
* **Parts.** A guide title is a short line ending in 指南 (the line before it is joined when the
  title wraps).  The text before the first title is the notice (its 申报条件 become the
  document's general conditions); each title opens a part, which ends at the next 附件 marker
  (the forms).  A file without a guide title is one part; its chapters, if any, are its guides.
* **Headings** at any level: 一、 < （一） < 1. / 1、 < （1） < ①, and markdown ``#`` headings above
  them; a heading's parent is the nearest heading above it of a higher level.  The heading's
  title is its text up to 。/：/； (a title wrapped across lines, or with an open bracket, is
  joined first).  "（免申直达）" sets `no_application` and is dropped from the title; a remark in
  brackets after 项目 ("（具体方案另行通知）") goes to the note.
* **Sections.** A heading whose title starts with a section word followed by punctuation
  (支持条件 / 申报条件 / 支持对象, 补助标准 / 支持标准 / 政策优惠 / 支持方式, 支持数量, 申报主体,
  归口部门 …) is a section of its parent; so is an unnumbered line "补助标准：……" / "【支持条件】"
  under a heading.
* **Programs.** A heading with a 支持条件 / 补助标准 / 支持数量 / 申报主体 among its children is a
  program; a heading without sections and without programs below it whose title ends in 项目 is
  a program too (its own text is read as its award clause), and so is an unnumbered paragraph
  after a program's sections that opens with another program's name ("X项目按照……支持"), and a
  numbered measure of a policy that grants money in its own paragraph ("2. 支持某类人才。……最高
  给予 N 万元 X 补贴").  A measure that grants different kinds of money (a grant and a loan
  limit, an allowance and a housing subsidy) is one program per kind, all under the measure's
  title; amounts of one kind in one sentence are its tiers (see `_benefit_groups`); a loan,
  guarantee or investment limit is `grant: false`.  When a program's 补助标准 lists two or more
  items each named by a program ("1. X项目，按……"; or, without such items, its 支持条件 does,
  "（1）X项目。"), each item becomes a program under the named heading: its own award and
  condition items, the shared ones, and its quota where the 支持数量 names it ("其中，X项目不超过
  N个").
* **HTML lines.** A line that is HTML (a web page's conversion) is read paragraph by paragraph
  (<p>, <li> …), each cited by the line it stands on; an HTML block's own numbering restarts
  under the outline item it follows ("五、申报条件" then "<p>一、……</p>"), so its headings nest
  below that item unless they continue its numbering ("18." then "<p>19. ……</p>").
* **Quota tables.** A table with a 支持数量 column (an attachment listing directions or tasks
  with "不超过 N 个") gives a program without a quota of its own its quota: the rows that name
  it, or, rows naming no program, the program the table's title names in brackets; the title
  outside the brackets names the heading whose programs are considered.  Several rows: the sum,
  cited by every row, its addition in the note.
* **Path.** The headings above a program, as printed (numbering kept), like the hand catalog.
* **Contact.** The 联系方式 table (rows ending in a phone number, merged cells shared with the
  row above) gives office/phone to the program whose title (or, failing that, whose parent
  heading) the row names; a 归口部门 section gives the office; else a "联系方式：处室 电话" line in
  the program's text or a short heading's above it.
* **Ids.** ``YYYY-d`` + the first 7 hex digits of the SHA-1 of guide/path/title: ASCII, stable
  when programs are added or reordered (a later draft of the same guide keeps the ids a review
  sheet refers to), "-2", "-3" … on a repeat.
* **Review.** Every program and the document are `review: draft`; sentences of a 补助标准 or
  支持条件 that the clause parsers (`authoring.clauses`) could not turn into data are listed
  under `todo:`.  Every source is then checked with `catalog.sources.quote_problem` (root: the
  guide's folder, or where the extracted text is written); a quote broken only by page
  furniture or markup is re-quoted with "……", and a number whose quote cannot be verified, or
  which does not stand in its quote, is taken out of the data and put under `todo:` with the
  reason: never written, never silently dropped.
"""

from __future__ import annotations

import bisect
import copy
import functools
import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from subsidykit.authoring.clause_common import NO_APPLICATION, TIER_LIST
from subsidykit.authoring.clause_numbers import small_numerals
from subsidykit.authoring.clause_text import BULLET_MARK, CELL, ENUMERATOR, Doc
from subsidykit.authoring.text import GuideText, read_guide
from subsidykit.catalog.sources import ENTITY
from subsidykit.errors import BadInputError

__all__ = [
    "Draft",
    "draft_guide",
    "draft_text",
    "iter_sources",
    "invented_numbers",
    "number_in_quote",
]

# ───────────────────────────── words ─────────────────────────────

SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "conditions": ("支持条件", "申报条件", "基本条件", "申请条件", "认定条件", "评定条件", "支持对象", "申报要求", "资格条件",
                   "兑现条件", "奖励条件", "补助条件", "享受条件", "适用条件", "适用对象", "申报门槛", "兑现范围", "扶持对象",
                   "奖励对象", "补助对象", "资助对象", "准入条件", "申领条件", "服务对象", "基本要求", "申报要件",
                   "申报资格", "资格要求"),
    "award": (
        "补助标准", "支持标准", "奖励标准", "补贴标准", "奖补标准", "资助标准", "扶持标准", "支持方式",
        "补助方式", "政策优惠", "支持额度", "补助额度", "奖励方式", "兑现标准", "补贴方式", "扶持方式",
        "贴息标准", "贴息方式", "贴息比例", "奖补方式", "资助方式", "补贴标准及方式", "奖励办法", "补助办法",
        "资助办法", "奖补办法", "扶持办法", "资金拨付",
        "激励标准", "激励办法", "激励方式", "奖励额度", "资助额度", "奖补额度", "扶持额度", "补贴额度",
    ),
    "quota": ("支持数量", "支持规模", "申报数量", "入库数量", "支持名额", "奖励名额", "立项数量", "奖励数量", "资助数量", "名额",
              "名额安排", "计划数量", "拟支持数量"),
    "subject": ("申报主体", "支持主体", "实施主体", "申报单位", "申报对象"),
    "direction": ("支持方向", "重点方向", "支持内容", "建设内容", "支持重点", "重点领域"),
    "use": ("资金使用", "使用范围"),
    "materials": ("申报材料", "申报资料", "申请材料"),
    "review_points": ("专家评审要点", "评审要点", "评审标准"),
    "office": ("归口部门", "主管部门", "受理部门", "责任部门", "牵头部门", "责任单位", "责任处室", "主管处室", "业务处室", "联系处室",
               "责任科室", "受理单位", "受理科室"),
    "time": ("申报时间", "受理时间"),
    "basis": ("文件依据", "政策依据"),
    "procedure": ("申报程序", "申报流程", "申报方式", "兑现方式", "兑现程序", "兑现流程", "申请方式", "兑付方式", "拨付方式"),
    "link": ("原文链接", "政策解读"),
}
_SECTION_OF = sorted(((w, k) for k, ws in SECTION_WORDS.items() for w in ws), key=lambda x: -len(x[0]))
PROGRAM_SECTIONS = {"conditions", "award", "quota", "subject"}  # a heading with one of these is a program
NAME_ENDS = ("项目", "服务商", "平台", "中心", "基地", "机构", "工程")
NAME_NOT_START = ("按", "对", "单个", "每", "给予", "其中", "根据", "经", "以", "在", "申报", "项目", "符合", "支持", "专项", "已", "由", "须", "应")
# nouns that open with one of those words ("应用车间", "经济运行", "对外贸易", "对标达标", "在线监测")
_NAME_START_NOUN = re.compile(r"应用|经济|经营|对外|对标|对口|对接|在线|在建|以旧换新")


def _clause_start(name: str, more: tuple[str, ...] = ()) -> bool:
    """`name` opens like a clause ("按…", "对…的", "应当…"), not like a program's or a class's name."""
    return name.startswith(NAME_NOT_START + more) and not _NAME_START_NOUN.match(name)

# ranks of the numbering styles (a heading's parent has a smaller rank)
RANK_MD, RANK_CN, RANK_PCN, RANK_NUM, RANK_PNUM, RANK_CIRC = 0, 1, 2, 3, 4, 5
RANK_ROMAN = 1.1  # "Ⅱ、X" (an annex's list): below 一、, above （一）
RANK_PART = 0.7  # "第二部分  绿色低碳和数字转型": above 一、, below a 条's rank
RANK_RECORD = 2.2  # "项目名称 | X" of a guide laid out as one table per program: below （一）, above 1.
RANK_TITLE = 1.9  # an unnumbered program title between such tables: its "（一）支持条件" below it
RANK_QUESTION = 2.4  # "问：企业申请“X”，可以享受什么奖励？" of a 问答 page: below （一）, above 1.
# a 问答 page's question and answer ("问：…申请“首贷贴息”，可以享受什么奖励？" / "答：对…给予…")
_QUESTION = re.compile(r"^\s*问\s*[:：]\s*")
_ANSWER = re.compile(r"^\s*答\s*[:：]\s*")
# money or a share in a line (uncovered_amounts): 3 万元, 1.2亿元, 500元, 10%, 百分之十
_AMOUNT_WORDS = re.compile(r"\d\s*(?:万元|亿元|元|%|‰)|[百千]分之")
RANK_ARTICLE = 0.5  # "第十二条【…】" of a 实施细则/办法: above every outline numbering, inside a 章
_CN_NUM = "一二三四五六七八九十"
# an article of rules: "第十二条【技术改造奖补】…", "第5条 …", "第三十条　智能化改造。…" — not "第三条规定的…"
_ARTICLE = re.compile(r"^第\s*([一二三四五六七八九十百零〇两]{1,6}|\d{1,3})\s*条(?![件例款规中所之的第])\s*")
_ARTICLE_TITLE = re.compile(r"^\s*[【\[〔]\s*([^】\]〕]{1,30}?)\s*[】\]〕]\s*")
# rules that detail a policy's articles ("XX若干政策实施细则"), and a detail's reference to the
# article it details ("（一）重大产业项目补助（对应第一条）", "（对应第二条第（一）项）")
_DETAIL_TITLE = re.compile(r"(?:实施细则|操作细则|兑现细则|申报细则|操作规程|兑现办法|操作指引|实施指引|兑现指南)$")
_ARTICLE_REF = re.compile(
    r"(?:对应|适用|落实|执行)(?:《[^》]{1,60}》)?第(?P<art>[一二三四五六七八九十百零〇\d]{1,5})条"
    r"(?:第?[(（](?P<item>[一二三四五六七八九十\d]{1,3})[)）]项)?"
)
_ITEM_LEAD = re.compile(r"^\s*第?[(（](?P<item>[一二三四五六七八九十\d]{1,3})[)）]项\s*[:：]?")
# a paragraph after a list of items that speaks of them all ("上述两类项目均…", "以上各类…")
_ALL_ITEMS = re.compile(r"^(?:上述|以上|前述|前款|所有|各类|[两二三四五六七八九]类)(?:各类|[两二三四五六七八九]类|各项|所列|项目|类|各)*[^。；;]{0,20}?均")
# a closing paragraph of a program's items that is every item's ("申报主体为…", "支持数量合计…")
_SHARED_TAIL = re.compile(r"(?:申报主体|申报单位|申报对象|支持对象|支持数量|支持名额|申报数量|奖励名额)")
_RUNNING_TITLE = re.compile(r"(?:指南|通知|细则|办法|政策|措施|方案|规定)$")
_TITLE_LINE = re.compile(r"(?:项目|奖励|补助|补贴|贴息|资助|奖补|激励)(?:[（(]免申[\u4e00-\u9fff]{2}[）)])?$")
_PLACE_CELL = re.compile(r"[\u4e00-\u9fff]{1,8}(?:市|县|区)")
_NUM_CELL = re.compile(r"\d{1,3}(?: \d{3})+|\d{1,6}")
# chapters and articles about procedure, not money: never a program
# (a chapter of measures may be named for what it secures: "强化要素支撑保障" is no procedure,
# "保障措施"/"组织实施" are)
_PROCEDURE_CHAPTER = ("总则", "附则", "申报", "程序", "管理", "监督", "责任", "审核", "审批", "拨付", "绩效", "职责", "分工", "组织",
                      "保障措施", "工作保障", "评审", "实施")
_PROCEDURE_ARTICLE = ("申报程序", "申报流程", "申报材料", "申报时间", "资金管理", "资金拨付", "资金来源", "监督", "法律责任", "附则", "解释", "施行", "有效期", "评审", "职责", "绩效", "追回", "适用范围", "定义", "原则")
# a word processor's outline numbering exported as decimals ("2 产业创新", "2.1\t技术攻关项目",
# "2.1.3 支持数量", "2.1支持条件"): a depth-d number ranks as the d-th of 一、/（一）, then between
# （一） and 1. (so "1." "（1）" "①" items stand under any of them).  After the number: white space
# or a word, a quote or a bracket; never a unit ("2.5万元", "1.5 倍") and never "2.5G…" (the
# numbering glued to "5G", read by RANK_NUM).  A lone "2 产业创新" (depth 1) is kept only where an
# outline "2.1" follows it (`_confirm_outline`).
RANK_OUTLINE = {1: RANK_CN, 2: RANK_PCN, 3: 2.5, 4: 2.7, 5: 2.8}
_OUTLINE_AFTER = r"(?:[ \t\u3000]+(?=[\u4e00-\u9fff“”\"（(【\[《A-Za-z])|(?=[\u4e00-\u9fff“”\"（(【\[《]))(?![万亿元个%％倍年月日号项次人台套吨])"
_OUTLINE = {
    d: re.compile(rf"^(\d{{1,2}}(?:[.．]\d{{1,2}}){{{d - 1}}})[.．]?{_OUTLINE_AFTER}\s*") for d in (5, 4, 3, 2)
}
_OUTLINE_TOP = re.compile(r"^(\d{1,2})[ \t\u3000]+(?=[\u4e00-\u9fff“”\"（(【《])(?![万亿元个%％倍年月日号项次人台套吨])\s*")
# "a) 甲类项目。", "b．乙类…", "(c) …": lettered items, below （1）
RANK_ALPHA = 4.5
# "（a）支持条件。" in a document lettered as its outline (`_letter_outline`): above "1."
RANK_LETTER_FIELD = 2.6
# "1) 甲类项目" / "2）…": a number with a closing bracket only, between 1. and （1）
RANK_HALFPAREN = 3.5
_HEADING = [
    *((RANK_OUTLINE[d], _OUTLINE[d]) for d in (5, 4, 3, 2)),
    (RANK_OUTLINE[1], _OUTLINE_TOP),
    # (a part's title is short, without digits: "第一部分 …  处室  电话" is a row of a table)
    (RANK_PART, re.compile(rf"^第([{_CN_NUM}]{{1,3}})部分\s*(?=[\u4e00-\u9fff（）()“”、\s]{{2,30}}$)")),
    (RANK_CN, re.compile(rf"^([{_CN_NUM}]{{1,3}})\s*(?:[、.]|[,，](?=\s*[\u4e00-\u9fff]{{2,}}[^，,。；;]{{0,30}}$))\s*")),
    (RANK_PCN, re.compile(rf"^\(\s*([{_CN_NUM}]{{1,3}})\s*\)\s*")),
    # "2.5G工厂": the numbering glued to a name that opens with digits and a Latin letter
    # ("5G", "3D", "4K") is a heading; "2.5万元", "1.2" stay text
    (RANK_NUM, re.compile(r"^(\d{1,2})\s*[.、](?:(?![\d.])|(?=\d{1,2}[A-Za-z](?![A-Za-z]*\s*(?:/|％|%))))\s*")),
    (RANK_PNUM, re.compile(r"^\(\s*(\d{1,2})\s*\)\s*")),
    (RANK_CIRC, re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    (RANK_HALFPAREN, re.compile(r"^(\d{1,2})\s*[)）](?![\d万亿元个%％倍年月日号])\s*")),
    # (not a paragraph running several lettered items together: "(a)甲…(b)乙…" is cut by
    # `run_items`)
    (RANK_ALPHA, re.compile(r"^[(（]?([a-hA-H])\s*[)）.．](?![A-Za-z0-9])\s*(?=[\u4e00-\u9fff“”\"（(【《])(?!.*[(（][b-hB-H][)）])")),
    # one-character bracketed numbers a word processor sets: "㈢" (as "（三）"), "⑷" (as "(4)"), and
    # a Roman "Ⅱ、" (an annex's list, numbered apart from the body's 一、)
    (RANK_PCN, re.compile(r"^([\u3220-\u3229])\s*(?=\S)")),
    (RANK_PNUM, re.compile(r"^([\u2474-\u2487])\s*(?=\S)")),
    (RANK_ROMAN, re.compile(r"^([\u2160-\u216b]|[\u2170-\u217b])\s*[、.．]\s*")),
]
_PAGE = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
# a web page printed from a browser: its address and page count at the foot of each page
# ("https://…/art_1208.html	2/5"), the print time and page title at the head ("2175/3/18 上午10:21	X-政务服务网")
_BROWSER_PRINT = re.compile(r"^(?:https?://\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?"
                            r"|\d{2,4}/\d{1,2}/\d{1,2}\s*(?:上午|下午)?\s*\d{1,2}:\d{2}(?:\s+\S[^。；;]{0,80})?)$")


def _toc_line(s: str) -> bool:
    """A table of contents' line: leader dots (....... / …… / ····) then a page number at its end
    (checked from the end, in linear time: a line of dots without a number is no backtracking)."""
    m = re.search(r"\d{1,4}\s*$", s[-12:])
    if not m:
        return False
    before = s[: len(s) - 12 + m.start()] if len(s) > 12 else s[: m.start()]
    before = before.rstrip()
    return before.endswith(("....", "……", "····"))
_ATTACH = re.compile(r"^附\s*件\s*(\d+)\s*$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(（【]\d{4}[〕\])）】]\d{1,4}号")
_TABLE_ATTACH = re.compile(r"^附\s*表\s*(\d+)\s*$")  # "附表2": a table the guide's text refers to ("标准见附表2")
_FORMS = re.compile(r"^附\s*件\s*\d+\s*[-－—–]\s*\d+")
_ATTACH_LIST = re.compile(r"^附\s*件\s*[：:]")
_CHAPTER = re.compile(rf"^(第[{_CN_NUM}]+章)\s*(.*)$")
_MARKUP = re.compile(r"</?b>|\*\*")
_TAG = re.compile(r"<[^>]{0,400}>")
_CONTACT_WORD = re.compile(r"联系方式|联系电话|咨询电话")
# (a half-width "." after a word ends a title too: "(二)技改贷款贴息.对企业……")
# a heading whose paragraph runs on after it on the same line, parted by a space or after a
# closing remark: "危化品企业搬迁改造项目 对列入…", "绿色工厂梯度培育奖励（免申直达）对2193年度…"
_RUN_ON_TITLE = re.compile(
    r"^(?P<name>[^，,；;。]{2,40}?(?:项目|奖励|补助|补贴|资助|奖补|贴息|改造|工程|建设|计划|行动|服务|平台|中心|基地|提升|培育|替代)"
    r"(?:[（(](?:免申即享|免申直达|免申报|免于申报)[）)])?)(?:[ \t\u3000]+|(?<=[）)]))"
    r"(?=对|按照?|支持|鼓励|围绕|面向|凡|重点|聚焦|推动|引导|针对|为)")
_TERMINATOR = re.compile(r"[。：:；;]|(?<=[\u4e00-\u9fff）)])\.(?![\d.])")
_PHONE = re.compile(r"(0\d{2,3}\s*[-－—–]\s*\d{7,8}|(?<!\d)\d{8}(?!\d))")
_OFFICE_END = ("处", "局", "室", "司", "中心", "厅", "部", "办", "科", "委")
_MONEY = re.compile(
    r"(?:给予|奖励|补贴|资助|补助|奖补|发放|提供|兑付|兑现|抵扣)[^。；]{0,24}?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十][一二两三四五六七八九十百千零〇]{0,6})(?:万元|亿元|元)"
    r"|\d+(?:\.\d+)?(?:万元|亿元|元)[^。；]{0,12}?(?:奖励|补贴|资助|补助|奖补|拨付|兑现)"
    r"|每[^。；\d]{0,8}\d+(?:\.\d+)?(?:万元|元)|\d+(?:\.\d+)?(?:万元|元)的?标准"
    # a share granted ("按实际支付利息的50%给予贴息"): money too, its sum decided by the base
    r"|\d+(?:\.\d+)?%(?:的比例)?(?:(?:给予|予以)(?:一次性)?(?:贴息|补助|奖励|补贴|资助|奖补)|兑付|兑现)"
    r"|(?:奖励|补助|补贴)(?:金额|标准|额度)[^。；]{0,80}?\d+(?:\.\d+)?(?:万元|亿元|元)"
    r"|(?:奖励|补助|补贴|奖补|资助)[^。；]{0,40}?单位[:：]?万元[^。]{0,300}?\d"  # a table of bare amounts
    # "补助金额（万元）" / "奖励标准（万元/家）" over its column
    r"|(?:奖励|补助|补贴|奖补|资助)(?:金额|标准|额度)\((?:万元|元)(?:/[^()]{1,6})?\)[^。]{0,300}?\d"
)
# a count of awards in an award's prose: what is counted, then "不超过N家" / "控制在N个以内"
_PROSE_QUOTA = re.compile(
    r"(?P<lead>(?:全年|每年|年度|本年度|本条|本项|全县|全市|全区|全省|奖励|支持|诊断|入选|补助|资助|遴选|立项|认定|评定|命名|培育)[^，,；;。:：()]{0,14}?[:：]?)"
    r"(?:不超过|不多于|最多|控制在)(?P<num>\d+|[一二两三四五六七八九十]{1,3})(?:个|家|项|名|户|场|所|批)[\u4e00-\u9fff]{0,4}?(?:以内)?(?=[，,；;。)]|$)"
)
# a question asking what an applicant must meet ("问：要具备什么条件？", "申请企业须满足哪些条件？")
_ASKS_CONDITIONS = re.compile(r"(?:基本|申报|申请|哪些|什么|具备|满足)(?:的)?条件|(?:哪些|什么)(?:单位|企业|主体)(?:可以|能够?)?申报")
# a question asking how many ("问：本批支持多少家企业？", "名额有多少？") and its answer's count
_ASKS_HOW_MANY = re.compile(r"多少(?:个|家|项|名)|几(?:个|家|项|名)|名额|支持数量|立项数量")
_ANSWER_COUNT = re.compile(r"\s*答\s*[:：]\s*(?:本年度|今年|全年|年度)?(?:拟|计划)?(?:支持|立项|遴选|奖励)?"
                           r"(?P<said>(?:不超过|不多于|最多|至多|控制在)?\s*(?P<num>\d+|[一二两三四五六七八九十]{1,3})\s*(?:个|家|项|名|户)(?:以内)?)(?!左右)")
_PER_APPLICANT = re.compile(r"同一|单个|单家|单户|每家|每个|每户|每项|申报|限报|推荐|每人")
_QUOTA_SUBJECT = re.compile(r"数量|总数|名额|企业|项目|产品|场景|平台|单位|奖励|支持|遴选|入选|诊断|立项|认定|评定|命名|培育")
# "…不超过200家，其中专项诊断不超过20家": a part of a prose quota, for the variant it names
_PROSE_PART = re.compile(r"[，,]?(?P<part>其中(?P<name>[^，,；;。:：]{2,24}?)(?:不超过|不多于|最多|控制在)(?P<num>\d+)(?:个|家|项|名|户)(?:以内)?)")
_GENERAL_LEAD = re.compile(r"(?:符合|具备|满足)(?:以下|下列|如下)(?:基本|申报|资格)?条件")
_BENEFIT_TITLE = re.compile(r"奖励|补贴|补助|奖补|资助|贴息|扶持|配套|激励|一事一议|优惠|支持|鼓励")
# an award promised without its amount ("按级别分别予以一次性奖补": the sums stand in rules that
# detail the article, or nowhere): a program whose amount is not given, never passed over
_PROMISE = re.compile(r"(?:给予|予以)[^。；]{0,16}?(?:奖励|补助|补贴|资助|奖补|贴息)")
_NO_APP = NO_APPLICATION
_NO_APP_WORDS = re.compile(r"免申(?:直达|即享|即得|即办|即兑)|免于申报|免予申报|无需申报")


# a line laid out in columns: a gap of three spaces or more between words
_COLUMNS_ROW = re.compile(r"\S(?: {3,}|\u3000{2,})\S")


def _fold(s: str) -> str:
    """Full-width ASCII and the ideographic space as half-width, character for character."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else (" " if c == "\u3000" else c) for c in s)


def _squash(s: str) -> str:
    """White space removed except between two ASCII letters/digits ("5G 网络" -> "5G网络")."""
    s = s.strip()
    return re.sub(r"\s+", lambda m: " " if _ascii_pair(s, m) else "", s)


def _ascii_pair(s: str, m: re.Match) -> bool:
    a = s[m.start() - 1] if m.start() > 0 else ""
    b = s[m.end()] if m.end() < len(s) else ""
    return bool(a and b and a.isascii() and b.isascii() and a.isalnum() and b.isalnum())


def _norm(s: str) -> str:
    """For comparing names: folded, no white space, no quotes/brackets of either width."""
    return re.sub(r"[\s“”\"'‘’《》〈〉]", "", _fold(s))


# ───────────────────────────── lines ─────────────────────────────


@dataclass
class _Line:
    no: int  # the line's place in the drafter's list (an HTML line's paragraphs are lines of their own)
    raw: str
    clean: str  # markup out (tags -> spaces), for the parsers and for titles
    head: str  # folded, stripped: what the patterns are matched on
    kind: str = "text"  # blank page toc attach forms attach_list chapter heading text
    rank: int = -1
    label: str = ""  # the numbering as printed
    rest: str = ""  # clean text after the numbering
    chapter: str = ""
    lead_name: str = ""  # an unnumbered paragraph that opens with a program's name ("X项目按照……")
    article_title: str | None = None  # "第四条【X】": X (a 条's title in brackets)
    src: int = 0  # the line of the guide it stands on (what every citation says)
    html: bool = False  # a paragraph of an HTML line
    titled: bool = False  # an unnumbered title line standing alone over a program's paragraphs
    card: bool = False  # the name line of a form-like card ("项目名称：X", see _CARD_NAME)


# (never across a label in brackets: "【资助办法】对入选项目给予…" names no program)
_LEAD_NAME = re.compile(r"^([^，。；：、,;:（）()\s【】\[\]]{4,30}?项目)(?=按|根据|由|予以|给予|参照|另行|实行|采取|采用|具体|不再|暂不)")


_BLOCK = re.compile(r"</?(?:p|li|ol|ul|div|br|tr|td|th|h[1-6]|table|tbody|thead|dl|dd|dt|blockquote)\b[^<>]{0,400}>", re.I)


def _units(guide: GuideText) -> list[tuple[int, str, bool]]:
    """(guide line, text, from HTML) of every line the drafter reads.  A line that is HTML (it
    starts with a tag, as a web page's conversion leaves it) holds one paragraph per block tag
    (<p>, <li>, <br> …): each paragraph is a line of its own, so a numbered measure inside a <p>
    is a heading like any other; it is still cited by the guide line it stands on."""
    out: list[tuple[int, str, bool]] = []
    for i, raw in enumerate(guide.lines, 1):
        lead = _MARKUP.sub("", raw).strip()
        if lead.startswith("<") and _BLOCK.search(raw):
            parts = [part for part in _BLOCK.split(raw) if _TAG.sub("", part).strip()]
            if len(parts) > 1 or (parts and _BLOCK.match(lead)):
                out.extend((i, part, True) for part in parts)
                continue
        boxed = _boxed(raw)
        if boxed is not None:
            out.extend((i, part, False) for part in boxed)
            continue
        m = _RECORD_FIRST_ITEM.match(raw)
        if m and _section_of(re.sub(r"\s+", "", m.group("label")) + "：") in ("award", "conditions"):
            # "支持标准<tab>（1）甲类项目。…" / "<tab>（2）乙类项目。…": the row's label, then its
            # first item a line of its own, as the items after it are
            out.append((i, raw[: m.end()], False))
            out.append((i, "\t" + raw[m.end():], False))
            continue
        out.extend((i, part, False) for part in _inline_items(raw))
    return out


# a program table's row whose cell opens with its first numbered item
_RECORD_FIRST_ITEM = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,8})[ \u3000]*[\t|｜][ \t\u3000]*(?=[（(]1[）)]|1[.．、](?!\d))")


_BOX_RULE = re.compile(r"^[\s┌┬┐├┼┤└┴┘─━┏┳┓┣╋┫┗┻┛═╔╦╗╠╬╣╚╩╝+\-=]+$")


_REMARK_COUNT = re.compile(r"(?:不超过|不多于|最多|至多|限报|限额|限)(?:\d+|[一二两三四五六七八九十]{1,3})(?:个|家|项|名|户|件)")


def _split_remark(pieces: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A 备注 cell's pieces parted by sentence (。；;): the sentences that give a count
    ("拟支持不超过6家", "限报3个") as a 支持数量, the others (a first payment, "免申即享") with
    the award; a sentence is cut out of its line's piece where it starts or ends mid-line (its
    first piece marked CELL: it does not go on from the sentence before it)."""
    chars = [(k, j, ch) for k, (_no, t) in enumerate(pieces) for j, ch in enumerate(t.replace(CELL, ""))]
    spans: list[tuple[int, int]] = []
    a = 0
    for x, (_k, _j, ch) in enumerate(chars):
        if ch in "。；;":
            spans.append((a, x + 1))
            a = x + 1
    if a < len(chars):
        spans.append((a, len(chars)))
    award: list[tuple[int, str]] = []
    quota: list[tuple[int, str]] = []
    for a, b in spans:
        text = _fold(re.sub(r"\s+", "", "".join(ch for _k, _j, ch in chars[a:b])))
        if not text.strip("。；;") or _NO_APP_WORDS.fullmatch(re.sub(r"[。；;,，、\"“”()（）]", "", text)):
            continue  # the mark alone: the program's no_application says it
        target = quota if _REMARK_COUNT.search(text) else award
        x = a
        while x < b:
            k = chars[x][0]
            y = x
            while y < b and chars[y][0] == k:
                y += 1
            no, t = pieces[k]
            body = t.replace(CELL, "")
            mark = CELL if x == a or t.startswith(CELL) and chars[x][1] == 0 else ""
            target.append((no, mark + body[chars[x][1] : chars[y - 1][1] + 1]))
            x = y
    return award, quota


def _cell_words(pieces: list[tuple[int, str]]) -> str:
    """A table cell's words from its pieces: white space and piece marks (CELL) out."""
    return re.sub(r"\s+", "", "".join(t for _n, t in pieces)).replace(CELL, "")


def _boxed(raw: str) -> list[str] | None:
    """A row of a two-column table drawn with box characters ("│项目名称│X项目│", "│        │…│")
    as a row the program-table reader knows ("项目名称|X项目"; a row without a label goes on with
    the cell above, "……" in a quote across the two); a rule line ("├──┼──┤") as a blank line.
    None: no such row."""
    if "─" in raw or "━" in raw or "═" in raw:
        if _BOX_RULE.match(raw) and raw.strip():
            return [""]
    s = raw.strip()
    if not s.startswith(("│", "┃", "║")) or sum(s.count(c) for c in "│┃║") < 2:
        return None
    inner = s[1:]
    if inner.rstrip().endswith(("│", "┃", "║")):
        inner = inner.rstrip()[:-1]
    parts = re.split(r"[│┃║]", inner)
    if len(parts) != 2:
        return None
    label, value = parts[0].strip(), parts[1].rstrip()
    if not label:
        return [f"|{CELL}{value.strip()}"]
    if ENUMERATOR.match(_fold(value.strip())):
        # "│支持标准│（1）首台（套）重大装备。…": the section's label, then its first item
        return [f"{label}|{CELL}", f"|{CELL}{value.strip()}"]
    return [f"{label}|{value}"]


# a numbered item starting inside a line, after a sentence's end or a colon: "……。2.云服务补助。按照……"
# (a web page's paragraph holding several measures), "按以下标准：(1)标杆项目。…；(2)…".  Its
# name is short, with no comma, and ends with "。"; styles: "2." "2、" "（二）" "(二)" "(2)".
_INLINE_ITEM = re.compile(
    r"(?<=[。；;：:])\s*(?P<label>(?P<num>\d{1,2})\s*[.．、](?:(?!\d)|(?=\d{1,2}[A-Za-z](?![A-Za-z]*\s*(?:/|％|%))))"
    r"|[（(]\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*[）)]|[（(]\s*(?P<pnum>\d{1,2})\s*[）)])"
    r"\s*(?=[\u4e00-\u9fff“”\"A-Za-z0-9（）()+]{2,24}?(?:[（(]免申[\u4e00-\u9fff]{2}[）)])?[。.](?!\d))"
)
_LINE_LABEL = re.compile(
    r"^\s*(?:(?P<num>\d{1,2})\s*[.．、](?!\d)|[（(]\s*(?P<cn>[一二三四五六七八九十]{1,3})\s*[）)]|[（(]\s*(?P<pnum>\d{1,2})\s*[）)])"
)


def _label_kind(m: re.Match) -> tuple[str, int | None]:
    for kind in ("num", "pnum"):
        if m.group(kind):
            return kind, int(m.group(kind))
    return "cn", _cn_number(m.group("cn"))


def _inline_items(raw: str) -> list[str]:
    """A line cut before each numbered item that starts after a sentence's end (or a colon)
    inside it, when the items count on from the line's own numbering ("1.X奖励。…。2.Y补助。…"),
    or start a list of their own at 1 ("：(1)标杆项目。…；(2)普及项目。…"), or go back to a
    numbering counted before: each item is then a heading like any other, cited by the line it
    stands on.  A list of grades inside a sentence ("：1.国家级，奖励…；2.省级，…") is no item:
    its names hold a comma."""
    if len(raw) < 40:
        return [raw]
    if _ARTICLE.match(_fold(raw).strip()) and _ARTICLE_TITLE.match(_fold(raw).strip()[_ARTICLE.match(_fold(raw).strip()).end():]):
        # "第十条　【A】……。【B】……": an article granting two benefits, each under its own title
        cuts = [m.start() for m in re.finditer(r"(?<=[。；;])\s*(?=【[^【】]{2,30}】)", raw)]
        if cuts:
            bounds = [0, *cuts, len(raw)]
            return [raw[a:b] for a, b in zip(bounds, bounds[1:]) if raw[a:b].strip()]
    first = _LINE_LABEL.match(_fold(raw))
    stack: list[tuple[str, int]] = []  # (style, last number) of each open numbering, outermost first
    if first is not None:
        kind, n = _label_kind(first)
        if n is not None:
            stack.append((kind, n))
    cuts = []
    for m in _INLINE_ITEM.finditer(raw):
        kind, n = _label_kind(m)
        if n is None:
            continue
        level = next((i for i in range(len(stack) - 1, -1, -1) if stack[i] == (kind, n - 1)), None)
        if level is not None:
            del stack[level + 1 :]
            stack[level] = (kind, n)
        elif n == 1 and all(k != kind for k, _ in stack):
            stack.append((kind, 1))
        else:
            continue
        cuts.append(m.start("label"))
    if not cuts:
        return [raw]
    bounds = [0, *cuts, len(raw)]
    return [raw[a:b] for a, b in zip(bounds, bounds[1:]) if raw[a:b].strip()]


def _label_number(label: str) -> int | None:
    """The number of a heading's numbering ("五、" -> 5, "(3)" -> 3, "②" -> 2)."""
    core = re.sub(r"[\s、.()（）]", "", _fold(label))
    if core.isascii() and core.isdigit():
        return int(core)
    if core and core in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(core) + 1
    if len(core) == 1 and ("\u3220" <= core <= "\u3229" or "\u2474" <= core <= "\u2487"):
        return ord(core) - (0x3220 if core >= "\u3220" else 0x2474) + 1
    if len(core) == 1 and ("\u2160" <= core <= "\u216b" or "\u2170" <= core <= "\u217b"):
        return (ord(core) - 0x2160) % 16 + 1
    return _cn_number(core) if core else None


# a row of a program's table ("项目名称 | X", "补助标准<TAB>按…", " | 2.…" continuing the cell above)
_RECORD_ROW = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff（）()]{2,10})?\s*(?P<sep>[|｜\t])\s*(?P<value>[^|｜\t]*?)\s*$")
_RECORD_NAME = ("项目名称", "名称", "项目", "事项名称", "政策名称", "奖补事项")


def _record_row(no_b: str, after_row: bool) -> tuple[str, str, int] | None:
    """(label, value, where the value starts) of a program-table row, or None.  A row has one
    separator; its label is 项目名称 or a section word (支持条件, 补助标准 …); a row without a label
    continues the cell above it, only right after another row."""
    if not any(c in no_b for c in "|｜\t") or len(no_b) > 2000:
        return None  # (and never a long line of spaces through the pattern: it backtracks)
    text = no_b.lstrip(" \u3000")
    off = len(no_b) - len(text)
    m = _RECORD_ROW.match(text)
    if m and not m.group("value") and m.group("label") and _section_of(re.sub(r"\s+", "", m.group("label")) + "："):
        return m.group("label"), "", m.end() + off  # "支持标准<tab>", its items on the lines below
    if not m or not m.group("value"):
        return None
    label = m.group("label") or ""
    if label:
        flat = re.sub(r"\s+", "", label)
        if flat not in _RECORD_NAME and not _section_of(flat):
            return None
    elif not after_row:
        return None
    return label, m.group("value"), m.start("value") + off


def _bare_title(flat: str) -> bool:
    """A short line of no sentence: what a heading whose numbering was lost looks like (not an
    office's name, a bracketed remark, a rule line or a document's title)."""
    return (4 <= len(flat) <= 30 and len(re.findall(r"[\u4e00-\u9fff]", flat)) >= 4 and not re.search(r"[。，,；;：:、]", flat)
            and not re.match(r"[（(【\[]", flat) and not _section_of(flat) and not _clause_start(flat)
            and not re.search(r"(?:局|厅|委|委员会|政府|办公室|中心)(?:[（(][^()（）]*[)）])?$|(?:指南|通知|办法|细则|方案|意见|公告|目录|一览表)$", flat))


_GENERAL_HEADING = re.compile(r"(?:申报|申请)?(?:主体|单位|企业|对象)?(?:的)?(?:基本条件|基本要求|通用条件|共同条件)")


def _after_break(out: list[_Line], k: int) -> bool:
    """out[k] starts after a blank line, a sentence's end or a heading — or under up to three
    short lines of no sentence that do ("支持方向和标准" / "储能电池" / "储能电芯产能建设
    项目": a chapter's and a group's names over a title, their numbering lost in a copy)."""
    for j in range(k - 1, max(-1, k - 5), -1):
        y = out[j]
        flat = re.sub(r"\s+", "", y.head)
        if y.kind in ("blank", "page", "heading") or re.search(r"[。；;]$", flat):
            return True
        if not (_bare_title(flat) or _section_of(flat)):
            return False
    return False


def _fields_follow(out: list[_Line], k: int) -> bool:
    """The lines after out[k] open a program's labelled fields ("支持条件：…", "补助标准。…", "1.支持
    条件：…"), at once or, under a title named like a program ("…项目", "…奖励"), after one paragraph
    introducing it ("鼓励…。")."""
    seen = 0
    named = bool(_TITLE_LINE.search(re.sub(r"\s+", "", out[k].head)))
    for j in range(k + 1, min(len(out), k + 8)):
        y = out[j]
        if y.kind in ("blank", "page"):
            continue
        head = re.sub(r"\s+", "", y.head)
        if y.kind == "heading":
            return y.rank >= RANK_NUM and _section_of(re.sub(r"\s+", "", y.rest), numbered=True) in ("conditions", "award", "direction", "subject")
        m = re.match(r"([\u4e00-\u9fff]{2,8})(?:[:：。.]|$)", head)
        if m and _section_of(m.group(1) + "：") in ("conditions", "award", "direction", "subject"):
            if m.end() < len(head):
                return True
            # a label alone on its line ("支持条件。"), its content below: not a table's header
            # cell ("认定等级" / "奖励标准" / "备注")
            body = next((z for z in out[j + 1 : j + 4] if z.kind not in ("blank", "page")), None)
            return not y.html and body is not None and len(re.sub(r"\s+", "", body.head)) >= 12
        if m and m.end() == len(head):
            return False
        seen += 1
        if seen > 1 or not named or not head.endswith("。") or len(head) < 12:
            return False
    return False


def _confirm_letters(out: list[_Line]) -> None:
    """A lettered line ("(a)甲类示范。…") is no heading where its paragraph runs on, over the next
    lines, into the next lettered item ("…(b)乙类…"): `run_items` cuts such a paragraph."""
    for k, x in enumerate(out):
        if x.kind != "heading" or x.rank != RANK_ALPHA:
            continue
        for y in out[k + 1 : k + 12]:
            if y.kind != "text":
                break
            if re.search(r"[(（][b-hB-H][)）]", y.head):
                x.kind, x.rank, x.label, x.rest = "text", -1, "", ""
                break


def _letter_outline(out: list[_Line]) -> None:
    """Letters as a document's outline ("Ⅰ、…" / "A.X项目" / "（a）支持条件。" / "1.…"): where
    bracketed small letters head the programs' fields (most of them a section word), capital
    letters are the programs, ranked as （一）, and the small letters rank above "1." (their
    items), not below it."""
    small = [x for x in out if x.kind == "heading" and x.rank == RANK_ALPHA and re.match(r"[(（]\s*[a-h]", x.label)]
    if len(small) < 4:
        return
    fields = sum(1 for x in small if _section_of(x.rest, numbered=True))
    if 2 * fields < len(small):
        return
    for x in out:
        if x.kind == "heading" and x.rank == RANK_ALPHA:
            if re.match(r"[(（]\s*[a-h]", x.label):
                x.rank = RANK_LETTER_FIELD
            elif re.match(r"[A-H]", x.label):
                x.rank = RANK_PCN


def _references_wrapped(out: list[_Line]) -> None:
    """A numbered line that ends a reference the line above broke off ("…不再重复享受本指南第一部
    分第" / "（一）项设备投入奖补。"): the reference going on, not a heading."""
    prev = None
    for x in out:
        if x.kind in ("blank", "page"):
            continue
        if (x.kind == "heading" and prev is not None and prev.kind in ("text", "heading")
                and re.search(r"第$", re.sub(r"\s+", "", prev.clean))
                and re.match(r"\s*[（(]?\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）.、．]?\s*(?:项|条|款|点|部分|章|节|目)", x.clean)):
            x.kind, x.rank, x.label, x.rest = "text", -1, "", ""
        prev = x


def _confirm_outline(out: list[_Line]) -> None:
    """A lone number before a short title ("3 绿色低碳") is the top of an outline only when its
    "3.1 …" follows before the next such line; else it was text (a wrapped line, a table's row)."""
    tops = [k for k, x in enumerate(out) if x.kind == "heading" and x.rank == RANK_OUTLINE[1] and re.fullmatch(r"\d{1,2}", x.label)]
    last = None  # the number of the last top confirmed
    for n, k in enumerate(tops):
        x = out[k]
        stop = tops[n + 1] if n + 1 < len(tops) else len(out)
        first = f"{x.label}."
        short = len(re.sub(r"\s+", "", x.rest)) <= 30 and not re.search(r"[。；;，,]", x.rest)
        ok = short and any(
            y.kind == "heading" and y.rank in (RANK_OUTLINE[2], RANK_OUTLINE[3]) and _fold(y.label).startswith(first)
            for y in out[k + 1 : min(stop, k + 400)]
        )
        # "3 附则" (its 3.1 …) then "4 联系方式" with no 4.1: the outline's next chapter, a word
        # of a chapter of its own
        ok = ok or (short and last is not None and int(x.label) == last + 1
                    and re.fullmatch(r"(?:联系方式|联系人及电话|联系电话|附则|其他事项|其他|附件)", re.sub(r"\s+", "", x.rest)) is not None)
        if ok:
            last = int(x.label)
        if not ok:
            x.kind, x.rank, x.label, x.rest = "text", -1, "", ""


# a form-like card, as a clerk fills a word processor's template: "【序号3】项目名称：X" (or
# 事项名称/政策名称/奖补事项/名称, a full- or half-width colon or a tab), then labelled lines
# "支持对象：…", "申报条件：…" (running on over lines until the next label), "受理科室：…"
_CARD_NUMBER = (r"(?:[【\[〔(（]\s*(?:序号|编号|No\.?|NO\.?)?\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*[】\]〕)）]"
                r"|(?:NO|No|no)\s*[.．:：]?\s*\d{1,4}\s*[.．、]?|\d{1,4}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、)")


_NOT_APPLICABLE = re.compile(r"[/／\\—\-－–]{1,2}|无|暂无|不适用|不限")


def _spaced(word: str) -> str:
    """A label as a template may space it out to align the colons ("名　　称", "支 持 对 象")."""
    return r"[ \u3000]*".join(map(re.escape, word))


_CARD_NAME = re.compile(rf"^\s*(?:{_CARD_NUMBER}\s*)?(?P<label>" + "|".join(_spaced(w) for w in ("项目名称", "事项名称", "政策名称", "奖补事项", "名称"))
                        + r")\s*(?:[:：]|\t|$)\s*")
_CARD_NUMBER_LINE = re.compile(rf"^\s*(?:{_CARD_NUMBER}|序号\s*[:：]?\s*\d{{1,4}})\s*$")
# the labels a card's other lines may use (each also a section word, see SECTION_WORDS)
_CARD_LABELS = ("支持对象", "申报对象", "适用对象", "申报条件", "支持条件", "认定条件", "兑现条件", "支持标准", "奖补标准",
                "补助标准", "兑现标准", "奖励标准", "补贴标准", "支持数量", "名额", "支持名额", "兑付方式", "拨付方式", "兑现方式",
                "受理科室", "责任科室", "受理部门", "责任部门", "政策依据", "文件依据", "申报主体")
_CARD_LABEL_WORDS = "|".join(_spaced(w) for w in sorted(_CARD_LABELS, key=len, reverse=True))
_CARD_LABEL = re.compile(r"^\s*(?P<label>" + _CARD_LABEL_WORDS + r")\s*(?:[:：]|\t|$)")
# a second field on the same line, after a wide gap: "名额：12家      拨付方式：分两批"
_CARD_NEXT_FIELD = re.compile(r"(?:(?<![ \u3000])[ \u3000]{2,}|\t)(?=(?:" + _CARD_LABEL_WORDS + r")[ \u3000]*[:：])")


def _card_lines(units: list[tuple[int, str, bool]]) -> set[int]:
    """Indexes (from 0) of the units that name a card: a name line ("项目名称：X", or the label
    alone with X on the next line) followed, within a few lines, by two more of a card's labels."""
    out: set[int] = set()
    for k, (_src, raw, html) in enumerate(units):
        if html or len(raw) > 400:
            continue
        m = _CARD_NAME.match(_MARKUP.sub("", raw))
        if not m:
            continue
        seen = 0
        for _s, nxt, _h in units[k + 1 : k + 8]:
            if _CARD_LABEL.match(_MARKUP.sub("", nxt)):
                seen += 1
            elif _CARD_NAME.match(_MARKUP.sub("", nxt)):
                break
        if seen >= 2:
            out.add(k)
    return out


def _card_fields(units: list[tuple[int, str, bool]], cards: set[int]) -> list[tuple[int, str, bool]]:
    """The units, a line of a card holding two labelled fields cut in two before the second
    ("名额：7家      拨付方式：按季拨付"); each piece is cited by the line it stands on."""
    out: list[tuple[int, str, bool]] = []
    inside = False
    for k, (src, raw, html) in enumerate(units):
        inside = inside or k in cards
        if not inside or html or len(raw) > 2000 or not (k in cards or _CARD_LABEL.match(_MARKUP.sub("", raw))):
            out.append((src, raw, html))
            continue
        cuts = [m.start() for m in _CARD_NEXT_FIELD.finditer(raw)]
        bounds = [0, *cuts, len(raw)]
        out.extend((src, raw[a:b], html) for a, b in zip(bounds, bounds[1:]) if raw[a:b].strip())
    return out


def _classify(guide: GuideText) -> list[_Line]:
    out: list[_Line] = []
    counts: dict[str, int] = {}
    after_row = False  # the last line with text was a row of a program's table
    name_next = False  # "项目名称" alone on its line (one cell per line): the name comes next
    units = _units(guide)
    cards = _card_lines(units)
    if cards:
        split = _card_fields(units, cards)
        if len(split) != len(units):
            units, cards = split, _card_lines(split)
    card_next = False  # the name to come is a card's
    for i, (src, raw, html) in enumerate(units, 1):
        no_b = _MARKUP.sub("", raw)
        if cards and i - 1 in cards:
            m = _CARD_NAME.match(no_b)
            value = no_b[m.end():].strip()
            if value:
                out.append(_Line(no=i, raw=raw, clean=no_b, head=_fold(no_b.strip()), src=src, kind="heading",
                                 rank=RANK_RECORD, label=no_b[: m.end()].strip(), rest=value, card=True))
                after_row, name_next = False, False
            else:  # "项目名称：" alone: the name is on the next line
                out.append(_Line(no=i, raw=raw, clean="", head="", src=src, kind="blank"))
                after_row, name_next, card_next = False, True, True
            continue
        if cards and _CARD_NUMBER_LINE.match(no_b) and next(
                (j for j in range(i, min(i + 3, len(units))) if units[j][1].strip()), None) in cards:
            # "NO.3" / "【序号3】" alone over the card's name line: the card's number, no content
            out.append(_Line(no=i, raw=raw, clean="", head="", src=src, kind="blank"))
            continue
        row = None if html else _record_row(no_b, after_row)
        if row is not None:
            label, value, at = row
            if re.sub(r"\s+", "", label) in _RECORD_NAME:
                line = _Line(no=i, raw=raw, clean=no_b, head=_fold(no_b.strip()), src=src, kind="heading", rank=RANK_RECORD,
                             label=no_b[:at].strip(), rest=value.strip())
            else:
                # the separator as white space: the cell's words are quoted as they stand
                spaced = no_b[:at].replace("|", " ").replace("｜", " ").replace("\t", " ") + no_b[at:]
                cell = value.strip().lstrip(CELL)  # (a drawn table's row going on: see _boxed)
                head = _fold(f"{label.strip()}：{value.strip()}" if label else cell)
                line = _Line(no=i, raw=raw, clean=spaced, head=head, src=src)
                if not label:
                    for rank, pat in _HEADING:
                        mh = pat.match(head)
                        if mh:  # "| 2.项目于…": the cell's numbered item
                            line.kind, line.rank = "heading", rank
                            line.label = cell[: mh.end()].strip()
                            line.rest = cell[mh.end():].strip()
                            break
            after_row, name_next = True, False
            out.append(line)
            continue
        if name_next and no_b.strip() and not _PAGE.match(_fold(no_b.strip())):
            # "项目名称" / "数字车间改造项目": the cell below names the program
            out.append(_Line(no=i, raw=raw, clean=no_b, head=_fold(no_b.strip()), src=src, kind="heading",
                             rank=RANK_RECORD, label="", rest=no_b.strip(), card=card_next))
            name_next = card_next = False
            continue
        if no_b.strip():
            after_row = False
            if re.sub(r"\s+", "", no_b) in _RECORD_NAME[:1]:
                name_next = True
                out.append(_Line(no=i, raw=raw, clean="", head="", src=src, kind="blank"))
                continue
        clean = _TAG.sub(" ", no_b)
        ans = _ANSWER.match(clean)
        last = next((x for x in reversed(out) if x.kind not in ("blank", "page")), None) if ans else None
        if last is not None and last.rank == RANK_QUESTION:
            # "答：对…给予…" under a question naming a program: the answer's words, the mark out
            clean = clean[ans.end():]
            am = _ANSWER.match(no_b)
            no_b = no_b[am.end():] if am else no_b
        s = no_b.strip()
        md = re.match(r"^(#{1,6})\s*", s)
        s = s[md.end():] if md else s
        s = re.sub(r"^(?:»|>>|>)\s*", "", s)
        s = re.sub(r"^[-*•·]\s+", "", s)  # a list bullet a conversion added
        if html:
            # inline markup a web page sets around a heading ("<strong>3.支持数量。</strong>…")
            s = re.sub(r"</?(?:strong|b|em|span|font|u|i)\b[^<>]{0,200}>", "", s).strip()
        # a web page's character entities ("&ldquo;X&rdquo;项目"): out of the heading's words, as the
        # citation check leaves them out of a quote (a title cut at the ";" of "&ldquo;" is no title)
        s = ENTITY.sub("", s) if "&" in s else s
        # a bullet an article or a web page sets before its items ("◆1.甲类设备补助")
        s = _BULLET.sub("", s)
        folded = _fold(s)  # same length as s
        line = _Line(no=i, raw=raw, clean=clean, head=folded, src=src, html=html)
        flat = re.sub(r"\s+", "", _TAG.sub("", folded))
        if not flat:
            line.kind = "blank"
        elif _PAGE.match(folded) or _BROWSER_PRINT.match(folded.strip()):
            line.kind = "page"
        elif _toc_line(folded):
            line.kind = "toc"
        elif _FORMS.match(flat):
            line.kind = "forms"
        elif _ATTACH.match(flat) or _TABLE_ATTACH.match(flat):
            line.kind = "attach"
        elif _ATTACH_LIST.match(flat):
            line.kind = "attach_list"
        elif m := _CHAPTER.match(folded):
            line.kind = "chapter"
            line.chapter = f"{m.group(1)} {_squash(_TAG.sub(' ', s[m.start(2):]))}".strip()
        elif folded.startswith("<"):
            line.kind = "text"  # an HTML block (<p>, <li> …): content, never a heading
        elif (mt0 := _ARTICLE_TITLE.match(folded)) and out and out[-1].src == src and any(
                x.rank == RANK_ARTICLE and x.src == src for x in out[-3:]):
            # "…。【B】（一）申报条件：…": the second benefit of an article's line, an article of its own
            line.kind, line.rank, line.label = "heading", RANK_ARTICLE, ""
            line.article_title = _squash(_TAG.sub(" ", mt0.group(1)))
            line.rest = _TAG.sub(" ", s[mt0.end():]).strip()
        elif (m := _QUESTION.match(folded)) and re.search(r"[“\"][^”\"]{2,40}[”\"]", s[m.end():]) \
                and re.search(r"享受|奖励|补贴|补助|资助|贴息|奖补|扶持|补偿|券", s[m.end():]):
            # "问：小微企业申请“融资担保费补贴”，可以享受什么奖励？": a program, named by the words
            # in quotes ("专精特新“小巨人”企业申请“X”" is about X); a question naming nothing
            # ("问：补贴多少？") is a program's own text
            q = s[m.end():]
            quoted = re.findall(r"[“\"]([^”\"]{2,40})[”\"]", q)
            asked = re.search(r"(?:申请|享受|申报|关于)[“\"]([^”\"]{2,40})[”\"]", q)
            line.kind, line.rank, line.label = "heading", RANK_QUESTION, s[: m.end()].strip()
            line.rest = (asked.group(1) if asked else max(quoted, key=len)).strip()
        elif m := _ARTICLE.match(folded):
            line.kind, line.rank = "heading", RANK_ARTICLE
            line.label = s[: m.end()].strip()
            after = s[m.end():]
            mt = _ARTICLE_TITLE.match(_fold(after))
            if mt:
                line.article_title = _squash(_TAG.sub(" ", after[mt.start(1):mt.end(1)]))
                after = after[mt.end():]
            line.rest = _TAG.sub(" ", after).strip()
        else:
            for rank, pat in _HEADING:
                m = pat.match(folded)
                if m:
                    line.kind, line.rank = "heading", rank
                    line.label = s[: m.end()].strip()
                    line.rest = _TAG.sub(" ", s[m.end():]).strip()
                    break
            else:
                if md:
                    line.kind, line.rank, line.label = "heading", RANK_MD, ""
                    line.rest = _TAG.sub(" ", s).strip()
        if line.kind == "text":
            counts[flat] = counts.get(flat, 0) + 1
            prev = next((x for x in reversed(out) if x.kind not in ("blank", "page")), None)
            m = _LEAD_NAME.match(flat)
            if m and prev is not None and re.sub(r"\s+", "", prev.clean).endswith("。") and not _clause_start(m.group(1), ("本", "该", "上述", "各")):
                line.lead_name = m.group(1)
        out.append(line)
    # a program's title alone on its line, without numbering, between blank lines, over its
    # paragraphs ("甲类设备贴息项目" / "乙类示范奖励（免申即享）"): a heading, closed by the
    # next such title or by a program's table ("项目名称|X")
    if any(x.rank == RANK_RECORD for x in out):
        for k, x in enumerate(out):
            if x.kind != "text" or k < 3:
                continue
            flat = re.sub(r"\s+", "", x.head)
            if not (4 <= len(flat) <= 30) or re.search(r"[。，,；;：:、]", flat) or not _TITLE_LINE.search(flat):
                continue
            before = out[k - 1].kind
            after = next((y for y in out[k + 1 : k + 4] if y.kind not in ("blank", "page")), None)
            if before not in ("blank", "page") or after is None or after.kind == "heading" and after.rank == RANK_RECORD:
                continue
            if out[k + 1].kind not in ("blank", "page") and len(re.sub(r"\s+", "", out[k + 1].head)) < 20:
                continue
            x.kind, x.rank, x.label, x.rest, x.titled = "heading", RANK_TITLE, "", x.clean.strip(), True
    _confirm_outline(out)
    _references_wrapped(out)
    _letter_outline(out)
    # a program's title alone on its line, without numbering, right over its labelled fields
    # ("信创适配验证中心建设" / "支持条件：…" / "补助标准：…"): a heading, closed by the next such title
    for k, x in enumerate(out):
        if x.kind != "text" or x.titled or k < 2:
            continue
        # ("3 国产工业软件替代迁移补助": a number and a space, its dot lost, between "2." and "4.")
        num = re.match(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])", x.head)
        flat = re.sub(r"\s+", "", x.head[num.end():] if num else x.head)
        if re.search(r"\d", flat) or not _bare_title(flat):
            continue
        if _fields_follow(out, k) and (k + 1 >= len(out) or _after_break(out, k)):
            if num:
                x.kind, x.rank, x.label, x.rest = "heading", RANK_NUM, num.group(0), x.clean.strip()[len(num.group(0).strip()):].strip()
            else:
                x.kind, x.rank, x.label, x.rest, x.titled = "heading", RANK_TITLE, "", x.clean.strip(), True
    # the notice's "申报主体基本条件" alone on its line before the first such title, in a document
    # whose numbering was lost throughout: the general conditions' heading (what follows, its rules)
    first_title = next((k for k, x in enumerate(out) if x.titled), None)
    if first_title is not None and not any(x.kind == "heading" and x.rank in (RANK_CN, RANK_PCN) for x in out):
        for k in range(2, first_title):
            x = out[k]
            flat = re.sub(r"\s+", "", x.head)
            if x.kind != "text" or not _GENERAL_HEADING.fullmatch(flat) or not _after_break(out, k):
                continue
            body = next((y for y in out[k + 1 : k + 3] if y.kind not in ("blank", "page")), None)
            if body is not None and body.kind == "text" and len(re.sub(r"\s+", "", body.head)) >= 12:
                x.kind, x.rank, x.label, x.rest, x.titled = "heading", RANK_TITLE, "", x.clean.strip(), True
    _confirm_letters(out)
    # "第X条" opening a line is an article only in a document of articles (three or more)
    articles = [x for x in out if x.rank == RANK_ARTICLE]
    if len(articles) < 3:
        for x in articles:
            x.kind, x.rank, x.label, x.rest, x.article_title = "text", -1, "", "", None
    else:
        # "一、推动制造业扩量提质" right above "第一条 …": the articles' chapter, as "第一章" would be
        for k, x in enumerate(out):
            if x.kind != "heading" or x.rank != RANK_CN:
                continue
            nxt = next((y for y in out[k + 1 : k + 6] if y.kind not in ("blank", "page")), None)
            if nxt is not None and nxt.rank == RANK_ARTICLE:
                x.kind, x.chapter = "chapter", f"{x.label}{x.rest}".strip()
    # a bare number between two lines of text is a table's cell ("企业技术中心 / 200 / 50"), not a
    # page number (which stands apart, or with its dashes "- 3 -")
    bare = [line.kind == "page" and bool(re.fullmatch(r"\d{1,4}", re.sub(r"\s+", "", line.head))) for line in out]
    # a document whose pages are numbered "- 5 -" / "第 5 页" numbers none of them bare: "80" alone
    # between blank lines is a cell of a table laid out one cell per line
    decorated = sum(1 for line in out if line.kind == "page" and re.fullmatch(
        r"[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d+\s*页.*", line.clean.strip()))
    if decorated >= 2:
        for k, b in enumerate(bare):
            if b:
                out[k].kind = "text"
                bare[k] = False
    k = 0
    while k < len(out):
        if not bare[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(out) and bare[j + 1]:
            j += 1
        before = out[k - 1].kind if k > 0 else "blank"
        after = out[j + 1].kind if j + 1 < len(out) else "blank"
        # "…最高不超过3" / "00" / "万元": the rest of a number a line break split (a page number
        # never starts with 0, nor follows a line ending in a digit without a blank line)
        split = (k > 0 and out[k - 1].kind == "text" and re.search(r"\d\s*$", out[k - 1].head)) \
            or re.match(r"\s*0", out[k].head)
        if j > k or split or (before not in ("blank", "page") and after not in ("blank", "page")):
            for line in out[k : j + 1]:  # page numbers never come two in a row
                line.kind = "text"
        k = j + 1
    # running headers/footers: short lines repeated on many pages, with no digit or sentence mark
    titles_seen: set[str] = set()
    first_heading = next((x.no for x in out if x.kind in ("heading", "chapter")), len(out) + 1)
    lines_seen: set[str] = set()  # the title-like lines met so far
    last_card = 0  # the last card's name line ("项目名称：X") met so far
    prev_kind = "blank"
    next_kind: dict[int, str] = {}  # the kind of the next line that is not blank
    ahead = "blank"
    for line in reversed(out):
        next_kind[line.no] = ahead
        if line.kind != "blank":
            ahead = line.kind
    for line in out:
        if line.card:
            last_card = line.no
        if line.kind == "text":
            key = re.sub(r"\s+", "", _TAG.sub("", line.head))
            beside_page = prev_kind == "page" and last_card or (next_kind.get(line.no) == "page" and line.no > first_heading)
            if key in lines_seen and beside_page and len(key) <= 60 and _RUNNING_TITLE.search(key) \
                    and not re.search(r"[。，；：,;:]", key):
                # "— 4 —" / "甲县2031年度申报指南" inside a card, "2143年度…申报指南" over "- 8 -"
                # among the programs: a page's running header, even once
                line.kind = "page"
                continue
            if len(key) <= 60 and _RUNNING_TITLE.search(key):
                lines_seen.add(key)
            if counts.get(key, 0) >= 4 and 4 <= len(key) <= 40 and not re.search(r"[\d。，；：、,;:]", key) \
                    and not _section_of(re.sub(r"^[【\[〔]", "", key)) and key not in _RECORD_NAME:
                # (a table's row labels repeat too; so does a program's "【申报条件】" line)
                line.kind = "page"
            elif counts.get(key, 0) >= 3 and len(key) <= 60 and _RUNNING_TITLE.search(key) and not re.search(r"[。，；,;]", key):
                # the document's title repeated at the top of every page ("2054年度…申报指南"):
                # the first is the title, the others page furniture
                if key in titles_seen or line.no > first_heading:
                    line.kind = "page"
                titles_seen.add(key)
            elif counts.get(key, 0) >= 3 and _DOC_NUMBER.fullmatch(key):
                line.kind = "page"  # "苏工信综合〔2029〕318号" at the top of every page
            elif counts.get(key, 0) >= 3 and len(key) <= 90 and _titled_number(key):
                line.kind = "page"  # "甲市…申报通知    甲工信发〔2043〕21号": the title and the number
        if line.kind != "blank":
            prev_kind = line.kind
    return out


# ───────────────────────────── heading tree ─────────────────────────────


@dataclass
class _Node:
    line: _Line
    rank: int
    label: str
    text: str  # heading paragraph: rest of the line (+ continuation when wrapped)
    text_lines: tuple[int, int]
    title: str  # up to the terminator, white space squashed
    section: str | None
    parent: "_Node | None" = None
    children: list["_Node"] = field(default_factory=list)
    end: int = 0  # last line of the span (inclusive)
    chapter: str = ""
    lead: bool = False  # an unnumbered paragraph opening with a program's name
    whole: bool = False  # the heading line's text is all body (a 条 titled in brackets or not at all)

    @property
    def no(self) -> int:
        return self.line.no

    @property
    def printed(self) -> str:
        """The heading as printed (numbering kept), as the hand catalog's `path` has it."""
        lab = _squash(self.line.label)
        if self.line.card:
            return self.title  # "【序号3】项目名称：X" is named X
        if lab[-1:].isdigit():  # an outline number ("1.2 标杆培育"), a space between as printed
            return f"{lab} {self.title}"
        return f"{lab}{self.title}" if lab else self.title

    def descendants(self):
        for c in self.children:
            yield c
            yield from c.descendants()


def _article_title(node: _Node) -> None:
    """A 条's title: "第四条【X】…" -> X; "第五条 X。对…" -> X (a short name before 。/：); else the
    article has no title of its own: it is named by its number ("第七条") and its whole paragraph
    is its text."""
    ln = node.line
    if ln.article_title:
        node.title, node.whole = ln.article_title, True
        node.section = _section_of(ln.article_title)
        return
    head = _squash(_TERMINATOR.split(node.text, 1)[0])
    has_stop = bool(_TERMINATOR.search(node.text)) or not re.search(r"[，,]", node.text)
    # digits only as part of a name ("5G行业虚拟专网建设补贴"), never a number of the rule
    digits_ok = not re.search(r"\d", _fold(head)) or (
        bool(re.search(r"\d[A-Za-z]", _fold(head))) and not re.search(r"\d\s*(?:万|亿|元|%|年|个|家)", _fold(head)))
    # ("首批次新材料、首版次软件奖励": two things named, one measure, when the name ends as one)
    listed = "、" in head and not re.search(r"(?:奖励|补助|补贴|奖补|资助|贴息|项目|支持)$", head)
    # (its length without a closing remark: "…推广应用项目（免申直达）")
    core = re.sub(r"[（(][^（）()]{1,10}[）)]$", "", head)
    if (has_stop and 2 <= len(core) <= 20 and not re.search(r"[，,；;]", _fold(head)) and not listed and digits_ok
            and not head.startswith(("对", "为", "按", "凡", "经", "在", "各", "符合", "获得", "申报"))
            and not re.match(r"本(?:办法|细则|条|规定|政策|措施|通知|指南|实施|意见|方案)", head)):
        node.title = head
        return
    node.title, node.whole = _squash(ln.label), True
    node.section = None


# a bullet an article or a web page sets before its items and fields ("◆1.甲类设备补助", "● 补助标准：")
# (and the emoji a WeChat article sets: "📌 1. X项目", "🔸 一、…", "💰 支持标准", "✅ …")
_BULLET = re.compile(r"^(?:" + BULLET_MARK.pattern + r")\s*")


def _section_of(text: str, numbered: bool = False) -> str | None:
    """The kind of section a heading's text opens, or None.  `numbered`: the text is a numbered
    heading's, where a label alone on its line ("3.扶持数量", "1.服务机构条件") is a section; an
    unnumbered line alone ("激励名额") may be a flattened table's column."""
    flat = re.sub(r"\s+", "", _fold(text))
    # "分类支持标准：", "具体申报条件：": a qualifier before the section's word
    q = re.match(r"(?:分类|具体|分档|分级|分项|各类|共同|共性|通用)(?=[\u4e00-\u9fff]{4})", flat)
    if q and any(flat[q.end():].startswith(w) for w, _k in _SECTION_OF):
        flat = flat[q.end():]
    for word, kind in _SECTION_OF:
        if flat.startswith(word):
            after = flat[len(word):len(word) + 1]
            if after == "" or after in "。.：:，,；;、)）】]":
                return kind
            # "支持方式和标准。", "申报条件及要求：": two section words joined
            joined = re.match(r"(?:和|及|与|、)(?:支持|补助|奖励|申报)?(?:标准|方式|额度|比例|条件|对象|要求|内容|范围|名额|数量)"
                              r"(?:\((?:见|详见)?(?:下表|附表\d*|表\d*)\))?", flat[len(word):])
            if joined:
                stop = flat[len(word) + joined.end():len(word) + joined.end() + 1]
                if stop == "" or stop in "。.：:；;】]":
                    # "支持方向及补助标准": what the money is, the section's business; "奖励标准及
                    # 名额（见下表）": the award's table, its quotas in a column
                    return "award" if re.search(r"标准|额度|比例", joined.group(0)) or kind == "award" else kind
            # "补助标准（定额）。": a remark in brackets, then the stop
            if after == "(" and re.match(r"\([^()]{1,12}\)(?:[。.：:；;]|$)", flat[len(word):]):
                return kind
            # "奖励名额 最多N家": a space after the word, as a PDF's text leaves it, parts the
            # heading word from its content like a stop does
            m = re.match(r"\s*" + r"\s*".join(map(re.escape, word)) + r"[ \t\u3000]+\S", _fold(text))
            if m:
                return kind
    # "申报企业基本条件", "申报单位应具备的条件": a conditions word after the words naming whose
    m = _QUALIFIED_CONDITIONS.match(flat)
    if m:
        return "conditions"
    # "补偿标准。按…", "贴息比例：…": an award word and a word of measure
    # (followed by a stop: alone on a line, "奖励金额" is a table's column)
    m = _AWARD_SECTION.match(flat)
    if m and len(flat) > m.end() and flat[m.end()] in "。.：:；;】]":
        return "award"
    # "服务商条件。…", "培育数量。全年计划培育80家": whose conditions, how many of what
    # ("准入门槛。", "申请要件：": words for what an applicant must meet)
    # ("参评条件。", "遴选条件：": the conditions of an award one is chosen for)
    m = re.match(r"(?:[\u4e00-\u9fff]{0,3}(?:服务商|服务机构|机构|企业|单位|平台|主体|人才|园区|载体|申报方"
                 r"|参评|评选|遴选|入选|入围|推荐|参选|入库|备案|申领|领取|获评|评价)(?P<c>条件)"
                 r"|[\u4e00-\u9fff]{0,4}(?P<c2>要件|门槛)"
                 r"|[\u4e00-\u9fff]{2,4}(?:数量|名额))(?=[。.：:】\]]" + ("|$)" if numbered else ")"), flat)
    if m:
        return "conditions" if m.group("c") or m.group("c2") else "quota"
    return None


_QUOTA_RUN_ON = re.compile(
    r"(?:本|全)?(?:年度|每年|全年)?(?:拟)?(?:支持|立项|奖励|资助|扶持|补助|补贴|入选|认定)(?:项目|企业|单位)?(?:数量|名额|个数)"
    r"(?:为|原则上|一般)*(?:不超过|不多于|最多|至多|控制在|限)\d"
)


# a first instalment and its share or sum ("先行拨付奖补资金的60%", "首期拨付100万元")
_FIRST_PAID = re.compile(r"(?:先行|先期|首期|首批|首次|首笔|预)(?:拨付|下达|兑付)?[^。；;]{0,16}?\d+(?:\.\d+)?(?:%|万元)")


_AWARD_SECTION = re.compile(r"(?:补偿|奖补|贴息|奖励|补助|补贴|资助|扶持|支持|兑现|奖金)(?:标准|方式|额度|比例|办法)")


_QUALIFIED_CONDITIONS = re.compile(
    r"(?:申报|申请|项目|企业|单位|主体|对象|机构|通用|共同)+(?:应|须|需|必须)?(?:具备|满足|符合)?(?:的)?"
    r"(?:基本条件|申报条件|申请条件|资格条件|通用条件|条件)(?=$|[。.：:])"
)


def _unclosed(s: str) -> bool:
    return s.count("（") + s.count("(") > s.count("）") + s.count(")")


class _Doc:
    """The classified lines of a guide and what is read from them."""

    def __init__(self, guide: GuideText) -> None:
        self.guide = guide
        self.lines = _classify(guide)
        lens = sorted(len(re.sub(r"\s+", "", ln.clean)) for ln in self.lines if ln.kind in ("text", "heading"))
        self.wrap = lens[int(len(lens) * 0.9)] if lens else 0

    def L(self, no: int) -> _Line:
        return self.lines[no - 1]

    def src(self, no: int) -> int:
        """The guide line the drafter's line `no` stands on."""
        return self.lines[min(max(no, 1), len(self.lines)) - 1].src

    def guide_clean(self, no: int) -> str:
        """Guide line `no` (as cited) with markup out and tags as spaces."""
        lines = self.guide.lines
        return _TAG.sub(" ", _MARKUP.sub("", lines[no - 1])) if 1 <= no <= len(lines) else ""

    def heading_text(self, line: _Line, stop: int) -> tuple[str, int]:
        """The heading's paragraph from its numbering on, joined over wrapped lines."""
        text, last = line.rest, line.no
        for _ in range(3):
            if _TERMINATOR.search(text) and not _unclosed(text):
                break
            wrapped = self.wrap and len(re.sub(r"\s+", "", self.L(last).clean)) >= 0.9 * self.wrap
            complete = re.search(r"(?:项目|工程|计划|）|\))\s*$", text)
            if not (_unclosed(text) or (wrapped and not complete)):
                break
            nxt = last + 1
            while nxt <= stop and self.L(nxt).kind in ("blank", "page"):
                nxt += 1
            if nxt > stop or self.L(nxt).kind != "text":
                break
            text += self.L(nxt).clean.strip()
            last = nxt
        return text, last

    def _header_cell(self, no: int) -> bool:
        """Is the bare word on line `no` a cell of a table's header printed one cell per line: its
        unit on the next line ("（万元）"), or "序号" among the few lines above it?"""
        nxt = next((self.L(k) for k in range(no + 1, min(len(self.lines), no + 5) + 1) if self.L(k).kind not in ("blank", "page")), None)
        if nxt is not None and re.fullmatch(r"[(（](?:单位[:：])?(?:万元|元|亿元|%|个|家)(?:/[^()（）]{1,4})?[)）]", re.sub(r"\s+", "", _fold(nxt.clean))):
            return True
        above = [re.sub(r"\s+", "", self.L(k).clean) for k in range(max(1, no - 4), no) if self.L(k).kind != "blank"]
        return "序号" in above

    def _wrapped_on(self, no: int) -> bool:
        """Line `no` continues the line above it: that line is full (the document's wrap width)
        and stops inside a sentence (no 。；：！？, no closing bracket)."""
        if no < 2 or not self.wrap:
            return False
        above = self.L(no - 1)
        flat = re.sub(r"\s+", "", above.clean)
        return (above.kind in ("text", "heading") and len(flat) >= 0.8 * self.wrap
                and bool(re.search(r"[\u4e00-\u9fff\d%]$", flat)))

    def tree(self, first: int, last: int) -> list[_Node]:
        """The headings of lines first..last as a forest (rank decides the parent)."""
        roots: list[_Node] = []
        stack: list[_Node] = []
        chapter = ""

        def close(node: _Node, upto: int) -> None:
            end = upto
            while end > node.no and self.L(end).kind in ("blank", "page"):
                end -= 1
            node.end = end

        def push(node: _Node, no: int) -> None:
            """`node` in the forest: the headings of its rank or lower are closed above line `no`
            (and an unnumbered title by the next title or program table)."""
            if node.line.titled or node.rank == RANK_RECORD:
                while stack and any(x.line.titled for x in stack) and (stack[-1].line.titled or stack[-1].rank > RANK_TITLE):
                    close(stack.pop(), no - 1)
            while stack and stack[-1].rank >= node.rank:
                close(stack.pop(), no - 1)
            if stack:
                node.parent = stack[-1]
                stack[-1].children.append(node)
            else:
                roots.append(node)
            stack.append(node)

        for no in range(first, last + 1):
            ln = self.L(no)
            if ln.kind == "chapter":
                chapter = ln.chapter
                # the cards of a chapter end at the next chapter line: what follows it before
                # the next card (a chapter's opening words) is none of the last card's fields
                at = next((k for k, x in enumerate(stack) if x.line.card), None)
                while at is not None and len(stack) > at:
                    close(stack.pop(), no - 1)
                continue
            if ln.kind == "text" and ln.lead_name:
                # a paragraph after a program's sections that opens with another program's name:
                # a program of its own, beside the one it follows
                owner = next((n for n in reversed(stack) if not n.section and any(c.section for c in n.children)), None)
                if owner is not None:
                    node = _Node(line=ln, rank=owner.rank, label="", text=ln.clean.strip(), text_lines=(no, no),
                                 title=_squash(ln.lead_name), section=None, chapter=chapter, lead=True)
                    push(node, no)
                continue
            if ln.kind == "text" and stack:
                # an unnumbered section line ("补助标准：按……", "【支持条件】"): a section of the
                # heading it stands under, above that heading's own numbered items
                flat = re.sub(r"^[【\[]", "", re.sub(r"\s+", "", ln.head))
                kind = _section_of(flat)
                asked = False
                if not kind and (qm := _QUESTION.match(flat)) and _ASKS_CONDITIONS.search(flat[qm.end():]) \
                        and all(n.rank <= RANK_CN for n in stack):
                    # "问：什么企业能申报？要具备哪些条件？" under a chapter, outside every
                    # program: its answer is the general conditions' section
                    kind, flat, asked = "conditions", "申报条件：" + flat[qm.end():], True
                if re.fullmatch(r"[\u4e00-\u9fff]{2,10}[（(](?:单位[:：])?(?:个|家|项|人|名|万元|亿元|元|%)[）)]", _fold(flat)):
                    kind = None  # "支持数量（个）" alone on its line: a table's column, not a section
                elif kind and re.fullmatch(r"[\u4e00-\u9fff]{2,10}", flat) and self._header_cell(no):
                    kind = None  # "序号" / "示范类别" / "级别" / "奖励标准" / "（万元）": a header cell
                if kind and not re.match(r"^[\u4e00-\u9fff]{2,10}[:：】\]]", _fold(flat)) and self._wrapped_on(no):
                    kind = None  # "…降低数字" then "化转型门槛。": the end of a wrapped sentence (never "X：", a field)
                if kind and re.match(r"^[\u4e00-\u9fff]{2,10}(?:[：:。】\]]|$)", flat):
                    owner = None  # the deepest heading above the first section on the stack
                    for n in stack:
                        if n.section and not (n.section in ("direction", "award") and n.parent is None):
                            break  # ("二、支持方向" / "三、扶持内容和奖补标准" over the programs is a part, not a section)
                        clause = re.search(r"[，,；;]|\d{2,}|不低于|不少于|不超过|以上|以下", _fold(n.title)) if n.rank >= RANK_NUM \
                            else re.search(r"[，,；;]", _fold(n.title)) if n.rank >= RANK_PCN else None
                        if not n.section and not (owner is not None and clause):
                            owner = n  # (never a clause of a list: "（3）…不低于30%，拥有…", "（二）项目签约后…，并…")
                    if owner is not None:
                        rest = re.sub(r"^\s*[【\[]", "", _BULLET.sub("", ln.clean.strip()))
                        title = "申报基本条件" if asked else _squash(_TERMINATOR.split(rest, 1)[0]).strip("】]")
                        node = _Node(line=ln, rank=owner.rank + 0.5, label="", text=rest, text_lines=(no, no),
                                     title=title, section=kind, chapter=chapter)
                        while stack and stack[-1].rank >= node.rank:
                            close(stack.pop(), no - 1)
                        node.parent = stack[-1] if stack else None
                        if node.parent is not None:
                            node.parent.children.append(node)
                        else:
                            roots.append(node)
                        stack.append(node)
                        continue
            if ln.kind != "heading":
                continue
            text, tl = self.heading_text(ln, last)
            title = _TERMINATOR.split(text, 1)[0]
            run_on = _RUN_ON_TITLE.match(title)
            if run_on:
                # "（一）危化品企业搬迁改造项目 对列入…" (a scan's heading run into its paragraph):
                # the name before the paragraph's opening word
                title = run_on.group("name")
            rank: float = ln.rank
            if ln.html:
                # an HTML block under an outline item numbers afresh ("五、申报条件" then
                # "<p>一、申请单位基本条件</p>"): a heading of it that would close the item it
                # stands under, without continuing that item's numbering, is nested below it
                anchor = next((n for n in reversed(stack) if not n.line.html and n.line.kind == "heading"), None)
                if anchor is not None and ln.rank <= anchor.rank:
                    a_no, h_no = _label_number(anchor.label), _label_number(ln.label)
                    continues = ln.rank == anchor.rank and a_no is not None and h_no == a_no + 1
                    if not continues:
                        rank = anchor.rank + 0.5 + ln.rank / 100
            node = _Node(
                line=ln, rank=rank, label=ln.label, text=text, text_lines=(no, tl),
                # ("2.立项数量最多6项。", "（三）本年度奖励名额控制在8家以内": the quota's word runs into its count)
                title=_squash(title), section=(_section_of(text, numbered=True) or ("quota" if _QUOTA_RUN_ON.match(_fold(text).strip()) else None))
                if ln.rank > RANK_MD else None,
                chapter=chapter,
            )
            if ln.rank == RANK_ARTICLE:
                _article_title(node)
            push(node, no)
        while stack:
            close(stack.pop(), last)
        return roots


# ───────────────────────────── the guide's frame ─────────────────────────────


# a separator a clerk draws between pasted documents ("======", "------", "＊＊＊＊＊＊")
_RULE_LINE = re.compile(r"^[=＝\-－—_＿*＊~～#]{6,}$")
# a closing note over a heading's numbered classes: "上述技改奖补资金分两次拨付…", "以上各类项目…"
_SHARED_NOTE = re.compile(r"^(?:上述|以上|前述)(?:各类|各项|所列|[两二三四五六七八九]类)?[^，,。；;:：()（）]{0,12}?"
                          r"(?:项目|奖补|资金|补助|奖励|补贴|资助|类别)")
# "……诊断补贴企业数量调整为不超过100家": a program's number of awards changed by a note
_QUOTA_CHANGE = re.compile(r"调整为|调增为|调减为|改为|变更为|增加至|减少至|压减至")
_QUOTA_COUNT = re.compile(r"(?:不超过|不多于|最多|控制在)?(?P<num>\d{1,4})(?:个|家|项|名|户)(?:以内)?")
# the words before a fund's size ("每年安排专项资金总额N万元", "预算规模为N万元"): no benefit
_FUND_TOTAL = re.compile(r"(?:资金|预算|经费)(?:总额|总量|总规模|规模|盘子)(?:为|共|达|合计)?$")
# the end of a policy document's title ("……专项政策", "……若干措施", "……实施意见", "……扶持办法")
_POLICY_END = re.compile(r"(?:政策|措施|意见|办法|细则|规定|方案)([（(][^）)]*[）)])?$")


def _guide_titles(doc: _Doc) -> list[tuple[int, str]]:
    """(line, name) of every guide title: a short line ending in 指南, joined with the lines
    before it (up to two) when the title wraps and does not start with its year."""
    out = []

    def flat_of(ln: _Line) -> str:
        return re.sub(r"\s+", "", _TAG.sub("", ln.head.lstrip("#")))

    def title_like(flat: str) -> bool:
        # ("《X若干措施》实施细则": rules named after the policy they detail, its name in 《》)
        quoted = flat.startswith("《") and not re.match(r"《[^《》]{2,60}》[\u4e00-\u9fff]{2,8}$", flat)
        return bool(flat) and not re.search(r"[，。；：,;:]", flat) and not quoted and not flat.startswith("附件")

    for ln in doc.lines:
        if ln.kind not in ("text", "heading") or ln.kind == "heading" and ln.rank != RANK_MD:
            continue
        flat = flat_of(ln)
        if not (2 <= len(flat) <= 80) or not title_like(flat):
            continue
        guide = bool(re.search(r"指南([（(][^）)]*[）)])?$", flat))
        rules = bool(re.search(r"(?:细则|办法|规定|若干政策|政策措施|若干措施|清单|实施说明|兑现说明|操作说明)([（(][^）)]*[）)])?$", flat))
        if rules and re.search(r"材料(?:清单|目录)", flat):
            continue  # "申报材料清单": the papers to hand in, no programs

        # a policy of its own pasted under "附件2" ("XX区促进YY发展专项政策", "……的若干措施",
        # "……实施意见"): a document of a working copy that gathers several, each its own part
        annexed = not (guide or rules) and bool(_POLICY_END.search(flat))
        if not (guide or rules or annexed):
            continue
        rules = rules or annexed
        name, at = flat, ln.no
        for _ in range(2):
            if re.match(r"^\d{4}", name) or len(name) >= 80:
                break
            prev = at - 1
            while prev >= 1 and doc.L(prev).kind == "blank" and at - prev <= 3:
                prev -= 1
            if prev < 1 or doc.L(prev).kind != "text":
                break
            pflat = flat_of(doc.L(prev))
            if not (title_like(pflat) and len(pflat) <= 40):
                break
            name, at = pflat + name, prev
        if rules and not guide:
            # "附件1 / …若干政策（2037年修订）兑现实施细则": rules attached to a notice are its guide;
            # a title of rules elsewhere (a 文件依据 line, the notice's own title) is not
            before = at - 1
            while before >= 1 and doc.L(before).kind in ("blank", "page") and at - before <= 4:
                before -= 1
            if before < 1 or not (doc.L(before).kind == "attach" or _RULE_LINE.match(flat_of(doc.L(before)))
                                  or _issued_under_attach(doc, at)):
                continue
        if _after_page_end(doc, at):
            continue  # a link under "相关链接" / "上一篇：" at a web page's foot names another page
        if len(name) >= 6 and (rules or re.search(r"年|专项|项目|资金|政策|细则", name)):
            # a title wrapped over lines, the first of which ends like a title too: the whole one
            while out and out[-1][0] >= at:
                out.pop()
            out.append((ln.no, name))
    return out


# the foot of a web page copied whole, after the notice: what follows names other pages
_PAGE_END = re.compile(r"^[【\[]?(?:相关链接|相关阅读|相关文章|相关文件|相关新闻|相关政策|延伸阅读|推荐阅读|热点推荐|上一篇|下一篇|打印本页|关闭窗口|返回顶部|扫一扫|附件下载)")


def _after_page_end(doc: _Doc, at: int) -> bool:
    """Does the line `at` stand in a web page's foot: a "相关链接"/"上一篇："/"【关闭窗口】" line among
    the few lines before it?"""
    seen = 0
    for no in range(at - 1, 0, -1):
        ln = doc.L(no)
        if ln.kind == "blank":
            continue
        seen += 1
        flat = re.sub(r"\s+", "", _TAG.sub("", ln.head))
        if seen > 6 or ln.kind == "attach" or re.fullmatch(r"附件\d*|[=＝\-－—_*#]{4,}", flat):
            return False  # ("【关闭窗口】" / "=====" / "附件3" / its title: the next document, pasted)
        if _PAGE_END.match(flat):
            return True
    return False


# a sentence that announces the sums in a table below it ("补贴标准如下：", "补助标准见下表")
_TABLE_FOLLOWS = re.compile(r"(?:奖励|补助|补贴|资助|奖补|支持)(?:标准|金额)(?:如下|见下表|详见下表)[:：]?$")


@functools.lru_cache(maxsize=4096)
def _titled_number(key: str) -> bool:
    """A page's running header of the document's title and its number, either way round."""
    if "号" not in key:
        return False
    for i in range(1, len(key)):
        for number, rest in ((key[i:], key[:i]), (key[:i], key[i:])):
            if _DOC_NUMBER.fullmatch(number) and 4 <= len(rest) <= 60 and _RUNNING_TITLE.search(rest) \
                    and not re.search(r"[。，；：,;:]", rest):
                return True
    return False


def _issued_under_attach(doc: _Doc, at: int) -> bool:
    """Rules issued by a notice printed under "附件N" ("附件1 / X人民政府办公室文件 / 关于印发《Y》的
    通知 / …（date）/ Y"): the title at line `at` follows, within a few lines of text, such a
    notice that names it, and an 附件 line before that notice."""
    seen_issue = False
    for k in range(at - 1, max(0, at - 40), -1):
        ln = doc.L(k)
        if ln.kind == "attach":
            return seen_issue
        if ln.kind in ("forms", "attach_list"):
            return False
        if ln.kind in ("text", "heading") and re.search(r"印发|转发", re.sub(r"\s+", "", ln.head)):
            seen_issue = True
    return False


def _document_title(doc: _Doc) -> str | None:
    """The notice's title ("关于……的通知", with its 文号) from the first lines, if there is one."""
    firsts = [ln for ln in doc.lines[:80] if ln.kind in ("text", "heading")]
    number = None
    for i, ln in enumerate(firsts[:40]):
        flat = re.sub(r"\s+", "", ln.head)
        if number is None and re.search(r"〔\d{4}〕\d+号$", flat) and len(flat) < 30:
            number = flat
        if flat.startswith("关于"):
            title = flat
            for nxt in firsts[i + 1 : i + 4]:
                if title.endswith(("通知", "通告", "公告", "意见")):
                    break
                title += re.sub(r"\s+", "", nxt.head)
            if re.search(r"(通知|通告|公告|意见)$", title) and len(title) <= 100:
                return f"{title}（{number}）" if number else title
    return None


def _markdown_title(doc: _Doc) -> str | None:
    parts = []
    for ln in doc.lines[:40]:
        if ln.kind == "heading" and ln.rank == RANK_MD:
            parts.append(re.sub(r"\s+", "", _TAG.sub("", ln.rest)))
        elif parts and ln.kind not in ("blank", "page"):
            break
    return "".join(parts) or None


def _year_of(texts: list[str]) -> int | None:
    for t in texts:
        m = re.search(r"(2\d{3})\s*年度", t)
        if m:
            return int(m.group(1))
    for t in texts:
        m = re.search(r"(?<!\d)(2\d{3})(?!\d|\s*[万亿元个%％])", t)
        if m:
            return int(m.group(1))
    return None


def _fund_of(texts: list[str]) -> str | None:
    for t in texts:
        m = re.search(r"(?:年度?)?((?:江苏省|[\u4e00-\u9fff]{2,6}[省市])[\u4e00-\u9fff（）]{2,30}?专项资金)", re.sub(r"\s+", "", t))
        if m:
            return m.group(1)
    return None


# ───────────────────────────── the draft ─────────────────────────────


@dataclass
class Draft:
    """A drafted catalog document: `document` is the YAML data (every entry `review: draft`)."""

    text: GuideText
    document: dict
    problems: list[str] = field(default_factory=list)  # citations that do not stand (must be empty)
    todo: int = 0  # sentences listed under todo: (document and programs)
    requoted: int = 0  # quotes rewritten with "……" over page furniture / markup
    demoted: list[str] = field(default_factory=list)  # numbers taken out (unverifiable / refused), each also a todo
    schema_errors: list[str] = field(default_factory=list)  # what the catalog schema still refuses (must be empty)

    @property
    def programs(self) -> list[dict]:
        return self.document["programs"]

    def to_yaml(self) -> str:
        import yaml

        # the file name as a comment: a line break or control character in it must not end the
        # comment (the rest would be read as YAML)
        name = re.sub(r"[\x00-\x1f\x7f\u2028\u2029\x85]", "?", self.text.file)
        head = (
            f"# 草稿（review: draft）：由 subsidykit catalog draft 从 {name} 生成，未经审核。\n"
            f"# 每个数字都引自原文（source）；未能读成数据的句子列在 todo 下，须人工补录或确认。\n"
            f"# {len(self.programs)} 个项目，{self.todo} 条待处理（todo），引文问题 {len(self.problems)} 个。\n"
        )
        return head + yaml.dump(
            _plain(self.document), Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=4096
        )

    def write(self, out: Path) -> list[Path]:
        """Write the YAML to `out`; for a .pdf/.docx (or re-encoded) guide also the text the
        citations point to, beside it (NAME.txt).  Returns the files written."""
        from subsidykit.workbooks.atomic import write_text_atomic

        out = Path(out)
        guide = Path(self.text.origin) if self.text.origin else None
        if guide is not None and out.exists() and guide.exists() and out.resolve() == guide.resolve():
            raise BadInputError(f"输出文件与指南是同一个文件，不会覆盖输入：{out}")
        out.parent.mkdir(parents=True, exist_ok=True)
        written = []
        if self.text.extracted:
            written.append(self.text.write(out.parent))
        write_text_atomic(out, self.to_yaml())  # never half a file
        written.append(out)
        return written


def draft_guide(path: Path, *, year: int | None = None, fund: str | None = None) -> Draft:
    """Draft the catalog document of the guide at `path` (.txt, .pdf or .docx)."""
    path = Path(path)
    try:
        guide = read_guide(path)
        if guide.extracted:
            with tempfile.TemporaryDirectory(prefix="subsidykit-draft-") as tmp:
                guide.write(Path(tmp))
                return draft_text(guide, root=Path(tmp), year=year, fund=fund)
        return draft_text(guide, root=path.parent, year=year, fund=fund)
    except MemoryError:
        from subsidykit.errors import BadInputError

        raise BadInputError(f"起草 {path.name} 时内存不足：指南文字过多，或可用内存太少") from None


def draft_text(guide: GuideText, *, root: Path, year: int | None = None, fund: str | None = None) -> Draft:
    """Draft from lines already read; `root` is the folder where `guide.file` is (for the check).
    When the parts under the guide titles found hold no program at all while the text does (a
    title taken from a line that names another document), the whole text is drafted as one
    guide, and the draft says so."""
    drafter = _Drafter(guide, root, year, fund)
    draft = drafter.run()
    covered = sum(max(0, b - a + 1) for _n, a, b in drafter.parts if _n is not None)
    few = len(draft.document["programs"]) < 3 and covered * 3 < len(guide.lines)
    titled = any(name is not None for name, _a, _b in drafter.parts)  # the parts were framed by titles
    if not (not draft.document["programs"] or few) or not titled:
        return draft
    # (a title that frames little of the text and few programs: the whole text is tried too,
    # and kept when it finds more)
    again = _Drafter(guide, root, year, fund, titles=False).run()
    if len(again.document["programs"]) <= len(draft.document["programs"]):
        return draft
    names = "、".join(draft.document.get("guides") or [])
    first = next((k for k, t in enumerate(guide.lines) if t.strip()), 0)
    again.document["todo"].insert(0, {"lines": [first + 1, first + 1], "text": guide.lines[first].strip() if guide.lines else "",
                                      "note": f"在识别出的指南标题（{names}）之下"
                                              + (f"只找到{len(draft.document['programs'])}个项目" if draft.document["programs"] else "未找到任何项目")
                                              + f"，已按全文起草（找到{len(again.document['programs'])}个）；指南标题须人工核对"})
    again.todo += 1
    return again


class _Drafter:
    def __init__(self, guide: GuideText, root: Path, year: int | None, fund: str | None, titles: bool = True) -> None:
        self.guide = guide
        self.use_titles = titles
        self.root = Path(root)
        self.doc = _Doc(guide)
        self._items: set[int] = set()  # lines of a measure's numbered list (kept with their numbering)
        self.year_arg, self.fund_arg = year, fund
        from subsidykit.authoring import clauses

        self.clauses = clauses
        self.file = guide.file
        self.stitches: list[tuple[str, str]] = []  # (lead, rest) the drafter joined for one benefit
        self._tables_of: dict[int, list[dict] | None] = {}  # a heading's table of programs, read once
        # tables of programs laid out in columns (pdftotext -layout): read by their columns, their
        # lines taken out of the outline (their cells are no headings or paragraphs)
        from subsidykit.authoring.layout_table import read_csv_tables, read_layout_tables

        self.layout_tables = [t for t in (read_layout_tables(guide.lines) if len(guide.lines) < 20000 else [])
                              if len(t.rows) >= 2 and not self._referred_table(t.header)]
        # (and tables of programs exported as CSV text, read the same way)
        self.layout_tables += read_csv_tables(guide.lines) if len(guide.lines) < 20000 else []
        covered = {no for t in self.layout_tables for no in range(t.first, t.last + 1)}
        for ln in self.doc.lines:
            if ln.src in covered and ln.kind != "blank":
                ln.kind, ln.clean, ln.head, ln.rank, ln.label, ln.rest = "page", "", "", -1, "", ""

    def _referred_table(self, header: int) -> bool:
        """Is the table whose header is at guide line `header` an attached table a program refers
        to ("奖励标准见附表2"): its rows are that program's tiers, not programs."""
        lines = self.guide.lines
        for back in range(header - 1, max(0, header - 6), -1):
            m = re.match(r"^附表\s*(\d{1,2}|[一二三四五六七八九十])?\s*$", _fold(lines[back - 1]).strip())
            if m:
                label = re.sub(r"\s+", "", _fold(lines[back - 1]))
                refer = re.compile("见" + re.escape(label) + r"(?!\d)|" + re.escape(label) + r"(?!\d)[^。；]{0,6}(?:执行|为准|确定)")
                return any(refer.search(re.sub(r"\s+", "", _fold(x))) for x in lines[: back - 1])
        return False

    # ── frame ──
    def frame(self) -> None:
        doc = self.doc
        n = len(doc.lines)
        titles = _guide_titles(doc) if self.use_titles else []
        self.parts: list[tuple[str | None, int, int]] = []
        if titles:
            self.preamble = (1, titles[0][0] - 1)
            for k, (no, name) in enumerate(titles):
                stop = titles[k + 1][0] - 1 if k + 1 < len(titles) else n
                end = stop
                for j in range(no + 1, stop + 1):
                    if doc.L(j).kind in ("attach", "forms", "attach_list"):
                        end = j - 1
                        break
                self.parts.append((name, no + 1, end))
        else:
            self.preamble = (1, 0)
            end = next((ln.no - 1 for ln in doc.lines if ln.kind in ("forms", "attach_list")), n)
            cards = [ln.no for ln in doc.lines if ln.card and ln.no > end]
            if cards:
                # a notice whose list of items is attached with no title of its own ("附件" / "事项
                # 清单导出" / "事项名称：X" cards): the notice is the preamble (its 申报条件 are
                # general), the cards the guide, from the "附件" line over them to the next forms
                at = next((no for no in range(cards[0] - 1, end, -1)
                           if re.fullmatch(r"附\s*件\s*\d*", re.sub(r"\s+", "", doc.L(no).head))), end)
                self.preamble = (1, at)
                end = next((ln.no - 1 for ln in doc.lines if ln.no > cards[-1] and ln.kind in ("forms", "attach_list")), n)
                self.parts.append((None, at + 1, end))
            else:
                self.parts.append((None, 1, end))
        heads = [re.sub(r"\s+", "", ln.head.lstrip("#")) for ln in doc.lines[:60] if ln.kind != "blank"]
        names = [t[1] for t in titles]
        self.year = self.year_arg or _year_of(names) or _year_of(heads)
        if not self.year:
            raise BadInputError("无法从指南标题判断年度，请用 --year 指定")
        self.fund = self.fund_arg or _fund_of(names) or _fund_of([_document_title(doc) or ""])
        notice = _document_title(doc)
        md_title = _markdown_title(doc)
        self.chapters = self._chapters()
        if names:
            self.guides = list(dict.fromkeys(names))
        elif self.chapters:
            self.guides = list(dict.fromkeys(c for _, c, _ in self.chapters))
        else:
            self.guides = []
        if notice:
            self.title = notice
        elif len(self.guides) == 1 and names:
            self.title = self.guides[0]
        elif names and self.fund:
            self.title = f"{self.year}年度{self.fund}项目申报指南（共{len(self.guides)}份指南）"
        else:
            self.title = md_title or next((re.sub(r"\s+", "", ln.head) for ln in doc.lines if ln.kind != "blank"), self.file)
        if not self.fund:
            self.fund = md_title or self.title
        # rules in articles (第一章 总则 … 第X条): the chapters are the rules' parts, not guides
        self.articles = sum(1 for ln in doc.lines if ln.rank == RANK_ARTICLE) >= 3
        if self.articles and not names:
            self.guides = []
        if not self.guides:
            self.guides = [self.title]
        # rules in articles before an attached guide (a notice that issues both a 实施细则 and a
        # 申报指南): the rules are a part of their own, never passed over as the guide's preamble
        first, last = self.preamble
        in_preamble = [ln for ln in doc.lines if first <= ln.no <= last and ln.rank == RANK_ARTICLE]
        if titles and len(in_preamble) >= 3:
            name = self._rules_title(in_preamble[0].no) or self.title
            start = next((no for no, _c, toc in self.chapters if not toc and no <= in_preamble[0].no), in_preamble[0].no)
            self.parts.insert(0, (name, start, last))
            self.preamble = (first, start - 1)
            if name not in self.guides:
                self.guides.insert(0, name)

        # rules detailing the articles above them ("XX若干政策" then "XX若干政策实施细则", whose
        # items say "（对应第N条）"): a part whose items are read into the articles' programs
        self.detail: tuple[str, int, int] | None = None
        if self.articles:
            seen_articles = 0
            refs_after = [0] * (len(doc.lines) + 1)  # references to articles on lines after each
            for k in range(len(doc.lines) - 1, -1, -1):
                refs_after[k] = refs_after[k + 1] + bool(_ARTICLE_REF.search(_fold(doc.lines[k].clean)))
            for ln in doc.lines:
                if ln.rank == RANK_ARTICLE:
                    seen_articles += 1
                    continue
                if seen_articles < 3 or ln.kind in ("blank", "page"):
                    continue
                flat = re.sub(r"\s+", "", _fold(ln.clean))
                if not (6 <= len(flat) <= 50) or re.search(r"[。，,；;：:]", flat) or not _DETAIL_TITLE.search(flat):
                    continue
                refs = refs_after[ln.no]
                if refs < 2:
                    continue
                for k, (pname, pfirst, plast) in enumerate(self.parts):
                    if pfirst <= ln.no <= plast:
                        self.parts[k] = (pname, pfirst, ln.no - 1)
                        self.detail = (flat, ln.no + 1, plast)
                        break
                break

    def _rules_title(self, before: int) -> str | None:
        """The title of rules in articles: the last short title-like line (…细则/办法/规定/措施/政策)
        above their first chapter or article, within a few lines."""
        start = next((no for no, _c, toc in self.chapters if not toc and no <= before), before)
        seen = 0
        for no in range(start - 1, 0, -1):
            ln = self.doc.L(no)
            if ln.kind == "blank":
                continue
            flat = re.sub(r"\s+", "", _fold(ln.clean))
            seen += 1
            if seen > 4:
                return None
            if 4 <= len(flat) <= 40 and not re.search(r"[。，,；;：:]", flat) and re.search(r"细则|办法|规定|措施|政策|规程", flat):
                return flat
        return None

    def _chapters(self) -> list[tuple[int, str, bool]]:
        """(line, chapter, in_toc) of every chapter marker."""
        out = []
        for ln in self.doc.lines:
            if ln.kind != "chapter":
                continue
            ahead = [x for x in self.doc.lines[ln.no : ln.no + 8] if x.kind != "blank"][:4]
            out.append((ln.no, ln.chapter, any(x.kind == "toc" for x in ahead)))
        return out

    def guide_of(self, part_guide: str | None, node: _Node) -> str:
        if part_guide:
            return part_guide
        if self.articles:
            return self.guides[0]
        marks = [(no, c) for no, c, toc in self.chapters if not toc]
        inside = [c for no, c in marks if node.no < no <= node.end]
        if inside:
            return inside[0]
        before = [c for no, c in marks if no < node.no]
        if before:
            return before[-1]
        after = [c for no, c in marks if no > node.no]
        return after[0] if after else self.guides[0]

    # ── run ──
    def run(self) -> Draft:
        self.frame()
        self.todo_doc: list[dict] = []
        general = self.general_conditions()
        programs: list[dict] = []
        own: list[tuple[list[dict], list[dict]]] = []  # (a part's programs, its own 申报基本条件)
        by_article: dict[tuple[int, int | None], list[dict]] = {}
        for guide_name, first, last in self.parts:
            if last < first:
                continue
            mine: list[dict] = []
            nodes: list[_Node] = []
            for root in self.doc.tree(first, last):
                tails = self._labelled_tails(root)
                yielded: set[int] = set()
                under: dict[int, tuple[_Node, list[dict]]] = {}
                for node in self._program_nodes(root):
                    nodes.append(node)
                    yielded.add(node.no)
                    lead, tail = self._parent_shared(node, yielded)
                    self._tail_for = tail
                    got = self.programs_of(node, guide_name)
                    self._tail_for = []
                    self._named_by_heading(node, got)
                    if lead:
                        self._lead_conditions(got, lead)
                    _note_article(node, got, by_article)
                    if node.parent is not None and not node.parent.section and node.parent.no not in yielded and got:
                        under.setdefault(node.parent.no, (node.parent, []))[1].append(got[0])
                    mine.extend(got)
                for parent, kids in under.values():
                    whole = self._labelled_parent(parent, kids, guide_name, tails.get(parent.no)) if parent.no in tails else None
                    whole = whole or self._counted_parent(parent, kids, guide_name)
                    if whole is not None:
                        mine.insert(next(i for i, p in enumerate(mine) if p is kids[0]), whole)
            programs.extend(mine)
            own.append((mine, self.part_conditions(first, last, nodes)))
        if by_article:
            programs[:] = self.article_refs(programs, by_article)
        if self.layout_tables:
            programs.extend(self.layout_programs())
        if self.detail is not None:
            mine, conds = self.detail_part(programs, by_article)
            programs.extend(mine)
            for prog in mine:  # an item of the detail that names no article's program: a guide of its own
                if prog.get("guide") and prog["guide"] not in self.guides:
                    self.guides.append(prog["guide"])
            # the detail's 申报主体基本条件 are those of the rules it details
            article_progs = [p for p in programs if p not in mine]
            own.append(([*article_progs, *mine] if not any(c for _m, c in own) else mine, conds))
        if by_article:
            programs[:] = self.referred_paragraphs(programs, by_article)
        if len(own) == 1 and not general and own[0][1]:
            general = own[0][1]  # the one part's conditions are the document's
        else:
            for mine, conds in own:
                if conds and not mine:
                    # the notice's own 申报主体基本条件 before an attached guide, no program of
                    # its own: every program's, the document's (never dropped)
                    general = list(general) + [t for t in conds if t not in general]
                for prog in mine:
                    if conds:
                        prog["thresholds"] = list(prog.get("thresholds") or []) + [
                            {**copy.deepcopy(t), "note": "；".join(x for x in (t.get("note"), "本部分申报基本条件，适用于本部分各项目") if x)}
                            for t in conds
                        ]
        self.merge_split_chapters(programs)
        self.table_quotas(programs)
        self.siblings_quotas(programs)
        self.children_quotas(programs)
        self.quota_overrides(programs)
        _siblings_conditions(programs)
        _tier_thresholds(programs, general)
        self.city_tables(programs)
        self.attached_tables(programs)
        self.referred_variants(programs)
        self.contacts(programs)
        self.assign_ids(programs)
        document = {
            "file": self.file,
            "title": self.title,
            "year": self.year,
            "fund": self.fund,
            "guides": self.guides,
            "review": "draft",
            "general_thresholds": general,
            "general_applies_to": list(self.guides) if general else [],
            "programs": programs,
            "todo": self.todo_doc,
        }
        self.uncovered_amounts(document)
        draft = Draft(text=self.guide, document=document)
        self.verify(draft)
        self.validate(draft)
        draft.todo = len(document["todo"]) + sum(len(p.get("todo", [])) for p in programs)
        return draft

    def quota_overrides(self, programs: list[dict]) -> None:
        """A note outside the policies (a clerk's 申报须知, the notice) that changes one program's
        number of awards for the year ("经研究，今年“甲改乙转”评估补贴企业数量调整为不超过80家，
        其余按原政策执行"): that program's quota, the policy's own kept in a todo.  The program is
        the one whose title and text share most of the words the note names it by; none when two
        are alike or none is close."""
        inside = bytearray(len(self.doc.lines) + 2)
        for _n, a, b in self.parts:
            inside[max(a, 0) : b + 1] = b"\x01" * max(0, b + 1 - max(a, 0))
        for ln in self.doc.lines:
            if ln.kind in ("blank", "page", "toc") or inside[ln.no]:
                continue
            flat = _fold(ln.clean)
            for v in _QUOTA_CHANGE.finditer(flat):
                # (the verb found first, then the words just before it and the count just after:
                # linear in the line)
                m = _QUOTA_COUNT.match(flat, v.end(), min(len(flat), v.end() + 16))
                if not m:
                    continue
                lo = max(0, v.start() - 40)
                cut = max(flat.rfind(c, lo, v.start()) for c in "，,。；;：:")
                a = max(lo, cut + 1)
                what = re.sub(r"(?:数量|名额|家数|个数)$", "", flat[a : v.start()])
                what = re.sub(r"[“”\"'‘’《》\s]", "", what)
                what = re.sub(r"^(?:经[^，,]{0,20}?研究[，,]?)?(?:\d{4}年度?|今年|本年度|年度)?", "", what)
                grams = _bigrams(what)
                if len(grams) < 3:
                    continue
                scored = []
                for prog in programs:
                    own = _norm(prog["title"] + ((prog.get("source") or {}).get("text") or ""))
                    scored.append((len(grams & _bigrams(own)) / len(grams), prog))
                scored.sort(key=lambda x: -x[0])
                if not scored or scored[0][0] < 0.6 or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.15):
                    continue
                prog = scored[0][1]
                value = int(m.group("num"))
                b = m.end()
                raw = ln.clean
                if len(raw) != len(flat):
                    continue
                src = {"file": self.file, "lines": [ln.src, ln.src], "text": raw[a:b].strip()}
                old = prog.get("quota")
                _put(prog, "quota", {"value": Decimal(value), "source": src,
                                     "note": "政策原文之外的说明（申报须知等）调整了本年度的支持数量，须审阅。"})
                if old and old.get("value") != Decimal(value):
                    prog.setdefault("todo", []).append({"lines": list(old["source"]["lines"]), "text": old["source"]["text"],
                                                        "note": f"政策原文的支持数量{old['value']}，已按第{ln.src}行的调整说明改为{value}"})

    def _labelled_tails(self, root: _Node) -> dict[int, int]:
        """A program written with labels at the start of its lines ("支持条件：…", "补助标准：按项目类别
        分档给予补助。", then "（1）甲类改造项目。…", "（2）乙类改造项目。…", then "支持数量：不超过30
        个，其中…"): the classes are programs of their own, and the label line after the last one
        is the program's, never the last class's.  The last class's span ends before it; returns
        {the program heading's line: the first line of its closing part}."""
        out: dict[int, int] = {}

        def walk(node: _Node) -> None:
            kids = [c for c in node.children if not c.section]
            if len(kids) >= 2 and not node.section and node.rank > RANK_ARTICLE:
                lead = [self.doc.L(i) for i in range(node.no + 1, kids[0].no)]
                own = [_fold(node.text)] + [_fold(ln.clean).strip() for ln in lead if ln.kind == "text"]
                if any(_LEAD_LABEL.match(t.lstrip(CELL)) for t in own):
                    last = kids[-1]
                    for i in range(last.no + 1, last.end + 1):
                        ln = self.doc.L(i)
                        if ln.kind == "text" and _TAIL_LABEL.match(_fold(ln.clean).strip().lstrip(CELL)):
                            _clip(last, i - 1)
                            out[node.no] = i
                            break
            for c in node.children:
                walk(c)

        walk(root)
        return out

    def _labelled_parent(self, parent: _Node, kids: list[dict], guide_name: str | None, tail: int) -> dict | None:
        """The program over classes that are programs of their own (see _labelled_tails): its own
        lines (its conditions) and its closing part (its 支持数量, whose "其中X不超过N个" is class
        X's quota), no amount of its own; its conditions are every class's too."""
        if len(kids) < 2:
            return None
        inside = {i for c in parent.children if not c.section and any(k.get("_node") is c for k in kids)
                  for i in range(c.no, c.end + 1)}
        own = [(self.doc.src(i), self.doc.L(i).clean.strip()) for i in range(parent.no + 1, tail)
               if i not in inside and self.doc.L(i).kind in ("text", "heading") and self.doc.L(i).clean.strip()]
        closing = [(self.doc.src(i), self.doc.L(i).clean.strip()) for i in range(tail, parent.end + 1)
                   if self.doc.L(i).kind in ("text", "heading") and self.doc.L(i).clean.strip()]
        if self.doc.L(parent.no).kind == "heading" and _fold(parent.text) != _fold(parent.title):
            first = _fold(parent.line.rest)
            m = _TERMINATOR.search(first)
            if m and first[m.end():].strip():
                own.insert(0, (parent.line.src, parent.line.rest[m.end():]))
        whole = self.assemble(self._heading_base(parent, guide_name), conditions=own, quota=closing, quota_of=None)
        self._parts_to_kids(kids, closing, "支持数量写在上级项目的支持数量中，须审阅。")
        if whole.get("variants") and all(any(_similar(v.get("name", ""), k["title"]) >= 0.5 for k in kids) for v in whole["variants"]):
            del whole["variants"]  # "其中，甲类改造项目不超过6个": the class's quota, which it holds
        got = [t for t in whole.get("thresholds") or [] if t.get("unit") != "是否"]
        for k in kids:
            _add_thresholds(k, got, "上级项目所列条件，适用于其下各子类")
        whole["todo"] = [t for t in whole.get("todo") or [] if "未找到补助标准" not in (t.get("note") or "")]
        whole["note"] = _said(whole.get("note"), _classes_note(len(kids), "共同的条件与支持数量"))
        return whole

    def _heading_base(self, node: _Node, guide_name: str | None) -> dict:
        """What `assemble` needs of a program drafted from a heading over programs of its own."""
        title, no_app, remark = _clean_title(node.title, node.text)
        return {"guide": self.guide_of(guide_name, node), "path": self.path_of(node), "title": title,
                "no_application": no_app, "remark": remark, "node": node}

    def _parts_to_kids(self, kids: list[dict], lines: list[tuple[int, str]], note: str) -> None:
        """Each program under a heading takes, as its quota, the part of the heading's lines that
        names it ("其中甲类项目不超过N个"), unless it has a quota of its own."""
        for k in kids:
            part = self._named_quota(k["title"], lines)
            if part is not None and not k.get("quota"):
                part["note"] = note
                _put(k, "quota", part)

    def _counted_parent(self, parent: _Node, kids: list[dict], guide_name: str | None) -> dict | None:
        """A heading over programs, no program itself, whose lead counts them ("本条年度支持项目数量
        合计不超过40个，其中甲类项目不超过25个、乙类项目不超过10个"): a program of its own holding
        the total (no amount), and each program named in it takes its part as its quota."""
        if len(kids) < 2:
            return None
        first = min(c.no for c in parent.children if not c.section)
        lead = [(no, t) for no, t in self.body_lines(parent) if no < self.doc.src(first)]
        said = _fold(re.sub(r"\s+", "", "".join(t for _no, t in lead)))
        if len(said) > 2000:
            return None  # a lead is a paragraph or two (each program's search runs over it)
        if not re.search(r"(?:数量|名额|项目|企业)[^。；;]{0,8}(?:合计|总计|共计|总数)[^。；;]{0,4}(?:不超过|不多于|最多|控制在)\d+(?:个|家|项)", said):
            return None
        self._parts_to_kids(kids, lead, "支持数量写在上级标题下的说明中，须审阅。")
        whole = self.assemble(self._heading_base(parent, guide_name))
        raw, where = _joined(lead)
        folded = _fold(raw)
        m = re.search(r"(?:合计|总计|共计|总数)[^。；;，,]{0,4}(?:不超过|不多于|最多|控制在)(?P<n>\d+)(?:个|家|项)", folded)
        if m and len(folded) == len(raw):
            a, b = m.start(), m.end()
            _put(whole, "quota", {"value": Decimal(m.group("n")), "source": {"file": self.file, "lines": [where[a], where[b - 1]], "text": raw[a:b]},
                                  "note": "各子类合计的支持数量。"})
        whole["note"] = _said(whole.get("note"), _classes_note(len(kids), "合计的支持数量"))
        return whole

    def _parent_shared(self, node: _Node, yielded: set[int]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """What a heading that is no program says for all the programs numbered under it
        ("（二）甲类设备奖补。对2090年内完成投入的项目，按以下类别奖补：1.大型项目。…2.中型项目。…
        上述奖补分两次拨付，先拨40%。"): its lead before the first item, when it grants no money
        (the items' shared conditions), and a closing note of the last item's span opening with
        上述/以上/前述 (the items' shared payment) for every item but the last, whose own text
        holds it.  ([], []) when the node is no such item."""
        parent = node.parent
        if parent is None or parent.section or parent.no in yielded:
            return [], []
        cache = getattr(self, "_shared_cache", None)
        if cache is None:
            cache = self._shared_cache = {}
        if parent.no not in cache:  # (once per heading: linear in its items)
            kids = [c for c in parent.children if not c.section]
            if len(kids) < 2:
                cache[parent.no] = ([], [], -1, frozenset())
                return [], []
            first_src = self.doc.src(kids[0].no)
            lead = [(no, t) for no, t in self.body_lines(parent) if no < first_src]
            said = re.sub(r"\s+", "", _fold("".join(t for _, t in lead)))
            if lead and (_AMOUNT_WORD.search(said) or not re.search(r"(?:以下|下列|如下)[^。；;]{0,12}[:：]$", said)):
                # a lead granting money of its own, or one that does not open the list below it
                # ("…按以下类别给予奖补："; an aim, "打造…体系", is no one's condition)
                lead = []
            last = kids[-1]
            tail: list[tuple[int, str]] = []
            prev = ""
            for i in range(last.no, last.end + 1):
                ln = self.doc.L(i)
                if i > last.no and ln.kind == "heading":
                    break
                flat = re.sub(r"\s+", "", _fold(ln.clean))
                if ln.kind in ("blank", "page") or not flat:
                    continue
                # a paragraph of its own (the line before ends a sentence), never a wrapped
                # line that happens to open with "以上（含…）的"
                opens = i > last.no and prev.endswith(("。", "；", ";")) and _SHARED_NOTE.match(flat)
                prev = flat
                if opens:
                    tail = [(self.doc.src(k), self.doc.L(k).clean.strip()) for k in range(i, last.end + 1)
                            if self.doc.L(k).kind not in ("blank", "page", "toc", "attach", "forms", "attach_list")
                            and self.doc.L(k).clean.strip()]
                    break
            cache[parent.no] = (lead, tail, last.no, frozenset(c.no for c in kids))
        lead, tail, last_no, kid_nos = cache[parent.no]
        if node.no not in kid_nos:
            return [], []
        return lead, (tail if node.no != last_no else [])

    def _lead_conditions(self, progs: list[dict], lead: list[tuple[int, str]]) -> None:
        """The shared lead's thresholds into each program numbered under it (see _parent_shared)."""
        parsed = self.clauses.parse_conditions(list(lead), self.file)
        got = [t for t in parsed.data.get("thresholds") or [] if t.get("unit") != "是否"]
        if not got:
            return
        for prog in progs:
            _add_thresholds(prog, got, "上级条款所列条件，适用于其下各项")

    def article_refs(self, programs: list[dict], by_article: dict) -> list[dict]:
        """An article named again after the articles ("第六条第（一）项：支持数量不超过10个，项目须于
        …期间竣工投产。" in a guide attached to the rules): what it says is read into the programs of
        the first article of that number (as rules detailing them are, see detail_part); a
        program drafted from such a line is dropped, its words kept in the merge."""
        seen: dict[int, int] = {}
        refs: list[tuple[_Line, int, int | None, str]] = []
        for ln in self.doc.lines:
            if ln.kind not in ("text", "heading"):
                continue
            flat = _fold(re.sub(r"\s+", "", ln.clean))
            m = re.match(r"第([一二三四五六七八九十百零〇\d]{1,5})条((?:第?[(（][一二三四五六七八九十\d]{1,3}[)）]项[、，,和及]?)*)", flat)
            if not m:
                continue
            art = _article_no(m.group(1))
            if art is None:
                continue
            if ln.rank == RANK_ARTICLE and art not in seen:
                seen[art] = ln.no
                continue
            if art not in seen or not flat[m.end():m.end() + 1] in (":", "：") and not m.group(2):
                continue
            items = [int(x) if x.isdigit() else _cn_number(x) for x in re.findall(r"[(（]([一二三四五六七八九十\d]{1,3})[)）]", m.group(2))]
            rest = flat[m.end():].lstrip(":：")
            for item in items or [None]:
                refs.append((ln, art, item, rest))
        if not refs:
            return programs
        ref_lines = {ln.no for ln, *_ in refs}
        kept = [p for p in programs if not (p.get("_node") is not None and p["_node"].no in ref_lines)]
        for k, (ln, art, item, _rest) in enumerate(refs):
            targets = by_article.get((art, item)) if item else None
            if targets is None:
                targets = by_article.get((art, None)) or []
                if item and len(targets) > 1:
                    targets = targets[item - 1 : item] if item <= len(targets) else []
            targets = [t for t in targets if t in kept]
            if not targets:
                continue
            stop = refs[k + 1][0].no if k + 1 < len(refs) else len(self.doc.lines) + 1
            lines = []
            for no in range(ln.no, stop):
                x = self.doc.L(no)
                if no > ln.no and (x.kind in ("heading", "chapter", "attach", "forms", "attach_list")):
                    break
                if x.kind in ("blank", "page", "toc"):
                    continue
                text = x.clean.strip()
                if no == ln.no:
                    # the words after "第N条第（M）项：", cited as they stand on the line
                    head = re.match(r"\s*第[一二三四五六七八九十百零〇\d]{1,5}条(?:\s*第?\s*[(（][一二三四五六七八九十\d]{1,3}[)）]\s*项\s*[、，,和及]?)*\s*[:：]?",
                                    _fold(text))
                    text = text[head.end():] if head else text
                if text.strip():
                    lines.append((x.src, text))
            if not lines:
                continue
            node = _Node(line=ln, rank=RANK_ARTICLE, label=ln.label, text=ln.rest, text_lines=(ln.no, ln.no),
                         title=_squash(ln.label) + (f"第（{item}）项" if item else ""), section=None, end=ln.no)
            for prog in targets:
                self._merge_detail(prog, node, lines)
        return kept

    def _article_paragraphs(self) -> dict[int, list[tuple[int, int]]]:
        """The 款 (paragraphs) of each article of the rules, as (first, last) guide lines: a new
        款 starts on the line after one that closes a sentence ("。"), unless it opens an item
        ("（一）…", a 项 of the 款 before).  The first article of a number only."""
        out: dict[int, list[tuple[int, int]]] = {}
        cur: int | None = None
        prev_closed = False
        for ln in self.doc.lines:
            if ln.kind in ("blank", "page", "toc"):
                continue
            if ln.rank == RANK_ARTICLE:
                m = re.match(r"第([一二三四五六七八九十百零〇\d]{1,5})条", _squash(ln.label) or _squash(ln.head))
                art = _article_no(m.group(1)) if m else None
                cur = art if art is not None and art not in out else None
                if cur is not None:
                    out[cur] = [(ln.src, ln.src)]
                prev_closed = _fold(ln.clean).rstrip().endswith("。")
                continue
            if cur is None:
                continue
            if ln.kind in ("chapter", "attach", "forms", "attach_list") or (ln.kind == "heading" and ln.rank < RANK_ARTICLE):
                cur = None
                continue
            flat = _fold(ln.clean).strip()
            # (a sentence closing at a line's end, the next one going on with the same 款:
            # "同一标准由多家单位共同主导的，…", "上述…", "其中…")
            if prev_closed and not re.match(r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|同一|上述|以上|其中|前款|该|已|但|如|若", flat):
                out[cur].append((ln.src, ln.src))
            else:
                out[cur][-1] = (out[cur][-1][0], ln.src)
            prev_closed = flat.endswith("。")
        return out

    def referred_paragraphs(self, programs: list[dict], by_article: dict) -> list[dict]:
        """A program of a guide attached to rules in articles whose money the guide leaves to one
        款 or 项 of an article ("补助标准：按《管理办法》第五条第三款执行", "依据：《管理办法》第九条第
        （一）项"): the amounts of the article's program (or of its classes) drafted from that 款 or
        项 are its own, cited where the article states them, with a note.  The 款 must speak of
        what the program's title names (a 款 counted one off — a sentence closing at a line's end
        in hard-wrapped text — is found next to it, never taken blind).  A program saying a sum
        of its own for the year keeps it and lists the article's rule to do.  An article's
        program all of whose amounts guide programs took is dropped, its conditions and todo
        carried over."""
        article_progs = [p for progs in by_article.values() for p in progs]
        ids = {id(p) for p in article_progs}
        paragraphs: dict[int, list[tuple[int, int]]] | None = None
        whole: set[int] = set()
        parts: dict[int, set[int]] = {}
        for prog in programs:
            node = prog.get("_node")
            if id(prog) in ids or node is None:
                continue
            said = _fold(re.sub(r"\s+", "", "".join(self.doc.L(i).clean for i in range(node.no, node.end + 1) if self.doc.L(i).kind in ("text", "heading"))))
            refs = {(_article_no(m.group("art")), "款" if m.group("kind") else "项", _article_no(m.group("n") or m.group("n2")))
                    for m in _PARAGRAPH_REF.finditer(said)}
            refs = {r for r in refs if r[0] is not None and r[2] is not None}
            if len(refs) != 1:
                continue
            art, kind, n = next(iter(refs))
            if paragraphs is None:
                paragraphs = self._article_paragraphs()
            spans = (paragraphs.get(art) or []) if kind == "款" else self._article_items(art, paragraphs.get(art) or [])
            # the 款 named, else the one after or before it that speaks of the program
            score = {k: self._speaks_of(prog["title"], *spans[k - 1]) for k in (n, n + 1, n - 1) if 1 <= k <= len(spans)}
            # the 款 named when it speaks of the program as much as its neighbours or a third
            # of the title; else a neighbour that does (a sentence closing at a line's end)
            best = n if n in score and score[n] > 0 and (score[n] >= 1 / 3 or score[n] >= max(score.values())) else \
                max((k for k in score if k != n and score[k] >= 1 / 3), key=lambda k: score[k], default=None)
            if best is None:
                continue
            found = _money_in(by_article.get((art, None)) or [], *spans[best - 1])
            if found is None:
                continue
            src, variants = found
            label = f"第{_cn(art)}条第{'（' + _cn(n) + '）项' if kind == '项' else _cn(n) + '款'}"
            if variants is None:
                if id(src) in whole or not self._take_article_money(prog, src, label):
                    continue
                whole.add(id(src))
            else:
                if any(id(v) in parts.get(id(src), set()) for v in variants):
                    continue
                one = variants[0] if len(variants) == 1 else {"kind": "tiered", "variants": variants}
                view = {k: v for k, v in one.items() if k not in ("name", "note", "quota")}
                view.setdefault("thresholds", [])
                if not self._take_article_money(prog, view, label):
                    continue
                parts.setdefault(id(src), set()).update(id(v) for v in variants)
        gone = set(whole)
        for prog in article_progs:
            money = [v for v in prog.get("variants") or [] if _own_money_lines(v)]
            if id(prog) in parts and money and all(id(v) in parts[id(prog)] for v in money) and not any(
                    prog.get(k) is not None for k in ("rate", "cap", "fixed", "unit_amount")):
                gone.add(id(prog))
        return [p for p in programs if id(p) not in gone]

    def _article_items(self, art: int, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The 项 of an article ("（一）…" at a line's start), as (first, last) lines, each to the
        next 项 or the end of its 款."""
        if not paras:
            return []
        out: list[tuple[int, int]] = []
        ends = {b for _a, b in paras}
        for no in range(paras[0][0], paras[-1][1] + 1):
            flat = _fold(self.guide.line(no)).strip()
            if re.match(r"[(（][一二三四五六七八九十\d]{1,3}[)）]", flat):
                out.append((no, no))
            elif out and out[-1][1] == no - 1 and (no - 1) not in ends:
                out[-1] = (out[-1][0], no)
        return out

    def _speaks_of(self, title: str, a: int, b: int) -> float:
        """How much the text of lines a..b speaks of what the title names: the share of the pairs
        of characters of the title's core (its generic words off) that stand in it."""
        core = re.sub(r"[（(]免申[\u4e00-\u9fff]{2}[)）]|项目|奖励|补助|补贴|资助|奖补|支持|专项|工作|[“”\"\s（）()]", "", _fold(title))
        pairs = {core[i : i + 2] for i in range(len(core) - 1)}
        if not pairs:
            return 0.0
        text = re.sub(r"[\s“”\"（）()]", "", _fold(self.guide.quote(a, b)))
        return sum(1 for x in pairs if x in text) / len(pairs)

    def _take_article_money(self, prog: dict, src: dict, where: str) -> bool:
        """`prog` takes the amounts of the article's program `src` (see referred_paragraphs)."""
        lines = _money_lines(src)
        span = f"第{min(lines)}–{max(lines)}行" if min(lines) != max(lines) else f"第{min(lines)}行"
        if prog.get("kind") == "cap_only" and src.get("variants") and not prog.get("variants") and not any(
                src.get(k) is not None for k in ("rate", "cap", "fixed", "unit_amount")):
            # "按《管理办法》第七条第二款执行，每家单位当年奖励合计不超过60万元": the article's
            # classes, each cited where it stands, under the year's cap, cited in the guide
            _put(prog, "variants", copy.deepcopy(src["variants"]))
            prog["kind"] = "tiered"
            _put(prog, "note", _said(prog.get("note") or "", f"各档金额按实施细则{where}（{span}）；总上限为本年度指南所写。"))
            return True
        if _money_lines(prog) or prog.get("stages") or prog.get("components"):
            # the guide says a sum of its own for the year ("今年…最高不超过90万元"): the
            # article's rule and the year's sum are two quotes, never merged into one reading
            quote = src.get("source") or {}
            if quote.get("lines"):
                _put(prog, "todo", _dedupe_todo(list(prog.get("todo") or []) + [{
                    "lines": list(quote["lines"]), "text": quote.get("text", ""),
                    "note": f"本项目依据实施细则{where}（{span}）；细则的金额与本年度指南所写金额并存，未合并，须人工核对"}]))
            return False
        notes = [f"金额按实施细则{where}（{span}）"]
        variants = [v for v in prog.get("variants") or [] if isinstance(v, dict)]  # a 支持数量's classes
        for key in ("kind", "base", "rate", "cap", "fixed", "unit_amount", "unit", "per", "source", "variants", "grant", "minimum"):
            if key not in src or src[key] in (None, [], {}):
                continue
            value = copy.deepcopy(src[key])
            if key == "variants" and variants:
                value = value + variants
            if key in _AFTER_FIRST_PAYMENT or key in _TAIL_KEYS:
                _put(prog, key, value)
            else:
                prog[key] = value
        if not prog.get("first_payment"):
            node = prog.get("_node")
            body = self.body_lines(node) if node is not None else []
            fp = self.clauses.read_first_payment(body, self.file) if body else None
            fp = fp or copy.deepcopy(src.get("first_payment"))
            if fp:
                _put(prog, "first_payment", fp)
                prog["todo"] = [t for t in prog.get("todo") or [] if not (t.get("note") is None and fp["source"]["text"] in t.get("text", ""))]
        _add_thresholds(prog, src.get("thresholds") or [])
        if src.get("todo"):
            _put(prog, "todo", _dedupe_todo(list(prog.get("todo") or []) + copy.deepcopy(src["todo"])))
        note = prog.get("note") or ""
        note = "；".join(x for x in note.split("；") if x and x.rstrip("。") != "原文未写金额")
        _put(prog, "note", _said(note, "；".join(notes) + "。") if note else "；".join(notes) + "。")
        return True

    def layout_programs(self) -> list[dict]:
        """One program per row of a table laid out in columns: the name column its title (a
        免申即享 mark in it or in a 兑现方式 column), the award column its 补助标准, the
        conditions column its 支持条件, under the band row above it.  A line of the table with
        words no row took is listed to do, never passed over."""
        out: list[dict] = []
        srcs = [ln.src for ln in self.doc.lines]
        ordered = all(a <= b for a, b in zip(srcs, srcs[1:]))
        for table in self.layout_tables:
            taken = {no for row in table.rows for pieces in row.cells.values() for no, _t in pieces}
            bands = {re.sub(r"\s+", "", row.band) for row in table.rows if row.band}
            for no in range(table.first + 1, table.last + 1):
                flat = re.sub(r"\s+", "", self.guide.lines[no - 1]) if no <= len(self.guide.lines) else ""
                if no in taken or no in table.furniture or not flat or re.fullmatch(r"[-—–－·•~\d\s第页共/]+", flat) or flat == re.sub(r"\s+", "", self.guide.lines[table.header - 1]) or flat in table.header_texts:
                    continue
                if flat in bands:
                    continue
                if re.search(r"\d", flat):
                    self.todo_doc.append({"lines": [no, no], "text": _squash_quote(self.guide.lines[no - 1]),
                                          "note": "分栏表格中的这一行未能归入任何一行（项目），未写入"})
            part = next((name for name, first, last in self.parts if first <= table.first <= last), None)
            lead_th = self._table_lead(table.header)
            for row in table.rows:
                name_pieces = row.cells.get("name") or []
                title_raw = _cell_words(name_pieces)
                if not title_raw:
                    continue
                title, no_app, remark = _clean_title(title_raw)
                mode = _cell_words(row.cells.get("mode") or [])
                remarks = row.cells.get("remark") or []  # a 备注 column: quotas, first payments, 免申即享
                no_app = no_app or bool(_NO_APP_WORDS.search(_fold(mode + _cell_words(remarks))))
                if ordered:  # the doc's first line at or after the row (found by halving: a long table)
                    at = bisect.bisect_left(srcs, row.first)
                    first_doc = self.doc.lines[at] if at < len(srcs) else self.doc.lines[-1]
                else:
                    first_doc = next((ln for ln in self.doc.lines if ln.src >= row.first), self.doc.lines[-1])
                node = _Node(line=first_doc, rank=RANK_CN, label="", text=title, text_lines=(first_doc.no, first_doc.no),
                             title=title, section=None, end=first_doc.no)
                path = [x for x in (table.title, row.band) if x]
                base = {"guide": self.guide_of(part, node) if part else self.guides[0], "path": path, "title": title,
                        "no_application": no_app, "remark": remark, "node": node}
                remark_award, remark_quota = _split_remark(remarks)
                award = (row.cells.get("award") or []) + remark_award
                conditions = row.cells.get("cond") or []
                # (a 支持数量 column: each row's quota)
                prog = self.assemble(base, award=award, conditions=conditions, quota=remark_quota + (row.cells.get("quota") or []))
                self._prose_conditions(prog, award)
                self._prose_quota(prog, award)
                dept = row.cells.get("dept") or []
                office = _cell_words(dept)
                if office and "office" not in prog:
                    cited = Doc.build(dept, self.file)
                    keep = {k: prog.pop(k) for k in list(prog) if k in ("todo", "_node", "_table")}
                    prog["office"] = office
                    prog["contact_source"] = cited.source(0, len(cited.chars))
                    prog.update(keep)
                prog["note"] = "；".join(x for x in (prog.get("note"), f"取自第{table.header}行起的分栏表格（第{row.first}–{row.last}行），各栏文字按所在位置读出，须审阅") if x)
                if lead_th:
                    have = {(t.get("field"), t.get("op"), str(t.get("value"))) for t in prog.get("thresholds") or []}
                    more = [copy.deepcopy(t) for t in lead_th if (t.get("field"), t.get("op"), str(t.get("value"))) not in have]
                    if more:
                        keep = {k: prog.pop(k) for k in list(prog) if k in _TAIL_KEYS and k not in ("quota",) or k in ("_node", "_table")}
                        prog["thresholds"] = list(keep.pop("thresholds", None) or []) + more
                        prog.update(keep)
                out.append(prog)
        return out

    def _table_lead(self, header: int) -> list[dict]:
        """The conditions the sentence over a table of programs says of all its rows ("以下事项由
        市工信局依据国家、省公布的2034年度认定名单直接兑现"): the prose lines right above the table
        (past its title), when they speak of the table (以下/下列/下表/表中/如下)."""
        lead: list[tuple[int, str]] = []
        no = header - 1
        titled = False
        while no >= 1 and len(lead) < 6:
            text = self.guide.lines[no - 1] if no <= len(self.guide.lines) else ""
            flat = re.sub(r"\s+", "", text)
            if not flat:
                if lead:
                    break
                no -= 1
                continue
            if not titled and not lead and len(flat) <= 60 and not re.search(r"[。；;，,]", flat):
                titled = True  # the table's title ("表1 …一览表")
                no -= 1
                continue
            if any(h.rank >= 0 and h.kind == "heading" for h in self.doc.lines if h.src == no) or _PAGE.match(flat):
                break
            lead.insert(0, (no, text))
            no -= 1
        if not lead or not re.search(r"以下|下列|下表|表中|如下|本表", re.sub(r"\s+", "", "".join(t for _n, t in lead))):
            return []
        parsed = self.clauses.parse_conditions(lead, self.file)
        return [t for t in parsed.data.get("thresholds") or [] if t.get("unit") != "是否"]

    def detail_part(self, programs: list[dict], by_article: dict) -> tuple[list[dict], list[dict]]:
        """The items of a detail part read into the programs of the articles they name ("（三）技术
        改造贷款贴息（对应第二条第（二）项）"): their conditions, tiers, first payment and quota are
        added to that program, cited at the detail's lines, with a note; an item naming no program
        found (or naming none) is a program of its own.  Returns the part's own programs and its
        申报基本条件."""
        name, first, last = self.detail
        mine: list[dict] = []
        nodes: list[_Node] = []
        refs: list[tuple[_Node, re.Match]] = []

        def walk(node: _Node) -> None:
            m = None if node.section else _ARTICLE_REF.search(_fold(re.sub(r"\s+", "", node.text)))
            if m and node.rank > RANK_MD:
                refs.append((node, m))
                return
            for c in node.children:
                walk(c)

        roots = self.doc.tree(first, last)
        for root in roots:
            walk(root)
        inside = {d.no for n, _m in refs for d in (n, *n.descendants())}
        for root in roots:
            for node in self._program_nodes(root):
                if node.no in inside:
                    continue
                nodes.append(node)
                mine.extend(self.programs_of(node, name))
        for node, m in refs:
            art = _article_no(m.group("art"))
            item = None
            if m.group("item"):
                item = _article_no(m.group("item"))
            targets = by_article.get((art, item)) if item else None
            if targets is None:
                targets = by_article.get((art, None)) or []
                if item and len(targets) != 1:
                    targets = []
            if not targets:
                nodes.append(node)
                mine.extend(self.programs_of(node, name))
                continue
            body = self.body_lines(node)
            groups: dict[int | None, list[tuple[int, str]]] = {}
            current = None
            for no, text in body:
                lead = _ITEM_LEAD.match(_fold(text).lstrip(CELL))
                if lead and len(targets) > 1:
                    g = lead.group("item")
                    current = int(g) if g.isdigit() else _cn_number(g)
                groups.setdefault(current, []).append((no, text))
            for k, prog in enumerate(targets):
                lines = list(groups.get(None, [])) + (list(groups.get(k + 1, [])) if len(targets) > 1 else [])
                if lines:
                    self._merge_detail(prog, node, lines)
        conds = self.part_conditions(first, last, nodes) if nodes else self.part_conditions(first, last, [])
        return mine, conds

    def _merge_detail(self, prog: dict, node: _Node, lines: list[tuple[int, str]]) -> None:
        """Read a detail's lines into `prog`: what the article left out (tiers, first payment,
        quota) is taken, the conditions are added, the rest is listed under todo."""
        base = {"guide": prog["guide"], "path": prog["path"], "title": prog["title"], "no_application": False,
                "remark": None, "node": node}
        # "3.支持数量：…" among the detail's lines is its quota; the rest its award and conditions
        quota = [(no, t) for no, t in lines if _section_of(_cell_words([(no, _fold(t))])[:8]) == "quota"]
        rest_lines = [x for x in lines if x not in quota]
        extra = self.assemble(base, award=rest_lines, quota=quota)
        self._prose_conditions(extra, rest_lines)
        self._prose_quota(extra, rest_lines)
        if not extra.get("first_payment"):
            fp = self.clauses.read_first_payment(rest_lines, self.file)
            if fp:
                extra["first_payment"] = fp
        taken: list[str] = []
        todo = list(extra.get("todo") or [])
        if extra.get("variants") and not prog.get("variants") and prog.get("kind") in ("none", "cap_only", "recognition"):
            prog["variants"] = extra["variants"]
            if prog.get("kind") != "cap_only" or all(v.get("kind") for v in extra["variants"]):
                prog["kind"] = "tiered"
            taken.append("分档金额")
        elif extra.get("variants") or extra.get("kind") not in (None, "none", "recognition"):
            src = extra.get("source") or {}
            if src.get("lines"):
                todo.append({"lines": list(src["lines"]), "text": src.get("text", ""),
                             "note": "实施细则中的金额与条文中的金额并存，未并入，须人工核对"})
        for key, what in (("first_payment", "首次拨付"), ("quota", "支持数量")):
            if extra.get(key) and not prog.get(key):
                prog[key] = extra[key]
                taken.append(what)
        if _add_thresholds(prog, extra.get("thresholds") or []):
            taken.append("条件")
        todo = [t for t in todo if "未找到补助标准" not in (t.get("note") or "")]
        if todo:
            prog["todo"] = _dedupe_todo(list(prog.get("todo") or []) + todo)
        src = (self.doc.src(node.no), self.doc.src(node.end))
        said = "、".join(taken) if taken else "无可并入的数据"
        prog["note"] = "；".join(x.rstrip("。；") for x in (prog.get("note"), f"实施细则第{src[0]}–{src[1]}行（{node.title}）：{said}") if x)

    def uncovered_amounts(self, document: dict) -> None:
        """Nothing with an amount is passed over in silence: a guide line holding money or a share
        (万元, 亿元, 元, %, 百分之…) that no drafted number cites and no todo lists — text the
        drafter could not place under any program, such as a rule in a form it does not know —
        becomes a todo of the document, with the reason."""
        covered: set[int] = set()

        def walk(o) -> None:
            if isinstance(o, dict):
                for key in ("source", "contact_source"):
                    src = o.get(key)
                    if isinstance(src, dict) and src.get("lines"):
                        covered.update(range(int(src["lines"][0]), int(src["lines"][-1]) + 1))
                if "lines" in o and "text" in o and isinstance(o["lines"], list) and o["lines"]:
                    covered.update(range(int(o["lines"][0]), int(o["lines"][-1]) + 1))
                for v in o.values():
                    walk(v)
            elif isinstance(o, list):
                for v in o:
                    walk(v)

        walk(document)
        seen: set[int] = set()
        for ln in self.doc.lines:
            if ln.kind not in ("text", "heading"):
                continue
            no = ln.src
            if no in covered or no in seen:
                continue
            text = self.doc.guide_clean(no).strip()
            if not _AMOUNT_WORDS.search(_fold(text)):
                continue
            seen.add(no)
            self.todo_doc.append({
                "lines": [no, no], "text": text,
                "note": "含金额或比例，未归入任何项目的数据或待处理项（起草程序未能识别其所属项目），须人工核对",
            })  # fmt: skip

    # ── programs ──
    def _program_nodes(self, root: _Node):
        """The program headings of a tree, outermost first, never inside a section."""
        def walk(node: _Node, inside: bool):
            if not inside and re.fullmatch(r"(?:联系方式|联系人及电话|联系电话)", re.sub(r"\s+", "", node.title)):
                return  # "4 联系方式" and its table: the offices, whose rows repeat the programs' numbers
            if node.section:
                # "二、支持方向" over the programs (outside any program): a part, not a section
                # ("2 支持方向与补助标准" over "2.1 …" / "2.1.1 X项目" / "(1) 支持条件": the chapter of
                # the programs, its title two section words joined)
                if not inside and node.children and (
                        node.section == "direction" or node.section == "award" and any(self._is_program(c) or any(self._is_program(g) for g in c.children)
                                                        for c in node.children)):
                    for c in node.children:
                        yield from walk(c, inside)
                elif node.section in ("subject", "office", "procedure", "time", "materials", "basis", "link"):
                    # a program's last row ("申报主体 …") and then "1. X项目（免申直达）" granting
                    # money of its own: a program of its own, not an item of that row
                    for c in node.children:
                        if not c.section and not c.children and self._is_program(c) and self._grants_money(c):
                            yield c
                return
            if not inside and not self._is_program(node) and self._program_table(node):
                yield node  # "事项名称 | 奖励标准 | …": its rows are programs
                return
            found = self._is_program(node) or (not inside and self._is_measure(node))
            if found:
                yield node
            for c in node.children:
                yield from walk(c, inside or found)

        yield from walk(root, False)

    def _own_text(self, node: _Node) -> list[tuple[int, str]]:
        """(guide line, text) of a heading's own lines: after its heading line, before its first
        child heading, furniture left out."""
        stop = min([c.no - 1 for c in node.children] + [node.end])
        out = []
        for no in range(node.no + 1, stop + 1):
            ln = self.doc.L(no)
            if ln.kind in ("blank", "page", "toc") or not ln.clean.strip():
                continue
            out.append((ln.src, ln.clean))
        return out

    def _program_table(self, node: _Node) -> list[dict] | None:
        """The rows of a table of programs standing in a heading's own text, when it has one."""
        cache = self._tables_of
        if node.no not in cache:
            rows = None
            if not node.section:
                own = self._own_text(node)
                if len(own) >= 3:
                    rows = self.clauses.read_program_table(own, self.file) or None
            cache[node.no] = rows
        return cache[node.no]

    def table_programs(self, node: _Node, part_guide: str | None) -> list[dict]:
        """One program per row of a table of programs ("1 | 企业技术中心 | 国家级100万元/家；省级
        30万元/家 | 免申即享 | 科技与质量处"), under the heading it stands in; the table's lead
        sentences ("依据…2031年度公示名单直接拨付") give every row its conditions."""
        rows = self._program_table(node) or []
        guide = self.guide_of(part_guide, node)
        path = [*self.path_of(node), node.printed]
        _t, heading_no_app, _r = _clean_title(node.title, node.text)
        first = min(r["lines"][0] for r in rows)
        lead = [(no, t) for no, t in self._own_text(node) if no < first]
        lead_th = []
        if lead:
            parsed = self.clauses.parse_conditions(lead, self.file)
            lead_th = [t for t in parsed.data.get("thresholds") or [] if t.get("unit") != "是否"]
        out = []
        for row in rows:
            title, no_app, remark = _clean_title(row["title"])
            data = copy.deepcopy(row["data"])
            prog: dict = {"id": "", "year": self.year, "fund": self.fund, "guide": guide, "path": path, "title": title, "review": "draft"}
            if no_app or heading_no_app or row.get("no_application"):
                prog["no_application"] = True
            prog["kind"] = data.pop("kind", None) or "none"
            for key in ("base", "rate", "cap", "fixed", "unit_amount", "unit", "per", "stages", "components", "first_payment", "source", "variants"):
                if data.get(key) not in (None, [], {}):
                    prog[key] = data.pop(key)
            notes = [x for x in (data.pop("note", None), remark, "表格中的一行，项目名称取自表格，须审阅") if x]
            prog["note"] = "；".join(x.rstrip("。；") for x in notes)
            if lead_th:
                prog["thresholds"] = copy.deepcopy(lead_th)
            office = (row.get("office") or "").strip()
            if office and re.sub(r"\s+", "", office) in re.sub(r"\s+", "", "".join(self.doc.guide_clean(no) for no in range(row["lines"][0], row["lines"][-1] + 1))):
                prog["office"] = office
                prog["contact_source"] = {"file": self.file, "lines": list(row["lines"]), "text": office}
            if row.get("todo"):
                prog["todo"] = _dedupe_todo(list(row["todo"]))
            prog["_node"] = node
            out.append(prog)
        return out

    def _is_program(self, node: _Node) -> bool:
        if node.section:
            return False
        if any(c.section in PROGRAM_SECTIONS for c in node.children):
            # "1 总体要求" over "1.2 申报主体基本条件" and "1.3 申报程序", no award or quota: the
            # notice's general part, not a program
            general = not any(c.section in ("award", "quota") for c in node.children) \
                and (any(c.section == "procedure" for c in node.children) or not self._grants_money(node)) \
                and all(re.search(r"基本条件|申报主体|申报单位|基本要求", c.title) for c in node.children if c.section in PROGRAM_SECTIONS)
            return not general
        if node.rank == RANK_MD:
            return False
        name = _clean_title(node.title)[0]
        if not name.endswith("项目") or len(name) > 40 or "\t" in node.text[: len(node.title) + 2]:
            return False
        # a leaf: nothing below it is a program or has sections
        return not any(d.section in PROGRAM_SECTIONS or self._is_program(d) for d in node.children)

    def _is_article(self, node: _Node) -> bool:
        """A 条 of a 实施细则 that grants money ("第十二条【技术改造奖补】对…给予…万元"): a program;
        one about procedure (its 章 is 总则/申报程序/资金管理/附则…, or its own title is) is not.
        Its numbered lines are its list unless they are named measures of their own."""
        if node.rank != RANK_ARTICLE or node.section:
            return False
        chapter = re.sub(r"^第[^章]{1,4}章\s*", "", node.chapter)
        # an article titled for a benefit ("【人才引进补贴】") is a program in any chapter but a
        # procedural one's 资金管理/监督 articles ("追回奖励资金")
        named = bool(node.line.article_title) or node.title != _squash(node.line.label)
        titled = named and bool(_BENEFIT_TITLE.search(node.title)) and not any(w in node.title for w in _PROCEDURE_ARTICLE)
        procedure = any(w in chapter for w in _PROCEDURE_CHAPTER) and not re.search(r"支持|扶持|奖励|奖补|补助|政策|措施|标准", chapter)
        if procedure and not titled:
            return False
        if not node.whole and any(w in node.title for w in _PROCEDURE_ARTICLE):
            return False
        if node.children and not all(self._list_item(c) or c.section or (not c.children and re.search(r"[，,、]", _fold(c.title)))
                                     for c in node.children):
            return False
        if not self._grants_money(node) and not ((titled or (named and not procedure)) and self._no_amount_said(node)) \
                and not (titled and self._promised(node)):
            return False
        self._items.update(c.no for c in node.children)
        return True

    def _promised(self, node: _Node) -> bool:
        stop = min([c.no - 1 for c in node.children] + [node.end, node.no + 6])
        body = re.sub(r"\s+", "", _fold("".join(self.doc.L(i).clean for i in range(node.no, stop + 1))))
        return bool(_PROMISE.search(body))

    def _no_amount_said(self, node: _Node) -> bool:
        """The heading's paragraph says its money is decided elsewhere ("补助办法另行研究",
        "实行一事一议", "依照上级规定执行"): a program without an amount, never passed over."""
        from subsidykit.authoring.clause_award import NONE_WORDS

        stop = min([c.no - 1 for c in node.children] + [node.end, node.no + 6])
        body = re.sub(r"\s+", "", _fold("".join(self.doc.L(i).clean for i in range(node.no, stop + 1))))
        return bool(NONE_WORDS.search(body)) and bool(re.search(r"费用|资金|补助|补贴|奖励|奖补|扶持|支持|配套|政策|标准", body))

    def _grants_money(self, node: _Node) -> bool:
        """Whether the heading's own paragraph (to the end of its span) names an amount of money."""
        body = re.sub(r"\s+", "", _fold("".join(self.doc.L(i).clean for i in range(node.no, node.end + 1))))
        return bool(_MONEY.search(body))

    def _is_measure(self, node: _Node) -> bool:
        """A numbered measure of a policy ("2. 支持某类人才。……最高给予 N 万元 X 补贴"): a leaf
        heading with a short name that grants an amount of money in its own paragraph."""
        if node.rank == RANK_ARTICLE:
            return self._is_article(node)
        if node.rank < RANK_CN or node.lead:
            return False
        # its list, and rows of its own ("责任部门：…", "申报材料：…") but never a program section
        if node.children and not all(self._list_item(c) or (c.section and c.section not in PROGRAM_SECTIONS)
                                     for c in node.children):
            return False
        name = _clean_title(node.title)[0]
        if not (2 <= len(name) <= 30) or re.search(r"[，,；;]", name) or _section_of(name):
            return False
        if not self._grants_money(node) and not (not node.children and self._no_amount_said(node)):
            return False
        # its list keeps its numbering, which stands between the items' quotes
        self._items.update(c.no for c in node.children)
        return True

    def _list_item(self, node: _Node) -> bool:
        """A numbered line of a list under a measure ("(1) 甲级，奖励N万元；"): a sentence, not
        a heading of its own (no children, no section, and what stands where a title would is a
        clause with a comma in it, never a name that a measure of its own could carry)."""
        if node.children or node.section or node.rank <= RANK_PCN:
            return False
        # ("2.项目建设期应在2098年7月1日（含）以后开工，…", "3.跨区申报的，…": cut at its first
        # comma, a sentence still, by its figures or its closing 的 — no name has them)
        return bool(re.search(r"[，,、]", _fold(node.title))) or bool(re.search(
            r"\d+(?:\.\d+)?\s*(?:%|万|亿|元|年|月|日|家|个|件|人|项)|高于|低于|不低于|不少于|不超过|以上|以下|的$", _fold(node.title)))

    def _named_by_heading(self, node: _Node, got: list[dict]) -> None:
        """A program's table ("项目名称 | 生物医药和新材料中试基地建设项目" …) right under a heading
        of its own ("（一）中试基地建设项目"), nothing else under that heading: the program is the
        heading's, named as the outline names it; the table's name is its alias, cited."""
        parent = node.parent
        if node.rank != RANK_RECORD or parent is None or parent.section or parent.rank >= RANK_RECORD or len(got) != 1:
            return
        if [c for c in parent.children if not c.section] != [node] or self._own_text(parent):
            return
        heading, _no_app, _remark = _clean_title(parent.title)
        prog = got[0]
        if not heading or prog.get("title") != _clean_title(node.title)[0] or _clean_title(parent.title)[1] and not prog.get("no_application"):
            return
        path = [x for x in prog.get("path") or [] if x != parent.printed]
        name = prog["title"]
        prog["title"], prog["path"] = heading, path
        if name != heading:
            alias = {"name": name, "source": {"file": self.file, "lines": [node.line.src, node.line.src], "text": name},
                     "note": "表格“项目名称”栏所写名称；项目按其上的标题命名。"}
            keep = {k: prog.pop(k) for k in list(prog) if k in _AFTER_FIRST_PAYMENT[_AFTER_FIRST_PAYMENT.index("aliases") + 1:] or k in ("_node", "_table")}
            prog["aliases"] = [*(prog.get("aliases") or []), alias]
            prog.update(keep)

    def path_of(self, node: _Node) -> list[str]:
        out = []
        p = node.parent
        while p is not None:
            if not p.section:
                # a titled 条 by its title ("第三条　支持X" -> "支持X"), as its own programs are named
                out.append(p.title if p.rank == RANK_ARTICLE and not p.whole else p.printed)
            p = p.parent
        out = out[::-1]
        # a 条 stands in its 章: the chapter is its path ("第二章 支持方向和标准")
        top = node
        while top.parent is not None:
            top = top.parent
        if top.rank == RANK_ARTICLE and top.chapter:
            out.insert(0, top.chapter)
        elif top.line.card and top.chapter:
            # a card of a template stands in its chapter ("第二章 绿色制造类"): the chapter's name
            out.insert(0, _CHAPTER.sub(lambda m: m.group(2), _fold(top.chapter)).strip() or top.chapter)
        return out

    def section_lines(self, node: _Node, skip: set[int] = frozenset(), head: bool = True) -> list[tuple[int, str]]:
        """(line, text) of a section: its heading line without the numbering and section word,
        then every line of its span (numbering of sub-items dropped), furniture left out."""
        out = []
        for no in range(node.no, node.end + 1):
            if no in skip:
                continue
            ln = self.doc.L(no)
            if ln.kind in ("blank", "page", "toc", "chapter", "attach", "forms", "attach_list"):
                continue
            if no == node.no:
                text = ln.rest if ln.kind == "heading" else re.sub(r"^[【\[]", "", _BULLET.sub("", ln.clean.strip()))
                if head and node.section:
                    text = _after_word(text)
                    if node.parent is not None and node.parent.line.card and _NOT_APPLICABLE.fullmatch(text.strip()):
                        continue  # "支持数量：/": the template's mark for a field that does not apply
                    if node.section in ("conditions", "subject") and node.parent is not None and node.parent.line.card and text.strip():
                        # a card's field is a cell of its own: a sentence never runs on into it
                        # from the field above ("支持对象：甲企业" / "申报条件：投入不低于…")
                        text = CELL + text
            elif ln.kind == "heading" and ln.rank > RANK_MD and not ln.html and no not in self._items:
                # its numbering dropped: a quote running on from the line before carries "……" there
                text = CELL + ln.rest if ln.rest.strip() else ln.rest
            else:  # a paragraph of an HTML line keeps its numbering, which stands between it and the one before
                # (a row of a table laid out in columns keeps its indent: a row whose first cell
                # is merged with the one above starts in its second column)
                text = ln.clean.rstrip() if _COLUMNS_ROW.search(ln.clean.strip()) else ln.clean.strip()
            if text.strip():
                out.append((ln.src, text))
        return out

    def body_lines(self, node: _Node) -> list[tuple[int, str]]:
        """A leaf program's own text: the heading paragraph after its title, and what follows."""
        lines = self.section_lines(node, head=False)
        if node.lead or node.whole:
            return [(no, t) for no, t in lines]
        if lines and lines[0] == (node.line.src, node.line.rest if node.line.kind == "heading" else node.line.clean.strip()):
            rest = lines[0][1]
            run_on = _RUN_ON_TITLE.match(rest)
            if run_on and _squash(run_on.group("name")) == node.title:
                rest = rest[run_on.end():]  # (its paragraph after the name: "…项目 对列入…")
            else:
                m = _TERMINATOR.search(rest)
                rest = rest[m.end():] if m else ""
            lines[0] = (node.line.src, rest)
            if not rest.strip():
                lines = lines[1:]
        return lines

    def programs_of(self, node: _Node, part_guide: str | None) -> list[dict]:
        if not self._is_program(node) and self._program_table(node):
            return self.table_programs(node, part_guide)
        guessed = self._unnamed_conditions(node)
        counted, limits = self._numbered_subjects([c for c in node.children if c.section == "subject"])
        progs = self._programs_of(node, part_guide, guessed + counted)
        if not (guessed or limits) or not progs:
            return progs
        # said once, on the program the section stands in (its items share it)
        path, title = self.path_of(node), _clean_title(node.title, node.text)[0]
        prog = next((p for p in progs if p.get("path") == path and p.get("title") == title), progs[0])
        for c in limits:
            lines = self.section_lines(c)
            a, b = lines[0][0], lines[-1][0]
            text = _squash_quote("".join(x for _no, x in lines)) if a == b else self.doc.guide_clean(c.line.src).strip()
            _put(prog, "todo", [*(prog.get("todo") or []), {
                "lines": [a, b] if a == b else [c.line.src, c.line.src], "text": text,
                "note": "申报主体中的限报数量（各地推荐上限）未写入，须审阅"}])
        for c in guessed:
            _put(prog, "todo", [*(prog.get("todo") or []), {
                "lines": [c.line.src, c.line.src], "text": self.doc.guide_clean(c.line.src).strip(),
                "note": f"「{c.title}」不是常见的条件段名，其中的数量门槛已按支持条件读入，须审阅"}])
        return progs

    def _numbered_subjects(self, subjects: list[_Node]) -> tuple[list[_Node], list[_Node]]:
        """The 申报主体/申报对象 sections that say a number, as (those read as conditions: who may
        apply, "申报对象：2161年度新认定的…企业"; those that limit how many a place may put
        forward, "每个设区市（含所辖县、市、区）限报6个", no applicant's bound, listed to do)."""
        said = {c.no: "".join(t for _no, t in self.section_lines(c)) for c in subjects}
        numbered = [c for c in subjects if re.search(r"\d", said[c.no])]
        limits = [c for c in numbered if re.search(r"限报|推荐|报送", said[c.no])]
        return [c for c in numbered if c not in limits], limits

    def _unnamed_conditions(self, node: _Node) -> list[_Node]:
        """A program's section under a label the drafter does not know ("（二）入围要求。",
        "2.企业资质："), read as its conditions when the program has no conditions section of a
        known name, the label names no money and no program, and its text holds thresholds
        ("不低于…", "…以上", "满N年"); the draft says so in its todo."""
        kids = node.children
        if not any(c.section for c in kids):
            return []
        out = []
        for c in kids:
            label = _squash(c.title)
            if (c.section or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", label)
                    or re.search(r"奖|补|贴|资助|扶持|支持|金额|额度|标准|比例|数量|名额|项目|材料|程序|流程|方式|时间|部门|处室|科室|联系|方向|内容|领域|目标|绩效|考核|验收|说明|备注|其他|依据|纪律|监督|责任", label)):
                continue
            body = _fold("".join(t for _no, t in self.section_lines(c, head=False)))
            if re.search(r"(?:给予|予以|奖励|补助|补贴|资助|奖补|拨付|贴息|最高|封顶)[^。；;]{0,20}\d[\d\s.,，]*(?:万元|亿元|元|%)", body):
                continue  # an award said in it: not a list of thresholds
            if not re.search(r"不低于|不少于|不超过|不高于|以上|以下|以内|达到|满\d|超过|低于|之间|至\d{4}年", body):
                continue
            out.append(c)
        return out

    def _programs_of(self, node: _Node, part_guide: str | None, more_conditions: list[_Node]) -> list[dict]:
        """`more_conditions`: sections read as the program's conditions besides its 支持条件 (a label
        the drafter does not know, a 申报对象 that says a number)."""
        guide = self.guide_of(part_guide, node)
        path = self.path_of(node)
        secs: dict[str, list[_Node]] = {}
        for c in node.children:
            if c.section:
                secs.setdefault(c.section, []).append(c)
        if more_conditions:
            secs["conditions"] = sorted(secs.get("conditions", []) + more_conditions, key=lambda c: c.no)
        title, no_app, remark = _clean_title(node.title, node.text)
        # "兑现方式：免申即享": the way of payment, said in a section of its own
        no_app = no_app or any(c.section == "procedure" and _NO_APP_WORDS.search(_fold(re.sub(r"\s+", "", c.text))) for c in node.children)
        base = {"guide": guide, "path": path, "title": title, "no_application": no_app, "remark": remark, "node": node}
        if not secs:  # a leaf program: its own text is its award clause
            named = self.named_items(node, base)
            if named:
                return named
            run = self.run_items(node, base)
            if run:
                return run
            body = self.body_lines(node)
            # a title naming one benefit ("企业上市奖励", "融资租赁贴息"): its grants are that
            # benefit's parts and tiers, one program; a measure's title naming an aim ("支持人才安居")
            # may grant several benefits, one program each
            one = bool(_ONE_BENEFIT_TITLE.search(title))
            groups = _benefit_groups(body, article=node.rank == RANK_ARTICLE or one, one_benefit=one)
            if len(groups) < 2:
                tail = [x for x in getattr(self, "_tail_for", []) if x[0] not in {no for no, _t in body}]
                prog = self.assemble(base, award=body + tail)
                self._prose_conditions(prog, body)
                self._prose_quota(prog, body)
                if groups and not groups[0].grant and prog["kind"] != "none":
                    prog["grant"] = False
                    prog["note"] = "；".join(x.rstrip("。；") for x in (prog.get("note"), f"{groups[0].noun}：贷款、担保或投资额度，不是补助") if x)
                return [prog]
            # a measure granting different kinds of money (a grant and a loan limit, a living
            # allowance and a housing subsidy): one program for each, under the measure's title
            out = []
            for g in groups:
                self.stitches.extend(g.stitches)
                prog = self.assemble(base, award=g.lines, conditions=g.context_lines, award_context=g.context_lines)
                self._prose_conditions(prog, list(g.lines))
                self._prose_quota(prog, list(g.lines))
                prog["_benefit"] = g.noun
                if not g.grant:
                    prog["grant"] = False
                note = f"同一措施中的一项：{g.noun}" + ("（贷款、担保或投资额度，不是补助）" if not g.grant else "")
                prog["note"] = "；".join(x.rstrip("。；") for x in (prog.get("note"), note) if x)
                out.append(prog)
            return out
        if not any(k in secs for k in ("award", "quota")):
            # "（一）实训基地" / "支持对象：…" / "（1）建设补助。…给予50万元。" / "（2）就业补贴。…":
            # sections of who may apply, then items each naming its class and its money
            # (the items set under the last section line, "支持对象：…" / "（1）…": items of the program)
            kids = [c for c in node.children if not c.section] or [
                c for sec in node.children if sec.section in ("conditions", "subject") and sec is node.children[-1]
                for c in sec.children if not c.section]
            named = self.named_items(node, base, sections_ok=True, kids=kids)
            if named:
                return named
        split = self.split_items(node, secs)
        if split and node.line.card:
            # a card whose 支持标准 lists classes of its own ("（1）甲类项目。…"): the classes are
            # programs under the card, and the card stays one too, holding what they share (its
            # conditions, the total of its 支持数量)
            owned = {ln for _nm, d in self._award_items(secs) for ln in range(d.no, d.end + 1)}
            card = self.assemble(base, award=self._lines(secs.get("award", []), skip=owned),
                                 conditions=self._lines(secs.get("conditions", [])),
                                 quota=self._lines(secs.get("quota", [])), office=secs.get("office", []))
            return [card, *split]
        if split:
            # the program whose 补助标准 lists classes of its own stays one too, holding what they
            # share (its conditions, its 支持数量's total, the instalments of its 拨付方式)
            items = [d for _nm, d in self._award_items(secs)]
            owned = {ln for d in items for ln in range(d.no, d.end + 1)} - self._shared_tail(items, [p["title"] for p in split])
            paid = self._instalments(secs)
            shared = self._lines(secs.get("award", []), skip=owned)
            names = {_norm(p["title"]) for p in split}
            if any(n and n in _norm(t) for _no, t in shared for n in names):
                shared = []  # the items' own clauses, not numbered apart: theirs, not the program's
            parent = self.assemble(base, award=shared + paid,
                                   conditions=self._lines(secs.get("conditions", [])),
                                   quota=self._lines(secs.get("quota", [])), office=secs.get("office", []))
            if parent.get("variants") and all(_norm(v["name"]) in names for v in parent["variants"]):
                del parent["variants"]  # "其中，甲类项目不超过25个…": the items' quotas, which they hold
            if not parent.get("first_payment") and shared + paid:
                # "补助资金分两期拨付：首期拨付…60%" after the items: the instalments they share
                fp = self.clauses.read_first_payment(shared + paid, self.file)
                if fp:
                    _put(parent, "first_payment", fp)
                    parent["todo"] = [t for t in parent["todo"] if not (t.get("note") is None and fp["source"]["text"] in t["text"])]
            parent["note"] = _said(parent.get("note"), _classes_note(len(split), "共同的条件、支持数量与拨付方式"))
            return [parent, *split]
        award = self._lines(secs.get("award", []))
        lead: list[tuple[int, str]] = []
        if not award:
            # "（1）设备投资奖补。对…的项目，分类给予奖补：一般…按8%…" then "申报条件：…": the
            # paragraph before the first section is the award clause
            first = min(c.no for c in node.children if c.section)
            lead = [(no, t) for no, t in self.body_lines(node) if no < self.doc.src(first)]
            if lead and _AMOUNT_WORD.search(_fold("".join(t for _, t in lead))):
                award = lead
            else:
                lead = []
        conditions = self._lines(secs.get("conditions", []))
        if not award and conditions:
            # "支持对象：2096年度新评定…的单位。补贴标准如下：" then a table: the sums stand in
            # the conditions' section, from the sentence that announces them
            at = next((k for k, (_no, t) in enumerate(conditions) if _TABLE_FOLLOWS.search(_fold(re.sub(r"\s+", "", t)))), None)
            if at is not None and at + 1 < len(conditions):
                award = conditions[at:]
                conditions = conditions[: at + 1]
        if not conditions and not lead:
            # "2.X补助。…须同时具备下列条件：（1）…（2）…" then "补助标准：…": the paragraph
            # and its list before the first section are the conditions
            first = min(c.no for c in node.children if c.section)
            before = [(no, t) for no, t in self.body_lines(node) if no < self.doc.src(first)]
            items = [c for c in node.children if not c.section and c.no < first]
            said = _fold("".join(t for _, t in before))
            if before and (re.search(r"(?:条件|要求)[:：]", said)
                           or (items and re.search(r"不低于|不少于|不超过|以上|以下|达到|满\d", said))):
                conditions = before
        if node.line.card:
            # a card's "拨付方式：首期兑付四成即40%，其余待考核后拨": the award's instalments
            award = award + [(no, t) for no, t in self._lines(secs.get("procedure", [])) if _AMOUNT_WORD.search(_fold(t))]
        elif award:
            award = award + self._instalments(secs)
        prog = self.assemble(
            base,
            award=award,
            conditions=conditions,
            quota=self._lines(secs.get("quota", [])),
            office=secs.get("office", []),
        )
        if lead:
            self._prose_conditions(prog, lead)
        if "quota" not in secs:
            self._prose_quota(prog, award)
        return [prog]

    def _instalments(self, secs: dict[str, list[_Node]]) -> list[tuple[int, str]]:
        """The lines of a program's 拨付方式/兑现方式 when they say a first instalment ("分两期拨付：
        …先行拨付奖补资金的60%…", "首期拨付100万元"): read with its award, never its procedure
        alone."""
        proc = self._lines(secs.get("procedure", []))
        return proc if _FIRST_PAID.search(re.sub(r"\s+", "", _fold("".join(t for _no, t in proc)))) else []

    def _prose_conditions(self, prog: dict, body: list[tuple[int, str]], no_award: bool = False) -> None:
        """A program written as prose (no 支持条件 heading): its thresholds are read from the whole
        text, the award sentence included ("对…在300万元以上、…达到3%（含）以上的企业，按…给予"),
        leaving out the award's own numbers (a cap read as "单个企业≤100万元" is the award's, not a
        condition).  A todo sentence whose thresholds were all taken is dropped; one the conditions
        reader left words of keeps its note."""
        parsed = self.clauses.parse_conditions(list(body), self.file)
        got = list(parsed.data.get("thresholds") or [])
        if not got:
            return
        have = {(t.get("field"), t.get("op"), str(t.get("value"))) for t in prog.get("thresholds") or []}
        award = _award_numbers(prog)
        table = prog.get("_table")
        added: list[dict] = []
        for th in got:
            key = (th.get("field"), th.get("op"), str(th.get("value")))
            if key in have or _awards_own(th, award):
                continue
            if no_award and (th.get("unit") == "是否" or re.search(r"给予|予以|补助|奖励|补贴|拨付|资助|奖补|贴息|按不超过|支持比例",
                                                                  (th.get("source") or {}).get("text", ""))):
                continue
            lines = (th.get("source") or {}).get("lines") or [0, 0]
            if table and table[0] <= int(lines[0]) <= table[1]:
                continue  # a band of an award table is its tier's, not the program's condition
            added.append(th)
            have.add(key)
        if not added:
            return
        todo = prog.get("todo") or []
        left = {_norm(t.get("text", "")): t for t in parsed.todo}
        keep: list[dict] = []
        for t in todo:
            key = _norm(t.get("text", ""))
            inside = [th for th in added if _norm((th.get("source") or {}).get("text", "")) in key]
            rest = re.match(r"已解析部分金额；未解析的数字：(.+)$", t.get("note") or "")
            if rest and inside:
                # "未解析的数字：300万、3%": gone when each of them stands in a threshold's quote
                quoted = "".join(_fold((th.get("source") or {}).get("text", "")) for th in inside)
                if all(_fold(x) in quoted for x in rest.group(1).split("、")):
                    continue
                keep.append(t)
            elif not inside or t.get("note"):
                keep.append(t)
            elif key in left and left[key].get("note"):
                keep.append(left[key])
        _put(prog, "thresholds", list(prog.get("thresholds") or []) + added)
        if keep:
            prog["todo"] = keep
        else:
            prog.pop("todo", None)

    def _prose_quota(self, prog: dict, lines: list[tuple[int, str]]) -> None:
        """A quota said in the award's prose, with no 支持数量 of its own ("每年认定企业数量不超过
        60家", "本项每年支持不超过12个", "立项数量控制在9个以内"); never a limit on one
        applicant ("同一单位…不超过2个", "每家单位最多申报…")."""
        if prog.get("quota") or not lines:
            return
        if self._answered_quota(prog, lines):
            return
        raw, where = _joined(lines)
        t = _fold(raw)
        for m in _PROSE_QUOTA.finditer(t):
            lead = m.group("lead")
            # the clause's words before the lead count too: "同一单位每年资助不超过3件产品"
            before = re.split(r"[，,；;。:：]", t[: m.start()])[-1]
            if re.match(r"(?:支持|奖励|立项|资助)?(?:数量|名额)[:：]", lead):
                before = ""  # "支持数量：…" opens a field: a table's header above ("每家…上限") is not its clause
            if _PER_APPLICANT.search(before + lead) or not _QUOTA_SUBJECT.search(lead):
                continue
            value = int(m.group("num")) if m.group("num").isdigit() else _cn_number(m.group("num"))
            if not value:
                continue
            a, b = m.start(), m.end()
            src = {"file": self.file, "lines": [where[a], where[b - 1]], "text": raw[a:b]}
            if any(t.startswith(CELL) for _n, t in lines):
                # pieces of a table's cell: "……" where another column stands between two of them
                cited = Doc.build(lines, self.file)
                if cited.chars == raw:
                    src = {"file": self.file, "lines": cited.lines_of(a, b), "text": cited.quote(a, b)}
            self._put_quota(prog, value, src, "支持数量写在补助标准的文字中，须审阅。", raw, where, b)
            return

    def _put_quota(self, prog: dict, value: int, src: dict, note: str, raw: str, where: list[int], b: int) -> None:
        """A quota read from prose (`raw`, its characters' guide lines `where`, the count ending at
        `b`), with the "其中甲类不超过N个" part right after it hung on the class it names."""
        _put(prog, "quota", {"value": Decimal(value), "source": src, "note": note})
        pm = _PROSE_PART.match(_fold(raw), b)
        if pm:
            a2, b2 = pm.span("part")
            _hang_parts(prog, [{"name": pm.group("name"), "value": Decimal(pm.group("num")),
                                "source": {"file": self.file, "lines": [where[a2], where[b2 - 1]], "text": raw[a2:b2]}}])

    def _answered_quota(self, prog: dict, lines: list[tuple[int, str]]) -> bool:
        """A 问答 page's "问：本批支持多少家企业？" / "答：不超过6家，其中甲类不超过2家。": the answer
        to a question asking how many is the program's 支持数量 (its "其中…" parts too)."""
        for i, (_no, text) in enumerate(lines):
            q = _QUESTION.match(_fold(text))
            if not q or not _ASKS_HOW_MANY.search(_fold(text)[q.end():]):
                continue
            ans = next(((n2, t2) for n2, t2 in lines[i + 1 : i + 4] if t2.strip()), None)
            m = _ANSWER_COUNT.match(_fold(ans[1])) if ans else None
            if m is None:
                continue
            no, raw = ans
            a, b = m.span("said")
            num = m.group("num")
            value = int(num) if num.isdigit() else _cn_number(num)
            if not value:
                continue
            self._put_quota(prog, value, {"file": self.file, "lines": [no, no], "text": raw[a:b]},
                            "支持数量写在问答的答复中，须审阅。", raw, [no] * len(raw), b)
            return True
        return False

    def _lines(self, nodes: list[_Node], skip: set[int] = frozenset()) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for n in nodes:
            out.extend(self.section_lines(n, skip))
        return out

    # ── items named by program (one program each) ──
    def split_items(self, node: _Node, secs: dict[str, list[_Node]]) -> list[dict]:
        award_items = self._award_items(secs)
        cond_items = [(nm, d) for s in secs.get("conditions", []) for d in s.descendants() if (nm := _item_name(d, loose=False))]
        if len({_norm(n) for n, _ in award_items}) >= 2:
            names = [n for n, _ in award_items]
        elif len({_norm(n) for n, _ in cond_items}) >= 2 and not any(_item_name(d, loose=True) for s in secs.get("award", []) for d in s.children):
            names = [n for n, _ in cond_items]
        else:
            return []
        names = list(dict.fromkeys(names))
        parent_path = self.path_of(node) + [node.printed]
        guide = self.guide_of(self._part_guide_for(node), node)
        out = []
        cond_owner: dict[int, str] = {}
        for nm, d in cond_items:
            best = _best_name(nm, names)
            if best is not None:
                cond_owner[d.no] = best
        shared_tail = self._shared_tail([d for _nm, d in award_items], names)
        for name in names:
            award_own = [d for nm, d in award_items if nm == name]
            if award_own:
                award = self._lines(award_own, skip=shared_tail)
                # sentences of the award section that belong to no item are shared
                owned = {ln for _, d in award_items for ln in range(d.no, d.end + 1)} - shared_tail
                award = self._lines(secs["award"], skip=owned) + award
            else:
                award = self._lines(secs.get("award", []))
            skip: set[int] = set()
            for nm, d in cond_items:
                if cond_owner.get(d.no) not in (None, name):
                    skip.update(range(d.no, d.end + 1))
            conditions = self._lines(secs.get("conditions", []), skip)
            own_cond = [d for nm, d in cond_items if cond_owner.get(d.no) == name]
            own_text = re.sub(r"\s+", "", "".join(self.doc.L(i).clean for d in own_cond for i in range(d.no, d.end + 1)))
            title, no_app, remark = _clean_title(name)
            base = {
                "guide": guide,
                "path": parent_path,
                "title": title,
                "no_application": no_app or _clean_title(node.title, node.text)[1],
                "remark": remark,
                "node": node,
            }
            if award_own:
                award = award + self._instalments(secs)  # the instalments of every item
            if not award_own and "另行通知" in own_text:
                award = self._lines(own_cond)  # its own text says the scheme comes later: no amount
            out.append(self.assemble(base, award=award, conditions=conditions, quota=self._lines(secs.get("quota", [])),
                                     office=secs.get("office", []), quota_of=name))
            if award_own:
                # "（1）甲类验证平台。…年服务单位不少于40家。按…予以资助": its own conditions
                # (from its sentences that grant nothing)
                self._prose_conditions(out[-1], self._lines(award_own), no_award=True)
                # "（1）重大技改项目。…给予补助…。支持数量：择优支持不超过10个。": its own quota
                self._prose_quota(out[-1], self._lines(award_own))
        # a shared 支持数量 that names no item belongs to the one item with an award, if only one has
        paying = [p for p in out if p["kind"] != "none"]
        if secs.get("quota") and len(paying) == 1 and not any(p.get("quota") for p in out):
            parsed = self.clauses.parse_quota(self._lines(secs["quota"]), self.file)
            total = parsed.data.get("quota")
            if total:
                prog = paying[0]
                prog["quota"] = {k: v for k, v in total.items() if k in ("value", "source", "note")}
                prog["todo"] = [t for t in prog["todo"] if not str(t.get("note", "")).startswith("支持数量为各子项合计")]
                prog["note"] = "；".join(x for x in (prog.get("note"), "支持数量为本组合计，同组其他项目无金额（另行通知）") if x)
        return out

    def _award_items(self, secs: dict[str, list[_Node]]) -> list[tuple[str, _Node]]:
        """(name, item) of the items of a 补助标准 that name a class of their own ("（1）重大技改
        项目。…", "（2）甲级平台创建奖励。对…奖励…")."""
        return [(nm, d) for s in secs.get("award", []) for d in s.children if (nm := _item_name(d, loose=True) or self._titled_item(d))]

    def _shared_tail(self, items: list[_Node], names: list[str]) -> set[int]:
        """The lines of a closing paragraph of the last item that speaks of them all ("上述两类
        项目均首次拨付…"), or of the instalments without naming an item ("补助资金分两期拨付：
        首期拨付…60%…" in a paragraph of its own): every item's, and their parent's, not the
        last one's."""
        if not items:
            return set()
        last = items[-1]
        for i in range(last.no + 1, last.end + 1):
            flat = re.sub(r"\s+", "", _fold(self.doc.L(i).clean))
            if _ALL_ITEMS.match(flat):
                return set(range(i, last.end + 1))
            # (a page line and the blanks around it never open a paragraph: "…单个项目支持额" /
            # "— 4 —" / "额度最高不超过900万元，首期拨付…" goes on with the item)
            back = next((k for k in range(i - 1, last.no - 1, -1) if self.doc.L(k).kind not in ("blank", "page")), None)
            above = self.doc.L(back) if back is not None else None
            paged = back is not None and any(self.doc.L(k).kind == "page" for k in range(back + 1, i))
            opens = (self.doc.L(i - 1).kind == "blank" and not paged) or (above is not None and re.search(r"[。；;]\s*$", above.clean))
            if opens and _FIRST_PAID.search(flat) and not any(_norm(n) and _norm(n) in _norm(flat) for n in names):
                return set(range(i, last.end + 1))
        return set()

    def _titled_item(self, d: _Node) -> str | None:
        """An item of a 补助标准 that opens with a class's name and a full stop, then grants its
        own money ("（1）甲级平台创建奖励（免申即享）。对…奖励120万元。"): the name (its
        免申 mark kept for the title to read).  A grade ("国家级。", "一档。") is no class."""
        if d.section or d.children or d.rank < RANK_NUM - 1:
            return None
        text = _squash(d.text)
        m = re.match(r"^([^，,：:。；;、]{3,24}?(?:[（(]免申[\u4e00-\u9fff]{2}[）)])?)[。.](?!\d)", text)
        if not m:
            return None
        name = m.group(1)
        core = _NO_APP.sub("", name).strip("（）()")
        if _clause_start(core) or _section_of(core) or re.fullmatch(r"(?:[\u4e00-\u9fff]{0,3}(?:级|档|类|星|等奖))", core):
            return None
        return name if (self._grants_money(d) or self._no_amount_said(d)) else None

    def named_items(self, node: _Node, base: dict, sections_ok: bool = False, kids: list[_Node] | None = None) -> list[dict]:
        """A program whose numbered items each name a class and grant its own money ("按获奖等次
        分两类支持：（1）金奖成果产业化。…奖励80万元。（2）银奖、铜奖成果产业化。…"): one program
        per item, under the program's title; the text before the first item (its conditions, a
        date window) is every item's, and so is a last paragraph after them opening with a
        section word ("申报主体为…。支持数量合计不超过20个，其中X不超过5个。"), whose named part
        is the item's quota.  [] when the items are no such classes."""
        kids = kids if kids is not None else [c for c in node.children if not c.section]
        if len(kids) < 2 or (len(kids) != len(node.children) and not sections_ok) or any(c.children for c in kids):
            return []
        if sections_ok and any(c.section and c.no > kids[0].no for c in node.children):
            return []  # (a section after the items is theirs to share: not this reading)
        names = []
        for c in kids:
            text = _squash(c.text)
            title = _squash(c.title)
            if not (2 <= len(title) <= 20) or re.search(r"[，,；;：:、]", title.replace("、", "")) \
                    or not re.match(re.escape(title) + r"[。.]", text) or _section_of(title) \
                    or not (self._grants_money(c) or self._no_amount_said(c)):
                return []
            names.append(title)
        if len(set(names)) < len(names):
            return []
        lead = [(no, t) for no, t in self.body_lines(node) if no < self.doc.src(kids[0].no)]
        # a closing paragraph of the last item's span that opens with a section word is shared
        last = kids[-1]
        tail_from = None
        for i in range(last.no + 1, last.end + 1):
            flat = re.sub(r"\s+", "", _fold(self.doc.L(i).clean))
            if flat and (_section_of(flat[:6]) in ("subject", "quota") or _SHARED_TAIL.match(flat)):
                tail_from = i
                break
        tail = [(self.doc.src(i), self.doc.L(i).clean.strip()) for i in range(tail_from, last.end + 1)
                if self.doc.L(i).kind not in ("blank", "page")] if tail_from else []
        tail_src = {no for no, _t in tail}
        path = self.path_of(node) + [node.printed]
        out = []
        for c, name in zip(kids, names):
            own = [(no, t) for no, t in self.body_lines(c) if no not in tail_src or c is not last]
            if c is last and tail_from:
                own = [(no, t) for no, t in own if no < self.doc.src(tail_from)]
            title, no_app, remark = _clean_title(name, c.text)
            b = {**base, "path": path, "title": title, "no_application": base["no_application"] or no_app,
                 "remark": remark, "node": c}
            prog = self.assemble(b, award=own, conditions=lead, quota=tail, quota_of=title)
            self._prose_conditions(prog, own)
            out.append(prog)
        # a part of the shared quota naming another item exactly is that item's, never this one's
        # (names alike: "金奖成果产业化" / "银奖成果产业化")
        titles = [p["title"] for p in out]
        for prog in out:
            q = prog.get("quota")
            text = _norm((q or {}).get("source", {}).get("text", ""))
            if q and _norm(prog["title"]) not in text and any(_norm(t) in text for t in titles if t != prog["title"]):
                prog.pop("quota")
                prog.setdefault("todo", []).append({"lines": list(q["source"]["lines"]), "text": q["source"]["text"],
                                                    "note": "支持数量中未单列本项目（所列名额属于同组其他项目），未写入 quota"})
        return out

    def run_items(self, node: _Node, base: dict) -> list[dict]:
        """A measure whose one paragraph runs several programs together, each naming its own class
        and award: enumerated ("…按类别补助：一是甲类项目。…；二是乙类项目。…", "第一，对…的，…。
        第二，…", "(a)甲示范。…(b)乙标杆。…") or, in an article, sentence by sentence ("对认定为甲
        产品的，奖励…；对乙中心，按…给予补贴"): one program per item, titled by the item's name
        (the words before its "。") or by the class it names ("对[class]的，"), under the measure.
        Grades of one class ("对国家级X…；对省级X…") or thresholds of one class are no items.  The
        words before the first item are every item's conditions; a note opening with 以上/上述
        ("以上项目先拨付七成…", "上述认定均须在…") is every item's before it, since the last such
        note.  [] when the paragraph is no such run."""
        from subsidykit.authoring.clause_award import NONE_WORDS

        body = self.body_lines(node)
        if not body:
            return []
        raw, where = _joined(body)
        t = _fold(raw)
        if len(t) < 20 or not _AMOUNT_WORD.search(t):
            return []
        starts = _enumerated_items(t)
        by_sentence = False
        if not starts and node.rank == RANK_ARTICLE and not _ONE_BENEFIT_TITLE.search(base["title"]):
            # (an article titled for one benefit, "X奖励", grants its parts and tiers)
            starts, by_sentence = _class_sentences(t), True
        if not 2 <= len(starts) <= 40:
            return []  # (a paragraph of more items is no such run: a list, read as it stands)
        firsts = [a for a, _n in starts]
        bounds = firsts + [len(t)]
        notes = [m.start() for m in _RUN_NOTE.finditer(t) if m.start() > starts[0][0]]
        items = []  # [start, end of own text, title, note spans]
        for k, (a, name_end) in enumerate(starts):
            b = bounds[k + 1]
            j = bisect.bisect_right(notes, a)
            own_end = notes[j] if j < len(notes) and notes[j] < b else b
            seg = t[a:own_end]
            if not (_MONEY.search(seg) or NONE_WORDS.search(seg)):
                return []
            title = _run_title(raw[name_end[0]:name_end[1]])
            if not title:
                return []
            items.append([a, own_end, title, []])
        titles = [_run_core(x[2]) for x in items]
        if len(set(titles)) < len(titles):
            return []  # grades or thresholds of one class
        if by_sentence and any(_similar(x, y) >= 0.6 for i, x in enumerate(titles) for y in titles[i + 1:]):
            return []  # one class named twice with its grade ("国家X装备" / "省X装备")
        # each note runs from its start to the next item (or the end); it covers the items that
        # start after the note before it
        last_note = -1
        for n in notes:
            j = bisect.bisect_right(firsts, n)
            nb = firsts[j] if j < len(firsts) else len(t)
            for x in items[bisect.bisect_right(firsts, last_note):j]:
                x[3].append((n, nb))
            last_note = n

        def cite(a: int, b: int) -> list[tuple[int, str]]:
            out: list[tuple[int, str]] = []
            for i in range(a, b):
                if out and out[-1][0] == where[i]:
                    out[-1] = (where[i], out[-1][1] + raw[i])
                else:
                    out.append((where[i], raw[i]))
            return [(no, x) for no, x in out if x.strip()]

        def clauses(a: int, b: int, counts: bool) -> list[tuple[int, str]]:
            """The note's clauses that do (or do not) set a number of places ("合计不超过N个")."""
            out, s0 = [], a
            for i in range(a, b + 1):
                if i == b or t[i] in "，,；;。":
                    if s0 < i and bool(_COUNT.search(t[s0:i + 1])) == counts:
                        out.extend(cite(s0, min(i + 1, b)))
                    s0 = i + 1
            return out

        lead = cite(0, starts[0][0])
        path = self.path_of(node) + [node.title if node.rank == RANK_ARTICLE and not node.whole else node.printed]
        out = []
        for a, b, title, spans in items:
            own = cite(a, b)
            places = [ln for na, nb in spans for ln in clauses(na, nb, True)]
            said = [ln for na, nb in spans for ln in clauses(na, nb, False)]
            # for the award, a note without its "以上项目" (the items, not a sub-class so named)
            paid = [ln for na, nb in spans for ln in clauses(na + len(_RUN_NOTE_HEAD.match(t, na).group(0)), nb, False)]
            if own and paid:
                # the award's quote may run from the item's words on into the note's: "……" there
                self.stitches.append((own[-1][1], paid[0][1]))
            clean, no_app, remark = _clean_title(title, t[a:b])
            no_app = base["no_application"] or no_app or bool(_NO_APP_WORDS.search(t[a:b]))
            bb = {**base, "path": path, "title": clean, "no_application": no_app, "remark": remark}
            prog = self.assemble(bb, award=own + paid, conditions=lead + said, quota=places, quota_of=clean)
            self._prose_conditions(prog, own)
            total = self.clauses.parse_quota(list(places), self.file).data.get("quota") if places else None
            q_text = _norm((prog.get("quota") or {}).get("source", {}).get("text", ""))
            if q_text and total and _norm(clean) not in q_text and any(
                    _norm(x[2]) in q_text for x in items if x[2] != title):
                prog.pop("quota")  # a part named for another item ("其中甲类不超过N个") is that item's
            if places and "quota" not in prog:
                # the items' total ("以上项目合计不超过N个") is each item's, none having a part of its own
                if total:
                    prog["quota"] = {k: v for k, v in total.items() if k in ("value", "source", "note")}
                    prog["todo"] = [x for x in prog.get("todo", []) if x.get("text") != total["source"]["text"]]
                    if not prog["todo"]:
                        prog.pop("todo")
            out.append(prog)
        return out

    def _part_guide_for(self, node: _Node) -> str | None:
        for name, first, last in self.parts:
            if first <= node.no <= last:
                return name
        return None

    # ── one program ──
    # ── "甲、乙分别参照丙、丁给予X和Y": variants that take another variant's amounts ──
    def referred_variants(self, programs: list[dict]) -> None:
        """A todo sentence "A1、A2、A3…分别参照B1、B2、B3…给予X和Y" (a measure's closing words) gives
        each Ai the amounts of the variant Bi of every program of the same path, before it, whose
        title names X or Y and whose variants name every Bi: a variant Ai with Bi's amounts and
        Bi's amount quote, noted with the sentence that refers them.  The sentence leaves todo
        only when some program took it."""
        for i, prog in enumerate(programs):
            for item in list(prog.get("todo", []) or []):
                m = _REFER.search(_fold(re.sub(r"\s+", "", item.get("text", ""))))
                if not m:
                    continue
                whos = _refer_list(m.group("who"))
                refs = _refer_list(m.group("ref"))
                benefits = [b for b in re.split(r"和|及|、|与", m.group("what")) if len(b) >= 2]
                if len(whos) < 2 or len(whos) != len(refs) or not benefits:
                    continue
                took = False
                for other in programs[:i + 1]:
                    if other.get("path") != prog.get("path") or not isinstance(other.get("variants"), list):
                        continue
                    said = other.get("title", "") + str(other.get("_benefit", "")) + str((other.get("source") or {}).get("text", ""))
                    if not any(b in said for b in benefits):
                        continue
                    variants = other["variants"]
                    picked = []
                    for ref in refs:
                        core = re.sub(r"(?:毕业生|人才|人员)$", "", ref)
                        hits = [v for v in variants if core and core in v.get("name", "")]
                        picked.append(hits[0] if len(hits) == 1 else None)
                    if not all(picked):
                        continue
                    names = {v.get("name") for v in variants}
                    for who, v in zip(whos, picked):
                        if who in names:
                            continue
                        nv = {k: copy.deepcopy(val) for k, val in v.items() if k not in ("name", "note", "quota", "thresholds", "first_payment")}
                        nv = {"name": who, **nv}
                        nv["note"] = f"参照「{v['name']}」（第{item['lines'][0]}行：{item['text'].rstrip('。')}），金额与出处同该子类，须审阅。"
                        variants.append(nv)
                        names.add(who)
                        took = True
                if took:
                    prog["todo"] = [t for t in prog["todo"] if t is not item]

    def assemble(self, base: dict, *, award=(), conditions=(), quota=(), office=(), quota_of: str | None = None,
                 award_context=()) -> dict:
        """One program from its sections: the clause parsers' data, cited, and their todo.
        `quota_of`: the program is one item of a shared 支持数量, whose "其中" part names it."""
        prog: dict = {
            "id": "",
            "year": self.year,
            "fund": self.fund,
            "guide": base["guide"],
            "path": base["path"],
            "title": base["title"],
            "review": "draft",
        }
        if base["no_application"]:
            prog["no_application"] = True
        todo: list[dict] = []
        data: dict = {}
        table_lines: tuple[int, int] | None = None
        if award:
            parsed = self.clauses.read_tier_table(list(award), self.file)
            if parsed is not None and parsed.data.get("kind") not in (None, "none") and parsed.data.get("variants"):
                # the amounts stand in a table: one variant per amount cell, the table's quota
                # column on the variants it names
                quotas = parsed.data.pop("variant_quotas", []) or []
                for q in quotas:
                    v = next((v for v in parsed.data["variants"] if v.get("name") == q.get("name")), None)
                    if v is not None and "quota" not in v:
                        v["quota"] = {"value": q["value"], "source": q["source"]}
                    else:
                        todo.append({"lines": list(q["source"]["lines"]), "text": q["source"]["text"],
                                     "note": "表中的支持数量未能对应到子类，未写入"})
                rows = [int(ln) for v in parsed.data["variants"] for ln in ((v.get("source") or {}).get("lines") or [])]
                if rows:
                    table_lines = (min(rows), max(rows))
                self._lead_cap(parsed)
            else:
                parsed = self.clauses.parse_award(list(award), self.file, heading=base["title"], context=list(award_context) or None)
            data.update(copy.deepcopy(parsed.data))
            todo.extend(parsed.todo)
        award_parts = data.pop("quota_parts", None) or []
        thresholds = list(data.pop("thresholds", []) or [])
        if conditions:
            parsed = self.clauses.parse_conditions(list(conditions), self.file)
            thresholds = list(parsed.data.get("thresholds", []) or []) + thresholds
            for k, v in parsed.data.items():
                if k != "thresholds" and k not in data:
                    data[k] = v
            todo.extend(parsed.todo)
        quota_data, sub_quotas = None, []
        if quota:
            parsed = self.clauses.parse_quota(list(quota), self.file)
            quota_data = parsed.data.get("quota")
            if parsed.data.get("city_limits") and "city_limits" not in data:
                data["city_limits"] = parsed.data["city_limits"]
            sub_quotas = [q for q in getattr(parsed, "sub_quotas", []) or [] if q.get("op", "<=") == "<="]
            todo.extend(parsed.todo)
            if quota_of is not None:
                total = quota_data
                quota_data = _pick(quota_of, sub_quotas) or self._named_quota(quota_of, list(quota))
                if quota_data is None and total:
                    s = total["source"]
                    todo.append({"lines": list(s["lines"]), "text": s["text"],
                                 "note": "支持数量为各子项合计，原文未分到本项目，未写入 quota"})
        kind = data.pop("kind", None) or "none"
        prog["kind"] = kind
        for key in ("base", "rate", "cap", "fixed", "unit_amount", "unit", "per", "stages", "components",
                    "first_payment", "source", "variants", "grant", "minimum", "city_limits", "aliases"):
            if key in data and data[key] not in (None, [], {}):
                prog[key] = data.pop(key)
        notes = [n for n in (data.pop("note", None), base.get("remark")) if n]
        if quota_data:
            prog["quota"] = {k: v for k, v in quota_data.items() if k in ("value", "source", "note")}
        if sub_quotas and quota_of is None:
            _hang_parts(prog, sub_quotas)
        elif award_parts and quota_of is None and data.get("quota") and not quota_data:
            _hang_parts(prog, award_parts)
        if thresholds:
            prog["thresholds"] = thresholds
        for key, value in data.items():  # anything else the parsers gave, in their words
            if value not in (None, [], {}):
                prog.setdefault(key, value)
        if notes:
            prog["note"] = "；".join(notes)
        if not award:
            todo.append({
                "lines": [self.doc.src(base["node"].no), self.doc.src(base["node"].text_lines[1])],
                "text": _squash_quote(self._heading_quote(base["node"])),
                "note": "未找到补助标准：kind 记为 none，请核对原文",
            })
        if office:
            self._office_section(prog, office)
        prog["todo"] = _dedupe_todo(todo)
        prog["_node"] = base["node"]
        if table_lines:
            prog["_table"] = table_lines
        return prog

    def siblings_quotas(self, programs: list[dict]) -> None:
        """A quota read from a 支持数量 that names several programs of one path ("甲产品不超过5个，
        乙材料不超过3个" owned by the last item): each program takes the part naming it; one
        that the text does not name keeps none (said in its todo)."""
        for same in _path_groups(programs):
            names = {p["title"]: _norm(re.sub(r"项目$", "", p["title"])) for p in same}
            for prog in same:
                q = prog.get("quota")
                if not q or not q.get("source"):
                    continue
                text = _norm(q["source"]["text"])
                others = [p for p in same if p is not prog and len(names[p["title"]]) >= 3 and names[p["title"]] in text]
                if not others or not names[prog["title"]] or names[prog["title"]] not in text:
                    continue
                first, last = q["source"]["lines"]
                lines = [(no, self.guide.line(no)) for no in range(first, last + 1)]
                for p in [prog, *others]:
                    part = self._named_quota(p["title"], lines)
                    if part is not None and (p is prog or not p.get("quota")):
                        p["quota"] = part
                if prog["quota"] is q:  # the text names others, never this one by a count of its own
                    prog.pop("quota")
                    prog.setdefault("todo", []).append({"lines": list(q["source"]["lines"]), "text": q["source"]["text"],
                                                        "note": "支持数量中未单列本项目的名额，未写入 quota"})

    def merge_split_chapters(self, programs: list[dict]) -> None:
        """A guide that lists its programs twice, in parallel chapters ("二、支持方向和申报条件" with
        each program's conditions, "三、支持标准" with its money, "（三）5G全连接工厂建设项目" and
        "（三）5G工厂"): one program each, named and placed as the first chapter has it, holding the
        second chapter's amounts, quota and first payment and both chapters' conditions.  Pairs are
        the programs numbered alike in the two chapters whose names are alike; the chapters are
        paired only when most of the second's programs find their pair and the first's hold no
        money."""
        def top(node: _Node) -> _Node:
            while node.parent is not None:
                node = node.parent
            return node

        groups: dict[int, list[dict]] = {}
        for p in programs:
            n = p.get("_node")
            if n is not None:
                groups.setdefault(top(n).no, []).append(p)
        # (chapters of three programs or more, each paired with the next three: parallel chapters
        # stand side by side, and a document of thousands of articles costs linear time)
        tops = sorted(t for t in groups if len(groups[t]) >= 3)
        gone: set[int] = set()
        for i, ta in enumerate(tops):
            for tb in tops[i + 1 : i + 4]:
                first, second = groups[ta], groups[tb]
                pairs = []
                for b in second:
                    nb = b["_node"]
                    if not nb.line.label or id(b) in gone:
                        continue
                    same = [a for a in first if a["_node"].line.label == nb.line.label and a["_node"].rank == nb.rank and id(a) not in gone]
                    if len(same) == 1 and _similar(same[0]["title"], b["title"]) >= 0.4:
                        pairs.append((same[0], b))
                # (a shortened name numbered alike pairs too: "5G全连接工厂建设项目" / "5G工厂")
                strong = len(pairs)
                paired = {id(b) for _a, b in pairs} | {id(a) for a, _b in pairs}
                for b in second:
                    nb = b["_node"]
                    if id(b) in paired or not nb.line.label:
                        continue
                    same = [a for a in first if a["_node"].line.label == nb.line.label and a["_node"].rank == nb.rank and id(a) not in paired]
                    if len(same) == 1 and _similar(same[0]["title"], b["title"]) >= 0.3:
                        pairs.append((same[0], b))
                if strong < 2 or len(pairs) < 3 or len(pairs) < 0.6 * len(second):
                    continue
                if sum(1 for a, _b in pairs if a.get("kind") in ("none", "recognition") and not _AMOUNT_KEYS_SET & set(a)) < 0.8 * len(pairs):
                    continue
                for a, b in pairs:
                    if a.get("kind") not in ("none", "recognition") or _AMOUNT_KEYS_SET & set(a):
                        continue
                    _merge_pair(a, b)
                    gone.add(id(b))
        if gone:
            programs[:] = [p for p in programs if id(p) not in gone]

    def children_quotas(self, programs: list[dict]) -> None:
        """A program's 支持数量 that parts its total among the programs under it ("不超过10个（其中，
        甲项目不超过8个，乙项目不超过2个）", the parent an article over "1.甲项目。…" "2.乙项目。…"):
        each program under it that the text names takes its part as its quota, when it has none."""
        for parent in programs:
            q = parent.get("quota")
            if not q or not q.get("source") or "其中" not in q["source"].get("text", ""):
                continue
            kids = [p for p in programs if p is not parent and not p.get("quota") and parent["title"] in (p.get("path") or [])
                    and p.get("guide") == parent.get("guide")]
            if not kids:
                continue
            first, last = q["source"]["lines"]
            lines = [(no, self.guide.line(no)) for no in range(first, last + 1)]
            for kid in kids:
                part = self._named_quota(kid["title"], lines)
                if part is not None:
                    part["note"] = "支持数量写在上级项目的支持数量中（“其中”），须审阅。"
                    _put(kid, "quota", part)

    def _lead_cap(self, parsed) -> None:
        """A cap in the sentence that leads to an award table ("标准见表2，单个项目最高不超过200
        万元。"): every class's limit, the program's cap, cited at the lead; its todo dropped."""
        if parsed.data.get("cap") is not None:
            return
        for t in list(parsed.todo):
            if "引导句" not in (t.get("note") or ""):
                continue
            lines = list(range(int(t["lines"][0]), int(t["lines"][-1]) + 1))
            body = [(no, self.guide.line(no)) for no in lines if 1 <= no <= len(self.guide.lines)]
            lead = self.clauses.parse_award(body, self.file)
            if lead.data.get("kind") == "cap_only" and lead.data.get("cap") is not None and not lead.data.get("variants"):
                parsed.data["cap"] = lead.data["cap"]
                parsed.data["note"] = _said(parsed.data.get("note") or "", f"表格前引导句所写上限{lead.data['cap']}万元为各档共同的上限，须审阅。")
                parsed.todo.remove(t)
                return

    def _named_quota(self, name: str, lines: list[tuple[int, str]]) -> dict | None:
        """"X项目不超过 N 个" in a shared 支持数量 (in a sentence of its own, "……。其中，X项目不超过
        N个，Y项目不超过M个。"), as the quota of program X, cited by that clause."""
        core = _norm(re.sub(r"项目$", "", name))
        chars, where = [], []
        for no, t in lines:
            chars.extend(t)
            where.extend([no] * len(t))
        text = "".join(chars)
        folded = _fold(text)
        count = r"(?:不超过|不多于|最多|至多|限报|限)\s*(\d+)\s*(?:个|家|项|名)"
        for m in re.finditer(r"[^，,；;。]+", folded):
            if not core or core not in _norm(m.group(0)):
                continue
            a, b = m.start(), m.end()
            # "其中甲类项目不超过25个、乙类项目不超过10个": the piece naming this one, when each
            # piece of the list says its own count
            pieces = [x for x in re.finditer(r"[^、]+", m.group(0))]
            if len(pieces) >= 2 and all(re.search(count, x.group(0)) for x in pieces):
                x = next((x for x in pieces if core in _norm(x.group(0))), None)
                if x is None:
                    continue
                a, b = m.start() + x.start(), m.start() + x.end()
            q = re.search(count, folded[a:b])
            if q:
                return {"value": Decimal(q.group(1)),
                        "source": {"file": self.file, "lines": [where[a], where[b - 1]], "text": _squash_quote(text[a:b])}}
        return None

    def _heading_quote(self, node: _Node) -> str:
        a, b = node.text_lines
        return "".join(self.doc.L(i).clean.strip() for i in range(a, b + 1))

    def _office_section(self, prog: dict, nodes: list[_Node]) -> None:
        for n in nodes:
            lines = [(no, _squash(text)) for no, text in self.section_lines(n) if _squash(text)]
            if not lines:
                continue
            no, t = lines[0]
            # "甲科    联系电话：0000-1234567" (or the phone on the next line): the office, then its phone
            for k, (pno, pt) in enumerate(lines[:2]):
                m = re.search(r"(?:联系|咨询)?电话\s*[:：]?\s*" + _PHONE.pattern, pt)
                if m and (k == 0 or pt.startswith(m.group(0))):
                    office = t[: m.start()].rstrip(" ，,；;") if k == 0 else t
                    if not office:
                        break
                    prog["office"], prog["phone"] = office, re.sub(r"\s+", "", m.group(1))
                    prog["contact_source"] = {"file": self.file, "lines": [no, pno], "text": t if k == 0 else f"{t}……{pt[: m.end()]}"}
                    return
            prog["office"] = t
            prog["contact_source"] = {"file": self.file, "lines": [no, no], "text": t}
            return

    # ── quotas in tables ──
    def _tables(self) -> list[dict]:
        """Tables with a quota column (支持数量 / 入库数量 …): {title, first, rows: [{no, name, quota,
        text}]}.  A table is a header line of three or more cells (tabs or two spaces or more
        between) naming the column, then its rows (a serial number first, or as many cells; a
        line that is neither, right after a row, is that row's cell going on); a header repeated
        after a page break goes on with the same table; the title is the short line just above
        the first header."""
        lines = self.guide.lines
        out: list[dict] = []
        table = None

        def cells(line: str) -> list[str]:
            return [c.strip() for c in re.split(r"\t+|\s{2,}", line.strip()) if c.strip()]

        def header(cs: list[str]) -> tuple[int, int] | None:
            flat = [_norm(_TAG.sub("", c)) for c in cs]
            if len(cs) < 3:
                return None
            q = next((i for i, c in enumerate(flat) if c in _QUOTA_COLUMNS), None)
            if q is None:
                return None
            name = next((i for i, c in enumerate(flat) if c in _NAME_COLUMNS), None)
            if name is None:
                name = 1 if flat[0] in ("序号", "编号") else 0
            return name, q

        pending: list[int] = []  # the lines of the row being read (a cell may wrap onto the next line)

        def flush() -> None:
            if not pending or table is None:
                pending.clear()
                return
            cs = cells("".join(lines[k - 1].strip() if i else lines[k - 1] for i, k in enumerate(pending)))
            if len(cs) == table["width"]:
                name, qcell = cs[table["name"]], cs[table["quota"]]
            else:
                name, qcell = cs[min(table["name"], len(cs) - 1)], cs[-1]
            m = _COUNT.search(_fold(re.sub(r"\s+", "", _TAG.sub("", qcell))))
            if m:
                name_text = _squash(_TAG.sub(" ", name))
                table["rows"].append({"no": pending[0], "last": pending[-1], "name": name_text, "quota": Decimal(m.group(1)),
                                      "text": f"{name_text}……{_squash(_TAG.sub(' ', qcell))}"})
            pending.clear()

        for no, line in enumerate(lines, 1):
            cs = cells(line)
            if not cs:
                flush()
                continue
            head = header(cs)
            if head:
                flush()
                if table is None or table["ended"]:
                    title = ""
                    for back in range(no - 1, max(0, no - 4), -1):
                        flat = _norm(_TAG.sub("", lines[back - 1]))
                        if flat:
                            if len(flat) <= 80 and "。" not in flat and len(cells(lines[back - 1])) == 1:
                                title = _squash(_TAG.sub(" ", lines[back - 1]))
                            break
                    table = {"title": title, "first": no, "name": head[0], "quota": head[1], "width": len(cs),
                             "rows": [], "ended": False}
                    out.append(table)
                else:
                    table.update(name=head[0], quota=head[1], width=len(cs))
                continue
            if table is None or table["ended"]:
                continue
            if re.fullmatch(r"\d{1,3}", _fold(cs[0])) or len(cs) == table["width"]:
                flush()
                pending.append(no)
                continue
            if pending:
                pending.append(no)  # the row's cell goes on
                continue
            table["ended"] = True
        flush()
        return [t for t in out if t["rows"]]

    def table_quotas(self, programs: list[dict]) -> None:
        """A program without a quota of its own takes it from a table with a quota column: the
        rows that name it (the longest run of words they share covers most of the shorter
        name), or, rows naming no program, the program the table's title names in brackets
        ("X（公共服务平台）重点方向": its directions).  The table's title, outside the brackets,
        names the heading it belongs to; only programs under that heading are considered.
        Several rows: the quota is their sum, cited by every row."""
        tables = self._tables()
        if not tables:
            return
        for table in tables:
            open_ = [p for p in programs if not p.get("quota")]
            if not open_:
                return
            title = table["title"]
            outer = re.sub(r"[（(][^（）()]*[）)]", "", title)
            outer = re.sub(r"^\d{4}\s*年度?", "", _norm(outer))
            outer = re.sub(r"(?:专项)?(?:重点方向|重点任务|支持方向|汇总表|一览表|表)$", "", outer)
            inner = [x for x in re.findall(r"[（(]([^（）()]*)[）)]", title) if len(_norm(x)) >= 4]
            scope = open_
            if len(outer) >= 4:
                scored = [(max([_lcs_ratio(outer, _unnumbered(h)) for h in p["path"]] or [0.0]), i) for i, p in enumerate(open_)]
                best = max(s for s, _ in scored)
                if best >= 0.6:
                    scope = [open_[i] for s, i in scored if s == best]
            named: dict[int, list[dict]] = {}
            left = []
            for row in table["rows"]:
                scores = sorted(((_lcs_ratio(row["name"], p["title"]), i) for i, p in enumerate(scope)), reverse=True)
                if scores and scores[0][0] >= 0.6 and (len(scores) == 1 or scores[1][0] < scores[0][0]):
                    named.setdefault(scores[0][1], []).append(row)
                    continue
                owner = None
                for b in inner:
                    bs = sorted(((_lcs_ratio(b, p["title"]), i) for i, p in enumerate(scope)), reverse=True)
                    if bs and bs[0][0] >= 0.8 and (len(bs) == 1 or bs[1][0] < bs[0][0]):
                        owner = bs[0][1]
                        break
                if owner is None:
                    left.append(row)
                else:
                    named.setdefault(owner, []).append(row)
            for i, rows in named.items():
                prog = scope[i]
                total = sum(r["quota"] for r in rows)
                at = f"附表「{title}」" if title else f"第{table['first']}行起的附表"
                if len(rows) == 1:
                    note = f"支持数量取自{at}"
                else:
                    note = f"支持数量为{at}中{len(rows)}行之和：{' + '.join(str(r['quota']) for r in rows)} = {total}"
                prog["quota"] = {
                    "value": total,
                    "source": {"file": self.file, "lines": [rows[0]["no"], rows[-1]["last"]], "text": "……".join(r["text"] for r in rows)},
                    "note": note,
                }
                prog["todo"] = [t for t in prog.get("todo", []) if not str(t.get("note", "")).startswith("支持数量为各子项合计")]
            if named:
                for row in left:
                    self.todo_doc.append({"lines": [row["no"], row["last"]], "text": row["text"],
                                          "note": f"附表「{title}」此行的支持数量未能对应到项目"})

    # ── a table of places per 设区市 ──
    def city_tables(self, programs: list[dict]) -> None:
        """"附表 XX名额分配表": a table whose rows are 设区市 ("1  南京市  200  100") and whose
        columns are programs ("数字化转型服务券企业名额"): each cell is the program's limit for that
        city (`city_limits`, scope the city), the column matched to a program by the words they
        share (the table's title when it has one column).  A row of a place that is no 设区市 (a
        county, a park) and a column matched to no program are listed under todo."""
        from subsidykit.rules.regions import CITIES

        lines = self.guide.lines
        furniture = {self.doc.src(ln.no) for ln in self.doc.lines if ln.kind in ("page", "toc")}

        def cells(line: str) -> list[tuple[int, str]]:
            return [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line.replace("\t", "  "))]

        rows = []  # (line, place, [(offset, number text)])
        for no, line in enumerate(lines, 1):
            cs = cells(_fold(line)) if len(line) < 400 else []
            place = next((i for i, (_o, c) in enumerate(cs[:3]) if _PLACE_CELL.fullmatch(c)), None)
            if place is None:
                continue
            nums = []
            for off, c in cs[place + 1 :]:
                if not _NUM_CELL.fullmatch(c):
                    break
                nums.append((off, c))
            if nums:
                rows.append((no, cs[place][1], nums, cs[place][0]))
        tables: list[list[tuple]] = []
        for row in rows:
            if tables and row[0] - tables[-1][-1][0] <= 12:
                tables[-1].append(row)
            else:
                tables.append([row])
        for table in tables:
            width = max(set(len(r[2]) for r in table), key=[len(r[2]) for r in table].count)
            table = [r for r in table if len(r[2]) == width]
            if len(table) < 5 or sum(1 for r in table if r[1] in CITIES) < 5:
                continue
            names, title = self._city_columns(table, width, lines, furniture)
            said = title + "".join(names)
            if re.search(r"万元|亿元|金额|资金|产值|收入|税收|投资", said) or not re.search(r"名额|数量|个数|指标|推荐|限报|分配|家|个", said):
                # a table of money or of statistics per city is no table of places
                self.todo_doc.append({"lines": [table[0][0], table[-1][0]], "text": _squash_quote(lines[table[0][0] - 1]),
                                      "note": f"按设区市列出的表格（「{title or '、'.join(names)}」）不是名额分配表，未写入"})
                continue
            seen_places: set[str] = set()
            unique = []
            for r in table:
                if r[1] in seen_places:
                    self.todo_doc.append({"lines": [r[0], r[0]], "text": _squash_quote(lines[r[0] - 1]),
                                          "note": f"「{r[1]}」在分配表中重复出现，未写入"})
                    continue
                seen_places.add(r[1])
                unique.append(r)
            table = unique
            owners = []
            for k in range(width):
                owners.append(self._column_owner(names[k] if k < len(names) else "", title if width == 1 else "", programs))
            for k, prog in enumerate(owners):
                if prog is None:
                    first, last = table[0][0], table[-1][0]
                    self.todo_doc.append({"lines": [first, last], "text": _squash_quote(lines[first - 1]),
                                          "note": f"附表的分配名额（第{k + 1}列「{names[k] if k < len(names) else title}」）未能对应到项目，未写入"})
                    continue
                limits = list(prog.get("city_limits") or [])
                column = names[k] if k < len(names) and names[k] else (title or "分配名额")
                for no, place, nums, _off in table:
                    raw = re.sub(r"\s+", "", nums[k][1])
                    text = f"{place}{raw}" if k == 0 else f"{place}……{raw}"
                    if place not in CITIES:
                        prog.setdefault("todo", []).append({"lines": [no, no], "text": text,
                                                             "note": f"「{place}」不是设区市：分配名额未写入 city_limits，须人工核对"})
                        continue
                    limits.append({"scope": place, "value": Decimal(raw), "label": f"{column}：{place}{raw}",
                                   "source": {"file": self.file, "lines": [no, no], "text": text},
                                   "note": "附表中按设区市分配的名额"})
                if limits:
                    keep = {key: prog.pop(key) for key in list(prog) if key in ("office", "phone", "contact_source", "todo", "_node", "_table")}
                    prog["city_limits"] = limits
                    prog.update(keep)

    def _city_columns(self, table: list[tuple], width: int, lines: list[str], furniture: set[int]) -> tuple[list[str], str]:
        """The names of a city table's number columns (header cells above its first row, pieces
        of a wrapped header joined by position) and its title (the short lines above)."""
        first = table[0][0]
        offsets = [off for off, _c in table[0][2]]
        names = [""] * width
        head_lines = []
        main = None
        for back in range(first - 1, max(0, first - 16), -1):
            if back in furniture:
                continue
            raw = _fold(lines[back - 1])
            cs = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", raw.replace("\t", "  "))]
            if not cs:
                continue
            if any(re.fullmatch(r"序号|设区市|地区|城市|市别|单位|地市", c) for _o, c in cs) and len(cs) >= width + 1:
                main = (back, cs)
                break
            if len(cs) >= 2:
                head_lines.append(cs)
        title = ""
        if main is not None:
            no, cs = main
            place_at = next((i for i, (_o, c) in enumerate(cs) if re.fullmatch(r"设区市|地区|城市|市别|地市|单位", c)), 1 if len(cs) > width + 1 else 0)
            cols = cs[place_at + 1 : place_at + 1 + width]
            if len(cols) == width:
                names = [c for _o, c in cols]
                col_offsets = [o for o, _c in cols]
                for cs2 in reversed(head_lines):  # the header's wrapped pieces, top to bottom
                    for o, c in cs2:
                        k = min(range(width), key=lambda j: abs(col_offsets[j] - o))
                        if abs(col_offsets[k] - o) <= 12:
                            names[k] += c
            for back in range(no - 1, max(0, no - 6), -1):
                flat = re.sub(r"\s+", "", _fold(lines[back - 1]))
                if not flat or back in furniture or re.match(r"^单位", flat):
                    continue
                if len(flat) > 60 or "。" in flat:
                    break
                title = flat + title
                if re.match(r"^(?:附表|附件)", flat):
                    break
        elif offsets:
            pass
        return [re.sub(r"\s+", "", n) for n in names], title

    def _column_owner(self, column: str, title: str, programs: list[dict]) -> dict | None:
        """The program a column (or, for a one-column table, the title) names: the one sharing
        the longest run of words with it (four or more), and only one."""
        words = re.sub(r"(?:企业)?(?:名额|数量|个数|分配|计划|推荐|限报|指标)+$", "", column or title)
        words = re.sub(r"^\d{4}年度?", "", words)
        if len(words) < 4:
            return None
        scored = sorted(((longest_common_run(words, re.sub(r"项目$", "", p["title"])), i) for i, p in enumerate(programs)), reverse=True)
        if not scored or scored[0][0] < 4 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return programs[scored[0][1]]

    # ── contact table ──
    def attached_tables(self, programs: list[dict]) -> None:
        """"奖励标准见附表2" and, after the guide, "附表2 / …奖励标准 / a table of amounts": the
        table's amounts (and its quota column) are the program's tiers, when the program has no
        amount of its own; otherwise the table is listed to do."""
        doc = self.doc
        heads = [ln for ln in doc.lines if ln.kind == "attach" and _TABLE_ATTACH.match(re.sub(r"\s+", "", ln.head))]
        for k, head in enumerate(heads):
            label = re.sub(r"\s+", "", head.head)
            end = next((ln.no - 1 for ln in doc.lines if ln.no > head.no and ln.kind in ("attach", "forms", "attach_list")), len(doc.lines))
            rows = [(doc.src(no), doc.L(no).clean) for no in range(head.no + 1, end + 1) if doc.L(no).kind != "blank"]
            if not rows:
                continue
            refer = re.compile(r"(?:见|按|依据|参照)" + re.escape(label) + r"(?!\d)|" + re.escape(label) + r"(?!\d)(?:所列|[^。；]{0,6}(?:执行|为准|确定))")
            owners = []
            for prog in programs:
                node = prog.get("_node")
                if node is None:
                    continue
                text = re.sub(r"\s+", "", "".join(doc.L(i).clean for i in range(node.no, node.end + 1)))
                if refer.search(_fold(text)):
                    owners.append(prog)
            if len(owners) != 1:
                continue
            prog = owners[0]
            parsed = self.clauses.read_tier_table(rows, self.file)
            if parsed is None or not parsed.data.get("variants") or parsed.data.get("kind") in (None, "none"):
                continue
            if prog.get("kind") not in ("none", "recognition") or any(prog.get(key) is not None for key in _AMOUNT_KEYS):
                prog.setdefault("todo", []).append({"lines": [rows[0][0], rows[-1][0]], "text": _squash_quote(rows[0][1]),
                                                    "note": f"{label}的金额表：本项目已有金额，表中金额未写入，须核对"})
                continue
            data = copy.deepcopy(parsed.data)
            for q in data.pop("variant_quotas", []) or []:
                v = next((v for v in data["variants"] if v.get("name") == q.get("name")), None)
                if v is not None and "quota" not in v:
                    v["quota"] = {"value": q["value"], "source": q["source"]}
            keep = {key: prog.pop(key) for key in list(prog) if key in ("thresholds", "todo", "office", "phone", "contact_source", "_node")}
            prog.pop("note", None)
            prog["kind"] = "tiered"
            prog["variants"] = data["variants"]
            prog["source"] = data.get("source")
            prog["note"] = "；".join(x.rstrip("。；") for x in (data.get("note"), f"金额见{label}") if x)
            prog.update(keep)
            prog["todo"] = [t for t in prog.get("todo") or [] if label not in re.sub(r"\s+", "", t.get("text", ""))
                            and "未找到补助标准" not in (t.get("note") or "")] + list(parsed.todo)
            if not prog["todo"]:
                prog.pop("todo")

    def contacts(self, programs: list[dict]) -> None:
        """office/phone: the 联系方式 table's row naming the program; else a "联系方式：处室 电话"
        line in the program's own text, or in the text of a short heading above it."""
        rows = self._contact_rows()
        for prog in programs:
            if prog.get("office"):
                continue
            row = _match_row(prog, rows) if rows else None
            if row:
                prog["office"], prog["phone"] = row["office"], row["phone"]
                prog["contact_source"] = {"file": self.file, "lines": [row["first"], row["last"]], "text": row["text"]}
                continue
            found = self._inline_contact(prog["_node"])
            if found:
                prog["office"], prog["phone"], prog["contact_source"] = found

    _contact_lines: list[int] | None = None

    def _inline_contact(self, node: _Node):
        spans = [node]
        p = node.parent
        while p is not None:
            if p.end - p.no <= 80:
                spans.append(p)
            p = p.parent
        if self._contact_lines is None:  # the lines that say 联系…, found once (a long table's
            # programs each scanning all its lines was quadratic)
            self._contact_lines = [ln.no for ln in self.doc.lines if _CONTACT_WORD.search(ln.clean)]
        marks = self._contact_lines
        for n in spans:
            for no in marks[bisect.bisect_left(marks, n.no): bisect.bisect_right(marks, n.end)]:
                clean = self.doc.L(no).clean
                at = _CONTACT_WORD.search(clean)
                m = re.search(
                    r"([\u4e00-\u9fff（）()]{2,30}?(?:处|局|室|司|中心|厅|部|办|科|委))\s*(0\d{2,3}\s*[-－—–]\s*\d{7,8}|(?<!\d)\d{8}(?!\d))",
                    clean[at.end(): at.end() + 160],
                )
                if m:
                    a, b = at.end() + m.start(), at.end() + m.end()
                    office = m.group(1)
                    office = re.sub(r"^(?:[:：]|及|政策指导)+", "", office)
                    src = self.doc.src(no)
                    return office, re.sub(r"\s+", "", m.group(2)), {
                        "file": self.file, "lines": [src, src], "text": _squash_text(clean[a:b])}
        return None

    def _contact_rows(self) -> list[dict]:
        doc = self.doc
        start = None
        for ln in doc.lines:
            flat = re.sub(r"\s+", "", ln.head)
            if "联系方式" in flat and len(flat) <= 80 and not re.search(r"[。；]", flat):
                ahead = [x for x in doc.lines[ln.no : ln.no + 8] if x.kind != "blank"][:3]
                if any("电话" in x.head and ("处室" in x.head or "单位" in x.head or "部门" in x.head) for x in ahead):
                    start = ln.no + 1
        if start is None:
            return []
        rows: list[dict] = []
        cur: list[_Line] = []

        def flush(phone_row: bool) -> None:
            if not cur:
                return
            text = " ".join(x.clean.strip() for x in cur)
            row = {"first": cur[0].src, "last": cur[-1].src, "text": _squash_text(text), "key": text, "inherit": False}
            if phone_row:
                m = list(_PHONE.finditer(text))[-1]
                before = text[: m.start()].rstrip()
                toks = before.split()
                office = toks[-1] if toks else ""
                if not office.endswith(_OFFICE_END):
                    mm = re.search(r"([\u4e00-\u9fff（）()]{2,20}?(?:处|局|室|司|中心|厅|部|办|科|委))$", before.replace(" ", ""))
                    office = mm.group(1) if mm else ""
                row["phone"] = re.sub(r"\s+", "", m.group(1))
                row["office"] = office
                row["key"] = before[: len(before) - len(office)] if office and before.endswith(office) else before
            else:
                row["phone"] = row["office"] = None
            rows.append(row)
            cur.clear()

        for ln in doc.lines[start - 1 :]:
            if ln.kind in ("attach", "forms", "attach_list") or (ln.kind == "heading" and ln.rank == RANK_MD):
                break
            if len(re.sub(r"\s+", "", ln.clean)) > 150:
                break  # a paragraph, not a table row: the table has ended
            if ln.kind in ("blank", "page", "chapter"):
                continue
            if len(cur) >= 8:
                flush(False)
            if "电话" in ln.head and ("处室" in ln.head or "部门" in ln.head):
                flush(False)
                continue
            if ln.kind == "heading" and ln.rank > RANK_MD and cur:
                flush(False)
            cur.append(ln)
            if _PHONE.search(ln.clean):
                flush(True)
        flush(False)
        # a row without office and phone shares the cells of the row above (merged cells)
        out = []
        for i, row in enumerate(rows):
            if row["phone"] is None:
                prev = rows[i - 1] if i else None
                lab = re.match(r"\s*(\d{1,2}\s*[.、．]|[（(]\s*\d{1,2}\s*[）)])", _fold(row["key"]))
                if prev and prev.get("phone") and lab and prev["last"] < row["first"]:
                    row = dict(row, office=prev["office"], phone=prev["phone"], first=prev["first"],
                               text=prev["text"] + " " + row["text"], inherit=True)
                    rows[i] = row
            out.append(row)
        return [r for r in out if r.get("phone")]

    # ── ids ──
    def assign_ids(self, programs: list[dict]) -> None:
        seen: dict[str, int] = {}
        for prog in programs:
            key = "/".join([prog["guide"], *prog["path"], prog["title"], *([prog["_benefit"]] if prog.get("_benefit") else [])])
            digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:7]
            pid = f"{self.year}-d{digest}"
            seen[pid] = seen.get(pid, 0) + 1
            if seen[pid] > 1:
                pid = f"{pid}-{seen[pid]}"
            prog["id"] = pid
            prog.pop("_node", None)
            prog.pop("_table", None)
            prog.pop("_benefit", None)
        # keep the key order readable: id first
        for i, prog in enumerate(programs):
            programs[i] = {"id": prog.pop("id"), **prog}

    # ── notice: general conditions ──
    def general_conditions(self) -> list[dict]:
        """The notice's own 申报条件 (its preamble, before the guide): read as a part's."""
        first, last = self.preamble
        return self.part_conditions(first, last, []) if last >= first else []

    def part_conditions(self, first: int, last: int, programs: list[_Node]) -> list[dict]:
        """A part's own 申报基本条件 (an "申报基本条件" heading of an attached guide, or an
        article of the rules' 总则 "申请企业应当符合下列条件：…"), outside every program."""
        inside: set[int] = set()
        for node in programs:
            inside.update(range(node.no, node.end + 1))
        thresholds: list[dict] = []
        for root in self.doc.tree(first, last):
            for node in [root, *root.descendants()]:
                if node.no in inside or (node.parent is not None and node.parent.section):
                    continue
                lines: list[tuple[int, str]] = []
                if node.section == "conditions":
                    lines = self.section_lines(node)
                elif node.rank == RANK_ARTICLE and _GENERAL_LEAD.search(re.sub(r"\s+", "", _fold(node.text))):
                    lines = self.section_lines(node, head=False)
                if not lines:
                    continue
                parsed = self.clauses.parse_conditions(lines, self.file)
                thresholds.extend(parsed.data.get("thresholds", []) or [])
                self.todo_doc.extend(parsed.todo)
        self.todo_doc = _dedupe_todo(self.todo_doc)
        return thresholds

    # ── citations ──
    def verify(self, draft: Draft) -> None:
        """Every source stands at its lines and every number stands in its quote; what does not is
        re-quoted over furniture, else taken out of the data into todo (with the reason)."""
        from subsidykit.catalog.records import Source
        from subsidykit.catalog.sources import quote_problem

        noise = {ln.src for ln in self.doc.lines if ln.kind in ("page", "toc", "chapter")}

        def check(src: dict) -> str | None:
            try:
                s = Source(file=src["file"], lines=tuple(src["lines"]), text=src["text"])
            except Exception as exc:  # a malformed source from a parser
                return f"引文格式错误：{exc}"
            return quote_problem(s, root=self.root)

        def fix(src: dict) -> str | None:
            src["file"] = self.file
            why = check(src)
            if why is None:
                return None
            repaired = _requote(src, self.doc, noise)
            if not (repaired and check(repaired) is None):
                # a clause the drafter joined for one benefit (its lead and its own words):
                # the quote gets "……" where the two parts meet
                unstitched = _unstitch(src, self.stitches)
                repaired = None
                if unstitched is not None:
                    repaired = unstitched if check(unstitched) is None else _requote(unstitched, self.doc, noise)
            if repaired and check(repaired) is None:
                src.clear()
                src.update(repaired)
                draft.requoted += 1
                return None
            return why

        doc = draft.document
        for holder in [doc, *doc["programs"]]:
            where = holder.get("id", "document")
            todos = holder.setdefault("todo", [])
            for problem in _scrub(holder, fix, where):
                draft.demoted.append(problem["why"])
                if problem["todo"]:
                    todos.append(problem["todo"])
        # the todo entries cite lines too: they must stand as well
        for holder in [doc, *doc["programs"]]:
            keep = []
            for t in holder.get("todo", []):
                src = {"file": self.file, "lines": list(t["lines"]), "text": t["text"]}
                if fix(src) is None:
                    t["lines"], t["text"] = src["lines"], src["text"]
                    keep.append(t)
                else:
                    a, b = t["lines"]
                    text = _squash_quote("".join(self.doc.guide_clean(i) for i in range(a, min(b, len(self.guide.lines)) + 1)))
                    keep.append({"lines": [a, b], "text": text, "note": (t.get("note") or "")[:80] + "（原句未能逐字核实，此处为该行原文）"})
            holder["todo"] = _dedupe_todo(keep)
        for where, src in iter_sources(doc):
            why = check(src)
            if why:
                draft.problems.append(f"{where}: {why}")

    def validate(self, draft: Draft) -> None:
        """The draft must load with the catalog schema; a program that does not is demoted to
        kind none (its clause kept under todo) rather than written wrong."""
        from pydantic import ValidationError

        from subsidykit.catalog import schema

        # the fields `review` and `todo` are new in the schema: validate without them where it
        # does not know them yet
        unknown_p = [k for k in ("review", "todo") if k not in schema.Program.model_fields]
        unknown_d = [k for k in ("review", "todo") if k not in schema.Document.model_fields]

        def shaped(d: dict) -> dict:
            d = copy.deepcopy(d)
            if "programs" in d:
                for k in unknown_d:
                    d.pop(k, None)
                for p in d["programs"]:
                    for k in unknown_p:
                        p.pop(k, None)
            else:
                for k in unknown_p:
                    d.pop(k, None)
            return _plain(d)

        doc = draft.document
        for prog in doc["programs"]:
            try:
                schema.Program.model_validate(shaped(prog))
            except ValidationError as exc:
                msg = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
                draft.demoted.append(f"{prog['id']}: 未通过目录校验，金额未写入（{msg}）")
                _demote(prog, f"解析结果未通过目录校验（{msg}），金额未写入")
        try:
            schema.Document.model_validate(shaped(doc))
        except ValidationError as exc:
            draft.schema_errors.extend(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
            )


# ───────────────────────────── helpers ─────────────────────────────


# an enumerated item inside a paragraph: "一是", "第二，", "(c)"; at the start or after a stop
_RUN_ENUM = re.compile(
    r"(?:^|(?<=[。；;：:]))\s*(?P<label>(?P<shi>[一二三四五六七八九十])是|其(?P<qi>[一二三四五六七八九十])(?=[，,、:：])"
    r"|第(?P<di>[一二三四五六七八九十])(?=[，,、])|\((?P<let>[a-hA-H])\)|(?P<circ>[①-⑳])|(?P<pcn>[\u3220-\u3229])"
    r"|(?P<pnum>[\u2474-\u2487]))[，,、:：]?\s*")
_RUN_STYLES = ("shi", "qi", "di", "let", "circ", "pcn", "pnum")
# an item's own name before its "。" ("一是甲类项目。…", "(b)乙标杆（免申即享）。…")
_RUN_NAME = re.compile(r"(?!对)[^，,；;。.：:！!？?]{2,24}?(?:\(免申[\u4e00-\u9fff]{2}\))?(?=[。:：]|\.(?!\d))")
# a class named by a sentence: "对认定为甲产品的，", "对乙投保企业，"
_RUN_CLASS = re.compile(r"对(?P<cls>[^，,；;。：:]{2,40}?)[，,]")
_RUN_NOTE = re.compile(r"(?<=[。；;，,])(?:以上|上述)(?![\d万亿元%])")
_RUN_NOTE_HEAD = re.compile(r"(?:以上|上述)(?:[\u4e00-\u9fff]{0,4}?(?:项目|企业|单位|产品|事项))?")
_RUN_GRADE = re.compile(r"^(?:(?:国家|省|市|区|县)级?(?:[、/和及与](?:国家|省|市|区|县)级?)+级?|(?:国家|省|市|区|县)级)")


def _enumerated_items(t: str) -> list[tuple[int, tuple[int, int]]]:
    """(start, (name start, name end)) of each item of the first enumeration in `t` that counts
    on from 1 (一是/二是…, 其一/其二…, 第一/第二…, (a)/(b)…, ①②…, ㈠㈡…, ⑴⑵…) with two items or more."""
    by_style: dict[str, list[tuple[int, int, int]]] = {}
    for m in _RUN_ENUM.finditer(t):
        style = next(k for k in _RUN_STYLES if m.group(k))
        g = m.group(style)
        if style == "let":
            n = ord(g.lower()) - ord("a") + 1
        elif style in ("shi", "qi", "di"):
            n = _cn_number(g)
        else:
            n = ord(g) - {"circ": 0x2460, "pcn": 0x3220, "pnum": 0x2474}[style] + 1
        got = by_style.setdefault(style, [])
        if n == len(got) + 1:
            got.append((m.start("label"), m.end(), n))
    for style, got in sorted(by_style.items(), key=lambda kv: kv[1][0][0] if kv[1] else 0):
        if len(got) < 2:
            continue
        out = []
        for a, e, _n in got:
            m = _RUN_NAME.match(t, e)
            if m:
                out.append((a, (e, m.end())))
            else:
                mc = _RUN_CLASS.match(t, e)
                if not mc:
                    return []
                out.append((a, (mc.start("cls"), mc.end("cls"))))
        return out
    return []


def _class_sentences(t: str) -> list[tuple[int, tuple[int, int]]]:
    """(start, (class start, class end)) of each sentence of `t` opening with "对[class]，"."""
    out = []
    for m in re.finditer(r"(?:^|(?<=[。；;]))对", t):
        mc = _RUN_CLASS.match(t, m.start())
        if mc:
            out.append((m.start(), (mc.start("cls"), mc.end("cls"))))
    return out


def _run_title(name: str) -> str:
    """The class a run-together item names, as printed, without its time, its verb of
    recognition, a list of grades before it or "的(企业)" after it ("2050年度首次入选市级、县级
    甲示范企业的" -> "甲示范企业")."""
    s = _squash(name)
    s = re.sub(r"[（(]免申[\u4e00-\u9fff]{2}[）)]", "", s)
    s = re.sub(r"^(?:\d{4}年度?|上年度|本年度|当年)", "", s)
    s = re.sub(r"^(?:首次|新)?(?:获评为?|获得|认定为|认定|评为|评定为?|入选|列入|纳入|牵头(?:组建|创建|承建)|组建|创建)", "", s)
    m = _RUN_GRADE.match(_fold(s))
    s = s[m.end():] if m else s  # (_fold keeps the length: the cut stands on the printed words)
    s = re.sub(r"的(?:企业|单位)?$", "", s)
    return s if 2 <= len(s) <= 30 else ""


def _run_core(title: str) -> str:
    """A class without digits and grade words: two items alike in it are tiers of one class."""
    return re.sub(r"[\d.]+|[一二三四五六七八九十]星级?|[一二三四五六七八九十]等奖?|[A-Da-d]类|国家级?|省级?|市级?|区级?|县级?", "", _norm(title))


def _article_no(s: str) -> int | None:
    """"十二" -> 12, "12" -> 12; None for what is no number ("九九九九", "二二")."""
    from subsidykit.authoring.clause_numbers import cn_number

    return int(s) if s.isdigit() else cn_number(s)


# a guide's program naming the 款 or 项 of an article its money stands in ("按《管理办法》第五条第三
# 款执行", "依据：《管理办法》第九条第（二）项")
_PARAGRAPH_REF = re.compile(
    r"第(?P<art>[一二三四五六七八九十百零〇\d]{1,5})条第?(?:(?P<n>[一二三四五六七八九十\d]{1,3})(?P<kind>款)"
    r"|[(（](?P<n2>[一二三四五六七八九十\d]{1,3})[)）](?P<kind2>项))")


def _add_thresholds(prog: dict, got: list[dict], note: str | None = None) -> bool:
    """The thresholds of `got` that `prog` has not (same field, operator and value) after its own,
    copied, `note` added to each one's; whether any was."""
    have = {(t.get("field"), t.get("op"), str(t.get("value"))) for t in prog.get("thresholds") or []}
    add = [copy.deepcopy(t) for t in got if (t.get("field"), t.get("op"), str(t.get("value"))) not in have]
    if note:
        for t in add:
            t["note"] = "；".join(x for x in (t.get("note"), note) if x)
    if add:
        _put(prog, "thresholds", list(prog.get("thresholds") or []) + add)
    return bool(add)


def _own_money_lines(v: dict) -> list[int]:
    """The lines a program's (or one class's) own amounts are cited at, its classes' left out."""
    if not isinstance(v, dict) or not any(v.get(k) is not None for k in ("rate", "cap", "fixed", "unit_amount", "stages", "components")):
        return []
    src = v.get("source") or {}
    return list(range(int(src["lines"][0]), int(src["lines"][-1]) + 1)) if src.get("lines") else []


def _money_lines(prog: dict) -> list[int]:
    """The lines the amounts of a drafted program are cited at (its own and its variants')."""
    return [ln for v in [prog, *(prog.get("variants") or [])] for ln in _own_money_lines(v)]


def _money_in(progs: list[dict], a: int, b: int) -> tuple[dict, list[dict] | None] | None:
    """The one article program whose amounts all stand in lines a..b (its classes None), or the
    classes of one program that stand there (that program and those classes); None unless one."""
    found: list[tuple[dict, list[dict] | None]] = []
    for prog in progs:
        lines = _money_lines(prog)
        if not lines:
            continue
        if all(a <= ln <= b for ln in lines):
            found.append((prog, None))
            continue
        inside = [v for v in prog.get("variants") or [] if (own := _own_money_lines(v)) and all(a <= ln <= b for ln in own)]
        if inside:
            found.append((prog, inside))
    return found[0] if len(found) == 1 else None


# the labels a program's own lines open with (_labelled_tails): before its classes, and after them
_LEAD_LABEL = re.compile(r"(?:支持条件|申报条件|补助标准|奖励标准|支持标准|补贴标准|资助标准|奖补标准|支持对象|申报主体|申报对象)\s*[:：]")
_TAIL_LABEL = re.compile(r"(?:支持数量|申报数量|支持名额|奖励名额|立项数量|扶持数量)\s*[:：]")


def _clip(node: _Node, end: int) -> None:
    """A node's span (and its children's) ends at `end` at the latest."""
    node.end = min(node.end, end)
    node.children = [c for c in node.children if c.no <= end]
    for c in node.children:
        _clip(c, end)


def _cn(n: int) -> str:
    """12 -> "十二" (an article's or 款's number as the rules print it)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def _note_article(node: _Node, progs: list[dict], by_article: dict) -> None:
    """Record the programs of an article ("第二条" -> (2, None); its item "（一）" -> (2, 1))."""
    art, item, cur = None, None, node
    while cur is not None:
        if cur.rank == RANK_ARTICLE:
            m = re.match(r"第([一二三四五六七八九十百零〇\d]{1,5})条", _squash(cur.line.label) or _squash(cur.line.head))
            if m:
                art = _article_no(m.group(1))
            break
        if cur.parent is not None and cur.parent.rank == RANK_ARTICLE:
            item = _label_number(cur.label) if cur.label else None
        cur = cur.parent
    if art is None or not progs:
        return
    by_article.setdefault((art, None), []).extend(progs)
    if item is not None:
        by_article.setdefault((art, item), []).extend(progs)


def _after_word(text: str) -> str:
    """A section heading's text after its section word and the punctuation after it."""
    folded = _fold(text)
    if _QUOTA_RUN_ON.match(folded.strip()):
        return text  # "立项数量不超过6项": the quota's words are its quote
    # "【资助方式及额度】对…", "计划立项数量】N项" (the opening bracket already off), "年度
    # 扶持名额：N家": the whole label up to its bracket or colon, whatever words it joins
    m = re.match(r"\s*[【\[]?([^【】\[\]。.：:，,；;\d]{2,14}?)[】\]:]", folded)
    if m and _section_of(re.sub(r"\s+", "", m.group(1)) + m.group(0)[-1]):
        return re.sub(r"^[\s。.：:，,；;、]+", "", text[m.end():])
    if re.fullmatch(r"\s*[\u4e00-\u9fff]{2,14}\s*", folded) and _section_of(folded, numbered=True):
        return ""  # "3.扶持数量" alone on its line: the whole line is the label
    for word, _ in _SECTION_OF:
        m = re.match(r"\s*" + r"\s*".join(map(re.escape, word)), folded)
        if m:
            end = m.end()
            # "补助方式及标准：对…": two section words joined, both off
            j = re.match(r"\s*(?:和|及|与|、)\s*(?:(?:支持|补助|奖励|申报)\s*)?(?:标准|方式|额度|比例|条件|对象|要求|内容|范围)"
                         r"(?=\s*(?:[。.：:；;】\]]|$))", folded[end:])
            if j:
                end += j.end()
            return re.sub(r"^[\s。.：:，,；;、）)】\]]+", "", text[end:])
    # "参评条件。备案满1年…": a label the section words do not list, known by its form
    m = re.match(r"\s*([\u4e00-\u9fff]{2,8})\s*[。.]", folded)
    if m and _section_of(m.group(0).strip(), numbered=True):
        return re.sub(r"^[\s。.]+", "", text[m.end():])
    return text


def _clean_title(title: str, text: str = "") -> tuple[str, bool, str | None]:
    """(title, no_application, remark): 免申直达 marker out, a bracketed remark after 项目 out."""
    t = _squash(title)
    no_app = bool(_NO_APP.search(_fold(t)) or (text and _NO_APP.search(_fold(re.sub(r"\s+", "", text)))))
    t = _NO_APP.sub("", t)
    t = t.strip(" 。.：:；;，,、")
    remark = None
    m = re.match(r"^(.*?项目)\s*([（(]([^（）()]*)[）)])$", t)
    # a remark after 项目 ("（具体方案另行通知）") goes to the note; a short name in brackets
    # ("（“揭榜挂帅”）", "（试行）") is part of the title
    if m and m.group(1) and (len(m.group(3)) > 10 or re.search(r"[，,。；;：:]|另行|通知|详见|见附|按|由|须|应", m.group(3))):
        t, remark = m.group(1), f"标题后注：{m.group(2)}"
    return t, no_app, remark


def _path_groups(programs: list[dict]) -> list[list[dict]]:
    """The programs of one path, two or more of them (siblings of one parent)."""
    groups: dict[tuple, list[dict]] = {}
    for prog in programs:
        groups.setdefault(tuple(prog.get("path") or ()), []).append(prog)
    return [same for same in groups.values() if len(same) >= 2]


# the keys that close a drafted program, in the catalog's order
_TAIL_KEYS = ("quota", "thresholds", "todo", "office", "phone", "contact_source")
# a first payment and the keys the catalog writes after it
_AFTER_FIRST_PAYMENT = ("first_payment", "source", "variants", "grant", "minimum", "city_limits", "aliases", "quota", "thresholds",
                        "note", "todo", "office", "phone", "contact_source")


def _put(prog: dict, key: str, value) -> None:
    """Set one of the closing keys of a drafted program, in its place among them (before those
    the catalog writes after it), whatever order the draft met them in."""
    prog.pop(key, None)
    order = _TAIL_KEYS if key in _TAIL_KEYS else _AFTER_FIRST_PAYMENT
    rest = {k: prog.pop(k) for k in list(prog) if k in order[order.index(key) + 1 :]}
    prog[key] = value
    prog.update(rest)


def _classes_note(n: int, what: str) -> str:
    """The note of a program whose classes are programs of their own under it."""
    return f"下列{n}个子类各为一个项目（路径以本项目为末级）；本项目列出其{what}。"


def _said(note: str | None, more: str) -> str:
    """A note with one more sentence after it."""
    if not note:
        return more
    return note + ("" if note.endswith(("。", "；", "!", "！")) else "；") + more


def _tier_thresholds(programs: list[dict], general: list[dict]) -> None:
    """A list of sums one condition names ("营业收入首次突破1亿元、5亿元、10亿元"), one of which an
    applicant meets: the thresholds of the program's tiers, never all of them at once.  As many
    sums as tiers: each tier takes its own, in order; else the first stays the program's (the
    entry) and its note names the others."""
    for p in programs:
        ths = list(p.get("thresholds") or [])
        groups: dict[str, list[dict]] = {}
        for t in ths:
            if t.get(TIER_LIST):
                groups.setdefault(t[TIER_LIST], []).append(t)
        drop: list[dict] = []
        for g in groups.values():
            if len(g) < 2:
                continue
            # (never an extra award beside the tiers: "另给予100万元")
            tiers = [v for v in p.get("variants") or [] if not str(v.get("name", "")).startswith("另")]
            if len(tiers) == len(g) and not any(v.get("thresholds") for v in tiers):
                for v, t in zip(tiers, g):
                    t = {k: x for k, x in t.items() if k != TIER_LIST}
                    t["note"] = _said(t.get("note"), "所列各档门槛按顺序对应各档，须审阅。")
                    v["thresholds"] = [t]
                drop += g
            else:
                listed = "、".join(str((t.get("source") or {}).get("text", "")) for t in g[1:])
                g[0]["note"] = _said(g[0].get("note"), f"同列的「{listed}」是其他各档的门槛（满足其一即可），未另写为条件。")
                drop += g[1:]
        if drop:
            p["thresholds"] = [t for t in ths if not any(t is d for d in drop)]
            if not p["thresholds"]:
                del p["thresholds"]
    for t in [*general, *(t for p in programs for t in p.get("thresholds") or []),
              *(t for p in programs for v in p.get("variants") or [] for t in v.get("thresholds") or [])]:
        t.pop(TIER_LIST, None)


def _siblings_conditions(programs: list[dict]) -> None:
    """A condition of a text shared by programs of one path whose quote opens with another of
    them by name ("乙类项目总投入不低于N万元", read for 甲类 too from their common 支持条件) is
    that program's: out of the others' thresholds, said in their todo."""
    for same in _path_groups(programs):
        names = [_norm(p["title"]) for p in same]
        for prog, own in zip(same, names):
            others = [t for t in names if len(t) >= 4 and t not in own and own not in t]
            if not others or not prog.get("thresholds"):
                continue
            keep = []
            for t in prog["thresholds"]:
                quote = _norm((t.get("source") or {}).get("text", ""))
                other = next((o for o in others if quote.startswith(o)), None)
                if other and not quote.startswith(own):
                    prog.setdefault("todo", []).append({
                        "lines": list(t["source"]["lines"]), "text": t["source"]["text"],
                        "note": f"此条件属于同组的「{other}」，未计入本项目"})
                    continue
                keep.append(t)
            prog["thresholds"] = keep


def _item_name(node: _Node, loose: bool) -> str | None:
    """The program an enumerated item is about, when it starts with one ("X项目，…" / "X项目。")."""
    if node.section or node.rank < RANK_NUM - 1:
        return None
    text = _squash(node.text)
    m = re.match(r"^([^，,：:。；;]{2,40}?)[，,：:。；;]", text)
    cand = m.group(1) if m else None
    if cand is None or not cand.endswith(NAME_ENDS):
        cand = None
        if loose:
            mm = re.match(r"^([^，,：:。；;、]{2,30}?项目)", text)
            if mm and not _section_of(mm.group(1)):
                cand = mm.group(1)
    if cand is None:
        return None
    if _NO_APP.search(cand):
        cand = _NO_APP.sub("", cand)
    # ("行业级、区域级平台。按…": one class named by two words, closed by a full stop)
    listed = "、" in cand and not (m and cand == m.group(1) and text[m.end() - 1] in "。." and len(cand) <= 20)
    if _clause_start(cand) or listed or len(cand) < 4:
        return None
    return cand


_AWARD_LIMIT = re.compile(r"单个|单家|单项|单台|每个|每家|每项|每户|同一|合计|累计|总额|最高|奖励|补助|补贴|奖补|资助|贴息")


def _award_numbers(prog: dict) -> list[tuple[int, int, set[Decimal]]]:
    """(first line, last line, values) of every cited award, quota and first payment of a drafted
    program (its variants, stages and parts too): a threshold of one of these values on those
    lines is the award's own number read again, not a condition."""
    out: list[tuple[int, int, set[Decimal]]] = []

    def walk(d) -> None:
        if isinstance(d, list):
            for x in d:
                walk(x)
            return
        if not isinstance(d, dict):
            return
        src = d.get("source")
        if isinstance(src, dict) and src.get("lines"):
            vals: set[Decimal] = set()
            for k in ("rate", "cap", "fixed", "unit_amount", "minimum", "value", "share", "amount"):
                try:
                    if d.get(k) is not None and not isinstance(d.get(k), (dict, list, bool)):
                        vals.add(Decimal(str(d[k])))
                except InvalidOperation:
                    pass
            if vals:
                out.append((int(src["lines"][0]), int(src["lines"][-1]), vals))
        for k, v in d.items():
            if k not in ("thresholds", "todo", "source") and isinstance(v, (dict, list)):
                walk(v)

    walk({k: v for k, v in prog.items() if not k.startswith("_")})
    return out


def _awards_own(th: dict, award: list[tuple[int, int, set[Decimal]]]) -> bool:
    """A threshold read from an award sentence that is the award itself: its number stands in an
    award's values on its lines ("每户最高不超过70万元" read as "每户≤70万元"), or it caps a sum of
    money under an award's words ("同一单位当年奖补合计不超过90万元")."""
    unit = th.get("unit")
    if unit == "日期" or isinstance(th.get("value"), (list, str)):
        return False
    try:
        v = Decimal(str(th.get("value")))
    except Exception:
        return False
    src = th.get("source") or {}
    a, b = (src.get("lines") or [0, 0])[0], (src.get("lines") or [0, 0])[-1]
    field = str(th.get("field", ""))
    if unit == "万元" and th.get("op") in ("<=", "<") and _AWARD_LIMIT.search(field):
        return True
    # the same number on the award's lines, in words that grant or limit an award
    # ("每户最高不超过70万元"), not in a condition's ("合同金额须达到70万元")
    if th.get("op") in ("<=", "<") and _AWARD_LIMIT.search(field) and "万" in str(src.get("text", "")) and \
            any(x <= b and a <= y and v / 10000 in nums for x, y, nums in award):
        # "单个项目不超过1 500万" (no 元) read as a count of 15000000: the award's cap in 万元
        return True
    worded = _AWARD_LIMIT.search(field) or re.search(r"最高|给予|予以|奖励|补助|补贴|奖补|资助|贴息|拨付|兑现", str(src.get("text", "")))
    return bool(worded) and any(x <= b and a <= y and v in nums for x, y, nums in award)


_QUOTA_COLUMNS = {"支持数量", "入库数量", "申报数量", "推荐数量", "限报数量", "支持规模", "数量"}
_NAME_COLUMNS = {"重点任务", "重点方向", "项目名称", "项目", "名称", "支持方向", "方向", "任务", "类别", "项目类别", "支持领域"}


def _unnumbered(s: str) -> str:
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?\s*", "", _fold(s))


def _lcs_ratio(a: str, b: str) -> float:
    """How much of the shorter name the longest run of characters two names share covers
    (brackets' contents, a leading year and a trailing 项目 left out); 0 below four characters."""
    def core(s: str) -> str:
        s = _norm(re.sub(r"[（(][^（）()]*[）)]", "", _fold(s)))
        s = re.sub(r"^\d{4}年度?", "", s)
        return re.sub(r"项目$", "", s)

    x, y = core(a), core(b)
    if not x or not y:
        return 0.0
    best = longest_common_run(x, y)
    return best / min(len(x), len(y)) if best >= 4 else 0.0


def longest_common_run(x: str, y: str) -> int:
    """The length of the longest stretch of characters `x` and `y` share (0 for none)."""
    best, prev = 0, [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        cur = [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


_AMOUNT_KEYS_SET = {"rate", "cap", "fixed", "unit_amount", "stages", "components", "variants"}
# what the money chapter's program brings to the conditions chapter's one
_MONEY_KEYS = ("kind", "base", "rate", "cap", "fixed", "unit_amount", "unit", "per", "stages", "components",
               "first_payment", "source", "variants", "grant", "minimum", "city_limits", "quota")


def _merge_pair(a: dict, b: dict) -> None:
    """Program a (its conditions' chapter) takes program b's money (its standards' chapter)."""
    head = {k: a[k] for k in ("id", "year", "fund", "guide", "path", "title", "review") if k in a}
    if a.get("no_application") or b.get("no_application"):
        head["no_application"] = True
    money = {k: b[k] for k in _MONEY_KEYS if k in b}
    notes = [x for x in (a.get("note"), b.get("note"), f"条件与金额分列两章：金额取自第{b['source']['lines'][0]}行起的「{b['title']}」，须审阅。"
                         if b.get("source") else None) if x]
    thresholds = list(a.get("thresholds") or []) + list(b.get("thresholds") or [])
    todo = [t for t in a.get("todo") or [] if "未找到补助标准" not in (t.get("note") or "")] + list(b.get("todo") or [])
    rest = {k: v for k, v in a.items() if k not in head and k not in money and k not in ("thresholds", "todo", "note", "no_application", "kind")}
    for k, v in b.items():
        if k in ("office", "phone", "contact_source", "aliases") and k not in rest:
            rest[k] = v
    a.clear()
    a.update(head)
    a.update(money)
    if thresholds:
        a["thresholds"] = thresholds
    if notes:
        a["note"] = "；".join(x.rstrip("。；") for x in notes)
    if todo:
        a["todo"] = todo
    a.update(rest)


def _similar(a: str, b: str) -> float:
    a, b = _norm(re.sub(r"项目$", "", a)), _norm(re.sub(r"项目$", "", b))
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _best_name(name: str, names: list[str]) -> str | None:
    scored = sorted(((_similar(name, n), n) for n in names), reverse=True)
    return scored[0][1] if scored and scored[0][0] >= 0.5 else None


def _hang_parts(prog: dict, sub_quotas: list[dict]) -> None:
    """"其中 X 不超过 N 个": the variant named X has that quota; categories the 支持数量 names
    that are no variant yet become variants with just their quota, the program's amounts being
    theirs (not for tiered programs, whose variants carry their own amounts)."""
    variants = prog.get("variants") if isinstance(prog.get("variants"), list) else []
    used: set[int] = set()
    for v in variants:
        q = _pick(v.get("name", ""), sub_quotas) if isinstance(v, dict) and not v.get("quota") else None
        if q:
            v["quota"] = q
            used.update(i for i, sq in enumerate(sub_quotas) if sq["source"] is q["source"])
    rest = [sq for i, sq in enumerate(sub_quotas) if i not in used and sq.get("name")]
    names = {_norm(v.get("name", "")) for v in variants if isinstance(v, dict)}
    if prog["kind"] != "tiered" and rest:
        for sq in rest:
            if _norm(sq["name"]) in names:
                continue
            variants.append({"name": sq["name"], "quota": {"value": sq["value"], "source": sq["source"]},
                             "note": "支持数量中单列的一类，金额同本项目"})
            names.add(_norm(sq["name"]))
        prog["variants"] = variants


def _pick(name: str, sub_quotas: list[dict]) -> dict | None:
    """The "其中" part of a 支持数量 that names `name`, as a quota {value, source}."""
    scored = sorted(((_similar(name, q.get("name", "")), i) for i, q in enumerate(sub_quotas)), reverse=True)
    if not scored or scored[0][0] < 0.5:
        return None
    q = sub_quotas[scored[0][1]]
    return {"value": q["value"], "source": q["source"]}


def _match_row(prog: dict, rows: list[dict]) -> dict | None:
    def core(s: str) -> str:
        return _norm(re.sub(r"项目$", "", re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?", "", s)))

    best, score = None, None
    for level, name in enumerate([prog["title"], *(prog["path"][-1:] if prog["path"] else [])]):
        t = core(name)
        if len(t) < 3:
            continue
        for row in rows:
            key = _norm(row["key"])
            segs = re.split(r"[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．]|[一二三四五六七八九十]+、", _fold(row["key"]))
            last = _norm(segs[-1]) if segs else key
            if t in key or (len(last) >= 3 and last in t):
                s = (-level, -abs(len(last) - len(t)))
                if score is None or s > score:
                    best, score = row, s
        if best is not None:
            return best
    return None


def _squash_text(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _squash_quote(s: str) -> str:
    return _squash(_TAG.sub(" ", s))


def _dedupe_todo(todo: list[dict]) -> list[dict]:
    seen, out = set(), []
    for t in todo:
        if not t or "lines" not in t or "text" not in t:
            continue
        key = (tuple(t["lines"]), _norm(t["text"]))
        if key in seen or not _norm(t["text"]):
            continue
        seen.add(key)
        item = {"lines": [int(t["lines"][0]), int(t["lines"][1])], "text": t["text"]}
        if t.get("note"):
            item["note"] = t["note"]
        out.append(item)
    return out


def _requote(src: dict, doc: _Doc, noise: set[int]) -> dict | None:
    """The quote re-found near its lines, skipping page furniture and markup: its parts joined
    by "……" where something was skipped; None when it is not there."""
    from subsidykit.catalog.sources import _ELLIPSIS, normalise

    text = src.get("text") or ""
    try:
        a, b = int(src["lines"][0]), int(src["lines"][1])
    except (KeyError, ValueError, TypeError, IndexError):
        return None
    n = len(doc.guide.lines)
    lo, hi = max(1, a - 3), min(n, max(a, b) + 3)
    # the characters of the window (normalised as the verifier does), with their line and
    # whether they are furniture (a page line, a tag)
    chars: list[tuple[str, int, bool]] = []
    for no in range(lo, hi + 1):
        line = normalise(doc.guide.lines[no - 1])
        tag_spans = [(m.start(), m.end()) for m in _TAG.finditer(line)]
        for i, ch in enumerate(line):
            skip = no in noise or any(s <= i < e for s, e in tag_spans)
            chars.append((ch, no, skip))
    kept = [(i, c) for i, (c, _, skip) in enumerate(chars) if not skip]
    hay = "".join(c for _, c in kept)
    pieces: list[str] = []
    lines_used: list[int] = []
    pos = 0
    for part in _ELLIPSIS.split(text):
        needle = normalise(part)
        if not needle:
            continue
        at = hay.find(needle, pos)
        if at < 0:
            return None
        idx = [kept[k][0] for k in range(at, at + len(needle))]
        run = [idx[0]]
        for k in idx[1:]:
            if k != run[-1] + 1:
                pieces.append("".join(chars[j][0] for j in run))
                run = []
            run.append(k)
        pieces.append("".join(chars[j][0] for j in run))
        lines_used += [chars[idx[0]][1], chars[idx[-1]][1]]
        pos = at + len(needle)
    if not pieces:
        return None
    out = dict(src)
    out["lines"] = [min(lines_used), max(lines_used)]
    out["text"] = "……".join(pieces)
    return out


# ── a measure's benefits ──

# the word a benefit ends in (补贴, 资助, 贷款 …)
_BENEFIT_HEAD = re.compile(r"(?:补贴|补助|资助|奖励|奖补|奖金|津贴|支持|贴息|补偿|贷款|贷|担保|(?<!证)券|投资|额度)[”」』\"']?")
_AMOUNT_WORD = re.compile(r"\d+(?:\.\d+)?(?:万元|亿元|元|%)")
_CLAUSE_END = "，,；;：:"
_THRESHOLD_BEFORE = re.compile(r"(?:不低于|不少于|不得低于|达到|突破|超过|高于|大于|不足|低于|未满|不满)(?:为|在)?$")
# what an amount that is a threshold, not a benefit, is followed by ("N万元以上的", "N万元的项目")
_THRESHOLD_AFTER = re.compile(
    r"^(?:及)?(?:以上|以下|以内|左右|不等)|^的?(?:企业|项目|单位|人才|平台|机构)(?!补贴|补助|资助|奖励|奖补|奖金|津贴|支持|贴息|补偿|贷款|贷|券|投资)"
)
_VERBS = re.compile(r"给予|提供|发放|予以|奖励给|每人|每年|每月|最高|分别|提高|不低于|不超过|个人")


def _is_grant(noun: str) -> bool:
    """False when the benefit is a loan, a guarantee or an investment (or such a limit): its last
    money word is 贷款/贷/担保/投资, or 额度 of one ("贷款最高额度"); 贷款贴息 is a grant."""
    heads = [m.group(0).strip("”」』\"'") for m in _BENEFIT_HEAD.finditer(noun)]
    if not heads:
        return True
    last = heads[-1]
    if last in ("贷款", "贷", "担保", "投资"):
        return False
    return not (last == "额度" and re.search(r"贷|担保|投资", noun))


@dataclass
class _Benefit:
    noun: str  # the benefit as the text names it ("购房补贴", "创业担保贷款")
    grant: bool
    spans: list[tuple[int, int]] = field(default_factory=list)  # of the measure's compact text
    lines: list[tuple[int, str]] = field(default_factory=list)
    stitches: list[tuple[str, str]] = field(default_factory=list)
    # who it is for, where that is said before its own words: the recipients a sentence names
    # before its first benefit ("对……的博士、硕士，……X补贴；……Y贷款"), and for a sentence opening
    # with 其中, those of the sentence it is part of
    context: list[tuple[int, int]] = field(default_factory=list)
    context_lines: list[tuple[int, str]] = field(default_factory=list)


def _benefit_noun(t: str, a: int, b: int, sent_a: int) -> tuple[str, int] | None:
    """The benefit an amount t[a:b] is given as, and where its name ends: the money word after it
    ("N万元X补贴", "N%的X补贴", "N万元X贷款") or, for an amount, before it in the same clause
    ("每年最高奖励N万元", "X贷款额度提高N万元"); None when the amount is a threshold ("营业收入N万元
    以上的") or names no benefit."""
    end = b
    while end < len(t) and t[end] not in _CLAUSE_END + "。" and not t[end].isdigit() and not (t[end] in "和及与并" and end + 1 < len(t) and t[end + 1].isdigit()):
        end += 1
    run = t[b:end]
    if _THRESHOLD_AFTER.match(run):
        return None
    run = re.sub(r"^的", "", run)
    m = _BENEFIT_HEAD.search(run)
    if m:
        e = m.end()
        while (n := _BENEFIT_HEAD.match(run, e)):  # "担保贷款": the words run on
            e = n.end()
        noun = [x for x in _VERBS.split(run[:e]) if x][-1:] or [""]
        return (noun[0], b + (len(t[b:end]) - len(run)) + e) if noun[0] else None
    if t[b - 1] == "%":
        return None  # a share names its benefit after it, or it is the rate of one named elsewhere
    c = a
    while c > sent_a and t[c - 1] not in _CLAUSE_END:
        c -= 1
    label = t.rfind("】", c, a)
    if label >= 0:
        c = label + 1  # ("【扶持额度】每条…补助60万元": the field's label names no benefit)
    before = list(_BENEFIT_HEAD.finditer(t, c, a))
    if not before:
        return None
    m = before[0]
    e = m.end()
    while e < a and (n := _BENEFIT_HEAD.match(t, e)):
        e = n.end()
    start = m.start()
    while start > c and not _VERBS.match(t, start - 2) and start > m.start() - 8 and t[start - 1] not in _CLAUSE_END:
        start -= 1
    noun = [x for x in _VERBS.split(t[start:e]) if x][-1:] or [""]
    if "的" in noun[0] and noun[0].rsplit("的", 1)[1]:
        # "在北京证券交易所上市的奖励N万元": the words before 的 say whose, the benefit is after it
        noun = [noun[0].rsplit("的", 1)[1]]
    if _CAP_OF_SUM.fullmatch(noun[0]) and re.search(r"最高|不超过|不高于|上限|封顶|以内|至多|最多", t[e:a]):
        return None  # "…予以补助，单个项目支持额度最高不超过1500万元": the cap of the benefit before
    return (noun[0], b) if noun[0] else None


# a sum of the benefit named before it: "单个项目支持额度", "每家企业补助金额"
_CAP_OF_SUM = re.compile(r"(?:单个|每个|每家|单家|单户|每户|单项|每项|同一)?(?:项目|企业|单位|平台|机构)?(?:支持|补助|奖励|资助|奖补|扶持)?(?:额度|金额|总额)")


_REFER = re.compile(r"(?:对)?(?:[^,;。]{0,12}?的)?(?P<who>[^,;。的]{2,60}?)分别参照(?P<ref>[^,;。]{2,40}?)给予(?:相应(?:的)?)?(?P<what>[^,;。]{2,30}?)(?:[。;]|$)")


def _refer_list(text: str) -> list[str]:
    """"甲、乙（注）、丙（注）等级人员" -> 甲等级人员, 乙等级人员, 丙等级人员 (the notes in
    brackets left out, the tail of the last item given to the others when the inner items show
    the core's length)."""
    bare = re.sub(r"\([^()]*\)", "", text)
    items = [x for x in bare.split("、") if x]
    if len(items) < 2:
        return items
    first, last, inner = items[0], items[-1], items[1:-1]
    size = len(first)
    if all(len(x) == size for x in inner) and len(last) > size:
        tail = last[size:]
        return [x + tail for x in items[:-1]] + [last]
    return items


_ONE_BENEFIT_TITLE = re.compile(r"(?:奖励|补助|补贴|奖补|贴息|资助|补偿|资金)[”」』\"']?(?:项目)?$")
# the words before a benefit that name who gets it or how far it goes ("单家单位年度奖补",
# "累计奖励", "再奖励"), not what it is for ("购房补贴", "运营补助")
_RECIPIENT_WORD = re.compile(r"企业|单位|工厂|平台|机构|中心|产品|园区|车间|项目|公司|基地|示范|服务商|级|首台|首批次|首版次|装备|的|^每|^给予|^予以")
_PURPOSE_WORD = re.compile(r"(?:购房|住房|租房|房租|生活|交通|探亲|安家|培训|运营|专项|研发|设备|场地|创业|就业|人才|服务|建设|配套)$")
_SCOPE_WORD = re.compile(r"单[个家户台套项件笔]|同一|累计|合计|总额|年度|^再|^另|^每")


def _joined(lines: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """The lines' text joined without white space and markup, and the guide line of each of its
    characters (a quote cut from it is cited by the lines its characters stand on)."""
    chars: list[str] = []
    where: list[int] = []
    for no, text in lines:
        for ch in re.sub(r"\s+|\*\*|</?b>", "", text).replace(CELL, ""):
            chars.append(ch)
            where.append(no)
    return "".join(chars), where


def _same_benefit(a: str, b: str, loose: bool = False) -> bool:
    """"奖励" and "一次性奖励", "示范工厂奖励" and "示范车间奖励": one benefit (the
    words before it name recipients, or nothing); "购房补贴" and "生活补贴" are two."""
    def split(noun: str) -> tuple[str, str]:
        ms = list(_BENEFIT_HEAD.finditer(noun))
        if not ms:
            return noun, ""
        m = ms[-1]
        return m.group(0).strip("”」』\"'"), re.sub(r"^一次性", "", noun[: m.start()])

    (ca, qa), (cb, qb) = split(a), split(b)
    if loose:
        # under a title naming one benefit its grants are its parts, stages and tiers, unless
        # two name different purposes ("探亲交通补贴" and "专项补贴")
        return qa == qb or not (_PURPOSE_WORD.search(qa) and _PURPOSE_WORD.search(qb))
    if ca != cb:
        return False
    if qa == qb or any(_SCOPE_WORD.search(q) for q in (qa, qb)):
        return True  # "同一单位当年奖补合计": how far the benefit before goes
    return all(not q or _RECIPIENT_WORD.search(q) for q in (qa, qb))


def _benefit_groups(lines: list[tuple[int, str]], article: bool = False, one_benefit: bool = False) -> list[_Benefit]:
    """A measure's paragraph cut into its benefits.  Amounts given as the same benefit in one
    sentence ("A类最高给予N万元X资助，B类最高给予M万元X资助") are tiers of one program; a benefit of
    another name ("……X补贴，……Y补贴"), or one in a sentence of its own ("对Z，给予N万元奖励。"),
    is a program of its own: in these digests each sentence names its own recipients.  Sentences
    without an amount go with the benefit before them (the first: with the one after).  Where two
    benefits share one clause ("最高给予N万元X和M万元Y贷款") the second gets the clause's lead
    joined to its own words (a stitch the citation check re-quotes with "……").  The recipients a
    sentence names first ("对……的，") are every one of its benefits' (the later ones get them as
    conditions), and a sentence opening with 其中 ("among them") is for the recipients of the
    sentence before."""
    raw, where = _joined(lines)
    t = _fold(raw)
    if not _AMOUNT_WORD.search(t):
        return []
    sentences, s = [], 0
    for i, ch in enumerate(t):
        if ch in "。!?":
            sentences.append((s, i + 1))
            s = i + 1
    if s < len(t):
        sentences.append((s, len(t)))
    groups: list[_Benefit] = []
    lead: list[tuple[int, int]] = []
    recipients: tuple[int, int] | None = None  # of the last sentence with an amount
    for sa, sb in sentences:
        mentions = []  # (list start, list end, noun, noun end)
        pos = sa
        while True:
            m = _AMOUNT_WORD.search(t, pos, sb)
            if not m:
                break
            a, b = m.span()
            while (n := _AMOUNT_WORD.match(t, b + 1, sb)) and t[b] == "、":
                b = n.end()  # "30万元、12万元、8万元" share the word after the last
            pos = b
            # "贷款金额不低于N万元的", "首次突破N亿元的", "投资额不低于N万元、年产值…": who is
            # awarded, not a benefit
            th = _THRESHOLD_BEFORE.search(t, max(sa, a - 8), a)
            if th and not re.search(r"(?:给予|提供|发放|予以|奖励|补助|补贴|资助|安排)$", t[max(sa, th.start() - 4):th.start()]) and re.match(r"(?:\(含\))?(?:以上|以下)?(?:\(含\))?(?:[,;]|的|且|并且|[。;]|$|、)", t[b:b + 8]):
                continue  # ("项目总投资不低于6亿元，2096年度完成…": a condition, then the next)
            # "设备投资额2000万元（含）以上的技改项目": a bound on who, whatever stands before it
            if re.match(r"(?:\(含\))?(?:及)?(?:以上|以下)(?:\(含\))?(?:的|且|并且|、|[,;。]|$)", t[b:b + 8]):
                continue
            # "区财政每年安排X资金总额N万元，用完即止": the fund's size, no one's benefit
            if _FUND_TOTAL.search(t, max(sa, a - 24), a):
                continue
            found = _benefit_noun(t, a, b, sa)
            if found:
                mentions.append((a, b, found[0], found[1]))
        if not mentions:
            (groups[-1].spans if groups else lead).append((sa, sb))
            continue
        c0 = mentions[0][0]
        while c0 > sa and t[c0 - 1] not in _CLAUSE_END:
            c0 -= 1
        own = (sa, c0) if c0 > sa and t[sa:c0].lstrip("，,；; ").startswith("对") else None
        part_of = t[sa:sb].lstrip("，,；; ").startswith("其中") and recipients is not None
        # "对甲，奖励100万元；…。对乙，奖励20万元。": a later sentence granting the same benefit to
        # other recipients gives that benefit's tiers, not a program of its own
        same = article and bool(groups) and not part_of and groups[-1].grant and _is_grant(mentions[0][2]) \
            and _same_benefit(groups[-1].noun, mentions[0][2], loose=one_benefit)
        start = sa
        run: list[tuple[int, int]] = []

        def close(noun: str, spans: list[tuple[int, int]]) -> None:
            nonlocal same
            if same:
                groups[-1].spans.extend(spans)
                same = False
            else:
                groups.append(_Benefit(noun=noun, grant=_is_grant(noun), spans=spans))

        first_group = len(groups) - (1 if same else 0)
        for k, (a, b, noun, nend) in enumerate(mentions):
            if k and not _same_benefit(noun, mentions[k - 1][2], loose=one_benefit and _is_grant(noun) and _is_grant(mentions[k - 1][2])):
                pa, pb, pnoun, pend = mentions[k - 1]
                # the break between them: a "；" if there is one, else the first comma after
                # the first benefit's name (what follows it is the second one's recipient)
                semis = [i for i in range(pend, a) if t[i] in "；;"]
                cut = semis[-1] if semis else next((i for i in range(pend, a) if t[i] in _CLAUSE_END), None)
                if cut is not None:
                    run.append((start, cut + 1))
                    close(pnoun, run)
                    run, start = [], cut + 1
                else:  # one clause, two benefits: the second takes the clause's lead
                    c = pa
                    while c > sa and t[c - 1] not in _CLAUSE_END:
                        c -= 1
                    run.append((start, pend))
                    close(pnoun, run)
                    run = [(c, pa)] if pa > c else []
                    start = a
        run.append((start, sb))
        close(mentions[-1][2], run)
        for k, g in enumerate(groups[first_group:]):
            if part_of:
                g.context.append(recipients)
            if own is not None and k:
                g.context.append(own)
        if not part_of:
            recipients = own
    if not groups:
        return []
    groups[0].spans[:0] = lead

    def cited(spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
        pieces: list[tuple[int, str]] = []
        for a, b in spans:
            i = a
            while i < b:
                j = i
                while j < b and where[j] == where[i]:
                    j += 1
                pieces.append((where[i], raw[i:j]))
                i = j
        return [(no, txt) for no, txt in pieces if txt.strip("，,；;：: ")]

    for g in groups:
        g.lines = cited(g.spans)
        g.context_lines = cited(g.context)
        for (a1, b1), (a2, b2) in zip(g.spans, g.spans[1:]):
            if b1 != a2 and b1 > a1 and b2 > a2:
                g.stitches.append((raw[a1:b1], raw[a2:b2]))
    return groups


def _unstitch(src: dict, stitches: list[tuple[str, str]]) -> dict | None:
    """The source with "……" where a stitched lead meets the words joined to it, if it has one."""
    from subsidykit.catalog.sources import normalise

    text = src.get("text") or ""
    for lead, rest in stitches:
        a, b = normalise(lead), normalise(rest)
        if len(a) < 2 or len(b) < 2:
            continue
        seam = a[-3:] + b[:3]
        if seam in text:
            out = dict(src)
            out["text"] = text.replace(seam, a[-3:] + "……" + b[:3], 1)
            return out
    return None


# ── sources and numbers in the data ──

_AMOUNT_KEYS = ("rate", "cap", "fixed", "unit_amount")


def iter_sources(obj, where: str = "document"):
    """(where, source dict) for every citation in drafted (plain) data."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("source", "contact_source") and isinstance(value, dict) and "text" in value:
                yield f"{where}.{key}", value
            elif key != "todo":
                label = obj.get("id") or where
                yield from iter_sources(value, f"{label}.{key}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_sources(item, f"{where}[{i}]")


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(s: str) -> int | None:
    total, cur = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            cur = _CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "千":
            total += (cur or 1) * 1000
            cur = 0
        else:
            return None
    return total + cur


_CUT = re.compile(r"(?<=[\d.,])(?:……|…|\.\.\.)(?=[\d.,])")
_CUT_SHOWN = re.compile(r"(?<=\d)(?:……|…|\.\.\.)(?=0)|(?<=\d[.,])(?:……|…|\.\.\.)(?=\d)")


def _numbers_in(text: str, wrapped: bool = False) -> set[Decimal]:
    t = small_numerals(_fold(re.sub(r"\s+", "", text)))
    # a number a table cell's wrap cut ("最高1" / "500万元", quoted "最高1……500万元"; "1," /
    # "500万元") is read whole, as the drafter read it, besides its two pieces: in a quote over
    # several lines (`wrapped`), any cut; on one line only a cut that shows in the number itself
    # (the piece after it opens with 0, or the one before ends with a separator) -- "500……200" of
    # two cells side by side on a line is never 500200
    cut = _CUT if wrapped else _CUT_SHOWN
    joined = cut.sub("", t) if "…" in t or "..." in t else t
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)
    joined = re.sub(r"(?<=\d),(?=\d{3})", "", joined)
    out: set[Decimal] = set()
    for m in re.finditer(r"\d+(?:\.\d+)?", t + ("|" + joined if joined != t else "")):
        try:
            out.add(Decimal(m.group(0)))
        except InvalidOperation:
            pass
    for m in re.finditer(r"[零〇一二两三四五六七八九十百千]+", t):
        v = _cn_number(m.group(0))
        if v is not None:
            out.add(Decimal(v))
    if "半" in t:
        out.add(Decimal("0.5"))
    return out


def number_in_quote(value, text: str, wrapped: bool = False) -> bool:
    """Whether a drafted number stands in its quote: as written, as a percentage, in 亿元 or 元
    (converted to 万元), a count in 万/亿 (5000万 -> 50000000), or a date whose year, month and
    day are all there (月底/年底 for the last day)."""
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, list):
        return all(number_in_quote(v, text, wrapped) for v in value)
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if not m:
            return True  # a category, not a number
        y, mo, d = (int(x) for x in m.groups())
        if re.search(rf"{y}\s*[./-]\s*0?{mo}\s*[./-]\s*0?{d}(?!\d)", _fold(text)):
            return True  # "2034.1.1", "2034-01-01"
        nums = _numbers_in(text, wrapped)
        if Decimal(y) not in nums:
            return False
        flat = re.sub(r"\s+", "", _fold(text))  # "２０３０年度": full-width digits as the numbers read them
        # a date a table cell's wrap cut ("2030" / "年度", quoted "2030……年度") reads whole
        flat = re.sub(r"(?<=\d)(?:……|…)(?=[\d年月日号])", "", flat) if "…" in flat else flat
        last_day = (date(y + (mo == 12), mo % 12 + 1, 1) - date(y, mo, 1)).days
        if Decimal(mo) in nums and Decimal(d) in nums:
            return True
        if re.search(r"(年底|年末)", flat) and mo == 12 and d == 31:
            return True
        if re.search(r"(月底|月末)", flat) and Decimal(mo) in nums and d == last_day:
            return True
        if d in (1, last_day) and re.search(rf"(?<!\d)0?{mo}月(?:份)?(?![\d日号])", flat):
            return True  # "2055年1月至2056年6月": a month's first or last day
        if ("年初" in flat or "起" in flat or "以来" in flat or "之后" in flat) and mo == 1 and d == 1:
            return True
        if re.search(rf"{y}年(?:度|内|)?", flat) and ((mo, d) in ((1, 1), (12, 31))):
            return True
        return False
    try:
        v = Decimal(str(value))
    except InvalidOperation:
        return True
    yi = "亿" in text
    mega = bool(re.search(r"兆瓦|MW", text))  # 2兆瓦 = 2000千瓦
    permil = "‰" in text or "千分之" in text  # 3‰ and 千分之三 are the share 0.003
    tenths = bool(re.search(r"[一二两三四五六七八九\d]成", text))  # 四成 is the share 0.4
    for n in _numbers_in(text, wrapped):
        if v in (n, n / 100, n * 10000, n / 10000) or (yi and v == n * 100000000) or (mega and v == n * 1000):
            return True
        if (permil and v == n / 1000) or (tenths and v == n / 10):
            return True
    # "分两期按3∶7比例拨付": the first share of a ratio, 3/(3+7) ("4:3:3": 4/10)
    for m in re.finditer(r"\d{1,3}(?:\s*[:∶：]\s*\d{1,3}){1,3}", _fold(text)):
        parts = [Decimal(x) for x in re.split(r"\s*[:∶：]\s*", m.group(0))]
        if sum(parts) and any(v == p / sum(parts) for p in parts):
            return True
    return False


def _numbers_of(item: dict, keys=None) -> list[tuple[str, object]]:
    """(field, value) of the numbers an item holds itself (not those of nested cited items)."""
    out = []
    for key in keys or _AMOUNT_KEYS:
        if item.get(key) is not None:
            out.append((key, item[key]))
    return out


def invented_numbers(obj, where: str = "document") -> list[str]:
    """Numbers in drafted data that do not stand in the quote they are cited with."""
    bad: list[str] = []
    for holder, item, src, nums in _cited_numbers(obj, where):
        for name, value in nums:
            if not _stands(name, value, item, src.get("text", ""), _over_lines(src)):
                bad.append(f"{holder}.{name}={value!r} 不在引文「{src.get('text', '')}」中")
    return bad


_COUNT = re.compile(r"(?:不超过|不多于|最多|至多|限报|限)\s*(\d+)\s*(?:个|家|项|名|户)")


def _over_lines(src: dict) -> bool:
    lines = src.get("lines") or [0, 0]
    return len(lines) == 2 and lines[0] != lines[1]


def _stands(name: str, value, item, text: str, wrapped: bool = False) -> bool:
    """A number stands in its quote; a quota read from a table's rows (an item without `field`)
    may also be the sum of the counts its quote gives ("不超过2个……不超过6个" -> 8), every one
    of them, as its note says."""
    if number_in_quote(value, text, wrapped):
        return True
    if name != "value" or not isinstance(item, dict) or "field" in item or "之和" not in str(item.get("note", "")):
        return False
    counts = [int(n) for n in _COUNT.findall(_fold(re.sub(r"\s+", "", text)))]
    try:
        return len(counts) >= 2 and Decimal(sum(counts)) == Decimal(str(value))
    except InvalidOperation:
        return False


def _cited_numbers(obj, where: str):
    """(where, item, source, [(field, value)]) for every cited item of a program/document."""
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _cited_numbers(item, f"{where}[{i}]")
        return
    if not isinstance(obj, dict):
        return
    label = obj.get("id") or obj.get("name") or where
    src = obj.get("source")
    if isinstance(src, dict):
        nums = _numbers_of(obj)
        if "value" in obj and "field" in obj:  # a threshold
            if obj.get("unit") not in ("是否", "文本"):
                nums.append(("value", obj["value"]))
            for cond in [*obj.get("when", []), *obj.get("unless", [])]:
                if cond.get("unit") not in ("是否", "文本"):
                    nums.append((f"when.{cond.get('field')}", cond.get("value")))
        elif "value" in obj:  # a quota / city limit
            nums.append(("value", obj["value"]))
        if "share" in obj or "amount" in obj:  # a first payment
            nums += [(k, obj[k]) for k in ("share", "amount") if obj.get(k) is not None]
        yield label, obj, src, nums
    for key, value in obj.items():
        if key in ("source", "contact_source", "todo"):
            continue
        if isinstance(value, (dict, list)):
            yield from _cited_numbers(value, f"{label}.{key}")


def _scrub(holder: dict, fix, where: str) -> list[dict]:
    """Check every cited item of a program (or the document); take out what does not stand.
    Returns [{why, todo}] for each item taken out."""
    out: list[dict] = []

    def gone(src: dict, why: str, what: str) -> None:
        lines = src.get("lines") or [1, 1]
        out.append({
            "why": f"{where}: {what}: {why[:200]}",
            "todo": {"lines": [int(lines[0]), int(lines[-1])], "text": src.get("text", ""),
                     "note": f"{what}未写入：{why if len(why) <= 60 else '引文未能在所引行逐字核实'}"},
        })

    def bad(item: dict, src: dict, numbers) -> str | None:
        why = fix(src)
        if why:
            return f"引文不在所引行：{why}"
        for name, value in numbers:
            if not _stands(name, value, item, src.get("text", ""), _over_lines(src)):
                return f"{name}={value} 不在引文中"
        return None

    def scrub_item(item: dict, what: str) -> bool:
        """False if the item must go."""
        src = item.get("source")
        if not isinstance(src, dict):
            return True
        nums = [(k, v) for k, v in item.items() if k in ("value", "share", "amount") and not isinstance(v, bool)]
        if item.get("unit") in ("是否", "文本"):
            nums = [(k, v) for k, v in nums if k != "value"]
        nums += _numbers_of(item)
        for cond in [*(item.get("when") or []), *(item.get("unless") or [])]:
            if isinstance(cond, dict) and cond.get("unit") not in ("是否", "文本"):
                nums.append((f"when.{cond.get('field')}", cond.get("value")))
        why = bad(item, src, nums)
        if why:
            gone(src, why, what)
            return False
        return True

    # lists of cited items
    for key, what in (("thresholds", "条件"), ("general_thresholds", "条件"), ("stages", "分期"),
                      ("components", "组成部分"), ("city_limits", "限报名额"), ("aliases", "别名")):
        if isinstance(holder.get(key), list):
            holder[key] = [it for it in holder[key] if not isinstance(it, dict) or scrub_item(it, what)]
    for key, what in (("quota", "支持数量"), ("first_payment", "首次拨付")):
        if isinstance(holder.get(key), dict) and not scrub_item(holder[key], what):
            holder.pop(key)
    if isinstance(holder.get("contact_source"), dict):
        why = fix(holder["contact_source"])
        if why:
            gone(holder["contact_source"], why, "联系方式")
            for k in ("office", "phone", "contact_source"):
                holder.pop(k, None)
    for v in holder.get("variants", []) or []:
        if isinstance(v, dict):
            out.extend(_scrub(v, fix, f"{where}/{v.get('name')}"))
    src = holder.get("source")
    if isinstance(src, dict):
        why = bad(holder, src, _numbers_of(holder))
        if why:
            gone(src, why, "补助标准")
            _demote(holder, None)
            # the quote does not stand: it goes with the amounts it cited (its words are in todo)
            holder.pop("source", None)
    elif any(holder.get(k) is not None for k in _AMOUNT_KEYS) and "kind" in holder:
        _demote(holder, None)
        out.append({"why": f"{where}: 金额没有出处", "todo": None})
    return out


def _demote(prog: dict, todo_note: str | None) -> None:
    """No amount: kind none, the amount fields out (their clause stays under todo)."""
    if "kind" in prog and prog.get("id"):
        if prog.get("source") and todo_note:
            s = prog["source"]
            prog.setdefault("todo", []).append({"lines": list(s["lines"]), "text": s["text"], "note": todo_note})
        for key in ("base", "rate", "cap", "fixed", "unit_amount", "unit", "per", "stages", "components",
                    "first_payment", "variants", "grant", "minimum"):
            prog.pop(key, None)
        prog["kind"] = "none"
    elif "kind" in prog:  # a variant
        for key in ("base", "rate", "cap", "fixed", "unit_amount", "stages", "components", "first_payment"):
            prog.pop(key, None)
        prog["kind"] = "none"


# ── YAML ──


def _plain(obj):
    """Data with Decimal kept (YAML writes it as a number), tuples as lists, no private keys."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items() if not str(k).startswith("_")}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def _dumper():
    import yaml

    class D(yaml.SafeDumper):
        pass

    def decimal(dumper, value: Decimal):
        if value == value.to_integral_value():
            return dumper.represent_scalar("tag:yaml.org,2002:int", str(int(value)))
        return dumper.represent_scalar("tag:yaml.org,2002:float", format(value.normalize(), "f"))

    def seq(dumper, value: list):
        short = all(not isinstance(v, (dict, list)) for v in value) and sum(len(str(v)) for v in value) <= 60
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short and bool(value))

    D.add_representer(Decimal, decimal)
    D.add_representer(list, seq)
    return D
