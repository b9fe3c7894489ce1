"""帮助: the 使用说明 sheet — what each ribbon button does, every worksheet function, the error codes.

One source for both deployments: the desktop add-in's build copies these rows into its
hidden sheet 使用说明 (so 帮助 works before Python is set up), and on xlwings Server the
帮助 button writes them into the open workbook. Function help is read from `udfs` itself.
"""

from __future__ import annotations

import inspect

import xlwings as xw

import udfs

from ._book import TITLE, replace_sheet

HELP_SHEET = "使用说明"
HEADER = ["类别", "名称", "用法", "说明"]

BUTTONS: tuple[tuple[str, str], ...] = (
    ("生成汇总表", "把当前台账工作表生成附件2 推荐项目汇总表（按类别分表）和「审核」表；桌面版另存为可打印文件并生成附件3、附件4。"),
    ("批量校验", "桌面版：选择申报材料文件夹，逐个校验并生成校验报告；网页版：在任务窗格上传文件夹并下载报告，或校验当前工作簿。"),
    ("政策匹配", "在台账中选中一个项目行，新建工作表「政策匹配_行N」：该项目在本年度符合、待补充和不符合的全部项目、最高补助、待补字段、未满足的条件和出处，以及最优项目。"),
    ("插入台账模板", "新建一张台账工作表，表头即附件2 各栏，申报项目类别可下拉选择。"),
    ("项目目录", "新建工作表并插入 =PROGRAMS(年度)，列出该年度可申报项目、补助方式、比例和上限。"),
    ("设置", "桌面版：年度、地区和 Python 解释器路径；网页版：访问令牌、年度和地区。"),
    ("帮助", "打开本说明。"),
)

ERRORS: tuple[tuple[str, str], ...] = (
    ("#NAME?", "项目无法识别（名称或编号有误，分档项目缺少子类）；用 PROGRAM_INFO 查看原因。CHECK_ROW、ELIGIBLE_PROGRAMS 等的表头无法识别为字段时也是 #NAME?。"),
    ("#N/A", "指南未给出可计算的金额（另行通知、认定类、贷款额度、仅有下限等）；ELIGIBLE_PROGRAMS、BEST_PROGRAM 没有所要结论的项目。"),
    ("#VALUE!", "数值无法读取（如金额写成文字且无法识别）。网页版单个单元格的错误均显示为 #VALUE!，悬停可见中文原因。"),
)

NOTES: tuple[tuple[str, str], ...] = (
    ("金额单位", "函数结果以万元为单位，四舍五入到元；基数按万元填写。"),
    ("网页版函数名", "Excel 网页版和 Microsoft 365 中函数带前缀，如 =ZXZJ.SUBSIDY_CAP(…)。"),
    ("数据来源", "全部比例、上限和条件来自各年度指南原文，PROGRAM_INFO(项目,\"来源\") 给出文件和行号。"),
)


def _usage(name: str) -> str:
    params = inspect.signature(getattr(udfs, name)).parameters.values()
    shown = [p.name if p.default is inspect.Parameter.empty else f"[{p.name}]" for p in params]
    return f"{name}({', '.join(shown)})"


def help_rows() -> list[list[str]]:
    """Header + one row per button, function, error code and note."""
    rows = [list(HEADER)]
    rows += [["功能区按钮", name, "", text] for name, text in BUTTONS]
    for name in udfs.__all__:
        doc = inspect.getdoc(getattr(udfs, name)) or ""
        rows.append(["工作表函数", name, _usage(name), doc.splitlines()[0] if doc else ""])
    rows += [["错误值", code, "", text] for code, text in ERRORS]
    rows += [["说明", name, "", text] for name, text in NOTES]
    return rows


HELP_WIDTHS = (12, 20, 48, 90)


def show_help(book: xw.Book | None = None) -> str:
    """帮助：在当前工作簿中新建（或刷新）「使用说明」工作表。"""
    book = book or xw.Book.caller()
    rows = help_rows()
    sheet = replace_sheet(book, HELP_SHEET)
    sheet["A1"].value = rows
    sheet.range((1, 1), (1, len(HEADER))).font.bold = True
    for i, width in enumerate(HELP_WIDTHS, start=1):
        sheet.range((1, i)).column_width = width
    sheet.activate()
    message = f"已打开「{HELP_SHEET}」：{len(BUTTONS)} 个按钮、{len(udfs.__all__)} 个函数的用法。"
    book.app.alert(message, title=TITLE)
    return message
