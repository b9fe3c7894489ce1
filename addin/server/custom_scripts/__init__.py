"""xlwings Server: the ribbon and task-pane actions, i.e. the `macros` package.

Each script here only receives the workbook Office.js sends and hands it to `macros`.
"""

import xlwings as xw

import macros


@xw.script(name="生成汇总表")
def generate_summary(book: xw.Book, year: int | None = None, region: str = ""):
    """当前台账工作表 -> 附件2 汇总表（新工作表）及审核表。"""
    macros.generate_summary(book, year, region)


@xw.script(name="批量校验")
def validate_submissions(book: xw.Book, year: int | None = None):
    """校验当前工作簿（申报表），问题写入工作表「校验结果」。"""
    macros.validate_submissions(book, None, year)
