"""Workflow: the official 附件2 入库项目汇总表 from a clerk's ledger, with its 审核 sheet and 附件3/附件4.

`build` turns a ledger into a summary (one review per row, batch checks, city limits),
`table` holds it and plans the 附件2 workbook, `audit` the internal 审核 sheet, `xlsx` writes
the workbook file directly (the file openpyxl would save, without its per-cell cost), `forms`
the per-project 附件3/附件4.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.rules`, `subsidykit.catalog`,
`subsidykit.errors`; never `subsidykit.validation` (a sibling) or an adapter.
"""
