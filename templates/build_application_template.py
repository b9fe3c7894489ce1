"""Build templates/项目申报表.xlsx: the application workbook an enterprise fills in.

The fields of 附件2 and 附件3 (000_e236479adaf7e68e.txt lines 4571-5039), 申报年度, 申报项目类别
and the conditions' fields of the catalog, with drop-downs (programs, years, cities, 是/否,
condition names; lists on a hidden sheet) and number formats.  Layout and lists live in
subsidykit/workbooks/application_form.py, so the template, the examples and the validator agree.

Usage: python templates/build_application_template.py [OUT.xlsx]
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from subsidykit.workbooks.application_form import build_template, deterministic_zip
from subsidykit.workbooks.atomic import write_bytes_atomic

OUT = Path(__file__).with_name("项目申报表.xlsx")


def main(out: Path = OUT) -> Path:
    wb = build_template()
    wb.properties.creator = "subsidykit"
    buf = io.BytesIO()
    wb.save(buf)
    return write_bytes_atomic(out, deterministic_zip(buf.getvalue()))


if __name__ == "__main__":
    path = main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"已写入 {path}")
