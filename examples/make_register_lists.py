"""Write examples/登记簿/: last years' published lists a county clerk loads into the register once.

    .venv/bin/python examples/make_register_lists.py

* 2022_支持项目名单.xlsx — a published list of supported projects (2022), header wording as the
  province prints it (企业名称, 统一社会信用代码, 项目名称, 支持金额（万元）), with a title row;
* 2022_验收结果.xlsx — the acceptance results of some of them (验收结论 通过/不通过, 验收时间).

The enterprises are those of examples/台账_2023.xlsx and examples/submissions (fictional), so
`make demo` shows each history check on the 2023 applications:
* 示例北辰电子科技有限公司 — supported in 2022, not yet accepted → 2023 application: 错误
  (HISTORY_UNACCEPTED, 000:91-97);
* 示例明月新材料有限公司 — supported in 2022 for 明月生产线高端化改造项目, accepted; its 2023
  application names the same project → 错误 (HISTORY_FUNDED, 000:99-101);
* 示例南岭智能装备有限公司 — supported in 2022 and accepted, another project → nothing;
* 示例无锡华宇精密制造有限公司 (submission 01) — supported in 2022, 验收 不通过 → 错误.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from subsidykit.workbooks.atomic import write_bytes_atomic  # noqa: E402
from subsidykit.workbooks.reproducible import workbook_bytes  # noqa: E402

OUT = ROOT / "examples" / "登记簿"

# (企业名称, 统一社会信用代码, 项目名称, 项目类别, 所在地, 支持金额 万元, 验收结论 or None, 验收时间)
SUPPORTED_2022 = [
    ("示例北辰电子科技有限公司", "91320102PHQ46PN614", "北辰数字化车间改造项目", "智能制造示范工厂项目", "示例市青山区", 300, None, None),
    ("示例明月新材料有限公司", "91320124YL52EYH459", "明月生产线高端化改造项目", "高端化改造升级项目", "示例市云溪县", 800, "通过", "2023-09-28"),
    ("示例南岭智能装备有限公司", "91320181DQ94BLLU6C", "南岭工业互联网平台项目", "工业互联网平台项目", "示例市临江市", 200, "通过", "2023-10-12"),
    ("示例无锡华宇精密制造有限公司", "9132020065XB92LT82", "华宇精密铸件绿色化改造项目", "绿色化改造升级项目", "无锡市", 400, "不通过", "2023-11-06"),
]


def supported() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "支持项目"
    ws.append(["2022年度省工业和信息产业转型升级专项资金支持项目名单（示例，虚构）"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(["序号", "企业名称", "统一社会信用代码", "项目名称", "项目类别", "所在地", "支持金额（万元）"])
    for i, (name, code, project, kind, place, award, _r, _d) in enumerate(SUPPORTED_2022, 1):
        ws.append([i, name, code, project, kind, place, award])
    return workbook_bytes(wb, reproducible=True)


def accepted() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "验收结果"
    ws.append(["序号", "单位名称", "信用代码", "项目名称", "验收结论", "验收时间"])
    i = 0
    for name, code, project, _k, _p, _a, result, day in SUPPORTED_2022:
        if result:
            i += 1
            ws.append([i, name, code, project, result, day])
    return workbook_bytes(wb, reproducible=True)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    write_bytes_atomic(OUT / "2022_支持项目名单.xlsx", supported())
    write_bytes_atomic(OUT / "2022_验收结果.xlsx", accepted())
    print(f"已写入 {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
