"""Writing outputs atomically: a temporary file in the same folder, then a rename.

The temporary file has a short name of its own (``.sk-XXXXXXXX.tmp``), so an output whose
name is close to the 255-byte limit can still be written.  ``overwrite=False`` never
replaces an existing file, not even one that appears while the output is being written
(the temporary file is hard-linked to the name, which fails if the name is taken).  An
existing folder, device or pipe at the target is never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def _refuse_special(target: Path) -> None:
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    except OSError:
        return  # a dangling symlink and the like: os.replace replaces the link itself
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "是一个文件夹", str(target))
    if not stat.S_ISREG(st.st_mode):
        raise FileExistsError(errno.EEXIST, "不是普通文件（设备、管道等），不能覆盖", str(target))


def _place_new(tmp: str, target: Path) -> None:
    """Move `tmp` to `target` only if `target` does not exist (FileExistsError otherwise)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except (OSError, AttributeError, NotImplementedError):  # no hard links here (FAT, some shares)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # reserve the name (replaced below)
        os.close(fd)
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, overwrite: bool = True, private: bool = False) -> Path:
    """Write `data` to `path` atomically.  `private`: the file stays readable by its owner only
    (0600, e.g. an export of the project register's enterprise data), also over an older file."""
    target = Path(path)
    _refuse_special(target)
    if not overwrite and os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "文件已存在", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sk-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); an output gets the usual mode, or keeps the old file's
        mode = 0o644
        if private:
            mode = 0o600
        elif overwrite and target.exists():
            mode = target.stat().st_mode & 0o777
        os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, target)
        else:
            _place_new(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def write_text_atomic(path: str | os.PathLike, text: str, *, overwrite: bool = True) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)
