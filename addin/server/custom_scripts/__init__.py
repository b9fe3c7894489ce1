"""xlwings Server: the ribbon and task-pane actions, i.e. the `macros` package.

Each script only receives the workbook Office.js sends (plus the year/region the clerk set
in the task pane) and hands it to `macros`; the ribbon buttons are bound to these in
static/js/ribbon.js and declared in templates/manifest.xml.
"""

import xlwings as xw
from xlwings_server.config import settings

import macros


def _namespace() -> str:
    """The prefix Office.js gives the functions (as templates/manifest.xml declares it)."""
    ns = (settings.functions_namespace or "").upper()
    if settings.environment != "prod":
        ns = f"{ns}_{settings.environment.upper()}" if ns else settings.environment.upper()
    return ns


@xw.script(name="生成汇总表")
def generate_summary(book: xw.Book, year: int | None = None, region: str = ""):
    """当前台账工作表 -> 附件2 汇总表（新工作表）及审核表。"""
    macros.generate_summary(book, year, region)


@xw.script(name="批量校验")
def validate_submissions(book: xw.Book, year: int | None = None):
    """校验当前工作簿（申报表），问题写入工作表「校验结果」。"""
    macros.validate_submissions(book, None, year)


@xw.script(name="政策匹配")
def match_programs(book: xw.Book, year: int | None = None):
    """当前台账工作表中选中的一行 -> 新工作表「政策匹配_行N」：符合、待补充、不符合的项目及最高补助。"""
    macros.match_programs(book, year)


@xw.script(name="插入台账模板")
def insert_ledger_template(book: xw.Book, year: int | None = None):
    """新建台账工作表，表头即附件2 各栏。"""
    macros.insert_ledger_template(book, year)


@xw.script(name="项目目录")
def insert_program_catalog(book: xw.Book, year: int | None = None):
    """新建工作表并插入 =PROGRAMS(年度)。"""
    macros.insert_program_catalog(book, year, namespace=_namespace())


@xw.script(name="帮助")
def show_help(book: xw.Book):
    """新建（或刷新）「使用说明」工作表。"""
    macros.show_help(book)
