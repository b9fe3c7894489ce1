"""xlwings Server: the worksheet functions are those of the `udfs` package, unchanged."""

from udfs import *
