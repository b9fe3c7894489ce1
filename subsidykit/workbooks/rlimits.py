"""Capping a worker process's resources (address space, CPU, core files) from the environment.

Light on purpose (standard library only): the server's upload worker calls it *before*
importing the readers, the parallel validation workers in their initializer.
"""

from __future__ import annotations

import os

WORKER_MEMORY_ENV = "SUBSIDYKIT_WORKER_MEMORY_MB"
MB = 1 << 20


def env_number(name: str, default: float) -> float:
    """A positive number from the environment, else `default` (unset, not a number, not positive)."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def cap(*, memory_bytes: int | None = None, cpu_seconds: int | None = None, no_core: bool = False, lock: bool = False) -> None:
    """Lower the soft limits (never above an existing hard limit). With `lock`, an unlimited
    hard limit is lowered too, so the process cannot raise its soft limit back.
    A no-op where the platform has no `resource` module (Windows)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    wanted = [(resource.RLIMIT_AS, memory_bytes), (resource.RLIMIT_CPU, cpu_seconds), (resource.RLIMIT_CORE, 0 if no_core else None)]
    for what, value in wanted:
        if value is None:
            continue
        _soft, hard = resource.getrlimit(what)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(what, (value, value if lock and hard == resource.RLIM_INFINITY else hard))
