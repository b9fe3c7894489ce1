"""`subsidykit register import`: lists read into the project register, and the register's export.

`reading` turns a ledger, our own 附件2, a published list of supported projects or of acceptance
results into rows (through the ledger reader and the one field vocabulary); `run` imports files
one transaction each and reports per file 新增 / 合并 / 更新结果 / 未匹配 / 跳过 (or 已导入过);
`export` writes the register's projects to xlsx / csv / json atomically.

Layer: workflow.  May import: `subsidykit.workbooks`, `subsidykit.register`, `subsidykit.rules`,
`subsidykit.catalog`, `subsidykit.errors`; never an adapter.
"""

from __future__ import annotations

from subsidykit.intake.run import import_files, report_text

__all__ = ["import_files", "report_text"]
