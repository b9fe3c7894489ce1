"""The `subsidykit` command line (adapter): `app` builds the parser and the rule commands
(programs, show, cap, check, sample, docs); `summary`, `validate`, `match`, `fields`, `serve`,
`addin` add their own sub-commands and import heavy libraries only when they run; `exits` holds the
exit codes, `docs` renders docs/catalog.md.

Layer: adapter (the top).  May import: everything below, and `udfs`/`macros` to hand them to
the .xlam build; nothing imports it.
"""
