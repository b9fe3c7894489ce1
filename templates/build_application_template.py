"""Build templates/项目申报表.xlsx: the application workbook an enterprise fills in.

The fields of 附件2 and 附件3 (000_e236479adaf7e68e.txt lines 4571-5039), 申报年度, 申报项目类别
and the conditions' fields of the catalog, with drop-downs (programs, years, cities, 是/否,
condition names; lists on a hidden sheet) and number formats.  The fields and lists live in
subsidykit/workbooks/form_model.py, the layout in application_form.py, so the template, the
examples and the validator agree.  Reproducible: the same bytes on every run.

Usage: python templates/build_application_template.py [OUT.xlsx]
"""

from __future__ import annotations

import sys
from pathlib import Path

from subsidykit.workbooks.application_form import build_template
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.reproducible import workbook_bytes

OUT = Path(__file__).with_name("项目申报表.xlsx")


def main(out: Path = OUT) -> Path:
    return write_bytes_atomic(out, workbook_bytes(build_template(), reproducible=True))


if __name__ == "__main__":
    path = main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"已写入 {path}")
