"""Write examples/台账_2023.xlsx: a clerk's ledger of 40 fictional applications (seeded, reproducible).

    .venv/bin/python examples/make_ledger.py [OUT.xlsx]

Every company is fictional (names start with 示例), with a valid 统一社会信用代码.  The sheet is
messy the way real ledgers are: two merged title rows above the header, the clerk's own column
order and wording, numbers typed as text (with 万元/亿 units or thousands separators), some
amounts in 元 (a bare 3000000 in a 万元 column, flagged by the reader; "2800000元" converted),
dates in several forms (date cells, 2022年3月1日, 2022.3.1, 2022/3/1, 20220301, Excel serials),
a blank row, a 合计 row, one project of an unknown category and one typed only by its category.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.reproducible import workbook_bytes
from subsidykit.rules.uscc import make

SEED = 20230
OUT = ROOT / "examples" / "台账_2023.xlsx"

HEADERS = [
    "序号", "申报单位", "统一社会信用代码", "所在县区", "企业地址", "行业", "项目类别", "子类", "项目名称",
    "总投资(万元)", "固定资产投入", "开工时间", "竣工时间", "申请补助(万元)", "2021年主营业务收入",
    "2021年实缴税金(万元)", "2021年利润总额", "是否集群", "联系人", "手机", "备注",
]  # fmt: skip

# (项目类别 as the clerk types it, 子类, project name stem, investment range 万元); 2023 programs
PROJECTS = [
    ("智能制造示范工厂项目", None, "智能制造示范工厂建设", (3000, 20000)),
    ("高端化改造升级项目", "重大技术改造项目", "生产线高端化改造", (10000, 40000)),
    ("高端化改造升级项目", "产业基础再造项目", "关键基础件产业化", (5000, 15000)),
    ("工业互联网标杆工厂项目", None, "工业互联网标杆工厂", (3000, 12000)),
    ("“5G+工业互联网”融合应用项目", None, "5G全连接工厂", (2000, 6000)),
    ("工业互联网平台项目", None, "行业级工业互联网平台", (1000, 5000)),
    ("关键核心技术（装备）工程化攻关", None, "高端装备关键技术攻关", (3000, 15000)),
    ("企业重大兼并重组项目", None, "跨省并购重组", (5000, 30000)),
    ("专精特新中小企业能力提升项目", None, "专精特新能力提升", (800, 3000)),
    ("绿色化改造升级项目", None, "节能降碳绿色化改造", (2000, 10000)),
    ("车联网示范应用项目", None, "车联网先导应用", (1000, 5000)),
    ("集群发展促进机构项目", None, "集群促进机构能力建设", (200, 800)),
    ("省级制造业创新中心创新能力建设项目", None, "创新中心能力建设", (3000, 8000)),
]
WORDS = [
    "青禾",
    "蓝鲸",
    "松果",
    "云帆",
    "星桥",
    "赤枫",
    "白鹭",
    "金穗",
    "银杏",
    "墨竹",
    "海棠",
    "远山",
    "清溪",
    "晨曦",
    "北辰",
    "南岭",
    "东篱",
    "西岭",
    "朝阳",
    "明月",
]
TRADES = [("精密机械", "通用设备制造业"), ("新材料", "化学原料和化学制品制造业"), ("电子科技", "计算机、通信和其他电子设备制造业"),
          ("汽车部件", "汽车制造业"), ("纺织", "纺织业"), ("智能装备", "专用设备制造业"), ("软件", "软件和信息技术服务业")]  # fmt: skip
DISTRICTS = [("青山区", "320102"), ("云溪县", "320124"), ("临江市", "320181"), ("桃源区", "320111")]
STREETS = ["工业大道", "科创路", "新港路", "滨江路", "高新三路", "经发大道"]


def _date_forms(d: dt.date, k: int) -> object:
    forms = [
        d,
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}{d.month:02d}{d.day:02d}",
        (d - dt.date(1899, 12, 30)).days,  # an Excel serial typed as a number
    ]
    return forms[k % len(forms)]


def _amount_forms(x: int, k: int) -> object:
    forms = [x, str(x), f"{x:,}", f"{x}万元", f"{Decimal(x) / 10000:.2f}亿" if x >= 10000 else f"{x}万"]
    return forms[k % len(forms)]


def rows(rng: random.Random) -> list[list[object]]:
    out: list[list[object]] = []
    names: set[str] = set()
    for i in range(40):
        while True:
            word = rng.choice(WORDS)
            trade, industry = rng.choice(TRADES)
            name = f"示例{word}{trade}有限公司"
            if name not in names:
                names.add(name)
                break
        district, code = DISTRICTS[i % len(DISTRICTS)]
        kind, variant, stem, (lo, hi) = PROJECTS[i % len(PROJECTS)]
        total = rng.randrange(lo, hi, 50)
        fixed = int(total * rng.uniform(0.55, 0.9))
        start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 540))
        end = start + dt.timedelta(days=rng.randrange(180, 720))
        request = min(int(total * rng.choice([0.05, 0.08, 0.1, 0.12])), 3000)
        revenue = rng.randrange(3000, 300000, 10)
        tax = int(revenue * rng.uniform(0.02, 0.06))
        profit = int(revenue * rng.uniform(0.03, 0.12))
        req_cell: object = _amount_forms(request, i)
        note = None
        if i in (5, 22):  # typed in 元 in a 万元 column (a bare number): flagged, kept as typed
            req_cell, note = request * 10000, "申请金额按元填写"
        if i == 17:  # typed in 元 with the unit: converted
            req_cell = f"{request * 10000}元"
        if i == 30:  # a category the 2023 guide does not have
            kind, variant, stem = "数字孪生工厂项目", None, "数字孪生工厂"
        if i == 34:  # only the category typed
            kind, variant = "绿色化改造提升", None
        out.append([
            i + 1, name, make(rng, code), district, f"{district}{rng.choice(STREETS)}{rng.randrange(1, 300)}号", industry,
            kind, variant, f"{name[2:4]}{stem}项目", _amount_forms(total, i + 1), _amount_forms(fixed, i + 2),
            _date_forms(start, i), _date_forms(end, i + 3), req_cell, revenue if i % 3 else f"{revenue:,}",
            tax, str(profit), rng.choice(["是", "否", "否"]), rng.choice("张王李赵陈刘") + rng.choice(["明", "华", "静", "磊"]),
            f"139{rng.randrange(10**7, 10**8)}", note,
        ])  # fmt: skip
    return out


def sample_rows(n: int, rng: random.Random):
    """`n` rows drawn (with `rng`) from the example ledger's rows, numbered 1..n: the ledger of
    any size the benchmarks need (drawn one at a time, so a caller may use `rng` between rows)."""
    base = rows(random.Random(SEED))
    for i in range(n):
        row = list(rng.choice(base))
        row[0] = i + 1
        yield row


def write_rows(path: Path, data) -> Path:
    """A bare ledger: the header row, then `data`."""
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in data:
        ws.append(row)
    wb.save(path)
    return path


def build(seed: int = SEED) -> Workbook:
    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "申报台账"
    last = len(HEADERS)
    ws.cell(row=1, column=1, value="示例市工业和信息化局 2023年度省级工业和信息产业转型升级专项资金申报项目台账")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.cell(row=2, column=1, value="（虚构示例数据；金额单位：万元，截至2022年11月30日）")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = ws["A2"].alignment = Alignment(horizontal="center")
    for c, h in enumerate(HEADERS, 1):
        ws.cell(row=4, column=c, value=h).font = Font(bold=True)
    r = 5
    data = rows(rng)
    for i, values in enumerate(data):
        if i == 20:
            r += 1  # a blank row in the middle
        for c, v in enumerate(values, 1):
            if v is not None:
                ws.cell(row=r, column=c, value=v)
        r += 1
    ws.cell(row=r, column=2, value="合计")
    for c, w in zip("ABCDEFGHI", (5, 26, 21, 9, 30, 22, 30, 16, 28), strict=True):
        ws.column_dimensions[c].width = w
    return wb


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    write_bytes_atomic(out, workbook_bytes(build(), reproducible=True))
    print(f"已写入 {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
