"""Write examples/县区台账/: three counties' 2021 ledgers that a 设区市 clerk merges in one command.

    .venv/bin/python examples/make_county_ledgers.py
    subsidykit summary examples/县区台账/*.xlsx --level city --region 徐州市 --year 2021 --out 徐州市_附件2.xlsx

Fictional enterprises (names start with 示例) with valid credit codes of each county.  Each county
alone keeps the 2021 per-city limits of 高端化改造升级项目 (002_1632e1bcc76db33b.txt line 28:
"每个设区市（含所辖县、市、区）限报6个，其中，产业链现代化提升项目限报4个，产业基础再造项目限报2个");
the merged city list has 7 of them (4 产业链, 3 基础再造) — over 6 and over 2 — and 示例徐州甲科技
applies in 丰县 and in 沛县 (a cross-county duplicate).  The county of each file is read three
ways: the file name (丰县), the 地区 line (沛县), a 县（市、区） column (邳州市).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from subsidykit.rules.uscc import make  # noqa: E402
from subsidykit.workbooks.atomic import write_bytes_atomic  # noqa: E402
from subsidykit.workbooks.reproducible import workbook_bytes  # noqa: E402

OUT = ROOT / "examples" / "县区台账"
HEAD = ["序号", "企业名称", "统一社会信用代码", "项目类别", "子类", "项目名称", "总投资(万元)", "固定资产投入",
        "开工时间", "竣工时间", "申请补助(万元)", "主营业务收入", "实缴税金", "利润总额", "是否集群"]  # fmt: skip
HE, CHAIN, BASE = "高端化改造升级项目", "产业链现代化提升项目", "产业基础再造项目"
# 丰县 320321, 沛县 320322, 邳州市 320382 (GB/T 2260)
USCC = {who: make(random.Random(100 + i), region) for i, (who, region) in enumerate(
    [("甲", "320321"), ("乙", "320321"), ("丙", "320321"), ("丁", "320322"), ("戊", "320322"), ("己", "320382"), ("庚", "320382")])}  # fmt: skip


def project(n: int, who: str, kind: str, sub: str | None, name: str, total: int, request: int) -> list:
    return [n, f"示例徐州{who}科技有限公司", USCC[who], kind, sub, name, total, total * 4 // 5, dt.date(2021, 3, 1),
            dt.date(2022, 12, 31), request, 50000, 2000, 4000, "否"]  # fmt: skip


FENG = [project(1, "甲", HE, CHAIN, "甲产业链提升项目", 20000, 3000), project(2, "乙", HE, CHAIN, "乙产业链提升项目", 15000, 2500),
        project(3, "丙", HE, CHAIN, "丙产业链提升项目", 12000, 2000)]  # fmt: skip
PEI = [project(1, "甲", HE, CHAIN, "甲沛县扩产项目", 18000, 3000), project(2, "丁", HE, BASE, "丁基础再造项目", 8000, 1200),
       project(3, "戊", "智能制造示范工厂项目", None, "戊智能工厂项目", 30000, 2000)]  # fmt: skip
PIZHOU = [project(1, "己", HE, BASE, "己基础再造项目", 6000, 1000), project(2, "庚", HE, BASE, "庚基础再造项目", 7000, 1000)]


def ledger(rows: list[list], *, title: str | None = None, head: list[str] = HEAD) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    r = 1
    if title:
        ws.cell(1, 1, title)
        r = 3
    for c, h in enumerate(head, 1):
        ws.cell(r, c, h)
    for values in rows:
        r += 1
        for c, v in enumerate(values, 1):
            if v is not None:
                ws.cell(r, c, v)
    return workbook_bytes(wb, reproducible=True)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    write_bytes_atomic(OUT / "丰县_2021年度申报台账.xlsx", ledger(FENG, title="2021年度专项资金申报台账"))
    write_bytes_atomic(OUT / "台账B_2021.xlsx", ledger(PEI, title="地区：沛县"))
    head = HEAD[:3] + ["县（市、区）"] + HEAD[3:]
    write_bytes_atomic(OUT / "台账C_2021.xlsx", ledger([r[:3] + ["邳州市"] + r[3:] for r in PIZHOU], head=head))
    print(f"已写入 {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
