"""The ledger arguments `summary` and `match --ledger` share: the ledger (a regular file), the
inputs no output may replace (ledger and mapping), and the .xlsx output if one was named."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from subsidykit.errors import BadInputError


def ledger_arguments(args):
    """(ledger, Inputs, out or None) from `args.ledger`, `args.mapping`, `args.out`; a folder,
    device or pipe given as the ledger, or an output not ending in .xlsx, is refused."""
    from subsidykit.workbooks.outputs import Inputs, term

    ledger = Path(args.ledger)
    try:
        mode = os.stat(ledger).st_mode
    except OSError:
        mode = None  # missing: the reader says so
    if mode is not None and not stat.S_ISREG(mode):  # a folder, device or pipe is never opened
        raise BadInputError(f"台账不是普通文件（文件夹、设备或管道）：{term(ledger)}")
    inputs = Inputs([ledger, *([args.mapping] if args.mapping else [])])
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() != ".xlsx":
        raise BadInputError(f"输出文件须为 .xlsx：{term(out)}")
    return ledger, inputs, out
