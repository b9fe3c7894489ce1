"""Write examples/台账_函数示例.xlsx: a clerk's ledger that uses the worksheet functions.

Seeded and deterministic: running it again gives the same workbook. The companies are
fictional. Rows 2-6 are fixed (the tests check them against the guide by hand); the
rest are drawn from a seeded generator.

    python examples/make_function_ledger.py [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.formula import ArrayFormula

from subsidykit.rules import uscc
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.rules.programs import list_programs

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "台账_函数示例.xlsx"
SEED = 20231
LAST = 40  # data rows 2..40

HEADER = [
    "项目（函数用名称）",
    "企业名称",
    "统一社会信用代码",
    "项目总投入（万元）",
    "软件投入（万元）",
    "完工日期",
    "最高补助（万元）",
    "总投入核对",
    "处理意见",
    "代码有效",
    "申请补助（原文）",
    "申请补助（万元）",
    "核定补助（万元）",
    "最高补助（整列公式）",
    "依据",
]

# (program, company, total investment as typed, software, completion date as typed, requested as typed)
FIXED_ROWS = [
    ("2023/智能制造示范工厂项目", "虚构甲精密机械有限公司", 2500, 260, dt.date(2022, 5, 31), "200"),
    ("2023/智能制造示范工厂项目", "虚构乙智能装备股份有限公司", 35000, 3200, "2022-06-30", "2100万元"),
    ("2023/高端化改造升级项目/重大技术改造项目", "虚构丙新材料科技有限公司", "1.2亿", None, "2022年3月1日", 1000),
    ("2023/绿色化改造升级项目", "虚构丁节能环保有限公司", 3000.5, None, dt.date(2022, 1, 15), "6,001,000元"),
    ("2023/数据产品化项目", "虚构戊数据服务有限公司", 1234.56789, 800, dt.date(2022, 6, 1), 240),
]
FILL_PROGRAMS = [
    "2023/智能制造示范工厂项目",
    "2023/高端化改造升级项目/重大技术改造项目",
    "2023/绿色化改造升级项目",
    "2023/“5G+工业互联网”融合应用项目",
    "2023/工业互联网平台项目",
    "2023/数据产品化项目",
    "2023/服务化改造升级标杆示范项目",
]
NAME_PARTS = ["华", "瑞", "通", "博", "恒", "信", "远", "泰", "中", "兴", "新", "宏", "科", "达", "源", "航"]
TRADES = ["精密制造", "智能装备", "新材料", "电子科技", "生物医药", "软件", "汽车零部件", "纺织", "化工", "数据服务"]
REGIONS = ["320102", "320205", "320311", "320412", "320506", "320611", "320703", "320812", "320903", "321002"]

ERROR_CASES = [
    ("2023/智能制造示范工程", 3000, "项目名称有误（应为示范工厂）"),
    ("2023/免费诊断服务项目", 100, "指南未规定金额（另行通知）"),
    ("2023/智能制造示范工厂项目", "三千万", "基数无法识别"),
    ("2023/智能制造示范工厂项目", None, "基数未填：结果为空"),
    ("2023/工业互联网标识解析项目", 3000, "分档项目未写子类"),
    ("2023/工业互联网标识解析项目/工业互联网标识解析二级节点项目", None, "定额项目：不需基数"),
]

# 政策匹配: an applicant's figures typed in a row; the next cells show the best program and its
# award, and the whole table of programs it fits (ELIGIBLE_PROGRAMS) spills below.  The fields
# are the notice's general conditions (000 lines 78-101) and the smart factory's (000 lines 428-456).
MATCH_FIELDS = [
    "项目总投入", "软件投入", "完工日期", "项目实施周期", "示范级别", "规模以上工业企业", "手续完备", "已完成验收",
    "成立日期", "注册地省份", "独立法人资格", "近三年重大以上安全环保质量事故", "严重失信行为",
    "本专项资金已支持项目未完成验收", "同一项目已获国家或省级财政资金支持",
]  # fmt: skip
MATCH_ROWS = [
    ("虚构庚智能制造有限公司", [6000, 350, dt.date(2022, 6, 30), 2, "省级", "是", "是", "是", dt.date(2015, 1, 1), "江苏省", "是", "否", "否", "否", "否"]),
    ("虚构辛装备科技有限公司", [2500, 350, dt.date(2022, 6, 30), 2, "省级", "是", "是", "是", dt.date(2015, 1, 1), "江苏省", "是", "否", "否", "否", "否"]),
    ("虚构壬电子有限公司", [6000, 350, dt.date(2022, 6, 30), 2, "省级", "是", "是", "是", dt.date(2015, 1, 1), "浙江省", "是", "否", "否", "否", "否"]),
]
MATCH_YEAR = 2023

CHECK_HEADER = ["项目", "项目总投入", "软件投入", "完工日期", "核对结果（只核对已填字段）", "核对结果（全部条件）"]
CHECK_ROWS = [
    ("2023/智能制造示范工厂项目", 3500, 350, dt.date(2022, 6, 30)),
    ("2023/智能制造示范工厂项目", 2500, 100, "2022-07-01"),
    ("2023/智能制造示范工厂项目", 5000, 500, "2021.01.01"),
]


def _fill_rows(rng: random.Random, n: int) -> list[tuple]:
    rows = []
    for i in range(n):
        program = FILL_PROGRAMS[i % len(FILL_PROGRAMS)]
        name = "虚构" + "".join(rng.sample(NAME_PARTS, 2)) + rng.choice(TRADES) + "有限公司"
        total = round(rng.uniform(1000, 45000), 2)
        if i % 9 == 4:
            total_typed: object = f"{total:,.2f}"  # typed as text with thousands separators
        elif i % 9 == 7:
            total_typed = f"{total}万元"
        else:
            total_typed = total
        software = round(total * rng.uniform(0.05, 0.2), 2)
        done = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 560))
        asked = round(total * rng.uniform(0.04, 0.12), 2)
        rows.append((program, name, total_typed, software, done, asked))
    return rows


def build(out: Path = DEFAULT_OUT) -> Path:
    rng = random.Random(SEED)
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(HEADER)
    rows = FIXED_ROWS + _fill_rows(rng, LAST - 1 - len(FIXED_ROWS))
    for r, (program, company, total, software, done, asked) in enumerate(rows, start=2):
        code = uscc.make(rng, rng.choice(REGIONS))
        if r == 9:
            code = code[:-1] + ("0" if code[-1] != "0" else "1")  # one mistyped check digit
        ws.cell(r, 1, program)
        ws.cell(r, 2, company)
        ws.cell(r, 3, code)
        ws.cell(r, 4, total)
        ws.cell(r, 5, software)
        ws.cell(r, 6, done)
        if isinstance(done, dt.date):
            ws.cell(r, 6).number_format = "yyyy-mm-dd"
        ws.cell(r, 7, f"=SUBSIDY_CAP(A{r},D{r})")
        ws.cell(r, 8, f'=CHECK_THRESHOLD(A{r},"项目总投入",D{r})')
        ws.cell(r, 9, f'=IF(H{r}="通过","推荐","暂缓")')
        ws.cell(r, 10, f"=USCC_VALID(C{r})")
        ws.cell(r, 11, asked)
        ws.cell(r, 12, f"=TO_WAN(K{r})")
        ws.cell(r, 13, f"=MIN(G{r},L{r})")
        ws.cell(r, 15, f'=PROGRAM_INFO(A{r},"来源")')
    ws["N2"] = ArrayFormula(f"N2:N{LAST}", f"=SUBSIDY_CAP(A2:A{LAST},D2:D{LAST})")
    total_row = LAST + 2
    ws.cell(total_row, 1, "合计")
    ws.cell(total_row, 7, f"=SUM(G2:G{LAST})")
    ws.cell(total_row, 13, f"=SUM(M2:M{LAST})")
    ws.cell(total_row, 14, f"=SUM(N2:N{LAST})")
    ws.cell(total_row + 1, 1, "推荐项目数")
    ws.cell(total_row + 1, 7, f'=COUNTIF(I2:I{LAST},"推荐")')
    ws.cell(total_row + 2, 1, "须核查项目数")
    ws.cell(total_row + 2, 7, f"=VERIFY_SAMPLE_SIZE(G{total_row + 1},2023)")
    _style(ws, [34, 30, 22, 18, 16, 13, 16, 40, 10, 10, 16, 16, 16, 18, 60])

    er = wb.create_sheet("异常示例")
    er.append(["项目", "基数（万元）", "说明", "SUBSIDY_CAP", "IFERROR 后", "SUBSIDY_EXPLAIN（原因）", "PROGRAM_INFO"])
    for r, (program, base, note) in enumerate(ERROR_CASES, start=2):
        er.cell(r, 1, program)
        er.cell(r, 2, base)
        er.cell(r, 3, note)
        er.cell(r, 4, f"=SUBSIDY_CAP(A{r},B{r})")
        er.cell(r, 5, f"=IFERROR(D{r},0)")
        er.cell(r, 6, f"=SUBSIDY_EXPLAIN(A{r},B{r})")
        er.cell(r, 7, f"=PROGRAM_INFO(A{r})")
    _style(er, [52, 14, 30, 14, 12, 80, 60])

    ck = wb.create_sheet("条件核对")
    ck.append(CHECK_HEADER)
    for r, (program, total, software, done) in enumerate(CHECK_ROWS, start=2):
        for c, value in enumerate((program, total, software, done), start=1):
            ck.cell(r, c, value)
        ck.cell(r, 5, f"=CHECK_ROW(A{r},$B$1:$D$1,B{r}:D{r},2023,TRUE)")
        ck.cell(r, 6, f"=CHECK_ROW(A{r},$B$1:$D$1,B{r}:D{r})")
    _style(ck, [30, 12, 10, 12, 90, 90])

    _match_sheet(wb.create_sheet("政策匹配"))

    catalog = wb.create_sheet("目录")
    n = len(list_programs(2023)) + 1  # header row + one row per 2023 program
    catalog["A1"] = ArrayFormula(f"A1:H{n}", "=PROGRAMS(2023)")
    _style(catalog, [40, 8, 44, 10, 10, 12, 10, 10])

    tools = wb.create_sheet("工具")
    tools.append(["输入", "函数", "结果"])
    for r, (value, formula) in enumerate(
        [
            ("1.2亿", "=TO_WAN(A{r})"),
            ("3,500.5万", "=TO_WAN(A{r})"),
            ("１２０００", "=TO_WAN(A{r})"),
            (1200000, '=TO_WAN(A{r},"元")'),
            ("91350100M000100Y43", "=USCC_VALID(A{r})"),
            ("91350100M000100Y44", "=USCC_VALID(A{r})"),
            (47, "=VERIFY_SAMPLE_SIZE(A{r})"),
            ("2023/智能制造示范工厂项目", '=SUBSIDY_RATE(A{r})'),
            ("2023/智能制造示范工厂项目", '=SUBSIDY_LIMIT(A{r})'),
            ("2023/智能制造示范工厂项目", '=PROGRAM_INFO(A{r},"主办处室")'),
            ("2023/智能制造示范工厂项目", '=PROGRAM_INFO(A{r},"联系电话")'),
        ],
        start=2,
    ):
        tools.cell(r, 1, value)
        tools.cell(r, 2, formula.format(r=r)[1:])  # the formula as text (without "="), for reading
        tools.cell(r, 3, formula.format(r=r))
    _style(tools, [28, 34, 20])

    buf = io.BytesIO()
    wb.save(buf)
    return write_bytes_atomic(out, buf.getvalue())


def _match_sheet(ws) -> None:
    """Row 1: 企业名称, the fields, 最优项目, 最高补助; one applicant per row; below, the table of
    every program the first applicant fits (符合 and 待补充), spilled by ELIGIBLE_PROGRAMS."""
    from openpyxl.utils import get_column_letter

    from subsidykit.rules.matching import match

    last = get_column_letter(1 + len(MATCH_FIELDS))  # the last field's column
    best, amount = get_column_letter(2 + len(MATCH_FIELDS)), get_column_letter(3 + len(MATCH_FIELDS))
    ws.append(["企业名称", *MATCH_FIELDS, "最优项目（BEST_PROGRAM）", "最高补助（万元）"])
    for r, (company, values) in enumerate(MATCH_ROWS, start=2):
        ws.cell(r, 1, company)
        for c, value in enumerate(values, start=2):
            ws.cell(r, c, value)
            if isinstance(value, dt.date):
                ws.cell(r, c).number_format = "yyyy-mm-dd"
        ws[f"{best}{r}"] = f"=BEST_PROGRAM($B$1:${last}$1,B{r}:{last}{r},{MATCH_YEAR})"
        ws[f"{amount}{r}"] = f'=IFERROR(SUBSIDY_CAP({best}{r},B{r}),"")'
    top = len(MATCH_ROWS) + 3
    ws.cell(top, 1, f"{MATCH_ROWS[0][0]} 符合或待补充的 {MATCH_YEAR} 年度项目（ELIGIBLE_PROGRAMS）：")
    # the spill's size: its header and one row per program (the engine sizes it, as PROGRAMS' is)
    first = dict(zip(MATCH_FIELDS, MATCH_ROWS[0][1], strict=True))
    n = len(match(first, MATCH_YEAR).of_status("eligible", "unknown")) + 1
    ws[f"A{top + 1}"] = ArrayFormula(f"A{top + 1}:E{top + n}", f"=ELIGIBLE_PROGRAMS($B$1:${last}$1,B2:{last}2,{MATCH_YEAR})")
    _style(ws, [40, *([12] * len(MATCH_FIELDS)), 40, 16])


def _style(ws, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"


def main() -> None:
    ap = argparse.ArgumentParser(description="生成函数示例台账（虚构企业，固定随机种子）")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    path = build(args.out)
    print(f"已写入 {path}")


if __name__ == "__main__":
    main()
