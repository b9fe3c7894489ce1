"""The load test runs (shortened for CI; the 60-second figures are in the closing note/README)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bounded_load_test_reports_rps_latency_and_no_errors():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "server_load.py"), "--clients", "4", "--seconds", "3", "--baseline-seconds", "1"],
        capture_output=True, text=True, encoding="utf-8", timeout=180, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = re.findall(r"(\d+) 次\s+([\d.]+) 次/秒\s+p50\s+([\d.]+) ms\s+p99\s+([\d.]+) ms\s+错误 (\d+)", done.stdout)
    assert len(rows) == 2  # baseline and SUBSIDY_CAP
    for requests, rps, p50, p99, errors in rows:
        assert int(requests) > 0 and float(rps) > 0 and float(p50) <= float(p99) and errors == "0"
    assert "比值（函数/基线）" in done.stdout


def test_load_test_is_bounded():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "server_load.py"), "--clients", "500"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )
    assert done.returncode == 2 and "bounded" in done.stderr
