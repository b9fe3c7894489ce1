"""Exit codes of every `subsidykit` command (a contract scripts and the task pane rely on)."""

EXIT_OK = 0  # done; for check/validate: every condition checked and passed, no 错误
EXIT_NOT_MET = 1  # a condition failed / a finding of severity 错误
EXIT_ERRORS = EXIT_NOT_MET  # validate's name for the same code
EXIT_BAD = 2  # the command could not run: bad argument, unreadable input, refused output
EXIT_INCOMPLETE = 3  # check: nothing failed but some conditions could not be checked (待核实)
