"""Writing the register's projects to a file: .xlsx, .csv (UTF-8 with BOM, for Excel) or .json,
atomically (`workbooks.atomic`), never over an existing file unless asked.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.register`, `subsidykit.errors`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from subsidykit.errors import BadInputError
from subsidykit.workbooks.atomic import write_bytes_atomic
from subsidykit.workbooks.outputs import os_error_text, term

FORMATS = (".xlsx", ".csv", ".json")
HEADERS = ("年度", "统一社会信用代码", "单位名称", "申报项目名称", "项目代码", "申报项目类别", "县（市、区）",
           "设区市", "项目总投入", "申请补助资金", "状态", "支持金额", "验收结论", "验收日期", "来源")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(v):
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral() else format(v, "f")
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


def _safe_text(v):
    """A text an office program would read as a formula is written with a leading apostrophe."""
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def render(path: Path, rows: list[dict]) -> bytes:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return json.dumps([{k: _plain(r.get(k)) for k in HEADERS} for r in rows], ensure_ascii=False,
                          indent=1).encode("utf-8")
    if suffix == ".csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(HEADERS)
        for r in rows:
            w.writerow([_safe_text(_plain(r.get(k))) for k in HEADERS])
        return ("\ufeff" + buf.getvalue()).encode("utf-8")
    if suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("登记簿")
        ws.append(list(HEADERS))
        for r in rows:
            out = []
            for k in HEADERS:
                v = r.get(k)
                if isinstance(v, Decimal):
                    out.append(float(v))
                elif v is None:
                    out.append(None)
                elif isinstance(v, str):
                    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

                    out.append(_safe_text(ILLEGAL_CHARACTERS_RE.sub("", v)[:32767]))
                else:
                    out.append(v)
            ws.append(out)
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    raise BadInputError(f"不支持的导出格式「{path.suffix}」：请用 {'、'.join(FORMATS)}")


def write_rows(path, rows: list[dict], *, force: bool = False) -> Path:
    """Write `rows` (`Register.export_rows`) to `path`; an existing file is kept unless `force`."""
    p = Path(path)
    if p.suffix.lower() not in FORMATS:
        raise BadInputError(f"不支持的导出格式「{p.suffix or p.name}」：请用 {'、'.join(FORMATS)}")
    data = render(p, rows)
    try:
        return write_bytes_atomic(p, data, overwrite=force, private=True)  # enterprise data: owner only
    except FileExistsError:
        raise BadInputError(f"文件已存在：{term(p)}（加 --force 覆盖）") from None
    except IsADirectoryError:
        raise BadInputError(f"{term(p)} 是一个文件夹") from None
    except OSError as exc:
        raise BadInputError(f"无法写入 {term(p)}：{os_error_text(exc)}") from None
