"""Workflow: authoring the catalog — draft a new guide's entries from its text, review, diff.

`text` reads a guide (.txt, .pdf through poppler's pdftotext, .docx) into numbered lines exactly
as they are cited; `draft` finds its programs (headings at every level, with their path), splits
each into its sections (支持条件 / 补助标准 / 支持数量 …) and hands them to the clause parsers
(`clauses`), reads the 联系方式 table, and writes a catalog file whose every entry is
`review: draft`, every number cited and every sentence it could not read listed under `todo:`.

Layer: workflow (beside summary, validation, matching).
May import: subsidykit.workbooks, subsidykit.rules, subsidykit.catalog, subsidykit.errors; never an adapter.
"""

from __future__ import annotations
