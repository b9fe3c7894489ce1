"""Excel worksheet functions of 专项资金助手 (category 专项资金).

Desktop Excel loads this package through the xlwings add-in (``UDF_MODULES = udfs``);
xlwings Server re-exports it from ``addin/server/custom_functions``. ``__all__`` is the one
list of the functions: the add-in's VBA wrappers, the 使用说明 sheet, xlwings Server and the
`formulas` engine (`udfs.formulas_engine`) all read it.

Layer: adapter.  May import: `subsidykit.rules`, `subsidykit.catalog`, `subsidykit.errors`, `subsidykit.register`
(and the formulas engine in `formulas_engine`); never `macros` or `subsidykit.cli`.
"""

from . import functions as _functions
from . import history as _history
from . import matching as _matching
from .functions import *
from .history import *
from .matching import *

__all__ = sorted([*_functions.__all__, *_matching.__all__, *_history.__all__])
