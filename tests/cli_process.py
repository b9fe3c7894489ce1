"""Running `python -m subsidykit.cli ARGS` as a clerk runs the command: a whole process."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str, cwd=None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command."""
    proc = subprocess.run(
        [sys.executable, "-m", "subsidykit.cli", *map(str, args)], check=False, capture_output=True, text=True, encoding="utf-8", cwd=cwd
    )
    return proc.returncode, proc.stdout, proc.stderr
