"""xlwings Server: the ribbon and task-pane actions (the `macros` package)."""
