"""Excel worksheet functions of 专项资金助手 (category 专项资金).

Desktop Excel loads this package through the xlwings add-in (``UDF_MODULES = udfs``);
xlwings Server re-exports it from ``addin/server/custom_functions``.

Layer: adapter.  May import: `subsidykit.rules`, `subsidykit.catalog`, `subsidykit.errors`
(and the formulas engine in `formulas_engine`); never `macros` or `subsidykit.cli`.
"""

from .functions import *
from .functions import __all__  # noqa: F401
