"""Load test of the bureau server, loopback only and bounded in time.

    python benchmarks/server_load.py [--clients 8] [--seconds 60] [--workers 1] [--rows 1]

Starts the real xlwings Server (addin/server) on 127.0.0.1 with a fresh token, then N
concurrent clients (threads, one keep-alive connection each) call
/xlwings/custom-functions-call with =ZXZJ.SUBSIDY_CAP(program, base) as Office.js sends it
(`--rows` > 1: a column of that many bases in one call) for the given time. Prints requests
per second, p50/p99 latency and errors, and the same figures for a baseline measured in the
same run: the server's cheapest authenticated POST (/subsidykit/whoami), i.e. FastAPI +
token check with no function behind it. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from xlserver import running_server

PROGRAM = "2023/智能制造示范工厂项目"


def function_call(rows: int) -> bytes:
    bases = [[1000.0 + 37.5 * i] for i in range(rows)]
    return json.dumps(
        {
            "func_name": "SUBSIDY_CAP",
            "args": [[[PROGRAM]], bases],
            "caller_address": f"Sheet1!C1:C{rows}",
            "culture_info_name": "zh-CN",
            "date_format": "yyyy/m/d",
            "version": "0.37.8",
            "runtime": "1.4",
            "client": "Office.js",
        },
        ensure_ascii=False,
    ).encode()


def run(port: int, token: str, path: str, body: bytes, clients: int, seconds: float) -> dict:
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    deadline = time.perf_counter() + seconds
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}", "Connection": "keep-alive"}

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while (start := time.perf_counter()) < deadline:
            try:
                conn.request("POST", path, body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            latencies[i].append(time.perf_counter() - start)
            errors[i] += not ok
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    flat = sorted(x for lst in latencies for x in lst)
    n = len(flat)
    return {
        "requests": n,
        "rps": n / elapsed,
        "p50_ms": statistics.median(flat) * 1000 if n else float("nan"),
        "p99_ms": flat[min(n - 1, int(0.99 * n))] * 1000 if n else float("nan"),
        "errors": sum(errors),
    }


def line(name: str, r: dict) -> str:
    return f"{name:<28} {r['requests']:>8} 次  {r['rps']:>8.1f} 次/秒  p50 {r['p50_ms']:>7.1f} ms  p99 {r['p99_ms']:>7.1f} ms  错误 {r['errors']}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--baseline-seconds", type=float, default=10)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--rows", type=int, default=1, help="bases per call (a column)")
    args = ap.parse_args(argv)
    if not (1 <= args.clients <= 64 and 0 < args.seconds <= 600):
        ap.error("clients 1..64, seconds ≤ 600 (bounded load test)")
    with running_server(workers=args.workers) as base:
        port = int(base.rsplit(":", 1)[1])
        warm = function_call(args.rows)
        run(port, base.token, "/xlwings/custom-functions-call", warm, 1, 1.0)  # warm-up: catalog loaded
        baseline = run(port, base.token, "/subsidykit/whoami", b"{}", args.clients, args.baseline_seconds)
        result = run(port, base.token, "/xlwings/custom-functions-call", function_call(args.rows), args.clients, args.seconds)
    print(f"127.0.0.1，{args.clients} 个并发客户端，{args.workers} 个工作进程，SUBSIDY_CAP 每次 {args.rows} 行，{args.seconds:g} 秒")
    print(line("基线 POST /subsidykit/whoami", baseline))
    print(line("SUBSIDY_CAP 函数调用", result))
    print(
        f"比值（函数/基线）：吞吐 {result['rps'] / baseline['rps']:.2f}×，p50 {result['p50_ms'] / baseline['p50_ms']:.2f}×，"
        f"p99 {result['p99_ms'] / baseline['p99_ms']:.2f}×"
    )
    return 1 if result["errors"] or baseline["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
