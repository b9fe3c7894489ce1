"""Print the 政策匹配 sheet of an evaluated function ledger (make demo): each applicant's best
program and award, and the spilled table of programs the first applicant fits.

    python examples/show_match_sheet.py out/台账_函数示例_计算结果.xlsx
"""

from __future__ import annotations

import sys

from openpyxl import load_workbook


def main(path: str) -> int:
    ws = load_workbook(path, read_only=True, data_only=True)["政策匹配"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = rows[0]
    best, amount = len(header) - 2, len(header) - 1
    print(f"{'企业名称':<24}{header[1]:>10}  {'最优项目':<36}最高补助（万元）")
    for row in rows[1:]:
        if not row or row[0] is None:
            break
        print(f"{row[0]:<24}{row[1]!s:>10}  {row[best]!s:<36}{'' if row[amount] in (None, '') else row[amount]}")
    for row in rows:
        if row and isinstance(row[0], str) and row[0].endswith("（ELIGIBLE_PROGRAMS）："):
            print(row[0])
            start = rows.index(row) + 1
            for r in rows[start : start + 12]:
                cells = ["" if c is None else str(c) for c in r[:5]]
                if not any(cells):
                    break
                print("  " + " | ".join(c[:40] for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
