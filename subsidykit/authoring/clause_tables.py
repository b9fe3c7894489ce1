"""Award tables: a 补助标准 whose amounts stand in a table — `read_tier_table(section, file)`.

A section is an award clause as the drafter cut it (`[(line number, text), ...]`): a lead
sentence ("…按如下档次给予一次性资助（单位：万元）：", "根据评价结果分档支持："), the table
flattened into lines by the PDF/DOCX conversion, and possibly more sentences after it.  The
result is a `tiered` award, one variant per amount cell:

* a row label (the text columns of the row joined with "·": "省级·工程研究中心、重点实验室"),
  or "row label·column header" when the table has several amount columns (a matrix: "工程研究
  中心·省级"); a row whose label cell is empty takes the label of the row above (a merged cell);
* `fixed` (万元), or `cap_only` when the cell says "最高…"/"不超过…"/"…以内", or `rate_cap` for a
  cell "软件投入的20%，最高30万元";
* `source`: the row's label cells and the amount cell, in the guide's own characters, joined as
  printed ("省级|工程研究中心、重点实验室|80万元") or with "……" where other text stands
  between them ("第一档……30万元", "重点实验室……50"), so `catalog.sources.quote_problem` passes;
* `thresholds` from a band column ("技改投资（不含税）" / "300万元（含）—800万元" ->
  技改投资 >= 300, < 800), only when the band says which end is included ("（含）"/"以上"/
  "以下"/"不足") and the column has a header naming the quantity.

The table's quota column ("不超过40个") goes to `data["variant_quotas"]` (`{name, value,
source}`) for the caller to attach; `data["source"]` cites the lead and the whole table;
`data["note"]` says the amounts come from a table, and where the unit of bare numbers came from
("（单位：万元）" in the lead or a line of its own, "补助金额（万元）" in a header).

Layouts: one cell per line (header cells first; blank lines, page numbers "第 2 页 共 11 页" /
"- 9 -" / "— 9 —" and a repeated header may stand inside); pipe rows ("国家级 | … | 200万元",
markdown separators skipped) and tab-separated rows; `pdftotext -layout` rows (cells apart by 2+
spaces, placed in columns by position; a line without an amount is a wrapped cell and joins the
row above — or the row below when it ends in "和/、/及/与/（"); rows of cells apart by single
spaces ("企业技术中心 100 30 5").

Amounts: "万元" as is, "亿元" × 10000, "元" ÷ 10000 (with a note), bare numbers only when the unit
is given ("（单位：万元）", a header "补助金额（万元）"); "1 000万元" and full-width digits read as
numbers.  Band and quota columns are never amounts.  Whatever has a number and is not turned
into data — a row whose amount has no unit, a band that does not say which end is included, a
number in a label, the lead's own numbers ("2030年度"), the sentences after the table — is a
`todo` entry `{lines, text, note}`: nothing is dropped silently.  A table whose cells cannot be
read at all gives `kind: none` with every line in todo (never a guess).

An appended table ("奖励标准见附表2": the drafter hands over the lines after "附表2") starts with
its title ("省级以上授牌认定奖励标准", maybe over two lines or with "单位：万元" beside it), which
announces the table like a lead; page lines and the running header (the document's number
"苏工信综合〔2029〕318号") are furniture wherever they stand.  Columns are placed by display width
(a CJK character two columns wide).  A header "序号" makes a row start where its number stands
(when the numbers stand in the middle of their rows — lines above the first number — the lines
between two numbers are shared out; one cell per line, the rows run from number to number);
without one, a line goes on with the row above when a cell
of it breaks off ("一次性奖励" / "200万元", "…中国企业500" / "强的…", "一等奖100万元、二" /
"等奖50万元") and is no row of its own under merged cells.  A column headed 奖励事项/项目/类别/名称…
holds names, numbers and all ("2029年度…", "500强"); a cell listing graded amounts
("一等奖100万元、二等奖50万元", "A类50万元、B类20万元") gives one variant per grade ("…·一等奖"),
each quoted with its own part of the cell; a number broken over two lines ("…30" / "0万元") is
read as one only when nothing else stands between its parts (the quote then holds it whole),
else the row is todo.  A 备注 cell goes to the variant's note (and, with a number in it — a
date — to todo).

`None` when the clause has no such table (no lead or layout of a table, no amount column, a
table of conditions only): the caller then uses `parse_award`.

Amounts per unit: "100万元/家", "50万元/个", "30万元/项", "0.5万元/台（套）", "每台（套）50万元",
"30万元/年" are `per_unit` (`unit_amount` in 万元, `unit` as the catalog counts it: 家/个/项/人/次/
年… as printed, 台/套/台（套） -> 台套, 名 -> 人, 户 -> 家); "200元/千瓦" is 0.02 万元 per 千瓦 (noted);
"最高50万元/个" is `cap_only` with `per: 个` (the most for each, as clause_award writes it).  A cell
listing graded amounts per unit ("国家级100万元/家；省级30万元/家") gives one `per_unit` variant per
grade.  Two units in one cell ("每人每年10万元") stay todo.

Tables of programs — `read_program_table(section, file)`: a table whose rows are programs
("序号 | 事项名称 | 奖励标准 | 兑现方式 | 责任处室"; tab rows, pipe rows, `pdftotext -layout`
columns, or one cell per line under "序号"), rows maybe wrapped over lines.  The header must name
the programs (事项名称/项目名称/政策名称/奖励事项/支持事项/事项/项目, also 奖补事项, 政策事项…) and
their amounts (奖励标准/支持标准/补助金额/资助金额（万元）…, not 申报条件/兑现方式/认定标准…), else
None.  One dict per row, in order:

    {"title": the name cell joined over its lines ("制造业单项冠军企业（产品）"),
     "lines": [first, last] of the row,
     "data": {"kind": fixed | cap_only | per_unit | rate_cap (with the amount fields) | tiered
              (with "variants", one per grade in the cell — or per amount column "国家级（万元）" /
              "省级（万元）" — each with name, kind, amount fields, source) | none,
              "source": the name and amount cells, "note"?},
     "no_application": True when a cell of the row says 免申即享/免申直达/免于申报/无需申报…,
     "office": the text of a 责任处室/责任部门/主办处室/归口处室 column, or None,
     "todo": [{lines, text, note}] — numbers of the row not turned into data}

Numbers in the name column are the title's (a money or a rate there is todo: a condition not
read); an amount cell without an amount ("按有关规定执行", "另行通知", a number that is no amount)
gives `kind: none` with the cell in the note and in todo; other columns with numbers (a date in
申报条件, the office's telephone) are todo; a 备注 cell goes to the note; a total row is no
program (its numbers go to the todo of the row above).  Rows: with a 序号 column a row runs from
its number to the next (numbers centred in their rows as `read_tier_table` reads them; lead-in
words "一次性奖励" below a whole amount open the next row); without one a line with a name cell
starts a row unless the name goes on from the line above (starts with "（", or the name above ends
in 、/和/及/与/（); a line with a name only, or no name cell, goes on with the row above.  Graded
amounts one to a line ("示范企业100万元" / "首台套产品20万元/个") are split by line.  The lead
sentences ("以下事项…企业无需申报。") and the sentences after the table are not rows: the caller
reads them.

Cells apart by one space (text from a PDF: "2 省级绿色工厂示范企业 60", both readers): columns
are placed by what the cells hold, as the header says (序号 -> an index number, 类别/奖励事项 -> names,
奖励金额/奖励标准 -> amounts, 备注/兑现说明/责任处室 -> text; a matrix's "国家级" -> numbers), in order,
at the least cost; a line without the row's next number goes on with the row, each cell where the
cell above breaks off ("…首次跨越8亿" / "元、30亿元…", "…150" / "万元", "…最高" / "不超过300万元")
or is missing ("4 省级智能制造标杆" / "车间 30": the name goes on, the amount stands on the
second line).  A number that fits two columns alike (one number under "国家级" and "省级") is left in
a column of its own and is todo ("所在列无法确定"), never placed by guess.  The header's second line
("（万元）", "类别 （万元）", "事项 方式", "处室") joins the cells it completes; a header repeated after
a page line is skipped; rows with one cell more than the header have a blank top-left cell.  A
title with its number ("表2 重点企业支持标准") belongs to the lead.  A program table's header may be
wrapped so that only both lines name the programs and the amounts ("序号 奖励 奖励标准 兑现" / "事项
方式").

Amounts listed apart from their grades, matched in order by "分别" (both readers): "一、二、三等奖
分别奖励100、50、30万元" -> 一等奖 100, 二等奖 50, 三等奖 30 (one unit for the list); "金奖、银奖、
优秀奖分别奖励100万元、50万元、20万元"; "国家级、省级分别给予最高100万元、50万元奖励" (caps);
thresholds listed ("产值首次跨越8亿元、30亿元、80亿元的，分别奖补20万元、60万元、100万元") -> one
variant per threshold named by it ("跨越8亿元"), the thresholds in todo (not turned into conditions),
never amounts.  Lists of unequal length, units not read for each, or no grades -> todo.  A list of
bare numbers ("100、50、30万元") is never one amount, and a number after 突破/达到/超过 is a threshold,
never an amount ("…首次跨越8亿" -> todo).

A one-space header over a row as wide ("序号 支持类别 补助标准", "产值规模 补助金额（万元）") is the
table's header even when it reads like a heading ("…奖励标准"); a lead sentence hard-wrapped over
lines ("…给予一次性奖" / "励。申报企业…") is the lead, not a row.  "100 万元" and "最高 50 万元" (a space
before the unit, after the cap word) are one cell.  A band column without a label column names the
rows ("首次跨越80亿元"); its thresholds only as said above (an included end), else todo.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from subsidykit.authoring.clause_common import Parsed, Section, field_name
from subsidykit.authoring.clause_numbers import PCT, cn_number, dec, find_counts, find_money, money_value, operator, pct_of
from subsidykit.authoring.clause_text import BULLET_MARK, half, sentence_list
from subsidykit.catalog.sources import MARKUP as _MARKUP

__all__ = ["read_program_table", "read_tier_table"]

# page furniture (as clause_text._PAGE, but a bare number alone on a line is kept: in a table it
# is a cell)
_PAGE = re.compile(
    r"^(?:[-—–─‒―~•·]+\d{1,4}[-—–─‒―~•·]+"
    r"|第\d{1,4}页(?:[,/]?共\d{1,4}页)?|共\d{1,4}页,?第\d{1,4}页"
    r"|\d{1,4}/\d{1,4})$"
)
# a running header: the document's number alone on a line ("苏工信综合〔2029〕318号"), maybe beside
# a page number ("— 15 —  苏工信综合〔2029〕318号")
_DOCNO = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[【(]\d{4}[〕\]】)]\d{1,5}号")
_UNIT_LINE = re.compile(r"^[(\[]?(?:金额|资金|奖励|补助)?单位[:]?(?P<u>万元|亿元|元)(?:/[个家项台套人户件])?[)\]]?$")
_UNIT_IN = re.compile(r"(?:金额|资金|奖励|补助)?单位[:]?(?P<u>万元|亿元|元)")
# ("（万元/家）": an amount for each one, as a cell's "100万元/家" is)
_HDR_UNIT = re.compile(r"\((?:单位[:]?)?(?P<u>万元|亿元|元)(?:/(?P<per>台套|台\(套\)|[个家项台套人户件亩]|千瓦时|千瓦|兆瓦时|兆瓦|吨|平方米|立方米|人次|户|次))?\)|单位[:]?(?P<u2>万元|亿元|元)|(?:[/:]|^)(?P<u3>万元|亿元)$")
_HEADING = re.compile(
    r"#*(?:\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|[一二三四五六七八九十]{1,3}、|[①-⑳]|\d{1,2}[.、])?"
    r"[\u4e00-\u9fff]{0,10}(?:标准|方式|优惠|内容)[:。.]?"
)
# the lead's last line announces a table: "…如下：", "…按以下档次给予资助：", "（单位：万元）"
_ANNOUNCES = re.compile(r"如下|以下|下表|见表|单位[:]")
# the title of an appended table ("附表2" / "省级以上授牌认定奖励标准"): it announces the table
_TITLE = re.compile(
    r"^(?![(]?[一二三四五六七八九十\d]{1,3}[)、.])(?!序号|编号)(?P<pre>[^,.:;。!?]{0,40}?)"
    r"(?:标准|奖励事项|补助事项|支持事项|奖补事项|支持数量|奖励数量)(?:一览表|明细表|汇总表|表)?(?:\([^()]*\))?$"
)
# what a title names besides its last words: "省级以上授牌认定" (not a bare "奖励标准", "具体支持标准")
_TITLE_EMPTY = re.compile(r"^(?:具体|相关|有关|主要|本项目|项目|各项|以下|下列)?(?:奖励|补助|支持|资助|奖补|补贴|扶持|资金|及)*$")


def _title(flat: str) -> bool:
    """The title of a table, maybe with its unit: "省级以上授牌认定奖励标准（单位：万元）", maybe
    after its number ("表2 重点企业支持标准")."""
    rest = _UNIT_RAW.sub("", flat)
    numbered = _TABLE_NO.match(rest)
    if numbered:
        rest = rest[numbered.end() :]
        if rest and len(rest) <= 30 and not re.search(r"[。;:,]|\d", rest):
            return True  # "表2 重点企业支持一览" — the number says it is a title
    m = _TITLE.match(rest)
    return bool(m) and not _TITLE_EMPTY.match(m.group("pre"))


def _title_and_unit(ln: "_Line") -> bool:
    """"区级扶持标准      单位：万元": a title and its unit on one line (not a header row
    "奖励事项      补助标准")."""
    cells = _COARSE.findall(ln.raw)
    return len(cells) == 2 and bool(_UNIT_RAW.fullmatch(_flat(cells[1]))) and _title(_flat(cells[0]))


_ANNOUNCES_COLON = re.compile(r"(?:标准|分档|分级|分类|档次|奖励|补助|支持|资助|奖补|补贴)[^。;]{0,12}:$")

_DASH = re.compile(r"^(?:[-—–─/\\×xX]+|无|不支持|不予支持|不予奖励|不奖励|不补助|空)$")
_CAP = re.compile(r"最高|不超过|不高于|最多|至多|上限|封顶|以内")
_BAND = re.compile(
    r"以上|以下|不足|不满|未满|低于|少于|高于|(?<!不)超过|大于|小于|[≥≤<>]|\(含\)|\(不含\)"
    r"|\d(?:[万亿]?元)?(?:\(含\)|\(不含\))?[—–~～\-至到]+\d"
)
# an amount per unit: "100万元/家", "0.5万元/台（套）", "200元/千瓦", "每家50万元"
_PER_UNITS = (
    r"台\(套\)|台套|千瓦时|千瓦|kWh|kW|兆瓦时|兆瓦|吨标准煤|平方米|个月|家|个|项|台|套|人|名|次|户|年|月|天|日"
    r"|吨|亩|件|款|辆|艘|架|部"
)
_PER = re.compile(rf"/(?:{_PER_UNITS})|每(?:{_PER_UNITS})")
_PER_AFTER = re.compile(rf"/(?P<u>{_PER_UNITS})")
_PER_BEFORE = re.compile(rf"每(?P<u>{_PER_UNITS})")
# the unit as the catalog counts it (as clause_award: 台/套 -> 台套, 名 -> 人, 户 -> 家)
_UNIT_NAME = {"个月": "月", "名": "人", "日": "天", "户": "家", "台": "台套", "套": "台套", "台(套)": "台套", "kW": "千瓦", "kWh": "千瓦时"}
_BARE = re.compile(
    r"^(?:最高不超过|最高|不超过|不高于|最多|至多)?(?P<num>\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)(?:\((?P<u>万元|亿元|元)\))?(?:以内)?$"
)
_NUMBERISH = re.compile(r"\d")

_HDR_QUOTA = re.compile(r"数量|名额|个数|家数|限额|限报|指标数")
_HDR_AMOUNT = re.compile(r"奖励|补助|资助|奖补|补贴|扶持|支持|奖金|资金")
_HDR_BAND = re.compile(r"投入|投资|收入|营收|产值|销售|规模|区间|范围|营业额|利润|税收|纳税|产能|面积|条件|门槛|突破|迈上|跨越|档次")
_HDR_AMOUNT_WEAK = re.compile(r"金额|额度|标准|万元")
# an amount column of caps ("每家年度资助上限", "最高补助额", "补助封顶")
_HDR_CAP = re.compile(r"上限|最高|封顶|不超过")
_TOTAL = re.compile(r"合计|总计|小计|共计")
# the words an amount cell may hold besides its amount: "给予一次性资助20万元", "最高不超过100万元"
_CELL_WORDS = re.compile(
    r"\d[\d,.]*(?:万元|亿元|元|万|亿)?|\([^()]*\)|最高不超过|最高|不超过|不高于|最多|至多|以内|上限|封顶|一次性|给予|予以|"
    r"奖励|补助|资助|奖补|补贴|支持|资金|金额|定额|为|按|的|[,.、:]|"
    rf"/(?:{_PER_UNITS})|每(?:{_PER_UNITS})"
)
# a column of names: "奖励事项", "项目类别", "认定类型", "支持对象"
_HDR_LABEL = re.compile(r"(?:事项|项目|类别|类型|名称|对象|称号|荣誉|载体|赛事|内容)$")
# a header over numbers that are no names: amounts, bands, counts, dates
_HDR_NUMERIC = re.compile(r"金额|额度|标准|万元|数量|名额|比例|投入|投资|收入|产值|规模|区间|时间|日期|期限|年度|条件")
_HDR_NOTE = re.compile(r"备注|说明|附注|注释|注")


def _note_header(name: str) -> bool:
    """A column of remarks: "备注", "说明", also "兑现说明", "有关说明"."""
    return bool(_HDR_NOTE.fullmatch(name) or re.search(r"(?:备注|说明|附注|注释)$", name))
_HDR_INDEX = re.compile(r"序号|编号|排序|排名|No\.?|NO\.?")

# a cell broken across lines in the one-cell-per-line layout: "500万元（含）—" + "1000万元"
_WRAP_END = re.compile(r"(?:[—–~～\-至到、和及与(])$")
_WRAP_START = re.compile(
    r"^(?:\)|\(含\)|\(不含\)|万元|亿元|元|以上|以下)|^\((?:单位[:]?)?(?:万元|亿元|元)\)$|^\((?:不含税|含税)\)$"
)
# a fragment (a wrapped label) that opens the next row rather than ending the one above
_OPENS_NEXT = re.compile(r"[、和及与(]$")


def _furniture(flat: str) -> bool:
    """A page line: a page number, the running header (the document's number), or both."""
    if _PAGE.match(flat):
        return True
    rest = _DOCNO.sub("", flat, count=1)
    return rest != flat and (not rest or bool(_PAGE.match(rest)))


def _compact(text: str) -> str:
    return _MARKUP.sub("", text)


def _flat(text: str) -> str:
    """Compact and half-width: what the patterns read."""
    return half(_compact(text))


# ------------------------------------------------------------------------------------------
# the text: lines, cells and quotes
# ------------------------------------------------------------------------------------------
@dataclass
class _Line:
    no: int
    raw: str
    kind: str  # blank, page, text
    flat: str


@dataclass
class _Cell:
    pieces: list[tuple[int, int, int]]  # (line no, start, end) in the raw line
    text: str  # compact, as printed

    @property
    def flat(self) -> str:
        return half(self.text)

    def joined(self, other: "_Cell") -> "_Cell":
        return _Cell(self.pieces + other.pieces, self.text + other.text)

    @property
    def first_line(self) -> int:
        return self.pieces[0][0]


class _Text:
    """The section's lines, to quote cells as they stand."""

    def __init__(self, section: Section, file: str):
        self.file = file
        self.lines: list[_Line] = []
        for no, t in section:
            raw = str(t or "")
            bullet = BULLET_MARK.match(raw.lstrip())
            if bullet:  # "🔸 国家级绿色工厂：100万元": an item's bullet, no cell of a table
                raw = raw.lstrip()[bullet.end():].lstrip()
            flat = _flat(raw)
            kind = "blank" if not flat else ("page" if _furniture(flat) else "text")
            self.lines.append(_Line(int(no), raw, kind, flat))
        self.index = {ln.no: i for i, ln in enumerate(self.lines)}
        self._widths: dict[int, list[int]] = {}

    def dcol(self, no: int, pos: int) -> int:
        """The display column of character `pos` of line `no` (a CJK character is two columns
        wide, as the layout of `pdftotext -layout` and of a text editor has it)."""
        acc = self._widths.get(no)
        if acc is None:
            acc = [0]
            for ch in self.lines[self.index[no]].raw:
                acc.append(acc[-1] + (2 if unicodedata.east_asian_width(ch) in "WF" else 1))
            self._widths[no] = acc
        return acc[min(pos, len(acc) - 1)]

    def centre(self, cell: "_Cell") -> float:
        no, s, e = cell.pieces[0]
        return (self.dcol(no, s) + self.dcol(no, e)) / 2

    def sub(self, cell: "_Cell", a: int, b: int) -> "_Cell":
        """The part of a cell from character a to b of its (compact) text, with its pieces in the
        lines: "二等奖50万元" of a cell "一等奖100万元、二" + "等奖50万元"."""
        chars: list[tuple[int, int]] = []  # (line no, column) of each character of cell.text
        for no, s, e in cell.pieces:
            raw = self.lines[self.index[no]].raw
            pos = s
            while pos < e:
                m = _MARKUP.match(raw, pos)
                if m and m.end() > pos:
                    pos = m.end()
                    continue
                chars.append((no, pos))
                pos += 1
        if len(chars) != len(cell.text):  # should not happen: then the whole cell
            return cell
        pieces: list[tuple[int, int, int]] = []
        for no, pos in chars[a:b]:
            if pieces and pieces[-1][0] == no:
                pieces[-1] = (no, pieces[-1][1], pos + 1)
            else:
                pieces.append((no, pos, pos + 1))
        return _Cell(pieces, cell.text[a:b])

    def between(self, a: tuple[int, int], b: tuple[int, int]) -> str:
        """The compact text from (line, column) a to (line, column) b."""
        (la, ca), (lb, cb) = a, b
        ia, ib = self.index[la], self.index[lb]
        if ia == ib:
            return _compact(self.lines[ia].raw[ca:cb])
        parts = [self.lines[ia].raw[ca:]]
        parts += [self.lines[i].raw for i in range(ia + 1, ib)]
        parts.append(self.lines[ib].raw[:cb])
        return _compact("".join(parts))

    def quote(self, cells: list[_Cell]) -> tuple[list[int], str]:
        """([first line, last line], text) of the cells in reading order.  Pieces of one cell
        (a wrapped label) are joined as printed when nothing stands between them; cells on one
        line with only spaces or pipes between them too ("国家级|…|200万元"); anything else
        gets "……" ("第一档……30万元", "企业技术中心……200")."""
        owner: dict[tuple[int, int, int], int] = {}
        for k, c in enumerate(cells):
            for p in c.pieces:
                owner.setdefault(p, k)
        pieces = sorted(owner, key=lambda p: (self.index[p[0]], p[1]))
        out: list[str] = []
        prev = None
        for ln, s, e in pieces:
            text = _compact(self.lines[self.index[ln]].raw[s:e])
            if not text:
                continue
            if prev is not None:
                gap = self.between(prev[:2], (ln, s))
                same_cell = owner[prev[2]] == owner[(ln, s, e)]
                if (
                    (gap and not re.fullmatch(r"[|｜]+", gap))
                    or (not same_cell and prev[0] != ln)
                    # two cells side by side whose numbers would run together ("中国企业500" and
                    # "200万元" read "500200")
                    or (not same_cell and not gap and re.search(r"[\d０-９]$", out[-1]) and re.match(r"[\d０-９]", text))
                ):
                    out.append("……")
                else:
                    out.append(gap)
            out.append(text)
            prev = (ln, e, (ln, s, e))
        first = pieces[0][0] if pieces else 0
        last = pieces[-1][0] if pieces else 0
        return [first, last], "".join(out)

    def source(self, cells: list[_Cell]) -> dict:
        lines, text = self.quote(cells)
        return {"file": self.file, "lines": lines, "text": text}

    def line_cell(self, i: int) -> _Cell:
        ln = self.lines[i]
        return _Cell([(ln.no, 0, len(ln.raw))], _compact(ln.raw))


# ------------------------------------------------------------------------------------------
# splitting lines into cells
# ------------------------------------------------------------------------------------------
_COARSE = re.compile(r"[^\s]+(?: [^\s]+)*")  # runs apart by 2+ spaces, a tab or an ideographic space
_FINE = re.compile(r"[^\s]+")


def _cells_of(no: int, raw: str, pattern: re.Pattern) -> list[_Cell]:
    return [_Cell([(no, m.start(), m.end())], _compact(m.group(0))) for m in pattern.finditer(raw)]


def _fine_cells(no: int, raw: str) -> list[_Cell]:
    """Cells apart by single spaces, "1 000万元", "100 万元" and "最高 50 万元" kept whole."""
    cells = _cells_of(no, raw, _FINE)
    out: list[_Cell] = []
    for i, c in enumerate(cells):
        nxt = cells[i + 1].text if i + 1 < len(cells) else ""
        if out and (
            (re.fullmatch(r"\d{1,3}", out[-1].text) and re.match(r"\d{3}(?:\.\d+)?(?:万元|亿元|元|万|亿)", c.text))
            # ("1 000 万元/家": a group of three, then its unit a cell apart)
            or (re.fullmatch(r"\d{1,3}", out[-1].text) and re.fullmatch(r"\d{3}", c.text) and re.match(r"(?:万元|亿元|元|万|亿)", nxt))
            # ("2000 万元（含）—5000 万元": a unit opening a cell goes with the number before it)
            or (re.search(r"\d$", half(out[-1].text)) and re.match(r"(?:万元|亿元|元|万|亿)(?![\u4e00-\u9fff]{0,1}[：:])", c.text))
            or (re.fullmatch(r"最高不超过|最高|不超过|不高于|最多|至多", out[-1].text) and re.match(r"\d", half(c.text)))
        ):
            prev = out.pop()
            line, start, end = prev.pieces[0][0], prev.pieces[0][1], c.pieces[0][2]
            out.append(_Cell([(line, start, end)], prev.text + c.text))
            continue
        out.append(c)
    return out


def _pipe_cells(no: int, raw: str) -> list[_Cell | None] | None:
    """The cells of a pipe row (None for an empty cell); None for a markdown separator row."""
    bounds = [m.start() for m in re.finditer(r"[|｜]", raw)]
    edges = [-1, *bounds, len(raw)]
    cells: list[_Cell | None] = []
    for a, b in zip(edges, edges[1:]):
        seg = raw[a + 1 : b]
        m = re.search(r"\S(?:.*\S)?", seg)
        if not m:
            cells.append(None)
            continue
        cells.append(_Cell([(no, a + 1 + m.start(), a + 1 + m.end())], _compact(m.group(0))))
    stripped = raw.strip()
    if stripped[:1] in "|｜" and cells and cells[0] is None:
        cells.pop(0)
    if stripped[-1:] in "|｜" and cells and cells[-1] is None:
        cells.pop()
    if cells and all(c is not None and re.fullmatch(r":?-+:?", c.text) for c in cells):
        return None
    return cells


def _tab_cells(no: int, raw: str) -> list[_Cell | None]:
    cells: list[_Cell | None] = []
    pos = 0
    body = raw.rstrip()
    for seg in body.split("\t"):
        m = re.search(r"\S(?:.*\S)?", seg)
        cells.append(_Cell([(no, pos + m.start(), pos + m.end())], _compact(m.group(0))) if m else None)
        pos += len(seg) + 1
    return cells


def _assign(cells: list[_Cell], anchors: list[float], centre) -> dict[int, _Cell]:
    """Cells to columns by position: increasing columns, least distance of centres (in display
    columns: `centre(cell)`)."""
    m, n = len(cells), len(anchors)
    if m >= n:
        return {j: c for j, c in enumerate(cells[:n])}
    centres = [centre(c) for c in cells]
    inf = float("inf")
    # best[i][j]: cost of cells[:i+1] with cell i in column j
    best = [[inf] * n for _ in range(m)]
    back = [[-1] * n for _ in range(m)]
    for j in range(n):
        best[0][j] = abs(centres[0] - anchors[j])
    for i in range(1, m):
        for j in range(i, n):
            k = min(range(i - 1, j), key=lambda k: best[i - 1][k])
            best[i][j] = best[i - 1][k] + abs(centres[i] - anchors[j])
            back[i][j] = k
    j = min(range(m - 1, n), key=lambda j: best[m - 1][j])
    out: dict[int, _Cell] = {}
    for i in range(m - 1, -1, -1):
        out[j] = cells[i]
        j = back[i][j]
    return out


# ------------------------------------------------------------------------------------------
# kinds of cells
# ------------------------------------------------------------------------------------------
# digits that name a row, not a quantity: "第1档", "3星级", "A类"
_ORDINAL = re.compile(r"第\d{1,2}(?=[档级类批名等次])|\d(?=星)|^\d{1,2}(?=[档类等]$)|(?<=\()\d{1,2}(?=[类级档]\))")


def _ctype(flat: str) -> str:
    """empty, dash, text, pct, band, money, count, number, other."""
    if not flat:
        return "empty"
    if _DASH.match(flat):
        return "dash"
    if not _NUMBERISH.search(_ORDINAL.sub("", flat)):
        return "text"
    if PCT.search(flat):
        return "pct"
    if _BAND.search(flat) and not _CAP.search(flat):
        return "band"
    if find_money(flat, 0, len(flat)):
        return "money"
    if find_counts(flat, 0, len(flat)):
        return "count"
    if _BARE.match(flat):
        return "number"
    return "other"


def _klass(flat: str) -> str:
    """T (text) or N (a number, a dash) — for the one-cell-per-line layout."""
    t = _ctype(flat)
    return "T" if t == "text" else "N"


# ------------------------------------------------------------------------------------------
# the grid
# ------------------------------------------------------------------------------------------
@dataclass
class _Row:
    cells: dict[int, _Cell]
    joined: set[int] = field(default_factory=set)  # columns whose cell was joined from several lines

    def all_cells(self) -> list[_Cell]:
        return [self.cells[j] for j in sorted(self.cells)]


@dataclass
class _Grid:
    ncols: int
    header: dict[int, _Cell]
    rows: list[_Row]
    skipped: list[_Cell] = field(default_factory=list)  # repeated headers, separator rows


def _has_digit(cells: dict[int, _Cell]) -> bool:
    return any(_NUMBERISH.search(c.flat) for c in cells.values())


def _assemble(texts: _Text, line_rows: list[tuple[int, dict[int, _Cell], bool]], ncols: int) -> _Grid | None:
    """Header lines, data rows and wrapped cells of a table read line by line.

    `line_rows`: (line index, cells by column, is a row of its own) — a pipe or tab line is a row
    of its own; a spaced line is a row when it has two cells and a number.  With a 序号 column, a
    row starts where its number stands (or, when the numbers stand in the middle of their rows,
    where `_centred_starts` says)."""
    header, header_flats, body = _split_header(texts, line_rows)
    index_col = next((j for j, c in header.items() if _HDR_INDEX.fullmatch(c.flat)), None)
    if index_col is not None and not any(_has_index(cells, index_col) for _i, cells, _own in body):
        index_col = None  # the numbers are not where the header says: rows as without the column
    starts = _centred_starts(texts, header, header_flats, body, index_col) if index_col is not None else None
    rows: list[_Row] = []
    pending: list[dict[int, _Cell]] = []
    skipped: list[_Cell] = []
    for i, cells, own_row in body:
        if not cells:
            continue
        if texts.lines[i].flat in header_flats or (header and _same_as_header(cells, header)):
            skipped.extend(cells.values())  # the header again after a page break
            continue
        if starts is not None:
            is_row = i in starts
        elif index_col is not None:
            # a 序号 column: a row starts where its number stands; a line without one goes on with
            # the row above, unless it is a row under merged cells (an amount of its own below the
            # amount of the row above)
            is_row = _has_index(cells, index_col) or bool(rows and not pending and _collides(rows[-1], cells))
        else:
            # (a line of every column, one a dash, "基础级  不安排资金奖励  —": a row that says none)
            is_row = own_row or (len(cells) >= 2 and _has_digit(cells)) or (
                len(cells) == ncols >= 3 and any(re.fullmatch(r"[—－\-/／]+", c.flat) for c in cells.values()))
            if rows and not pending and is_row and _goes_on(rows[-1], cells):
                is_row = False
        if is_row:
            row = _Row(dict(cells))
            for frag in pending:
                _join_into(row, frag, before=True)
            pending = []
            rows.append(row)
            continue
        # a line without a row of its own: a cell wrapped onto the next line
        opens = _leads_in(rows[-1], cells) if rows else False
        if index_col is None:
            opens = (_opens_next(cells) or opens) and not _continues(rows[-1]) if rows else False
        if opens and all(_GOES_ON.match(c.flat) for c in cells.values()):
            opens = False  # "…含已获省级奖励" / "的企业": words that can only go on from the row above
        if rows and not opens:
            _join_into(rows[-1], cells, before=False)
        else:
            pending.append(cells)
    if pending and rows:
        for frag in pending:
            _join_into(rows[-1], frag, before=False)
    elif pending:
        return None
    if not rows:
        return None
    return _Grid(ncols, header, rows, skipped)


def _split_header(texts: _Text, line_rows: list[tuple[int, dict[int, _Cell], bool]]):
    """(header cells by column, the header lines' text, the lines after the header): the header is
    the lines before the first with a number, or the first that does not read as a header line."""
    header: dict[int, _Cell] = {}
    flats: set[str] = set()
    for k, (i, cells, _own) in enumerate(line_rows):
        if not cells:
            continue
        if _has_digit(cells) or (header and not _header_like(cells)):
            return header, flats, line_rows[k:]
        if header and len(cells) == 1:
            (j, c), = cells.items()
            amounts = [h for h, hc in header.items() if (_HDR_AMOUNT.search(hc.flat) or _HDR_AMOUNT_WEAK.search(hc.flat)) and not _unit_of_header(hc)]
            if (
                re.fullmatch(r"\((?:单位[:])?(?:万元|亿元|元)\)", c.flat) and j in header and len(amounts) == 1 and j != amounts[0]
                and (_HDR_INDEX.fullmatch(header[j].flat) or _HDR_LABEL.search(header[j].flat))
            ):
                cells = {amounts[0]: c}  # "（万元）" placed under "序号" by position: the amount's unit
        for j, c in cells.items():
            header[j] = header[j].joined(c) if j in header else c
        flats.add(texts.lines[i].flat)
    return header, flats, []


def _has_index(cells: dict[int, _Cell], index_col: int) -> bool:
    c = cells.get(index_col)
    return bool(c is not None and _INDEX_CELL.match(c.flat))


def _centred_starts(texts: _Text, header, header_flats, body, index_col: int) -> set[int] | None:
    """Where the rows start when the 序号 stands in the middle of its row (pdftotext centres a
    cell in its row): lines stand above the first number.  Between two numbers the lines are
    shared out so that each row has about as many lines above its number as below, no row gets
    an amount below its whole amount (or the words leading to the next amount), and a cell that
    breaks off goes on in its own row.  None when the numbers stand on the rows' first lines."""
    data = [
        (i, cells) for i, cells, _own in body
        if cells and not (texts.lines[i].flat in header_flats or (header and _same_as_header(cells, header)))
    ]
    marks = [k for k, (_i, cells) in enumerate(data) if _has_index(cells, index_col)]
    if not marks or marks[0] == 0:
        return None
    starts = [0]
    above = marks[0]
    for m, m_next in zip(marks, marks[1:]):
        gap = [cells for _i, cells in data[m + 1 : m_next]]
        best: tuple[float, int] | None = None
        for t in range(len(gap) + 1):
            cost: float = abs(t - above)
            row = _Row({})
            for _i, cells in data[m - above : m + 1]:
                _join_into(row, cells, before=False)
            for cells in gap[:t]:
                if _collides(row, cells) or _leads_in(row, cells):
                    cost += 100
                elif any(j in row.cells and _incomplete(row.cells[j].flat) for j in cells):
                    cost -= 0.5
                _join_into(row, cells, before=False)
            nxt = _Row(dict(data[m_next][1]))
            for cells in reversed(gap[t:]):
                if _collides(nxt, cells):
                    cost += 100
                _join_into(nxt, cells, before=True)
            if best is None or cost < best[0]:
                best = (cost, t)
        t = best[1] if best else 0
        starts.append(m + 1 + t)
        above = len(gap) - t
    return {data[k][0] for k in starts}


# a 序号 cell: "1", "一", "（1）"
_INDEX_CELL = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3}|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\))[.、]?$")
# a cell that breaks off and goes on on the next line: words that lead to an amount ("一次性奖励" /
# "200万元"), an open end ("、", "—", "、二" / "等奖50万元"), a number cut off ("…全省民营企业100" /
# "强的工业企业", "一次性资助20" / "0万元")
_LEADIN = re.compile(r"^(?:一次性|给予|予以|分别|按|最高|不超过|奖励|补助|资助|奖补|补贴|支持|资金)+$")
_OPEN_WORD = re.compile(r"(?:最高|不超过|不高于|最多|至多|给予|予以|按|按照|为|的)$")
_OPEN_END = re.compile(r"(?:[、,;和及与或—–\-~～至到(:]|[、,;][^\d、,;()]{1,3})$")


def _incomplete(flat: str) -> bool:
    if not flat or _DASH.match(flat):
        return False
    if _LEADIN.match(flat) or _OPEN_END.search(flat) or _OPEN_WORD.search(flat):
        return True
    return bool(re.search(r"\d$", flat)) and not _BARE.match(flat) and not _TWO_BOUNDS.fullmatch(flat)


def _amountish(flat: str) -> bool:
    return _ctype(flat) in ("money", "number", "count", "pct", "band", "dash")


def _collides(row: _Row, cells: dict[int, _Cell]) -> bool:
    """The line is a row of its own under merged cells: in some column both the row above and the
    line hold a whole amount (a band, a count, a dash)."""
    for j, c in cells.items():
        above = row.cells.get(j)
        if (
            above is not None and _amountish(above.flat) and not _incomplete(above.flat) and _amountish(c.flat)
            and not _fine_joins(above.flat, c.flat)  # "…首次跨越8亿" / "元、30亿元…": one cell
        ):
            return True
    return False


def _leads_in(row: _Row, cells: dict[int, _Cell]) -> bool:
    """A line without an amount that opens the next row: below a whole amount it holds the words
    that lead to the next amount ("最高不超过" / "100万元")."""
    for j, c in cells.items():
        above = row.cells.get(j)
        if above is not None and _amountish(above.flat) and not _incomplete(above.flat) and _LEADIN.match(c.flat):
            return True
    return False


def _goes_on(row: _Row, cells: dict[int, _Cell]) -> bool:
    """The line carries on the row above: a cell of the row above breaks off where the line has a
    cell, and the line is no row of its own under merged cells."""
    if _collides(row, cells):
        return False
    return any(
        j in row.cells and (_incomplete(row.cells[j].flat) or _digits_go_on(row.cells[j].flat, c.flat))
        for j, c in cells.items()
    )


def _digits_go_on(above: str, flat: str) -> bool:
    """"30" / "0万元": a cell ending in a digit above a cell that starts with one and is no amount
    of its own."""
    return bool(re.search(r"\d$", above) and re.match(r"[\d.,]", flat)) and not _amountish(flat)


def _header_like(cells: dict[int, _Cell]) -> bool:
    """A line that may go on with the header ("（万元）", "标准"), not the first row's cells wrapped
    onto two lines ("新认定的省级工程研究中心、" / "一次性资助")."""
    for c in cells.values():
        f = c.flat
        if _LEADIN.match(f) or _OPEN_END.search(f):
            return False
        if len(f) > 6 and not re.fullmatch(r"\(.*\)", f) and not (
            _HDR_AMOUNT.search(f) or _HDR_AMOUNT_WEAK.search(f) or _HDR_LABEL.search(f) or _HDR_NOTE.search(f)
            or _HDR_QUOTA.search(f) or _HDR_BAND.search(f)
        ):
            return False
    return True


def _same_as_header(cells: dict[int, _Cell], header: dict[int, _Cell]) -> bool:
    return len(cells) >= 2 and "".join(c.flat for _j, c in sorted(cells.items())) == "".join(c.flat for _j, c in sorted(header.items()))


def _opens_next(cells: dict[int, _Cell]) -> bool:
    return bool(cells) and all(_OPENS_NEXT.search(c.flat) for c in cells.values())


def _continues(row: _Row) -> bool:
    first = row.cells.get(min(row.cells)) if row.cells else None
    return bool(first and _OPENS_NEXT.search(first.flat))


def _join_into(row: _Row, cells: dict[int, _Cell], before: bool) -> None:
    for j, c in cells.items():
        if j in row.cells:
            row.cells[j] = c.joined(row.cells[j]) if before else row.cells[j].joined(c)
            row.joined.add(j)
        else:
            row.cells[j] = c


def _grid_pipe(texts: _Text, idx: list[int], tab: bool) -> _Grid | None:
    line_rows, ncols, skipped = _pipe_line_rows(texts, idx, tab)
    grid = _assemble(texts, line_rows, ncols)
    if grid:
        grid.skipped.extend(skipped)
    return grid


def _pipe_line_rows(texts: _Text, idx: list[int], tab: bool):
    """(line rows, number of columns, markdown separator lines) of a pipe or tab table."""
    line_rows: list[tuple[int, dict[int, _Cell], bool]] = []
    skipped: list[_Cell] = []
    ncols = 0
    for i in idx:
        ln = texts.lines[i]
        if (tab and "\t" not in ln.raw.strip()) or (not tab and not re.search(r"[|｜]", ln.raw)):
            line_rows.append((i, {0: texts.line_cell(i)}, False))
            continue
        cells = _tab_cells(ln.no, ln.raw) if tab else _pipe_cells(ln.no, ln.raw)
        if cells is None:
            skipped.append(texts.line_cell(i))
            continue
        ncols = max(ncols, len(cells))
        line_rows.append((i, {j: c for j, c in enumerate(cells) if c is not None}, True))
    return line_rows, ncols, skipped


def _grid_spaced(texts: _Text, idx: list[int], fine: bool) -> _Grid | None:
    if fine:
        got = _fine_line_rows(texts, idx)
        if got is not None:
            return _assemble(texts, got[0], got[1])
    per_line: list[tuple[int, list[_Cell]]] = []
    for i in idx:
        ln = texts.lines[i]
        coarse = _cells_of(ln.no, ln.raw, _COARSE)
        per_line.append((i, _fine_cells(ln.no, ln.raw) if fine else coarse))
    ncols = max(len(c) for _i, c in per_line)
    if not fine:
        # a row typed with single spaces in a spaced table
        for k, (i, cells) in enumerate(per_line):
            if len(cells) == 1 and ncols >= 2:
                f = _fine_cells(texts.lines[i].no, texts.lines[i].raw)
                if len(f) == ncols:
                    per_line[k] = (i, f)
    full = [cells for _i, cells in per_line if len(cells) == ncols]
    anchors = [sum(texts.centre(c[j]) for c in full) / len(full) for j in range(ncols)]
    line_rows = []
    for i, cells in per_line:
        line_rows.append((i, _assign(cells, anchors, texts.centre), False))
    return _assemble(texts, line_rows, ncols)


# ------------------------------------------------------------------------------------------
# cells apart by one space: columns by what the cells hold
# ------------------------------------------------------------------------------------------
# a table's number before its title: "表2 重点企业支持标准", "附表2：…"
_TABLE_NO = re.compile(r"^附?表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:-\d{1,2})?(?:\s+|[:：.、]\s*|(?=[\u4e00-\u9fff]))")


def _fine_kind(head: _Cell | None) -> str:
    """What a column holds, by its header: index, label (names), amount, num (bands, quotas),
    text (remarks, ways to apply, offices), any (a matrix's "国家级")."""
    if head is None:
        return "any"
    f = head.flat
    name = _hname(head)
    if _HDR_INDEX.fullmatch(f):
        return "index"
    if _note_header(name):
        return "text"
    if _HDR_LABEL.search(name) or _PROG_NAME.fullmatch(name):
        return "label"
    if _HDR_QUOTA.search(f) or _HDR_BAND.search(f):
        return "num"
    if _PROG_NOT_AMOUNT.search(name):
        return "text"
    if _HDR_AMOUNT.search(f) or _HDR_AMOUNT_WEAK.search(f) or _unit_of_header(head):
        return "amount"
    return "any"


def _fine_joins(above: str, flat: str) -> bool:
    """The cell goes on with the cell above: a number cut from its unit ("…150" / "万元",
    "…10亿" / "元、50亿元…") or from its other digits."""
    if re.search(r"\d$", above) and re.match(r"(?:万元|亿元|元|万|亿|%|[\d.,])", flat):
        return True
    return bool(re.search(r"\d[万亿千百]$", above) and re.match(r"元", flat))


def _fine_cost(cell: _Cell, j: int, kinds: list[str], index_ok: bool, above: dict[int, _Cell] | None) -> float:
    """The cost of cell in column j (lower fits better): its type against the column's kind;
    on a line that goes on with a row, a column whose cell above breaks off fits, a column
    whose cell above is whole fits less."""
    kind = kinds[j]
    if kind == "index":
        return 0.0 if index_ok else 20.0
    t = _ctype(cell.flat)
    num = t in ("money", "number", "count", "pct", "band", "dash")
    mixed = t == "other"
    cost = 4.0 if index_ok else 0.0
    if kind == "amount":
        cost += 0.0 if num else (0.5 if mixed else 1.5)
    elif kind == "num":
        cost += 0.0 if num else (1.0 if mixed else 1.5)
    elif kind in ("label", "text"):
        cost += 0.0 if t in ("text", "empty") else (1.0 if mixed else 2.5)
    else:  # a matrix's column ("国家级"): numbers, as an amount column
        cost += 0.0 if num else (0.5 if mixed else 1.5)
    if above is not None:
        a = above.get(j)
        if a is not None:
            if _fine_joins(a.flat, cell.flat):
                cost -= 3.0
            elif _incomplete(a.flat):
                cost -= 1.0
            else:
                cost += 1.0
        if kind == "label" and t == "text":
            cost -= 0.2  # a name wraps more often than the other cells
    return cost


def _fine_assign(cells: list[_Cell], kinds: list[str], index_ok: bool, above: dict[int, _Cell] | None) -> dict[int, _Cell]:
    """Cells to columns, in order, at the least cost (`_fine_cost`)."""
    m, n = len(cells), len(kinds)
    inf = float("inf")
    best = [[inf] * n for _ in range(m)]
    back = [[-1] * n for _ in range(m)]
    for j in range(n - m + 1):
        best[0][j] = _fine_cost(cells[0], j, kinds, index_ok, above)
    for i in range(1, m):
        for j in range(i, n - m + i + 1):
            k = min(range(i - 1, j), key=lambda k: best[i - 1][k])
            best[i][j] = best[i - 1][k] + _fine_cost(cells[i], j, kinds, False, above)
            back[i][j] = k
    j = min(range(m - 1, n), key=lambda j: best[m - 1][j])
    cols = [0] * m
    for i in range(m - 1, -1, -1):
        cols[i] = j
        j = back[i][j]
    out: dict[int, _Cell] = {}
    for i, j in enumerate(cols):
        # a number that fits another column as well (two amount columns, one number on the line):
        # which column it stands in cannot be read — a column of its own (n + i), left as todo
        lo = cols[i - 1] + 1 if i else 0
        hi = cols[i + 1] if i + 1 < m else n
        here = _fine_cost(cells[i], j, kinds, index_ok and i == 0, above)
        if _NUMBERISH.search(cells[i].flat) and kinds[j] != "index" and any(
            j2 != j and kinds[j2] in ("amount", "any", "num")
            and _fine_cost(cells[i], j2, kinds, index_ok and i == 0, above) - here < 0.3
            for j2 in range(lo, hi)
        ):
            out[n + i] = cells[i]
        else:
            out[j] = cells[i]
    return out


def _fine_fit(cells: list[_Cell], n: int) -> list[_Cell]:
    """More cells than columns: words of one cell apart by a space ("省级 工程研究中心") are
    joined, two cells without a number side by side first."""
    cells = list(cells)
    while len(cells) > n:
        k = next((k for k in range(1, len(cells) - 1) if _ctype(cells[k].flat) == "text" and _ctype(cells[k + 1].flat) == "text"), None)
        if k is None:
            k = len(cells) - 2
        a, b = cells[k], cells[k + 1]
        no, s, _e = a.pieces[0]
        if len(a.pieces) == 1 and len(b.pieces) == 1 and b.pieces[0][0] == no:
            cells[k : k + 2] = [_Cell([(no, s, b.pieces[0][2])], a.text + b.text)]
        else:
            cells[k : k + 2] = [a.joined(b)]
    return cells


# a header cell that says what its column holds ("奖励事项", "责任处室"), not a header cut short
# ("奖励", "责任")
_WHOLE_HDR = re.compile(
    r"序号|编号|(?:[\u4e00-\u9fff]{0,4})(?:事项|项目)(?:名称)?|[\u4e00-\u9fff]{0,4}名称"
    r"|[\u4e00-\u9fff]{0,6}(?:类别|类型|对象|称号|荣誉|载体|赛事|内容|标准|金额|额度|资金|奖金|方式|说明|备注|处室|部门|科室"
    r"|单位|条件|时间|依据|电话|数量|名额|区间|范围|规模)(?:\([^()]*\))?"
)


def _header_join_score(head: _Cell, flat: str) -> float:
    """How well a word of a header's second line goes on a header cell: a unit ("（万元）") on an
    amount header; a word that makes a header cut short whole ("奖励" + "事项", "责任" + "处室");
    never on a header already whole ("序号", "奖励金额")."""
    if re.fullmatch(r"\((?:单位[:])?(?:万元|亿元|元)(?:/[^()]{1,4})?\)", flat):
        if _unit_of_header(head):
            return -2.0
        return 3.0 if (_HDR_AMOUNT.search(head.flat) or _HDR_AMOUNT_WEAK.search(head.flat)) else -1.0
    if _WHOLE_HDR.fullmatch(head.flat):
        return -2.0
    return 3.0 if _WHOLE_HDR.fullmatch(head.flat + flat) else 0.0


def _fine_header_wrap(cells: list[_Cell], header: dict[int, _Cell], kinds: list[str]) -> dict[int, _Cell]:
    """A header line wrapped onto the next, cells apart by one space: each word to the column it
    makes whole, in order ("序号 奖励 奖励标准 兑现" / "事项 方式", "序号 认定 奖励金额 备注" / "类别
    （万元）"); {} when the words fit no columns."""
    n, m = len(kinds), len(cells)
    if m == n:
        return {j: c for j, c in enumerate(cells)}
    if m > n:
        return {}
    neg = float("-inf")
    best = [[neg] * n for _ in range(m)]
    back = [[-1] * n for _ in range(m)]
    for j in range(n - m + 1):
        best[0][j] = _header_join_score(header[j], cells[0].flat) + j * 1e-3
    for i in range(1, m):
        for j in range(i, n - m + i + 1):
            k = max(range(i - 1, j), key=lambda k: best[i - 1][k])
            best[i][j] = best[i - 1][k] + _header_join_score(header[j], cells[i].flat) + j * 1e-3
            back[i][j] = k
    j = max(range(m - 1, n), key=lambda j: best[m - 1][j])
    if best[m - 1][j] < 0:
        return {}
    out: dict[int, _Cell] = {}
    for i in range(m - 1, -1, -1):
        out[j] = cells[i]
        j = back[i][j]
    return out


def _fine_line_rows(texts: _Text, idx: list[int]) -> tuple[list[tuple[int, dict[int, _Cell], bool]], int] | None:
    """The lines of a table whose cells stand apart by one space, cells placed in columns by
    what they hold (the header says what each column holds): "2 省级绿色工厂示范企业 60",
    "4 省级智能制造标杆" / "车间 30" (the name goes on, the amount stands on the row's
    second line), a header wrapped onto a second line ("序号 类型 资助金额" / "（万元）"), a cell
    wrapped over lines ("…首次跨越8亿" / "元、30亿元…").  None without a header line (the
    caller places cells by position)."""
    per = [(i, _fine_cells(texts.lines[i].no, texts.lines[i].raw)) for i in idx]
    if not per or len(per[0][1]) < 2 or any(_NUMBERISH.search(c.flat) for c in per[0][1]):
        return None
    head = per[0][1]
    n = len(head)
    header = {j: c for j, c in enumerate(head)}
    first_kinds = [_fine_kind(c) for c in head]
    wraps: list[tuple[int, dict[int, _Cell]]] = []
    k = 1
    while k < len(per):
        i, cells = per[k]
        if not cells or any(_NUMBERISH.search(c.flat) for c in cells):
            break
        if not all(_prog_header_word(c.flat) or _header_like({0: c}) and len(c.flat) <= 6 for c in cells):
            break
        if _group_line(per, k, n):
            break  # "中国质量奖" over "组织 300": the first cell of the rows below, no header's
        placed = _fine_header_wrap(cells, header, first_kinds)
        if not placed:
            break
        wraps.append((i, placed))
        for j, c in placed.items():
            header[j] = header[j].joined(c)
        k += 1
    kinds = [_fine_kind(header[j]) for j in range(n)]  # "责任" + "处室": an office
    # most rows one cell more than the header: the header's top-left cell is blank (the row names)
    rows_n = [len(cells) for _i, cells in per[k:] if any(_NUMBERISH.search(c.flat) for c in cells)]
    corner = bool(rows_n) and sum(1 for x in rows_n if x == n + 1) * 2 > len(rows_n) and "label" not in kinds
    shift = 1 if corner else 0
    if corner:
        kinds = ["label", *kinds]
    out: list[tuple[int, dict[int, _Cell], bool]] = [(per[0][0], {j + shift: c for j, c in enumerate(head)}, False)]
    out += [(i, {j + shift: c for j, c in placed.items()}, False) for i, placed in wraps]
    n += shift
    header_flats = {texts.lines[i].flat for i, _c in [per[0], *per[1:k]]}
    has_index = "index" in kinds
    last_index = 0
    above: dict[int, _Cell] | None = None
    group: _Cell | None = None  # a first cell standing over the rows it spans (a merged cell)
    for at in range(k, len(per)):
        i, cells = per[at]
        if not cells:
            continue
        if texts.lines[i].flat in header_flats:
            out.append((i, {j: c for j, c in enumerate(cells[:n])}, False))  # the header again after a page break
            above = None
            continue
        if _group_line(per, at, n):
            group, above = cells[0], None
            continue
        if group is not None and len(cells) == n - 1 and any(_NUMBERISH.search(c.flat) for c in cells):
            cells = [group, *cells]  # "组织 300" under "中国质量奖": the row of 中国质量奖
        elif len(cells) >= n:
            group = None
        cells = _fine_fit(cells, n)
        v = _index_value(cells[0].flat) if has_index and len(cells) >= 2 else None
        index_ok = v is not None and v > last_index
        start = index_ok if has_index else (len(cells) >= n or (len(cells) >= 2 and _has_digit({j: c for j, c in enumerate(cells)})))
        placed = _fine_assign(cells, kinds, index_ok, None if start else above)
        if not start and above and len(cells) == 1 and _GOES_ON.match(cells[0].flat):
            # "含已获省级奖励" / "的企业": the last words cell above going on, wherever the line starts
            words = [j for j, c in above.items() if not _NUMBERISH.search(c.flat)]
            if words:
                placed = {max(words): cells[0]}
        if start or above is None:
            if index_ok:
                last_index = v
            above = dict(placed)
        else:
            for j, c in placed.items():
                above[j] = above[j].joined(c) if j in above else c
        out.append((i, placed, start))
    return out, n


# a cell's words that can only go on from the cell above ("…含已获省级奖励" / "的企业")
_GOES_ON = re.compile(r"[的之等及和与或、,)）]")


def _group_line(per: list[tuple[int, list[_Cell]]], at: int, n: int) -> bool:
    """Line `at` is one cell without a number over a row of one cell fewer than the header's
    three or more, with a number ("中国质量奖" / "组织 300" / "个人 50" under "奖项名称 获奖主体
    奖励金额（万元）"): the first column's cell merged over the rows below it."""
    cells = per[at][1]
    if n < 3 or len(cells) != 1 or _NUMBERISH.search(cells[0].flat) or at + 1 >= len(per):
        return False
    if _GOES_ON.match(cells[0].flat):
        return False  # "…含已获省级奖励" / "的企业": the cell above going on, no group's name
    below = per[at + 1][1]
    return len(below) == n - 1 and any(_NUMBERISH.search(c.flat) for c in below)


def _grid_single(texts: _Text, idx: list[int]) -> _Grid | None:
    """One cell per line: the number of columns is the one that reads every row alike."""
    cells: list[_Cell] = []
    blanks: dict[int, tuple[int, int]] = {}  # line index -> blank lines before, after
    for i in idx:
        before = after = 0
        k = i - 1
        while k >= 0 and texts.lines[k].kind == "blank":
            before, k = before + 1, k - 1
        k = i + 1
        while k < len(texts.lines) and texts.lines[k].kind == "blank":
            after, k = after + 1, k + 1
        blanks[texts.lines[i].no] = (before, after)
    for i in idx:
        c = texts.line_cell(i)
        if cells and (
            (_WRAP_END.search(cells[-1].flat) and not _DASH.match(cells[-1].flat)) or _WRAP_START.match(c.flat)
        ):
            cells[-1] = cells[-1].joined(c)
        else:
            cells.append(c)
    grid = _chunk(cells)
    if grid is None:
        # a bare page number among the cells ("9" alone on a line, set apart by more blank
        # lines than the cells are)
        gaps = sorted(sum(blanks[c.first_line]) for c in cells)
        usual = gaps[len(gaps) // 2]
        for k, c in enumerate(cells):
            before, after = blanks[c.first_line]
            if len(c.pieces) == 1 and re.fullmatch(r"\d{1,3}", c.flat) and before and after and before + after > usual:
                grid = _chunk(cells[:k] + cells[k + 1 :])
                if grid is not None:
                    texts.lines[texts.index[c.first_line]].kind = "page"
                    break
    return grid


_UNIT_CELL = re.compile(r"[(（](?:单位[:：])?(?:万元|元|亿元|%)(?:/[^()（）]{1,6})?[)）]")


def _chunk(cells: list[_Cell]) -> _Grid | None:
    got = _rows_by_index(cells)
    if got is not None:
        return got
    # "补助标准" / "（元/千瓦时）": a header cell's unit on a line of its own is that cell's
    lead = 0
    while lead < len(cells) and _klass(cells[lead].flat) == "T":
        lead += 1
    if any(_UNIT_CELL.fullmatch(c.flat) for c in cells[1:lead]):
        joined: list[_Cell] = []
        for k, c in enumerate(cells):
            if 0 < k < lead and joined and _UNIT_CELL.fullmatch(c.flat):
                joined[-1] = joined[-1].joined(c)
            else:
                joined.append(c)
        cells = joined
    klass = [_klass(c.flat) for c in cells]
    for need in (2, 1):
        for k in range(2, 9):
            for h in (k, k - 1):
                if h < 1 or h >= len(cells) or any(kl != "T" for kl in klass[:h]):
                    continue
                got = _rows_of(cells, k, h, need)
                if got is not None:
                    return got
    for k in range(2, 9):  # no header
        got = _rows_of(cells, k, 0, 2)
        if got is not None:
            return got
    return None


def _index_value(flat: str) -> int | None:
    m = _INDEX_CELL.match(flat)
    if not m:
        return None
    core = re.sub(r"[().、]", "", flat)
    return int(core) if core.isdigit() else cn_number(core)


def _rows_by_index(cells: list[_Cell]) -> _Grid | None:
    """One cell per line under a header "序号 / 奖励事项 / 奖励标准 / 备注": the rows start at the
    numbers 1, 2, 3…, each as many cells as the header (the header again after a page break is
    skipped)."""
    h = 0
    while h < len(cells) and _klass(cells[h].flat) == "T":
        h += 1
    if h < 2 or not _HDR_INDEX.fullmatch(cells[0].flat) or h >= len(cells) or _index_value(cells[h].flat) != 1:
        return None
    head = cells[:h]
    head_flats = [c.flat for c in head]
    body: list[_Cell] = []
    skipped: list[_Cell] = []
    i = h
    while i < len(cells):
        if [c.flat for c in cells[i : i + h]] == head_flats:
            skipped.extend(cells[i : i + h])
            i += h
            continue
        body.append(cells[i])
        i += 1
    # "奖励标准" / "（万元）": a header cell's unit on a line of its own is that cell's
    merged_head: list[_Cell] = []
    for c in head:
        if merged_head and re.fullmatch(r"[(（](?:单位[:：])?(?:万元|元|亿元|%)(?:/[^()（）]{1,4})?[)）]", c.flat):
            merged_head[-1] = merged_head[-1].joined(c)
        else:
            merged_head.append(c)
    head, h = merged_head, len(merged_head)
    rows: list[_Row] = []
    i, expect = 0, 1
    while i < len(body):
        if _index_value(body[i].flat) != expect:
            return None
        j = i + 1
        while j < len(body) and _index_value(body[j].flat) != expect + 1:
            j += 1
        if j - i == h:
            rows.append(_Row({c: body[i + c] for c in range(h)}))
        elif rows and 2 <= j - i < h:
            # "2 / 市级 / 12" under "1 / 甲类载体 / 省级 / 45": a row whose first name cells
            # are merged with the row above's — the index, then the last cells of the row
            m = j - i
            row = {0: body[i]}
            row.update({h - (m - 1) + c: body[i + 1 + c] for c in range(m - 1)})
            for c in range(1, h - (m - 1)):
                if c in rows[-1].cells:
                    row[c] = rows[-1].cells[c]
            if any(_klass(body[i + 1 + c].flat) != _klass(rows[-1].cells[h - (m - 1) + c].flat)
                   for c in range(m - 1) if h - (m - 1) + c in rows[-1].cells):
                return None  # (the cells left do not read as the row above's last ones)
            rows.append(_Row(row))
        else:
            return None
        i, expect = j, expect + 1
    if len(rows) < 2:
        return None
    return _Grid(h, {j: c for j, c in enumerate(head)}, rows, skipped)


def _rows_of(cells: list[_Cell], k: int, h: int, need: int) -> _Grid | None:
    """The cells after a header of h cells as rows of k cells (h = k - 1: the header has no
    top-left cell), every row read alike: text where the first row has text, numbers (or a
    dash) where it has numbers; a row short of its first cell(s) continues a merged cell."""
    head = cells[:h]
    head_flats = [c.flat for c in head]
    off = k - h  # a header without its top-left cell
    rows: list[_Row] = []
    skipped: list[_Cell] = []
    # the header again after a page break, between rows or inside one (a row broken by the page)
    body: list[_Cell] = []
    i = h
    while i < len(cells):
        if h >= 2 and [c.flat for c in cells[i : i + h]] == head_flats:
            skipped.extend(cells[i : i + h])
            i += h
            continue
        body.append(cells[i])
        i += 1
    cells = body
    klass = [_klass(c.flat) for c in cells]
    sig: list[str] | None = None
    i = 0
    n = len(cells)
    while i < n:
        if sig is None:
            seg = klass[i : i + k]
            if len(seg) < k or "N" not in seg:
                return None
            if h == 0 and not re.fullmatch(r"T+N+", "".join(seg)):
                return None  # without a header a row reads: its name, then its amounts
            sig = seg
            rows.append(_Row({j: cells[i + j] for j in range(k)}))
            i += k
            continue
        if klass[i : i + k] == sig:
            rows.append(_Row({j: cells[i + j] for j in range(k)}))
            i += k
            continue
        # a row without its first cell(s): a merged cell above
        lead_t = 0
        while lead_t < k and sig[lead_t] == "T":
            lead_t += 1
        for m in range(1, lead_t):
            if klass[i : i + k - m] == sig[m:]:
                rows.append(_Row({m + j: cells[i + j] for j in range(k - m)}))
                i += k - m
                break
        else:
            return None
    if len(rows) < need:
        return None
    header = {off + j: c for j, c in enumerate(head)}
    return _Grid(k, header, rows, skipped)


# ------------------------------------------------------------------------------------------
# the clause: lead, table, sentences after it
# ------------------------------------------------------------------------------------------
def _separated(raw: str) -> bool:
    """Cells apart by pipes, tabs or runs of spaces."""
    body = raw.strip()
    if len([p for p in re.split(r"[|｜]", body) if p.strip()]) >= 2:
        return True
    if "\t" in body:
        return True
    return bool(re.search(r"\S(?: {2,}|\u3000+|\t)\S", body))


def _table_line(ln: _Line) -> bool:
    """A row or a cell of a table (not a sentence)."""
    if len([p for p in re.split(r"[|｜]", ln.raw.strip()) if p.strip()]) >= 2:
        return True
    if _separated(ln.raw):
        return "。" not in ln.flat
    return not _prose(ln.flat)


def _table_goes_on(lines: list[_Line], i: int) -> bool:
    """The next text line after line i is a row of a spaced or pipe table: line i, a cell wrapped
    in the middle of the table ("（含2028年度入围揭榜单位），且"), is part of it."""
    for ln in lines[i + 1 :]:
        if ln.kind == "text":
            return _separated(ln.raw) and "。" not in ln.flat
    return False


_NOTE_START = re.compile(r"^(?:注|备注|说明)\d?[:.、]")


def _fine_row_under(head: _Line, ln: _Line) -> bool:
    """A row of as many cells apart by one space as the header above has ("中国优秀工业设计奖
    金奖、银奖、优秀奖分别奖励100万元、50万元、20万元"): a row even when long."""
    if _separated(head.raw) or _NUMBERISH.search(head.flat) or "。" in ln.flat or _separated(ln.raw):
        return False
    n = len(_FINE.findall(head.raw.strip()))
    return n >= 2 and len(_FINE.findall(ln.raw.strip())) == n and all(len(c) <= 12 for c in _FINE.findall(head.raw.strip()))


def _fine_index_row(ln: _Line) -> bool:
    """A row of cells apart by one space that starts with its number ("1 省级… 新认定的资助
    60万元；复评合格的资助20万元 …"): a row even when its cells read like a sentence."""
    cells = _FINE.findall(ln.raw.strip())
    return (
        len(cells) >= 3 and bool(re.fullmatch(r"\d{1,3}", half(cells[0]))) and "。" not in ln.flat
        and bool(re.search(r"[\u4e00-\u9fff]", cells[1]))
    )


def _prose(flat: str) -> bool:
    """A sentence, not a table cell."""
    if "。" in flat or ";" in flat:
        return True
    if re.search(r",(?!\d{3})", flat) and len(flat) > 15:
        return True
    return len(flat) > 40


def _layout(texts: _Text, idx: list[int]) -> str:
    n = len(idx)
    raws = [texts.lines[i].raw for i in idx]
    pipe = sum(1 for r in raws if re.search(r"[|｜]", r))
    tab = sum(1 for r in raws if "\t" in r.strip())
    gap = sum(1 for r in raws if len(_COARSE.findall(r)) >= 2)
    # (a space inside a number, "1 000", or inside brackets, "优秀（A 类）", parts no cells)
    fine = sum(1 for r in raws if len(_FINE.findall(_one_cell_spaces_out(r))) >= 2)
    if pipe >= 2 and pipe * 2 >= n:
        return "pipe"
    if tab >= 2 and tab * 2 >= n:
        return "tab"
    if gap >= 2 and gap * 2 >= n:
        return "spaced"
    if fine >= 2 and fine * 2 >= n:
        return "fine"
    return "single"


def _one_cell_spaces_out(raw: str) -> str:
    """The spaces that stand inside one cell out: "1 000" (thousands), "（A 类）" (a bracket)."""
    raw = re.sub(r"[（(][^（）()]{0,12}[）)]", lambda m: m.group(0).replace(" ", ""), raw)
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", raw)


@dataclass
class _Clause:
    lead: list[int]  # line indexes
    table: list[int]  # text lines of the table
    unit_lines: list[int]
    trailing: list[int]
    unit: str | None
    unit_from: str | None


def _fine_header_line(lines: list[_Line], content: list[int], k: int) -> bool:
    """A header of cells apart by one space ("序号 支持类别 补助标准", "产值规模 补助金额（万元）")
    over a row of as many cells with a number: no heading or title of the lead, though it may
    read like one ("…奖励标准")."""
    ln = lines[content[k]]
    cells = _fine_cells(ln.no, ln.raw)
    if len(cells) < 2 or _NUMBERISH.search(ln.flat) or re.search(r"[。;:,]", ln.flat) or any(len(c.flat) > 12 for c in cells):
        return False
    if sum(1 for c in cells if _fine_kind(c) != "any") < 2 or k + 1 >= len(content):
        return False
    nxt = lines[content[k + 1]]
    if "。" in nxt.flat or not _NUMBERISH.search(nxt.flat):
        return False
    return len(_fine_cells(nxt.no, nxt.raw)) == len(cells) or _fine_index_row(nxt)


def _wrapped_sentence(lines: list[_Line], content: list[int], k: int) -> bool:
    """A lead sentence hard-wrapped over lines ("对2031年度产值首次跨越…给予一次性奖" / "励。申报
    企业…"): a long line of one run of text whose sentence ends on the next line."""
    ln = lines[content[k]]
    if len(ln.flat) < 15 or len(_FINE.findall(_number_spaces_out(ln.raw))) != 1 or ln.flat.endswith(":") or k + 1 >= len(content):
        return False
    # (the sentence may end on the line after next: "…奖励标准见" / "表 1。")
    for j in (1, 2):
        if k + j >= len(content):
            return False
        nxt = lines[content[k + j]]
        if re.search(r"[|｜\t]", nxt.raw):
            return False
        head = _number_spaces_out(nxt.raw.strip()).split("。", 1)
        if len(head) == 2:
            return not re.search(r"\s", head[0])
        if len(nxt.flat) < 15 or len(_FINE.findall(_number_spaces_out(nxt.raw))) != 1:
            return False
    return False


def _number_spaces_out(raw: str) -> str:
    """The one space a PDF's text sets on either side of a number ("对 2160 年度获得"), out."""
    return re.sub(r"(?<=\d) (?=[^\d\s])|(?<=[^\d\s]) (?=\d)", "", raw)


def _split_clause(texts: _Text) -> _Clause | None:
    lines = texts.lines
    content = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    if not content:
        return None
    lead_end = 0  # index into lines: first line after the lead
    found = False
    for i in content[:6]:
        if lines[i].flat.endswith(":") and not re.search(r"[|｜]", lines[i].raw):
            lead_end, found = i + 1, True
            break
        if _separated(lines[i].raw):
            break
    if not found:
        for k, i in enumerate(content):
            f = lines[i].flat
            if _title_and_unit(lines[i]):
                lead_end = i + 1
                continue
            if _separated(lines[i].raw) or _UNIT_LINE.match(f) or _fine_header_line(lines, content, k):
                break
            # "设施类型" / "补贴标准" / "（元/吨）": a header printed one cell per line,
            # its last cell's unit on a line of its own, opens the table
            ahead = [lines[content[k + d]].flat for d in (1, 2) if k + d < len(content)]
            if len(f) <= 12 and not re.search(r"[,。;:、]", f) and not _TABLE_NO.match(lines[i].raw.strip()) \
                    and any(_UNIT_CELL.fullmatch(x) and "单位" not in x for x in ahead) and not _UNIT_CELL.fullmatch(f) \
                    and not _title(f):
                break
            if _HEADING.fullmatch(f) or _prose(f) or _title(f) or _wrapped_sentence(lines, content, k):
                lead_end = i + 1
                continue
            # a table's title wrapped over two lines ("2029年度省级工业和信息化发展专项资金" /
            # "奖励标准")
            nxt = content[k + 1] if k + 1 < len(content) else None
            if (
                nxt is not None and len(f) >= 6 and not re.search(r"(?:事项|标准|金额|类别|名称|序号|备注)$", f)
                and not _separated(lines[nxt].raw) and _title(f + lines[nxt].flat)
            ):
                lead_end = i + 1
                continue
            break
    lead = [i for i in content if i < lead_end]
    table: list[int] = []
    units: list[int] = []
    trailing: list[int] = []
    for i in range(lead_end, len(lines)):
        ln = lines[i]
        if trailing:
            trailing.append(i)
            continue
        if ln.kind != "text":
            continue
        if _UNIT_LINE.match(ln.flat):
            units.append(i)
        elif table and _NOTE_START.match(ln.flat):
            trailing.append(i)
        elif not table and _TABLE_NO.match(ln.raw.strip()) and _title(ln.raw.strip()):
            lead.append(i)  # the table's number and title after the lead ("表2 重点企业支持标准")
        elif _table_line(ln) or (table and "。" not in ln.flat and _table_goes_on(lines, i)) or (table and (_fine_index_row(ln) or _fine_row_under(lines[table[0]], ln))):
            table.append(i)
        elif not table:
            lead.append(i)  # a second lead sentence
        else:
            trailing.append(i)
    unit = unit_from = None
    for i in [*lead, *units]:
        m = _UNIT_IN.search(lines[i].flat)
        if m:
            unit = m.group("u")
            raw = _UNIT_RAW.search(_compact(lines[i].raw))
            unit_from = raw.group(0) if raw else f"单位：{unit}"
    return _Clause(lead, table, units, trailing, unit, unit_from)


_UNIT_RAW = re.compile(r"[（(]?(?:金额|资金|奖励|补助)?单位[:：]?(?:万元|亿元|元)(?:/[个家项台套人户件])?[)）]?")


# ------------------------------------------------------------------------------------------
# columns
# ------------------------------------------------------------------------------------------
def _role(header: _Cell | None, cells: list[_Cell]) -> str:
    """label, amount, value (an amount column named by its header: a matrix), band, quota, other,
    empty."""
    types = [_ctype(c.flat) for c in cells]
    filled = [t for t in types if t not in ("empty", "dash")]
    hf = header.flat if header else ""
    if not filled:
        return "empty"
    if _note_header(_header_name(header) if header else ""):
        return "note"
    if _HDR_INDEX.fullmatch(hf) or _HDR_INDEX.fullmatch(re.sub(r"\([^()]*\)", "", hf)):
        return "index"  # "序号（万元）": a unit wrapped under the wrong column is no amount of the 序号
    if all(t == "text" for t in filled):
        return "label"
    if all(_ctype(re.sub(r"\([^()]*\)", "", c.flat)) in ("text", "empty") for c in cells if c.flat):
        return "label"  # "A类企业（综合得分前10名）": a number only in a name's remark
    if _HDR_LABEL.search(_header_name(header) if header else "") and not _HDR_AMOUNT_WEAK.search(hf):
        # a column of names ("奖励事项"): its numbers ("2029年度…", "中国企业500强") are part of
        # the names, unless the column holds amounts after all
        if sum(1 for t in filled if t in ("money", "pct")) * 2 < len(filled):
            return "label"
    bands = sum(1 for t in filled if t == "band")
    if _HDR_QUOTA.search(hf) or all(t == "count" for t in filled):
        return "quota"
    if _HDR_AMOUNT.search(hf):
        return "band" if bands == len(filled) else "amount"
    if _HDR_BAND.search(hf) or bands * 2 >= len(filled):
        return "band"
    if _HDR_AMOUNT_WEAK.search(hf):
        return "amount"
    if all(t in ("money", "number", "pct", "text") for t in filled):
        return "value"
    return "other"


def _unit_of_header(header: _Cell | None) -> str | None:
    if not header:
        return None
    m = _HDR_UNIT.search(header.flat)
    if not m:
        return None
    return m.group("u") or m.group("u2") or m.group("u3")


def _per_of_header(header: _Cell | None) -> str | None:
    """"奖励金额（万元/家）" -> "家": each one's amount."""
    m = _HDR_UNIT.search(header.flat) if header else None
    return m.group("per") if m else None


def _header_name(header: _Cell) -> str:
    """A column header without its unit: "国家级（万元）" -> "国家级"."""
    name = re.sub(r"[（(](?:单位[:：])?(?:万元|亿元|元)[)）]|单位[:：](?:万元|亿元|元)", "", header.text)
    return name.strip("：:/ ") or header.text


# ------------------------------------------------------------------------------------------
# cells to numbers
# ------------------------------------------------------------------------------------------
_MANY = "一格中有多个金额，未转为数据"


def _rate_with_cap(texts: _Text, made: list[dict], name_cells: list[_Cell], row_name: str) -> list[dict]:
    """A row with a rate in one column and a cap in another ("甲类 | 一档 | 35% | 260万元"
    under "补助比例 | 每家年度资助上限"): one class, the rate with its cap, cited at
    both cells — never two classes of the same row."""
    rates = [v for v in made if v.get("kind") == "rate_cap" and v.get("rate") is not None and v.get("cap") is None]
    caps = [v for v in made if v.get("kind") == "cap_only"]
    if len(made) != 2 or len(rates) != 1 or len(caps) != 1 or not row_name:
        return made
    r, c = rates[0], caps[0]
    merged = {k: val for k, val in r.items() if k not in ("name", "source", "note", "_cell")}
    merged = {"name": row_name, **merged, "cap": c["cap"], "source": texts.source([*name_cells, r["_cell"], c["_cell"]])}
    notes = [n for n in (r.get("note"), c.get("note")) if n]
    if notes:
        merged["note"] = _notes(notes)
    return [merged]


def _amount(cell: _Cell, unit: str | None) -> tuple[dict | None, str | None]:
    """({kind, fixed|cap|rate…, note?}, None) or (None, why not)."""
    return _amount_of(cell.flat, unit)


def _split_number(texts: _Text, cell: _Cell, apart: bool = True) -> bool:
    """A number broken over two lines of a cell ("一次性奖励30" / "0万元"); with `apart`, only when
    other text stands between the two parts (joined, the number could not be quoted as it
    stands)."""
    for (la, sa, ea), (lb, sb, eb) in zip(cell.pieces, cell.pieces[1:]):
        if la == lb:
            continue
        a = half(_compact(texts.lines[texts.index[la]].raw[sa:ea]))
        b = half(_compact(texts.lines[texts.index[lb]].raw[sb:eb]))
        if re.search(r"[\d.,]$", a) and re.match(r"[\d.,]", b) and (texts.between((la, ea), (lb, sb)) or not apart):
            return True
    return False


# one cell, several graded amounts: "一等奖100万元、二等奖50万元", "国家级200万元，省级最高50万元"
_GRADE_SEP = re.compile(r"[、;]|(?<!\d),|,(?!\d{3}(?!\d))")
_GRADE_ITEM = re.compile(
    r"(?:一次性|分别|给予|予以|奖励|补助|资助|奖补)*"
    r"(?P<g>[A-Za-z\u4e00-\u9fff()“”\"]{1,10}?)(?:奖励|补助|资助|给予|为)?:?"
    rf"(?P<amt>(?:每(?:{_PER_UNITS})(?:给予|奖励|补助|资助)?)?(?:最高不超过|最高|不超过)?\d+(?:\.\d+)?(?:万元|亿元|元)"
    rf"(?:/(?:{_PER_UNITS}))?(?:以内)?)(?:的?(?:奖励|补助|资助))?"
)


def _grades(texts: _Text, cell: _Cell, unit: str | None) -> list[tuple[str, _Cell, dict]] | None:
    """(grade, the part of the cell, amount) of each graded amount in a cell, or None."""
    flat = cell.flat
    cuts = [0, *(p for m in _GRADE_SEP.finditer(flat) for p in (m.start(), m.end())), len(flat)]
    out: list[tuple[str, _Cell, dict]] = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        m = _GRADE_ITEM.fullmatch(flat, a, b)
        if not m:
            return None
        g = cell.text[m.start("g") : m.end("g")]
        if len(g) > 2 and g.endswith("的"):
            g = g[:-1]  # "新认定的资助60万元" -> 新认定
        if _LEADIN.match(half(g)) or not re.search(r"[A-Za-z\u4e00-\u9fff]", g) or _THRESHOLD_BEFORE.search(half(g)):
            return None  # "营业收入达10亿元": a threshold, no amount
            return None
        d, why = _amount_of(m.group("amt"), unit)
        if d is None or d["kind"] not in ("fixed", "cap_only", "per_unit"):
            return None
        out.append((g, texts.sub(cell, m.start("g"), b), d))
    if len(out) < 2 or len({g for g, _c, _d in out}) < len(out):
        return None
    return out


# "一、二、三等奖分别奖励100、50、30万元", "产值首次跨越8亿元、30亿元、80亿元的，分别奖补20万元、60万元、
# 100万元": a list of grades (or thresholds) and a list of amounts, matched in order by "分别"
_LNUM = r"\d+(?:\.\d+)?"
_LIST_AMTS = re.compile(
    rf"分别(?P<cap>最高不超过|最高|不超过)?(?:给予|予以|奖励|补助|资助|奖补|补贴|支持|一次性)*(?P<cap2>最高不超过|最高|不超过)?"
    rf"(?P<amts>{_LNUM}(?:万元|亿元|元)?(?:[、和及]{_LNUM}(?:万元|亿元|元)?)+)(?:的?(?:奖励|补助|资助|奖补|补贴|支持))?[.;]?$"
)
_LIST_ITEM = re.compile(rf"(?P<n>{_LNUM})(?P<u>万元|亿元|元)?")
_TH_UNIT = r"(?:万元|亿元|元|万|亿|%|吨标准煤|吨|人|家|个|项|台|套|千瓦|兆瓦|平方米|亩)"
_LIST_THS = re.compile(
    rf"(?P<verb>突破|达到|超过|迈上|跨上|跃上|跨越|跨过|达)?(?P<ths>{_LNUM}{_TH_UNIT}?(?:[、]{_LNUM}{_TH_UNIT}?)+)$"
)
_LIST_TH = re.compile(rf"(?P<n>{_LNUM})(?P<u>{_TH_UNIT})?")
_LIST_GRADES = re.compile(r"(?P<items>[^\d、,;:()]{1,14}(?:、[^\d、,;:()]{1,10})+)$")
_GRADE_CHAR = re.compile(r"[一二三四五六七八九十特甲乙丙丁A-Za-z]")
_LIST_PREFIX = re.compile(r"^(?:对|获得|获|荣获|被|评为|认定为|列入|入选|首次|新|经)+")


def _listed(texts: _Text, cell: _Cell, unit: str | None) -> tuple[list[tuple[str, _Cell, dict]] | None, str | None, _Cell | None] | None:
    """Grades and amounts listed apart, matched in order by "分别": "一、二、三等奖分别奖励100、50、
    30万元" -> 一等奖 100, 二等奖 50, 三等奖 30; thresholds listed ("首次跨越8亿元、30亿元、80亿元
    的，分别奖补20万元、60万元、100万元") -> one variant per threshold, named by it ("跨越8亿元"),
    the thresholds never amounts.  (variants, None, the part with the thresholds or None) or
    (None, why not, that part) when the lists do not match one to one; None when the cell lists
    nothing so."""
    flat = cell.flat
    m = _LIST_AMTS.search(flat)
    if not m:
        return None
    items = list(_LIST_ITEM.finditer(flat, m.start("amts"), m.end("amts")))
    units = [it.group("u") for it in items]
    cond: _Cell | None = None
    pre_end = m.start()
    pre = flat[:pre_end]
    core = re.sub(r"(?:的?(?:企业|单位|项目|团队|个人)|的)?,?$", "", pre)
    if re.search(r"\d", core):
        cond = texts.sub(cell, 0, len(core))
    if units[-1] is None or (any(u is None for u in units[:-1]) and any(u is not None for u in units[:-1])):
        return None, "「分别」后所列金额的单位未能逐一读出，未转为数据", cond
    shared = units[0] is None
    u_last = units[-1]
    amounts: list[tuple[dict, int, int]] = []  # (amount, start, end of its quote in flat)
    cap = m.group("cap") or m.group("cap2")
    cap_at = m.start("cap") if m.group("cap") else m.start("cap2")
    for it in items:
        value, note = money_value(it.group("n"), it.group("u") or u_last)
        if value <= 0:
            return None, "「分别」后所列金额不为正数，未转为数据", cond
        d: dict = {"kind": "cap_only", "cap": value} if cap else {"kind": "fixed", "fixed": value}
        if note:
            d["note"] = note
        # the quote holds the number and its unit (the list's end when they share one), and "最高"
        amounts.append((d, cap_at if cap else it.start(), m.end("amts") if shared else it.end()))
    grades: list[tuple[str, int, int]] = []  # (name, start, end of its quote in flat)
    th = _LIST_THS.search(core)
    if th:
        ths = list(_LIST_TH.finditer(core, th.start("ths"), th.end("ths")))
        t_units = [t.group("u") for t in ths]
        verb = th.group("verb") or ""
        for t in ths:
            u = t.group("u") or (t_units[-1] if all(x is None for x in t_units[:-1]) else None)
            if u is None:
                return None, "「分别」前所列门槛的单位未能逐一读出，未转为数据", cond
            grades.append((f"{verb}{t.group('n')}{u}", t.start(), th.end("ths") if t.group("u") is None else t.end()))
    else:
        g = _LIST_GRADES.search(core)
        if not g:
            return None, "「分别」所对应的等次未能读出，未转为数据", cond
        parts: list[tuple[str, int]] = []
        pos = g.start("items")
        for k, piece in enumerate(core[g.start("items") :].split("、")):
            parts.append((piece, pos))
            pos += len(piece) + 1
        first, first_at = parts[0]
        last = parts[-1][0]
        singles = all(_GRADE_CHAR.fullmatch(p[-1:]) for p, _a in parts[:-1]) and all(len(p) == 1 for p, _a in parts[1:-1])
        if singles and len(last) >= 2 and _GRADE_CHAR.fullmatch(last[0]) and not _GRADE_CHAR.fullmatch(last[1]):
            # "一、二、三等奖": the suffix of the last goes with each
            suffix = last[1:]
            parts[0] = (first[-1], first_at + len(first) - 1)
            end = g.end("items")
            for p, a in parts:
                grades.append((f"{p[0]}{suffix}", a, end))
        else:
            strip = _LIST_PREFIX.match(first)
            if strip:
                parts[0] = (first[strip.end() :], first_at + strip.end())
            for p, a in parts:
                if not p or len(p) > 10:
                    return None, "「分别」所对应的等次未能读出，未转为数据", cond
                grades.append((p, a, a + len(p)))
        grades = [(cell.text[a : a + len(n)] if flat[a : a + len(n)] == half(n) else n, a, e) for n, a, e in grades]
    if len(grades) != len(amounts):
        return None, f"「分别」前后所列个数不一致（{len(grades)}个等次或门槛、{len(amounts)}个金额），未转为数据", cond
    if len({n for n, _a, _e in grades}) < len(grades):
        return None, "「分别」所对应的等次重名，未转为数据", cond
    out: list[tuple[str, _Cell, dict]] = []
    for (name, ga, ge), (d, aa, ae) in zip(grades, amounts):
        part = texts.sub(cell, ga, ge)
        amt = texts.sub(cell, aa, ae)
        out.append((name, _Cell(part.pieces + amt.pieces, part.text + amt.text), d))
    return out, None, cond


# a number that is a threshold, not an amount: "产值首次跨越8亿"
_THRESHOLD_BEFORE = re.compile(r"(?:突破|达到|(?<!不)超过|迈上|跨上|跃上|跨越|跨过|达)$")


def _band_edge_award(texts: _Text, row: _Row, left: int, cell: _Cell, ncols: int, unit: str | None,
                     thresholds: list[dict]) -> tuple[dict | None, str, _Cell]:
    """The award of a band row whose amount column holds the band's edge (the cell left of it ends
    with 突破/达到…): the one sum after the edge, in the cell itself or in the one cell past the
    last column (taken off the row), with the edge added to `thresholds`; or (None, why, cell)."""
    words = row.cells[left].flat
    edge = f"{row.cells[left].text}{cell.text}"
    moneys = find_money(cell.flat, 0, len(cell.flat))
    over = [k for k in sorted(row.cells) if k >= ncols]
    d = None
    if len(moneys) == 1 and len(over) == 1:
        award_cell = row.cells.pop(over[0])
        d, _why = _amount(award_cell, unit)
        said = award_cell.text
    elif len(moneys) == 2 and not over and not cell.flat[moneys[0].end:moneys[1].start].strip():
        award_cell = cell
        d, _why = _amount_of(cell.flat[moneys[1].start:], unit)
        edge = f"{row.cells[left].text}{cell.flat[:moneys[0].end]}"
        said = cell.flat[moneys[1].start:]
    if d is None:
        return None, f"「{edge}」：数字是门槛（突破/达到…），不是金额，未转为数据", cell
    # the edge is the band's condition: "年营业收入首次突破" + "10亿元" -> 年营业收入 >= 100000
    fld, fnote = field_name(re.sub(r"首次$", "", _THRESHOLD_BEFORE.sub("", words)), "万元")
    if fld:
        t = {"field": fld, "op": ">" if re.search(r"(?<!不)超过$", words) else ">=", "value": moneys[0].value,
             "unit": "万元", "label": edge, "source": texts.source([row.cells[left], cell])}
        if fnote or moneys[0].note:
            t["note"] = _notes([fnote, moneys[0].note])
        thresholds.append(t)
    d["note"] = _notes([d.get("note"), f"「{edge}」是本档的门槛，金额为其后的「{said}」，须审阅"])
    return d, "", award_cell


def _amount_of(flat: str, unit: str | None) -> tuple[dict | None, str | None]:
    t = _ctype(flat)
    if t == "dash":
        return None, None
    if re.search(r"\d(?:[万亿]?元)?、\d", flat):
        return None, _MANY  # "100、50、30万元": amounts listed, one unit for all — never one of them
    if t == "pct":
        return _rate_cap(flat)
    if _PER.search(flat):
        return _per_unit(flat)
    if t == "band":
        return None, "金额栏写的是区间，未转为数据"
    moneys = find_money(flat, 0, len(flat))
    note = None
    if len(moneys) == 1 and _THRESHOLD_BEFORE.search(flat[: moneys[0].start]):
        return None, "金额栏中的数字是门槛（突破/达到…），不是金额，未转为数据"
    if len(moneys) == 1:
        value, note = moneys[0].value, moneys[0].note
    elif moneys:
        return None, _MANY
    else:
        m = _BARE.match(flat)
        if not m:
            return None, "表格单元中的数字未能读作金额"
        u = m.group("u") or unit
        if not u:
            return None, "表格金额未注明单位，未按万元推定"
        num = m.group("num").replace(",", "")
        if "/" in u and not m.group("u"):  # under "奖励（万元/家）": each one's amount
            return _per_unit(num + u)
        value, note = money_value(num, u)
        if value <= 0:
            return None, "金额不为正数"
    if _CAP.search(flat):
        d = {"kind": "cap_only", "cap": value}
    else:
        d = {"kind": "fixed", "fixed": value}
    if note:
        d["note"] = note
    return d, None


def _per_unit(flat: str) -> tuple[dict | None, str | None]:
    """An amount per unit: "100万元/家" -> per_unit (unit_amount 100, unit 家); "每台（套）50万元"
    too; "200元/千瓦" in 万元 (÷10000, noted); "最高100万元/家" -> cap_only with `per` (the most for
    each unit, as clause_award writes "最高N万元/个").  Two amounts -> _MANY (the caller may split
    the cell by grade)."""
    moneys = find_money(flat, 0, len(flat))
    if len(moneys) > 1:
        return None, _MANY
    if not moneys:
        return None, "表格金额按单位计（每年/每个…），未写金额单位，未转为数据"
    mo = moneys[0]
    marks = list(_PER.finditer(flat))
    after = _PER_AFTER.match(flat, mo.end)
    before = [m for m in _PER_BEFORE.finditer(flat, 0, mo.start) if not _NUMBERISH.search(flat[m.end() : mo.start])]
    used = after or (before[-1] if before else None)
    if used is None or len(marks) > 1:
        return None, "表格金额按单位计（每年/每个…），未能读出，未转为数据"
    u_raw = used.group("u")
    u = _UNIT_NAME.get(u_raw, u_raw)
    notes = [mo.note]
    cap = _CAP.search(flat)
    if cap:
        d: dict = {"kind": "cap_only", "cap": mo.value, "per": u}
        notes.append(f"“{flat}”：每{u}的上限，不是每{u}的定额")
    else:
        d = {"kind": "per_unit", "unit_amount": mo.value, "unit": u}
    note = _notes(notes)
    if note:
        d["note"] = note
    return d, None


def _rate_cap(flat: str) -> tuple[dict | None, str | None]:
    pcts = list(PCT.finditer(flat))
    moneys = find_money(flat, 0, len(flat))
    if len(pcts) != 1 or len(moneys) > 1 or (moneys and not _CAP.search(flat[pcts[0].end():])):
        return None, "表格单元中的比例未转为数据"
    rate = pct_of(pcts[0])
    if rate is None or not (0 < rate <= 1):
        return None, "表格单元中的比例未转为数据"
    d: dict = {"kind": "rate_cap", "rate": rate}
    pre = flat[: pcts[0].start()]
    m = re.search(r"(?:按照|按|给予|对)?(?:不超过|最高)?(?P<base>[\u4e00-\u9fff()]{2,16}?)的$", pre)
    if m:
        d["base"] = m.group("base")
    else:
        d["note"] = "表格未写比例的基数，须审阅。"
    if moneys:
        d["cap"] = moneys[0].value
        if moneys[0].note:
            d["note"] = _notes([d.get("note"), moneys[0].note])
    return d, None


_RANGE = re.compile(
    r"^(?P<lo>\d+(?:\.\d+)?)(?P<lu>万元|亿元|元|万|亿)?(?P<linc>\(含\)|\(不含\))?"
    r"(?:[—–~～\-至到]+)"
    r"(?P<hi>\d+(?:\.\d+)?)(?P<hu>万元|亿元|元|万|亿)?(?P<hinc>\(含\)|\(不含\))?(?:以下|以内|之间)?$"
)
_OPEN = re.compile(
    r"^(?P<pre>不超过|不高于|不低于|不少于|不足|不满|未满|低于|少于|高于|超过|大于|小于|达到|≥|≤|<|>|>=|<=)?"
    r"(?P<n>\d+(?:\.\d+)?)(?P<u>万元|亿元|元|万|亿)?(?P<inc1>\(含\)|\(不含\))?"
    r"(?P<word>及以上|以上|及以下|以下|以内)?(?P<inc2>\(含\)|\(不含\))?$"
)
_SYM = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", "<": "<", ">": ">"}


_TWO_BOUNDS = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)(?P<au>万元|亿元|元)?(?:\(含\))?(?:及)?以上[、,;]"
    r"(?P<bw>不足|低于|未满|不满|小于|不超过|不高于)?(?P<b>\d+(?:\.\d+)?)(?P<bu>万元|亿元|元)?(?P<bi>\(含\))?(?P<bw2>以下)?"
)


def _band(cell: _Cell, header: _Cell | None, unit: str | None, texts: _Text) -> tuple[list[dict] | None, str | None]:
    """The thresholds a band cell gives, or (None, why not)."""
    if header is None:
        return None, "档位区间未转为条件（表头未写指标）"
    flat = re.sub(r"^[\u4e00-\u9fff]{0,8}?(?=\d|不|低|高|超|少|大|小|≥|≤|<|>|达)", "", cell.flat)
    hname = _header_name(header)
    fld, fnote = field_name(re.sub(r"[(（][^()（）]*[)）]", "", hname), "万元")
    if not fld:
        return None, "档位区间未转为条件（表头未写指标）"
    hunit = _unit_of_header(header) or unit
    bounds: list[tuple[str, str, str]] = []  # (op, number, unit)
    m = _RANGE.match(flat)
    two = None if m else _TWO_BOUNDS.fullmatch(flat)
    if two:
        # "60以上、不足100": the low end (以上 includes it), then the high one (不足 excludes it)
        u_lo, u_hi = two.group("au") or two.group("bu") or hunit, two.group("bu") or hunit
        if not (u_lo and u_hi):
            return None, "档位区间未注明单位，未转为条件"
        hi_op = "<=" if two.group("bw") in ("不超过", "不高于") or two.group("bw2") or two.group("bi") else "<"
        bounds = [(">=", two.group("a"), u_lo), (hi_op, two.group("b"), u_hi)]
    elif m:
        u_lo = m.group("lu") or m.group("hu") or hunit
        u_hi = m.group("hu") or hunit
        linc, hinc = m.group("linc"), m.group("hinc")
        if not (u_lo and u_hi):
            return None, "档位区间未注明单位，未转为条件"
        if linc is None and hinc is None:
            return None, "档位区间未写明端点是否含在内，未转为条件"
        lo_op = ">" if linc == "(不含)" or (linc is None and hinc == "(含)") else ">="
        hi_op = "<=" if hinc == "(含)" else "<"
        bounds = [(lo_op, m.group("lo"), u_lo), (hi_op, m.group("hi"), u_hi)]
    else:
        m = _OPEN.match(flat)
        if not m:
            return None, "档位区间的写法未能读作条件"
        u = m.group("u") or hunit
        if not u:
            return None, "档位区间未注明单位，未转为条件"
        pre = m.group("pre")
        inc = "(含)" in ((m.group("inc1") or "") + (m.group("inc2") or ""))
        exc = "(不含)" in ((m.group("inc1") or "") + (m.group("inc2") or ""))
        op = _SYM.get(pre) if pre in _SYM else operator(pre, m.group("word"), inc, exc)
        if op is None and not pre and not m.group("word"):
            # "首次突破档次 | 奖励金额 / 10亿元 | 30万元": the header says which way (DOMAIN.md:
            # 突破/达到 include the number, 超过 does not)
            lead = cell.flat[: len(cell.flat) - len(flat)]  # "首次突破100亿元": the cell's own words
            hm = re.search(r"突破|达到|迈上|跨越|跨上|(?<!不)超过", re.sub(r"\s+", "", hname) + lead)
            if hm:
                op = ">" if hm.group(0) == "超过" else ">="
        if op is None:
            return None, "档位区间未写明方向（以上/以下），未转为条件"
        bounds = [(op, m.group("n"), u)]
    src = texts.source([header, cell])
    label = f"{hname}{cell.text}"
    out = []
    for op, num, u in bounds:
        value, mnote = money_value(num, u)
        t = {"field": fld, "op": op, "value": value, "unit": "万元", "label": label, "source": dict(src)}
        note = _notes([fnote, mnote, None if hname == fld or fnote else f"表头为「{hname}」。"])
        if note:
            t["note"] = note
        out.append(t)
    return out, None


def _quota(cell: _Cell, header: _Cell | None) -> tuple[Decimal | None, str | None]:
    flat = cell.flat
    if _ctype(flat) == "dash":
        return None, None
    counts = find_counts(flat, 0, len(flat))
    if len(counts) == 1 and not find_money(flat, 0, len(flat)):
        return counts[0].value, None
    m = re.fullmatch(r"(?:不超过|不多于|最多|限报|限)?(\d+)", flat)
    if m and header is not None and _HDR_QUOTA.search(header.flat):
        return dec(m.group(1)), None
    return None, "数量栏未能读作数量"


# ------------------------------------------------------------------------------------------
# the result
# ------------------------------------------------------------------------------------------
def read_tier_table(section: Section, file: str) -> Parsed | None:
    """A clause whose amounts stand in a table, as a `tiered` award (module docstring); None when
    the clause has no such table."""
    texts = _Text(section, file)
    clause = _split_clause(texts)
    if clause is None or len(clause.table) < 2:
        return None
    last = texts.lines[clause.lead[-1]].flat if clause.lead else ""
    announced = bool(clause.unit_lines) or bool(
        (last.endswith(":") and (_ANNOUNCES.search(last) or _ANNOUNCES_COLON.search(last)))
        or re.search(r"如下|下表", last)
        or _title(last)
        or (_UNIT_IN.search(last) and last.endswith(":"))
    )
    layout = _layout(texts, clause.table)
    if layout == "single" and not announced:
        return None
    if layout in ("pipe", "tab"):
        grid = _grid_pipe(texts, clause.table, layout == "tab")
    elif layout in ("spaced", "fine"):
        grid = _grid_spaced(texts, clause.table, layout == "fine")
    else:
        grid = _grid_single(texts, clause.table)
    if grid is None:
        return _unread(texts, clause) if announced and _money_lines(texts, clause.table) >= 2 else None
    return _interpret(texts, clause, grid, announced)


def _money_lines(texts: _Text, idx: list[int]) -> int:
    return sum(1 for i in idx if find_money(texts.lines[i].flat, 0, len(texts.lines[i].flat)))


def _whole_source(texts: _Text, clause: _Clause, upto: int | None = None) -> dict:
    """The quote of the lead, unit lines and table (and the lines after it to line `upto`)."""
    after = [i for i in clause.trailing if upto is not None and texts.lines[i].no <= upto]
    idx = sorted(i for i in [*clause.lead, *clause.unit_lines, *clause.table, *after] if texts.lines[i].kind == "text")
    whole = texts.line_cell(idx[0])
    for i in idx[1:]:
        whole = whole.joined(texts.line_cell(i))
    return texts.source([whole])


def _unread(texts: _Text, clause: _Clause) -> Parsed:
    """A table announced but not readable cell by cell: no amount, every line in todo."""
    todo = _lead_todo(texts, clause)
    for i in clause.table:
        if _NUMBERISH.search(texts.lines[i].flat):
            todo.append(_todo(texts, [texts.line_cell(i)], "表格未能逐格读出，金额未转为数据，须对照原表填写。"))
    todo += _trailing_todo(texts, clause)
    data = {"kind": "none", "source": _whole_source(texts, clause), "note": "金额列于原文表格，未能逐格读出，须审阅。"}
    return Parsed(data=data, todo=todo)


def _notes(parts: list[str | None]) -> str:
    """Notes as one: each ends with "。"."""
    return "".join(p if p.endswith("。") else p + "。" for p in dict.fromkeys(p for p in parts if p))


def _todo(texts: _Text, cells: list[_Cell], note: str) -> dict:
    lines, text = texts.quote(cells)
    return {"lines": lines, "text": text, "note": note}


def _lead_todo(texts: _Text, clause: _Clause) -> list[dict]:
    """The lead's sentences with a number of their own (not the unit): "对2030年度新认定的…"."""
    out = []
    if not clause.lead:
        return out
    sec = [(texts.lines[i].no, texts.lines[i].raw) for i in range(clause.lead[0], clause.lead[-1] + 1)]
    for a, b, text in sentence_list(sec):
        rest = re.sub(r"^(?:\(\d{1,2}\)|\d{1,2}[.、](?!\d))", "", _UNIT_RAW.sub("", half(text)))
        numbered = _TABLE_NO.match(rest)
        if numbered and _title(rest):
            rest = rest[numbered.end() :]  # "表1 …": the table's number
        if _NUMBERISH.search(rest):
            out.append({"lines": [a, b], "text": text, "note": "表格前的引导句，其中的数字未转为数据。"})
    return out


def _trailing_todo(texts: _Text, clause: _Clause) -> list[dict]:
    if not clause.trailing:
        return []
    sec = [(texts.lines[i].no, texts.lines[i].raw) for i in clause.trailing]
    return [{"lines": [a, b], "text": text, "note": "表格后的说明，未转为数据。"} for a, b, text in sentence_list(sec)]


def _interpret(texts: _Text, clause: _Clause, grid: _Grid, announced: bool) -> Parsed | None:
    cols = range(grid.ncols)
    roles = {j: _role(grid.header.get(j), [r.cells[j] for r in grid.rows if j in r.cells]) for j in cols}
    amount_cols = [j for j in cols if roles[j] in ("amount", "value")]
    if not amount_cols:
        return None  # a table without amounts (conditions, a list): not a tier table
    if not announced and not any(roles[j] == "amount" and j in grid.header for j in amount_cols):
        return None  # numbers under no amount header, after no lead announcing a table
    label_cols = [j for j in cols if roles[j] == "label"]
    if not label_cols:
        # no column of plain names: the first column left of the amounts whose cells are names with
        # numbers in them ("2031年度首次入围全省民营企业100强的工业企业") names the rows
        first = next((j for j in cols if roles[j] == "other" and j < min(amount_cols) and not _HDR_NUMERIC.search(
            grid.header[j].flat if j in grid.header else "")), None)
        if first is not None and all(
            re.search(r"[\u4e00-\u9fff]{4}", r.cells[first].flat) and not find_money(r.cells[first].flat, 0, len(r.cells[first].flat))
            for r in grid.rows if first in r.cells
        ):
            roles[first] = "label"
            label_cols = [first]
    band_cols = [j for j in cols if roles[j] == "band"]
    quota_cols = [j for j in cols if roles[j] == "quota"]
    note_cols = [j for j in cols if roles[j] == "note"]
    matrix = len(amount_cols) >= 2

    # a merged label cell: an empty label column left of the row's first cell takes the row above's
    prev: _Row | None = None
    for row in grid.rows:
        if prev is not None and label_cols:
            first = min(row.cells) if row.cells else grid.ncols
            for j in label_cols:
                if j not in row.cells and j < first and j in prev.cells:
                    row.cells[j] = prev.cells[j]
        prev = row

    variants: list[dict] = []
    quotas: list[dict] = []
    todo = _lead_todo(texts, clause)
    units_used: set[str] = set()
    header_todo = [c for c in grid.header.values() if _NUMBERISH.search(c.flat)]
    if header_todo:
        todo.append(_todo(texts, header_todo, "表头中的数字未转为数据。"))

    for row in grid.rows:
        notes: list[str] = []
        labels = [row.cells[j] for j in label_cols if j in row.cells]
        bands = [row.cells[j] for j in band_cols if j in row.cells and _ctype(row.cells[j].flat) not in ("dash", "empty")]
        row_name = "·".join(c.text for c in labels) or "·".join(c.text for c in bands)
        name_cells = labels or bands
        if labels and _TOTAL.fullmatch(labels[0].flat):
            if _has_digit(row.cells):
                todo.append(_todo(texts, row.all_cells(), "合计行，未作为一档。"))
            continue
        for c in labels:
            if find_money(c.flat, 0, len(c.flat)) or PCT.search(c.flat):
                notes.append(f"名称「{c.text}」中的数字未转为条件")
        # thresholds from the band column(s)
        thresholds: list[dict] = []
        for j in band_cols:
            if j not in row.cells or _ctype(row.cells[j].flat) in ("dash", "text"):
                continue
            got, why = _band(row.cells[j], grid.header.get(j), clause.unit, texts)
            if got:
                thresholds += got
            elif why:
                notes.append(why)
        # amounts
        made: list[dict] = []
        for j in amount_cols:
            cell = row.cells.get(j)
            if cell is None:
                continue
            col_unit = _unit_of_header(grid.header.get(j))
            unit = col_unit or clause.unit
            if _split_number(texts, cell):
                parts_text = "／".join(_compact(texts.lines[texts.index[no]].raw[a:b]) for no, a, b in cell.pieces)
                notes.append(f"「{parts_text}」：金额的数字断在两行，中间隔有其他文字，未转为数据")
                continue
            per = _per_of_header(grid.header.get(j))
            left = max((k for k in row.cells if k < j), default=None)
            parts: list[tuple[str | None, _Cell, dict]] = []
            acell = cell
            if left is not None and _THRESHOLD_BEFORE.search(row.cells[left].flat):
                # "二档 年营业收入首次突破 30 亿 元 45 万元" set one space apart: the number after
                # "突破" is the band's edge, never the award, whatever column it fell in; the award
                # is the one sum after it (in the cell, or the one cell past the last column)
                d, why, acell = _band_edge_award(texts, row, left, cell, grid.ncols, unit, thresholds)
                if d is None:
                    notes.append(why)
                    continue
            else:
                d, why = _amount(cell, f"{unit}/{per}" if unit and per and unit == col_unit else unit)
            if d is not None and d.get("fixed") is not None and _HDR_CAP.search(grid.header[j].flat if j in grid.header else ""):
                # "每家年度资助上限 | 260万元": the column's sums are caps, never a set award
                d = {**{k: v for k, v in d.items() if k not in ("kind", "fixed")}, "kind": "cap_only", "cap": d["fixed"]}
            if d is not None:
                parts = [(None, acell, d)]
            elif why == _MANY:
                listed = _listed(texts, cell, unit)
                if listed is not None:
                    graded, lwhy, cond = listed
                    if cond is not None and graded is not None:
                        notes.append(f"「{cond.text}」：所列门槛或条件未转为条件（各档按所列门槛命名）")
                    parts = graded or []
                    why = lwhy
                else:
                    parts = _grades(texts, cell, unit) or []
            if not parts:
                if why:
                    notes.append(f"「{cell.text}」：{why}")
                continue
            if not row_name:
                notes.append(f"「{cell.text}」：表格行没有名称，未转为数据")
                continue
            if matrix:
                head = grid.header.get(j)
                if head is None:
                    notes.append(f"「{cell.text}」：所在列没有表头，未转为数据")
                    continue
                base = f"{row_name}·{_header_name(head)}"
            else:
                base = row_name
            for grade, acell, d in parts:
                name = f"{base}·{grade}" if grade else base
                bare = _BARE.match(acell.flat)
                if bare and not bare.group("u"):
                    units_used.add("header" if col_unit else "lead")
                v: dict = {"name": name, **{k: d[k] for k in d if k != "note"}, "source": texts.source([*name_cells, acell])}
                if thresholds:
                    v["thresholds"] = [dict(t) for t in thresholds]
                if labels and bands:
                    v["_band"] = "·".join(c.text for c in bands)
                vnotes = [d.get("note")]
                rest = _CELL_WORDS.sub("", cell.flat)
                if grade:
                    vnotes.append(f"表格一格中按等次列出多个金额，此为「{grade}」；表格原文：「{cell.text}」。")
                elif re.search(r"[\u4e00-\u9fff]", rest):
                    vnotes.append(f"表格原文：「{cell.text}」。")
                if _split_number(texts, cell, apart=False):
                    vnotes.append(f"金额的数字跨两行（「{cell.text}」），按连写读取，须审阅。")
                vnotes += [f"表中备注：{row.cells[k].text}。" for k in note_cols if k in row.cells]
                if row.joined & set(label_cols if labels else band_cols):
                    vnotes.append("名称由表格中跨行的文字拼成，须审阅。")
                if any(n for n in vnotes):
                    v["note"] = _notes(vnotes)
                v["_cell"] = acell
                made.append(v)
        made = _rate_with_cap(texts, made, name_cells, row_name)
        for v in made:
            v.pop("_cell", None)
        variants += made
        # quotas
        for j in quota_cols:
            cell = row.cells.get(j)
            if cell is None:
                continue
            value, why = _quota(cell, grid.header.get(j))
            if value is None:
                if why:
                    notes.append(f"「{cell.text}」：{why}")
                continue
            if not row_name:
                notes.append(f"「{cell.text}」：表格行没有名称，数量未转为数据")
                continue
            qname = made[0]["name"] if len(made) == 1 else row_name
            quotas.append({"name": qname, "value": value, "source": texts.source([*name_cells, cell])})
        # a number whose column could not be told (cells apart by one space)
        for j in sorted(row.cells):
            if j >= grid.ncols and _NUMBERISH.search(row.cells[j].flat):
                notes.append(f"「{row.cells[j].text}」：单空格分隔，所在列无法确定，未转为数据")
        # other columns with numbers
        for j in cols:
            if roles[j] in ("other", "empty", "note") and j in row.cells and _NUMBERISH.search(row.cells[j].flat):
                what = "备注" if roles[j] == "note" else ""
                notes.append(f"{what}「{row.cells[j].text}」未转为数据")
        if thresholds and not made:
            notes.append("该行未读出金额，区间条件也未写入")
        if not made and not notes:
            notes.append("该行未见金额（或与上一行合并单元格），须审阅")
        if notes:
            todo.append(_todo(texts, row.all_cells(), "；".join(dict.fromkeys(notes)) + "。"))

    for c in grid.skipped:
        if _NUMBERISH.search(c.flat) and not re.fullmatch(r"\d{1,3}", c.flat):
            todo.append(_todo(texts, [c], "表格中的这一行未读入，须审阅。"))
    todo += _trailing_todo(texts, clause)

    # one name for two rows ("绿色工厂" in two bands): the band tells them apart
    names = [v["name"] for v in variants]
    for v in variants:
        band = v.pop("_band", None)
        if band and names.count(v["name"]) > 1:
            v["name"] = f"{v['name']}·{band}"
    source = _whole_source(texts, clause)
    if not variants:
        if not announced:
            return None
        data = {"kind": "none", "source": source, "note": "金额列于原文表格，未能读出（见待办），须审阅。"}
        return Parsed(data=data, todo=todo)
    note = f"金额按原文表格逐行读取，共{len(variants)}档。"
    if "lead" in units_used:
        note += f"表中未写单位的数字按“{clause.unit_from}”读作{clause.unit}。"
    if "header" in units_used:
        heads = [_c.text for j, _c in sorted(grid.header.items()) if j in amount_cols and _unit_of_header(_c)]
        note += f"表中未写单位的数字按表头“{'、'.join(dict.fromkeys(heads))}”的单位读。"
    lead_text = half("".join(texts.lines[i].flat for i in clause.lead))
    upto = _UP_TO_TABLE.search(lead_text)
    if upto:
        # "补助额不超过…的40%，且不超过表1所列标准": each row's amount is its limit, not a sum paid
        for v in variants:
            if v.get("kind") == "fixed":
                v["kind"], v["cap"] = "cap_only", v.pop("fixed")
        note += f"原文“{upto.group(0)}”：表中金额为各档上限。"
    data: dict = {"kind": "tiered", "variants": variants, "source": source, "note": note}
    extra = _extra_award(texts, clause)
    if extra is not None:
        # "首次入围…500强的，另给予一次性奖励100万元。" after the table: one more class, its
        # sum given on top of the row the applicant is in
        variants.append(extra)
        data["note"] += f"表后“另给予”的一类（{extra['name']}）另列，可与表中档次叠加，须审阅。"
        for t in todo:
            if t["text"] == extra["source"]["text"]:
                t["note"] = "表格后另给予的奖励，已另列为一类，须审阅。"
    total = _total_cap(texts, clause)
    if total is not None:
        # "同一单位年度…奖励累计不超过100万元" before or after the table: the limit over its rows,
        # the program's quote then running to that sentence
        from subsidykit.authoring.clause_award import with_total_cap

        scope, last = total
        data["source"] = _whole_source(texts, clause, upto=last)
        data = with_total_cap(data, [scope])
        for t in todo:
            if t["text"] == scope["source"]["text"]:
                t["note"] = "表格外的合计上限，已写为项目 cap，须审阅。"
    if quotas:
        data["variant_quotas"] = quotas
    return Parsed(data=data, todo=todo)


# the lead says the table's amounts are limits: "不超过表1所列标准", "以下表金额为上限"
_UP_TO_TABLE = re.compile(
    r"不(?:超过|高于|得超过)(?:附?表\d*|下表|上表)(?:所列|规定|列明)?的?(?:标准|金额|额度|限额)|以(?:附?表\d*|下表)[^。;]{0,8}?为(?:上限|限)"
)
# "同一单位年度奖励累计不超过100万元", "单个企业年度奖励总额不超过1000万元": a limit over a table's rows
_TOTAL_CAP = re.compile(r"(?:(?:累计|合计|总额|总计)(?:奖励|补助|资助|金额)?|(?:同一|单个|单家|每家)(?:企业|单位|主体|机构)[^。;,]{0,10}?)(?:最高)?(?:不超过|不得超过|不高于|最高|上限为?)(?P<num>\d+(?:\.\d+)?)(?P<unit>万元|亿元)")


_EXTRA_AWARD = re.compile(
    r"^(?:对)?(?P<name>[^,;。]{2,30}?)的,(?:另|再)(?:行)?(?:给予|奖励|加奖)(?:一次性)?(?:奖励|奖补|补助)?(?P<num>\d+(?:\.\d+)?)(?P<unit>万元|亿元)(?:奖励|奖补|补助)?[。;]?$"
)


def _text_sentences(texts: _Text, idx: list[int]) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of the sentences of lines `idx` (page furniture left out)."""
    return sentence_list([(texts.lines[i].no, texts.lines[i].raw) for i in idx if texts.lines[i].kind == "text"])


def _extra_award(texts: _Text, clause: _Clause) -> dict | None:
    """The one sentence after a table that grants one more sum to a named case ("首次入围…的，
    另给予一次性奖励100万元。"), as a variant; None for none or two."""
    found = []
    for a, b, text in _text_sentences(texts, clause.trailing):
        m = _EXTRA_AWARD.match(half(text))
        if m:
            value, note = money_value(m.group("num"), m.group("unit"))
            v = {"name": text[m.start("name") : m.end("name")], "kind": "fixed", "fixed": value,
                 "source": {"file": texts.file, "lines": [a, b], "text": text}}
            if note:
                v["note"] = note
            found.append(v)
    return found[0] if len(found) == 1 else None


def _total_cap(texts: _Text, clause: _Clause) -> tuple[dict, int] | None:
    """({cap, source}, its last line) of the one sentence of the lead or after the table that
    limits the sum of the rows' amounts; None for none or two."""
    found = []
    for part in (clause.lead, clause.trailing):
        for a, b, text in _text_sentences(texts, part):
            for m in _TOTAL_CAP.finditer(half(text)):
                found.append(({"cap": money_value(m.group("num"), m.group("unit"))[0],
                               "source": {"file": texts.file, "lines": [a, b], "text": text}}, b))
    return found[0] if len(found) == 1 else None


# ------------------------------------------------------------------------------------------
# tables of programs: `read_program_table`
# ------------------------------------------------------------------------------------------
# the column that names the programs, the column of their amounts, the office in charge
_PROG_NAME = re.compile(r"(?:奖励|支持|奖补|补助|资助|扶持|兑现|政策)?(?:事项|项目)(?:名称)?|政策名称")
_PROG_AMOUNT = re.compile(r"金额|额度|标准|奖励|补助|资助|奖补|补贴|扶持|支持|奖金|资金|万元|亿元")
_PROG_NOT_AMOUNT = re.compile(
    r"条件|认定|申报|对象|方式|处室|部门|科室|时间|期限|依据|文件|程序|流程|材料|范围|内容|要求|联系|电话|备注|说明|名单|单位$"
)
_PROG_OFFICE = re.compile(r"(?:责任|主办|归口|牵头|主管|经办|承办|业务)(?:处室|部门|单位|科室)|处室")
_NO_APP = re.compile(r"免申即享|免申直达|免申即兑|免申即得|免于申报|免予申报|无需申报|无须申报|不需申报|免申报")
# words a header cell is made of (a header wrapped over two lines: "责任" / "处室", "奖励标准" / "（万元）")
_PROG_HDR_WORD = re.compile(
    r"序号|编号|名称|事项|项目|政策|标准|金额|额度|方式|处室|部门|科室|单位|备注|说明|万元|类别|奖励|补助|支持|兑现|责任|"
    r"主办|归口|牵头|联系|电话|条件|对象|依据|资助|奖补|扶持"
)
# lines after the table that are no part of it: notes, contacts, attachments, the next heading
_PROG_STOP = re.compile(
    r"^(?:注|备注|说明|附件|附表|联系人|联系电话|联系方式|咨询电话|电话|地址|邮箱)\d?[:.、]"
    r"|^\(?[一二三四五六七八九十]{1,3}[)、]|^#"
)


def _hname(cell: _Cell) -> str:
    """A header cell as the patterns read it: no unit, no parentheses ("事项名称（类别）" -> 事项名称)."""
    return re.sub(r"\([^()]*\)", "", half(_compact(_header_name(cell)))) or cell.flat


def _prog_line_cells(texts: _Text, i: int) -> list[_Cell | None] | None:
    """The cells of a line of a program table as its separators give them (None: a markdown
    separator row)."""
    ln = texts.lines[i]
    if re.search(r"[|｜]", ln.raw):
        return _pipe_cells(ln.no, ln.raw)
    if "\t" in ln.raw.rstrip():
        return _tab_cells(ln.no, ln.raw)
    return list(_cells_of(ln.no, ln.raw, _COARSE))


def _prog_header_cells(cells: list[_Cell | None]) -> bool:
    """A header line: no number, a cell naming the programs and another naming their amounts."""
    got = [c for c in cells if c is not None]
    if len(got) < 2 or any(_NUMBERISH.search(c.flat) for c in got):
        return False
    names = [k for k, c in enumerate(got) if _PROG_NAME.fullmatch(_hname(c))]
    return bool(names) and any(k not in names and _PROG_AMOUNT.search(c.flat) for k, c in enumerate(got))


def _prog_header_word(flat: str) -> bool:
    return bool(flat) and not _NUMBERISH.search(flat) and (
        bool(re.fullmatch(r"\([^()]*\)", flat)) or (len(flat) <= 8 and bool(_PROG_HDR_WORD.search(flat)))
    )


def _find_program_header(texts: _Text) -> tuple[int, int] | None:
    """(index of the header's first line, its number of lines for one cell per line, else 0)."""
    content = [i for i, ln in enumerate(texts.lines) if ln.kind == "text"]
    for k, i in enumerate(content):
        cells = _prog_line_cells(texts, i)
        if cells is None:
            continue
        if len([c for c in cells if c is not None]) >= 2:
            if _prog_header_cells(cells):
                return i, 0
            continue
        if _prog_fine_header(texts, i):
            return i, 0
        # one cell per line: "序号" / "事项名称" / "奖励标准" / …
        f = texts.lines[i].flat
        if not (_HDR_INDEX.fullmatch(f) or _PROG_NAME.fullmatch(re.sub(r"\([^()]*\)", "", f))):
            continue
        run = [i]
        for i2 in content[k + 1 : k + 9]:
            if _separated(texts.lines[i2].raw) or not _prog_header_word(texts.lines[i2].flat):
                break
            run.append(i2)
        head = [texts.line_cell(r) for r in run]
        if len(run) >= 2 and _prog_header_cells(head):
            return i, len(run)
    return None


def _prog_fine_header(texts: _Text, i: int) -> bool:
    """A header line whose cells stand apart by one space ("序号 支持事项 补助标准 拨付说明")."""
    ln = texts.lines[i]
    if re.search(r"[|｜]", ln.raw) or "\t" in ln.raw.rstrip() or len(_COARSE.findall(ln.raw)) >= 2:
        return False
    cells = _fine_cells(ln.no, ln.raw)
    if len(cells) < 2 or not all(_prog_header_word(c.flat) for c in cells):
        return False
    if _prog_header_cells(cells):
        return True
    # the header wrapped onto the next line ("序号 奖励 奖励标准 兑现" / "事项 方式")
    nxt = next((x for x in texts.lines[i + 1 :] if x.kind == "text"), None)
    if nxt is None or _separated(nxt.raw):
        return False
    more = _fine_cells(nxt.no, nxt.raw)
    if not more or not all(_prog_header_word(c.flat) for c in more):
        return False
    header = dict(enumerate(cells))
    placed = _fine_header_wrap(more, header, [_fine_kind(c) for c in cells])
    if not placed:
        return False
    return _prog_header_cells([header[j].joined(placed[j]) if j in placed else header[j] for j in range(len(cells))])


# a paragraph after a table, not a cell wrapped onto the line
_PARAGRAPH_START = re.compile(r"^(?:以上|上述|本表|本办法|本细则|本政策|本通知|凡)")


def _prog_fine_line(texts: _Text, i: int, head: int | None = None) -> bool:
    """A line of a table whose cells stand apart by one space: a row that starts with its number
    or has as many cells as the header (line `head`), or a line of short cells (a cell wrapped
    onto it, a header's second line), no sentence."""
    ln = texts.lines[i]
    f = ln.flat
    if _fine_index_row(ln) or (head is not None and _fine_row_under(texts.lines[head], ln)):
        return True
    if "。" in f[:-1] or _PARAGRAPH_START.match(f):
        return False
    if any(len(c) > 24 for c in _FINE.findall(ln.raw)):
        return False
    if f.endswith("。"):
        # a cell that ends a sentence inside the table only when a row follows
        for nxt in texts.lines[texts.index[ln.no] + 1 :]:
            if nxt.kind == "text":
                return _fine_index_row(nxt)
        return False
    return True


def _prog_table_line(texts: _Text, i: int, single: bool, fine: bool = False, head: int | None = None) -> bool:
    """A line after the header that is part of the table (a row, or a cell wrapped onto it)."""
    ln = texts.lines[i]
    f = ln.flat
    if _PROG_STOP.match(f) or _UNIT_LINE.match(f):
        return False
    if single:
        return "。" not in f[:-1] and len(f) <= 60
    if fine:
        return _prog_fine_line(texts, i, head)
    if _separated(ln.raw) or not _prose(f):
        return True
    if ln.raw[:1] in " \t" and "。" not in f:
        return True  # a wrapped cell indented to its column (not a paragraph: "　　以上事项…。")
    for nxt in texts.lines[texts.index[ln.no] + 1 :]:
        if nxt.kind == "text":
            return _separated(nxt.raw) and not _PROG_STOP.match(nxt.flat)  # the table goes on below
    return False


@dataclass
class _ProgCols:
    name: int
    amounts: list[int]
    index: int | None = None
    office: int | None = None
    notes: list[int] = field(default_factory=list)


def _prog_cols(header: dict[int, _Cell], lines: list[dict[int, _Cell]], unit: str | None) -> _ProgCols | None:
    """The columns of a program table by their headers; None without a name column and an amount
    column.  Several amount columns whose cells hold amounts ("国家级（万元）", "省级（万元）") are
    a matrix: one variant per column."""
    name = next((j for j, c in sorted(header.items()) if _PROG_NAME.fullmatch(_hname(c))), None)
    if name is None:
        return None
    index = next((j for j, c in sorted(header.items()) if j != name and _HDR_INDEX.fullmatch(c.flat)), None)
    office = next((j for j, c in sorted(header.items()) if j not in (name, index) and _PROG_OFFICE.search(c.flat)), None)
    notes = [j for j, c in sorted(header.items()) if j not in (name, index, office) and _note_header(_hname(c))]
    cands: list[tuple[int, bool, int]] = []  # (column, a header of no amount, lines with an amount)
    for j, c in sorted(header.items()):
        if j in (name, index, office) or j in notes or not _PROG_AMOUNT.search(c.flat):
            continue
        u = _unit_of_header(c) or unit
        money = 0
        for cells in lines:
            cell = cells.get(j)
            if cell is None:
                continue
            t = _ctype(cell.flat)
            if t in ("money", "pct") or (t == "number" and u):
                money += 1
        cands.append((j, bool(_PROG_NOT_AMOUNT.search(_hname(c))), money))
    amounts = [j for j, excluded, money in cands if not excluded and money]
    if len(amounts) < 2:
        ok = [k for k in cands if not k[1] or k[2]]
        if not ok:
            return None
        best = max(ok, key=lambda k: (k[2] > 0, not k[1], k[2], -k[0]))
        amounts = [best[0]]
    return _ProgCols(name, amounts, index, office, notes)


def _prog_spaced_rows(texts: _Text, idx: list[int], ncols: int) -> list[tuple[int, dict[int, _Cell]]]:
    """Cells of `pdftotext -layout` lines placed in the header's columns by position (display
    width); a line with more cells than columns has its cells joined by nearest column."""
    per_line = [(i, _cells_of(texts.lines[i].no, texts.lines[i].raw, _COARSE)) for i in idx]
    full = [cells for _i, cells in per_line if len(cells) == ncols]
    anchors = [sum(texts.centre(c[j]) for c in full) / len(full) for j in range(ncols)]
    out: list[tuple[int, dict[int, _Cell]]] = []
    for i, cells in per_line:
        if len(cells) <= ncols:
            out.append((i, _assign(cells, anchors, texts.centre)))
            continue
        placed: dict[int, _Cell] = {}
        for c in cells:
            j = min(range(ncols), key=lambda j: abs(texts.centre(c) - anchors[j]))
            placed[j] = placed[j].joined(c) if j in placed else c
        out.append((i, placed))
    return out


def _prog_grid(texts: _Text, idx: list[int], unit: str | None) -> tuple[_Grid, _ProgCols] | None:
    """The header (its first line is idx[0]) and the rows of a program table; None when its
    header names no programs or no amounts."""
    first = _prog_line_cells(texts, idx[0]) or []
    ncols = len(first)
    raw = texts.lines[idx[0]].raw
    sep = r"[|｜]" if re.search(r"[|｜]", raw) else ("\t" if "\t" in raw.rstrip() else None)
    if sep is not None:
        line_rows: list[tuple[int, dict[int, _Cell]]] = []
        for i in idx:
            if not re.search(sep, texts.lines[i].raw.rstrip()):
                line_rows.append((i, {-1: texts.line_cell(i)}))  # no separator: placed below
                continue
            cells = _prog_line_cells(texts, i)
            if cells is None:
                continue  # a markdown separator
            line_rows.append((i, {j: c for j, c in enumerate(cells) if c is not None}))
    else:
        fine = _prog_fine_header(texts, idx[0])
        got = _fine_line_rows(texts, idx) if fine else None
        if got is not None:
            line_rows = [(i, cells) for i, cells, _own in got[0]]
            ncols = got[1]
        else:
            line_rows = _prog_spaced_rows(texts, idx, ncols)
    header = dict(line_rows[0][1])
    header_flats = {texts.lines[idx[0]].flat}
    body = line_rows[1:]
    while body and body[0][1] and -1 not in body[0][1] and all(
        _prog_header_word(c.flat) and (len(c.flat) <= 4 or c.flat.startswith("(")) for c in body[0][1].values()
    ):
        i, cells = body.pop(0)  # the header wrapped onto a second line ("责任" / "处室", "（万元）")
        for j, c in cells.items():
            header[j] = header[j].joined(c) if j in header else c
        header_flats.add(texts.lines[i].flat)
    cols = _prog_cols(header, [cells for _i, cells in body], unit)
    if cols is None:
        return None
    # a line of a pipe or tab table without separators: a wrapped name, or an amount
    placed = []
    for i, cells in body:
        if -1 in cells:
            c = cells[-1]
            cells = {(cols.amounts[0] if _amountish(c.flat) else cols.name): c}
        placed.append((i, cells, False))
    rows = _prog_rows(texts, header, header_flats, placed, cols)
    return (_Grid(max(ncols, len(header)), header, rows), cols) if rows else None


def _prog_rows(texts: _Text, header, header_flats, body, cols: _ProgCols) -> list[_Row]:
    """Rows of programs.  With a 序号 column a row runs from its number to the next (lines above
    the first number shared out as `_centred_starts` does); without one a line starts a row when
    it has a name cell that does not go on with the name above (a name starting "（", a name above
    ending in "、/和/及/与/（"), and a line with a name cell only goes on with the row above (or
    opens the next when it ends in "、/和/及/与/（").  A line of lead-in words below a whole amount
    ("一次性奖励" under "100万元") opens the next row; a total ("合计") is a row of its own."""
    data = [
        (i, cells, own) for i, cells, own in body
        if cells and not (texts.lines[i].flat in header_flats or (header and _same_as_header(cells, header)))
    ]
    index = cols.index
    if index is not None and not any(_has_index(cells, index) for _i, cells, _own in data):
        index = None
    starts = _centred_starts(texts, header, header_flats, data, index) if index is not None else None
    rows: list[_Row] = []
    pending: list[dict[int, _Cell]] = []
    for i, cells, _own in data:
        opens = False
        if rows and any(_TOTAL.fullmatch(c.flat) for c in cells.values()):
            is_row = True  # a total ("合计"): a row of its own, never part of a name
        elif index is not None:
            is_row = i in starts if starts is not None else _has_index(cells, index)
            # below a whole amount, the words leading to the next ("一次性奖励" / "50万元") open the next row
            opens = not is_row and starts is None and bool(rows) and not pending and _leads_in(rows[-1], cells)
        else:
            name = cells.get(cols.name)
            above = rows[-1].cells.get(cols.name) if rows else None
            if not rows:
                is_row = True
            elif name is None or re.match(r"[()]", name.flat) or (above is not None and _OPENS_NEXT.search(above.flat)):
                is_row = False
            elif set(cells) == {cols.name}:
                is_row, opens = False, bool(_OPENS_NEXT.search(name.flat))
            else:
                is_row = True
        if is_row:
            row = _Row(dict(cells))
            for frag in pending:
                _join_into(row, frag, before=True)
            pending = []
            rows.append(row)
        elif rows and not opens:
            _join_into(rows[-1], cells, before=False)
        else:
            pending.append(cells)
    for frag in pending:
        if rows:
            _join_into(rows[-1], frag, before=False)
    return rows


def _grades_by_line(texts: _Text, cell: _Cell, unit: str | None) -> list[tuple[str, _Cell, dict]] | None:
    """Graded amounts one to a line of the cell, without a separator between them ("示范企业100万元"
    / "首台套产品20万元/个"): each line's part read as `_grades` reads a part."""
    if len({no for no, _s, _e in cell.pieces}) < 2:
        return None
    out: list[tuple[str, _Cell, dict]] = []
    pos = 0
    segs: list[tuple[int, int, int]] = []  # (line, start, end) in cell.text, one a line
    for no, s, e in cell.pieces:
        n = len(_compact(texts.lines[texts.index[no]].raw[s:e]))
        if segs and segs[-1][0] == no:
            segs[-1] = (no, segs[-1][1], pos + n)
        else:
            segs.append((no, pos, pos + n))
        pos += n
    if pos != len(cell.text):
        return None
    for _no, a, b in segs:
        part = texts.sub(cell, a, b)
        got = _grades(texts, part, unit)
        if got:
            out += got
            continue
        flat = re.sub(r"[;,、.]$", "", part.flat)
        m = _GRADE_ITEM.fullmatch(flat)
        if not m:
            return None
        g = part.text[m.start("g") : m.end("g")]
        if len(g) > 2 and g.endswith("的"):
            g = g[:-1]
        if _THRESHOLD_BEFORE.search(half(g)):
            return None
        if _LEADIN.match(half(g)) or not re.search(r"[A-Za-z\u4e00-\u9fff]", g):
            return None
        d, _why = _amount_of(m.group("amt"), unit)
        if d is None or d["kind"] not in ("fixed", "cap_only", "per_unit"):
            return None
        out.append((g, texts.sub(part, m.start("g"), len(flat)), d))
    if len(out) < 2 or len({g for g, _c, _d in out}) < len(out):
        return None
    return out


def read_program_table(section: Section, file: str) -> list[dict] | None:
    """A table whose rows are programs (module docstring, "Tables of programs"): one dict per
    row, `{title, lines, data, no_application, office, todo}`; None when the section has no table
    whose header names the programs (事项名称/项目名称/政策名称/奖励事项/支持事项/事项/项目) and
    their amounts."""
    texts = _Text(section, file)
    found = _find_program_header(texts)
    if found is None:
        return None
    start, single = found
    fine = not single and _prog_fine_header(texts, start)
    content = [i for i, ln in enumerate(texts.lines) if ln.kind == "text"]
    lead = [i for i in content if i < start]
    table: list[int] = []
    units: list[int] = []
    for i in content:
        if i < start:
            continue
        if table and _UNIT_LINE.match(texts.lines[i].flat) and len(table) <= max(single, 1):
            units.append(i)  # "（单位：万元）" under the header
            continue
        if table and len(table) >= max(single, 1) and not _prog_table_line(texts, i, bool(single), fine, start):
            break
        table.append(i)
    unit = unit_from = None
    for i in [*lead, *units]:
        m = _UNIT_IN.search(texts.lines[i].flat)
        if m:
            unit = m.group("u")
            raw = _UNIT_RAW.search(_compact(texts.lines[i].raw))
            unit_from = raw.group(0) if raw else f"单位：{unit}"
    if single:
        grid = _grid_single(texts, table)
        if grid is None or not grid.header:
            return None
        cols = _prog_cols(grid.header, [r.cells for r in grid.rows], unit)
        if cols is None:
            return None
    else:
        got = _prog_grid(texts, table, unit)
        if got is None:
            return None
        grid, cols = got
    out: list[dict] = []
    orphans: list[dict] = []  # rows without a name (a total) before the first program
    for row in grid.rows:
        rec = _program_of(texts, grid, cols, row, unit, unit_from)
        if rec is not None:
            rec["todo"][:0] = orphans
            orphans = []
            out.append(rec)
        elif _has_digit(row.cells):
            # a row without a name (a total): its numbers go with the program above
            total = _TOTAL.search("".join(c.flat for c in row.all_cells()))
            note = "合计行，未作为事项。" if total else "表格中没有名称的一行，其数字未转为数据，须审阅。"
            (out[-1]["todo"] if out else orphans).append(_todo(texts, row.all_cells(), note))
    return out or None


def _program_of(texts: _Text, grid: _Grid, cols: _ProgCols, row: _Row, unit: str | None, unit_from: str | None) -> dict | None:
    """One row of a program table as a program (None: a row without a name, or a total)."""
    name = row.cells.get(cols.name)
    if name is None or not re.search(r"[A-Za-z\u4e00-\u9fff]", name.flat) or _TOTAL.fullmatch(name.flat):
        return None
    todo: list[dict] = []
    notes: list[str] = []
    nones: list[str] = []
    amount_todo = False
    parts: list[tuple[str | None, _Cell, dict]] = []
    amount_cells: list[_Cell] = []
    heads_used: list[_Cell] = []
    matrix = len(cols.amounts) >= 2
    for j in cols.amounts:
        cell = row.cells.get(j)
        head = grid.header.get(j)
        if cell is None or _ctype(cell.flat) == "empty":
            continue
        amount_cells.append(cell)
        hname = _header_name(head) if (matrix and head is not None) else None
        if _ctype(cell.flat) == "dash":
            nones.append(f"「{hname}」一栏为「{cell.text}」，无此项金额" if hname else f"「{cell.text}」：无金额")
            continue
        col_unit = _unit_of_header(head)
        u = col_unit or unit
        if _split_number(texts, cell):
            pieces = "／".join(_compact(texts.lines[texts.index[no]].raw[a:b]) for no, a, b in cell.pieces)
            todo.append(_todo(texts, [name, cell], f"「{pieces}」：金额的数字断在两行，中间隔有其他文字，未转为数据。"))
            amount_todo = True
            nones.append(f"「{cell.text}」：金额未能读出")
            continue
        d, why = _amount(cell, u)
        got: list[tuple[str | None, _Cell, dict]] = []
        if d is not None:
            got = [(hname, cell, d)]
            bare = _BARE.match(cell.flat)
            if bare and not bare.group("u"):
                if col_unit and head is not None:
                    heads_used.append(head)
                    notes.append(f"表中未写单位的数字按表头“{head.text}”的单位读")
                elif unit_from:
                    notes.append(f"表中未写单位的数字按“{unit_from}”读作{unit}")
            rest = _CELL_WORDS.sub("", cell.flat)
            if re.search(r"[\u4e00-\u9fff]", rest):
                notes.append(f"表格原文：「{cell.text}」")
            if _split_number(texts, cell, apart=False):
                notes.append(f"金额的数字跨两行（「{cell.text}」），按连写读取，须审阅")
        elif why == _MANY:
            listed = _listed(texts, cell, u)
            if listed is not None:
                graded, lwhy, cond = listed
                if cond is not None and graded is not None:
                    todo.append(_todo(texts, [name, cond], f"「{cond.text}」：所列门槛或条件未转为条件（各档按所列门槛命名）。"))
                if graded is None:
                    why, graded = lwhy, []
            else:
                graded = _grades(texts, cell, u) or _grades_by_line(texts, cell, u) or []
            got = [(f"{hname}·{g}" if hname else g, c, dd) for g, c, dd in graded]
            if got and listed is not None:
                notes.append(f"「{_header_name(head) if head is not None else '金额'}」一格中「分别」前后所列等次（门槛）与金额按顺序对应：「{cell.text}」")
            elif got:
                notes.append(f"「{_header_name(head) if head is not None else '金额'}」一格中按等次列出多个金额：「{cell.text}」")
        if got:
            parts += got
            continue
        if _NUMBERISH.search(cell.flat):
            todo.append(_todo(texts, [name, cell], f"「{cell.text}」：{why or '金额未能读出'}。"))
            amount_todo = True
            nones.append(f"「{cell.text}」：金额未能读出（见待办）")
        else:
            nones.append(f"「{cell.text}」：未写金额")
    if len(name.pieces) > 1 and len({no for no, _s, _e in name.pieces}) > 1:
        notes.append("名称由表格中跨行的文字拼成，须审阅")
    if find_money(name.flat, 0, len(name.flat)) or PCT.search(name.flat):
        todo.append(_todo(texts, [name], f"名称「{name.text}」中的金额或比例未转为条件。"))
    for j in cols.notes:
        c = row.cells.get(j)
        if c is not None:
            what = _hname(grid.header[j]) if j in grid.header else "备注"
            notes.append(f"表中{what}：{c.text}")
            if _NUMBERISH.search(c.flat):
                todo.append(_todo(texts, [name, c], f"{what}「{c.text}」未转为数据。"))
    known = {cols.name, cols.index, *cols.amounts, *cols.notes}
    for j, c in sorted(row.cells.items()):
        if j not in known and _NUMBERISH.search(c.flat):  # 兑现方式, 申报条件, the office's telephone …
            why = "单空格分隔，所在列无法确定，" if j >= grid.ncols else ""
            todo.append(_todo(texts, [name, c], f"「{c.text}」{why}未转为数据。"))
    source = texts.source([*heads_used[:1], name, *amount_cells])
    if not parts:
        if not amount_cells:
            nones.append("该行金额一栏为空")
            todo.append(_todo(texts, [name], "该行未见金额，须审阅。"))
        elif not amount_todo:
            todo.append(_todo(texts, [name, *amount_cells], "；".join(nones) + "，须审阅。"))
        data: dict = {"kind": "none", "source": source, "note": _notes([*nones, *notes, "金额列于原文表格，未能读出，须审阅"])}
    elif len(parts) == 1 and parts[0][0] is None:
        _g, cell, d = parts[0]
        data = {k: v for k, v in d.items() if k != "note"}
        data["source"] = source
        note = _notes([d.get("note"), *nones, *notes])
        if note:
            data["note"] = note
    else:
        variants = []
        for g, cell, d in parts:
            v = {"name": g or name.text, **{k: val for k, val in d.items() if k != "note"}}
            head = grid.header.get(next((j for j in cols.amounts if row.cells.get(j) is not None and _within(cell, row.cells[j])), -1))
            v["source"] = texts.source([head, cell] if (matrix and head is not None) else [cell])
            if d.get("note"):
                v["note"] = d["note"]
            variants.append(v)
        data = {"kind": "tiered", "variants": variants, "source": source, "note": _notes([*notes, *nones, f"金额按原文表格读取，共{len(variants)}档"])}
    first = min(no for c in row.all_cells() for no, _s, _e in c.pieces)
    last = max(no for c in row.all_cells() for no, _s, _e in c.pieces)
    whole = "".join(c.flat for c in row.all_cells())
    office = row.cells.get(cols.office) if cols.office is not None else None
    return {
        "title": name.text,
        "lines": [first, last],
        "data": data,
        "no_application": bool(_NO_APP.search(whole)),
        "office": office.text if office is not None else None,
        "todo": todo,
    }


def _within(part: _Cell, cell: _Cell) -> bool:
    """The part (of a graded cell) lies in the cell."""
    return all(any(no == n2 and s >= s2 and e <= e2 for n2, s2, e2 in cell.pieces) for no, s, e in part.pieces)
