"""Limits and timeouts of the bureau server, from ``SUBSIDYKIT_*`` environment variables.

Read on every use (cheap), so a test or an operator changing the environment of a fresh
process needs nothing else. Every number falls back to its default when unset, not a
number, or not positive.
"""

from __future__ import annotations

import os

from subsidykit.workbooks.rlimits import env_number

MB = 1 << 20

UNAUTHORIZED = "未授权：缺少或无效的访问令牌。请在任务窗格「设置」中填写管理员发放的令牌。"
TOO_MANY_FAILURES = "令牌错误次数过多，请稍后再试（{seconds} 秒后）。"
NOT_FOUND = "未找到该地址。"
BAD_PATH = "请求地址不合法。"
BAD_LENGTH = "请求头 Content-Length 不合法。"
REQUEST_TOO_LARGE = "请求内容过大：超过上限 {limit:g} MB。"
BODY_TIMEOUT = "请求内容接收超时。"
INTERNAL_ERROR = "服务器内部错误，请稍后重试；如反复出现请联系管理员。"
INVALID_REQUEST = "请求内容格式不正确。"
INVALID_JSON = "请求内容不是有效的 JSON。"


number = env_number  # a positive number from the environment, else the default


def upload_limits() -> dict[str, float]:
    """What one upload may contain (also shown to the task pane by GET /subsidykit/limits)."""
    return {
        "max_upload_mb": number("SUBSIDYKIT_MAX_UPLOAD_MB", 100),
        "max_files": int(number("SUBSIDYKIT_MAX_FILES", 300)),
        "max_file_mb": number("SUBSIDYKIT_MAX_FILE_MB", 20),
    }


def upload_too_large(size_mb: float, limit_mb: float) -> str:
    return f"上传内容过大：{size_mb:.1f} MB，超过上限 {limit_mb:g} MB。请分批上传。"


def max_request_mb() -> float:
    """Body cap of every request that is not an upload (function and script calls)."""
    return number("SUBSIDYKIT_MAX_REQUEST_MB", 10)


def auth_failures_per_minute() -> int:
    """Failed token checks one client (IP) may make in a minute before it gets 429."""
    return int(number("SUBSIDYKIT_AUTH_FAILURES_PER_MINUTE", 20))


def header_timeout() -> float:
    """Seconds a connection has to deliver a complete request header."""
    return number("SUBSIDYKIT_HEADER_TIMEOUT", 10)


def body_timeout() -> float:
    """Seconds the server waits for the next piece of a request body."""
    return number("SUBSIDYKIT_BODY_TIMEOUT", 60)


def keep_alive_timeout() -> float:
    return number("SUBSIDYKIT_KEEPALIVE_TIMEOUT", 5)


def limit_concurrency() -> int:
    """Open connections + running requests of one worker process before it answers 503."""
    return int(number("SUBSIDYKIT_LIMIT_CONCURRENCY", 1000))


def worker_memory_mb() -> float:
    """Address-space limit of the child process that reads an upload."""
    return number("SUBSIDYKIT_WORKER_MEMORY_MB", 2048)


def worker_timeout() -> float:
    """Seconds the child process may take for one upload (wall clock; CPU limit likewise)."""
    return number("SUBSIDYKIT_WORKER_TIMEOUT", 300)


def worker_concurrency() -> int:
    """Child processes one server process runs at the same time (others wait)."""
    return int(number("SUBSIDYKIT_WORKER_CONCURRENCY", os.cpu_count() or 1))
