"""The register in cells: =APPLICANT_HISTORY(uscc, [years]) (issue 18).

Spills the enterprise's projects recorded in the project register (`subsidykit.register`):
earlier years' applications, recommendations, supported projects with their awards and 验收
results, each with where the fact came from (file · sheet · row). A thin adapter: the register
answers `Register.projects`, this module lays the answer out.

Which register: the `db` argument of `register_url` (tests), else the address saved in the
ribbon's 设置 (REGISTER, desktop only), else ``SUBSIDYKIT_DB``, else ``~/.subsidykit/register.db``
if it exists (`register.resolve_url`). On xlwings Server the server's own register
(``SUBSIDYKIT_DB``) is used: a user's saved setting never reaches it.
"""

from __future__ import annotations

import re
import xlwings as xw

from subsidykit.errors import BadInputError, RegisterError
from subsidykit.register import redact
from subsidykit.rules.parsing import parse_year
from subsidykit.rules.uscc import normalise as uscc_normalise
from subsidykit.rules.uscc import problem as uscc_problem

from .cells import ON_SERVER, XlErr, bad_cell, blank, finish, grid, guarded, is_single
from .functions import CATEGORY
from .register_cells import register_url, review_register

__all__ = ["APPLICANT_HISTORY"]

HISTORY_HEADER = ["年度", "申报单位", "项目名称", "项目代码", "申报项目", "县（市、区）", "状态", "支持金额（万元）", "验收", "验收日期", "来源"]
STATUS_ZH = {"applied": "已申报", "recommended": "已推荐", "supported": "已支持"}
NO_REGISTER = "未配置登记簿：在加载项「设置」中填写登记簿地址，或设置环境变量 SUBSIDYKIT_DB（见 subsidykit register --help）"
MAX_YEARS = 50  # a years argument naming more years than this is a mistake (2000-9999)

SERVER_REGISTER = "本服务器的登记簿"  # what a cell on the server is told: never the server's address


class _Bad(Exception):
    """A years cell that is itself the answer (an error value, an overlong text)."""

    def __init__(self, err: XlErr):
        super().__init__(str(err))
        self.err = err


def _shown(url: str) -> str:
    return SERVER_REGISTER if ON_SERVER else f"登记簿（{redact(url)}）"


def parse_years(value: object) -> tuple[int, ...] | None:
    """None (every year) for a blank; else the years of "2021-2023", "2022,2023", 2022 or a range
    of year cells.  Unreadable → BadInputError; an error value or an overlong text in a cell →
    `_Bad` carrying that cell's answer."""
    cells = [v for row in grid(value) for v in row if not blank(v)]
    if not cells:
        return None
    try:
        cells = list(dict.fromkeys(cells))  # a column of 10,000 year cells: each value parsed once
    except TypeError:  # an unhashable value: bad_cell below answers for it
        pass
    years: set[int] = set()
    for v in cells:
        bad = bad_cell(v)  # an error value is passed on; a text of megabytes is refused, not split
        if bad is not None:
            raise _Bad(bad)
        text = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        for part in re.split(r"[,，、;；\s]+", text.strip()):
            if not part:
                continue
            m = re.fullmatch(r"(\d{4})\s*(?:年)?\s*[-－—~～至到]\s*(\d{4})\s*(?:年)?", part)
            if m:
                a, b = parse_year(m.group(1)), parse_year(m.group(2))
                if b < a or b - a >= MAX_YEARS:
                    raise BadInputError(f"年度范围「{part}」无法识别：须从小到大，且不超过 {MAX_YEARS} 年")
                years.update(range(a, b + 1))
            else:
                years.add(parse_year(part))
    return tuple(sorted(years))


def history_rows(projects) -> list[list[object]]:
    """The spilled table (header first) of `Register.projects`' answer."""
    rows: list[list[object]] = [list(HISTORY_HEADER)]
    for p in projects:
        if p.accepted is True:
            acc = "通过"
        elif p.accepted is False:
            acc = "未通过"
        else:
            acc = "未验收或未知" if p.status == "supported" else None
        rows.append([
            p.year,
            p.applicant,
            p.project,
            p.project_code,
            p.program,
            p.county,
            STATUS_ZH.get(p.status, p.status),
            float(p.award) if p.award is not None else None,
            acc,
            p.accepted_on.isoformat() if p.accepted_on else None,
            p.source,
        ])
    return rows


@xw.func(category=CATEGORY)
@xw.arg("uscc", ndim=2, doc="统一社会信用代码（18 位）")
@xw.arg("years", ndim=2, doc="可选：年度，如 2022、2021-2023、2022,2023 或一列年度；空则全部年度")
def APPLICANT_HISTORY(uscc, years=None):
    """登记簿中该企业的项目：历年申报、推荐、支持（金额）和验收结果，每条注明来源（文件 · 工作表 · 行），溢出一张表。未配置登记簿或没有记录返回 #N/A；代码有误返回 #VALUE!。"""
    g = grid(uscc)
    if not is_single(g):
        return finish([XlErr("#VALUE!", "统一社会信用代码须为单个单元格（结果是一张表）")], (1, 1), True)

    def table(code: object) -> object:
        if blank(code):
            return None
        text = uscc_normalise(code)
        bad = uscc_problem(text)
        if bad:
            return XlErr("#VALUE!", f"统一社会信用代码有误：{bad}")
        try:
            wanted = parse_years(years)
        except _Bad as exc:
            return exc.err
        url = register_url()
        if url is None:
            return XlErr("#N/A", NO_REGISTER)
        try:
            found = review_register(url).open().projects(text, wanted)
        except RegisterError as exc:
            if ON_SERVER:  # the message names the database: the server's log has it, the cell not
                import logging

                logging.getLogger(__name__).error("APPLICANT_HISTORY: %s", exc)
                return XlErr("#VALUE!", f"{SERVER_REGISTER}无法读取（详见服务器日志）")
            return XlErr("#VALUE!", str(exc))
        if not found:
            span = "" if wanted is None else f"（{wanted[0]}–{wanted[-1]} 年度）" if len(wanted) > 1 else f"（{wanted[0]} 年度）"
            return XlErr("#N/A", f"{_shown(url)}中没有 {text} 的项目{span}")
        return history_rows(found)

    out = guarded(table, g[0][0])
    if isinstance(out, list):
        return finish([c for r in out for c in r], (len(out), len(HISTORY_HEADER)), False)
    return finish([out], (1, 1), True)
