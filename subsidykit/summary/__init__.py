"""Workflow: the official 附件2 入库项目汇总表 from a clerk's ledger, with its 审核 sheet and 附件3/附件4.

`table` builds the 附件2 workbook (one review per row, batch checks, city limits), `forms`
writes the per-project 附件3/附件4.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.rules`, `subsidykit.catalog`,
`subsidykit.errors`; never `subsidykit.validation` (a sibling) or an adapter.
"""
