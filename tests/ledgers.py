"""Small real ledger workbooks for the ledger/summary tests (written with openpyxl, read back)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook

from subsidykit.rules.uscc import make

# A clean 2023 ledger: one project per category, hand-written values (万元).
HEADER = ["序号", "企业名称", "统一社会信用代码", "经营地址", "行业", "项目类别", "子类", "项目名称",
          "总投资(万元)", "固定资产投入", "开工时间", "竣工时间", "申请补助(万元)",
          "主营业务收入", "实缴税金", "利润总额", "是否集群", "联系人", "电话"]  # fmt: skip
PROJECTS = [
    [1, "示例甲智造有限公司", make(random.Random(1), "320102"), "青山区工业大道1号", "通用设备制造业", "智能制造示范工厂项目", None,
     "甲智能工厂项目", 3500, 2800, dt.date(2021, 3, 1), dt.date(2022, 6, 30), 400, 52000, 2100, 4800, "是", "张明", "13900000001"],
    [2, "示例乙精工有限公司", None, "云溪县科创路2号", "专用设备制造业", "高端化改造升级项目", "重大技术改造项目",
     "乙生产线改造项目", 12000, 9000, dt.date(2021, 5, 1), dt.date(2022, 12, 31), 1000, 88000, 3500, 7600, "否", "王华", "13900000002"],
    [3, "示例丙新材料有限公司", None, "临江市滨江路3号", "化学原料和化学制品制造业", "关键核心技术（装备）工程化攻关", None,
     "丙材料攻关项目", 6000, 4000, dt.date(2022, 1, 1), dt.date(2023, 12, 31), 900, 41000, 1500, 3300, "否", "李静", "13900000003"],
    [4, "示例丁软件有限公司", None, "桃源区高新三路4号", "软件和信息技术服务业", "企业重大兼并重组项目", None,
     "丁并购重组项目", 20000, 0, dt.date(2022, 2, 1), dt.date(2022, 11, 30), 1000, 30000, 900, 2500, "否", "赵磊", "13900000004"],
    [5, "示例戊纺织有限公司", None, "青山区新港路5号", "纺织业", "绿色化改造升级项目", None,
     "戊节能改造项目", 5000, 4200, dt.date(2021, 6, 1), dt.date(2022, 10, 31), 500, 26000, 800, 1900, "是", "陈明", "13900000005"],
    [6, "示例己服务有限公司", None, "云溪县新港路6号", "商务服务业", "集群发展促进机构项目", None,
     "己集群促进项目", 400, 0, dt.date(2022, 1, 1), dt.date(2022, 12, 31), 100, 1200, 60, 90, "是", "刘华", "13900000006"],
]  # fmt: skip


def write_ledger(path: Path, rows: list[list] | None = None, *, header: list[str] | None = None,
                 title_rows: int = 2, sheet: str = "台账", start_col: int = 1) -> Path:  # fmt: skip
    """A ledger with `title_rows` merged title rows (and a blank row) above the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    header = header or HEADER
    rows = PROJECTS if rows is None else rows
    r = 1
    for i in range(title_rows):
        ws.cell(row=r, column=start_col, value=f"示例市2023年专项资金申报台账（标题第{i + 1}行）")
        ws.merge_cells(start_row=r, start_column=start_col, end_row=r, end_column=start_col + len(header) - 1)
        r += 1
    if title_rows:
        r += 1  # a blank row under the title
    for c, h in enumerate(header):
        ws.cell(row=r, column=start_col + c, value=h)
    for values in rows:
        r += 1
        for c, v in enumerate(values):
            if v is not None:
                cell = ws.cell(row=r, column=start_col + c, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"  # a text typed as text, even when it starts with "="
    wb.save(path)
    return path
