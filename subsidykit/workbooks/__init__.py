"""Files: opening workbooks safely, reading ledgers and submissions, the official forms, writing outputs.

`safe` is the one reader every file goes through (limits checked on the bytes before a
parser allocates anything), `ledger` and `submissions` turn sheets into field values,
`summary_layout` is the official 附件2 layout and 附件3 wording, `form_model` what the
application form asks (no workbook library) and `application_form` its template, `cells`
the one A1-address helper and formula guard, `reproducible` the one writer of same-bytes
zips, `outputs` and `atomic` guard and write outputs, `rlimits` caps a worker's memory.

Layer: workbooks.  May import: `subsidykit.rules`, `subsidykit.catalog`, `subsidykit.errors`,
openpyxl, python-calamine, olefile, defusedxml; never a workflow or an adapter.
"""
