"""Where the command line (and the ribbon) may write, under which names, and how untrusted
text is shown in a terminal.

* An output never replaces an input: not the same path, not the same file under another
  name (symlink, hardlink: compared by device and inode), and a report or an annotation
  folder is never placed inside a folder that is being scanned (the next run would read it
  as a submission).
* An existing output is replaced only when asked (``--force``); annotated copies and ribbon
  outputs never replace anything: they take the first free name ``x.xlsx``, ``x（2）.xlsx``…
* Names are shortened (by UTF-8 bytes, at a character boundary, keeping the suffix) to fit
  the usual 255-byte limit of a file name.
* The folders written to are checked for writability before any work starts.
* File names and cell texts printed to a terminal have their control characters (newline,
  ESC, BEL, carriage return, C1 controls) and bidi overrides shown as visible escapes, so a
  submission named ``"a\\n[通过] b.xlsx"`` cannot forge a line of the output.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from subsidykit.errors import BadInputError

NAME_MAX = 255  # bytes of one file name (ext4, APFS, NTFS in UTF-16 units: bytes is the stricter)
_COUNTER_RESERVE = len("（999）".encode())

# Characters that change what a terminal shows: C0 controls, DEL, C1 controls, bidi
# embeddings/overrides/isolates and marks, line/paragraph separators, lone surrogates
# (undecodable bytes of a file name), BOM and non-characters.  None of them is printable
# (str.isprintable), so a printable text is returned as it is, and the patterns are compiled
# when a text first needs them (compiling them costs every command a millisecond at start-up).
_UNSAFE_TERM_CLASS = "\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
# JSON: json.dumps(ensure_ascii=False) already escapes C0 controls; C1 controls, bidi
# overrides and lone surrogates would still reach the terminal (or fail to encode).
_UNSAFE_JSON_CLASS = _UNSAFE_TERM_CLASS.removeprefix("\x00-\x1f")
_compiled: dict[str, re.Pattern] = {}


def _unsafe(chars: str) -> re.Pattern:
    rx = _compiled.get(chars)
    if rx is None:
        rx = _compiled[chars] = re.compile(f"[{chars}]")
    return rx


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    if o <= 0xFF:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}"


def term(text: object) -> str:
    """`text` safe for a terminal: control characters and bidi overrides as visible escapes."""
    text = str(text)
    if text.isprintable():
        return text
    return _unsafe(_UNSAFE_TERM_CLASS).sub(lambda m: _escape_char(m.group()), text)


def json_text(data: object, **kwargs) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` with the characters above as \\uXXXX escapes
    (the same JSON value, printable on any terminal)."""
    kwargs.setdefault("indent", 2)
    import json  # only the --json answers need it (start-up counts)

    text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _unsafe(_UNSAFE_JSON_CLASS).sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- names -------------------------------------------------------------------------------


def safe_stem(stem: str) -> str:
    """A file-name stem made from untrusted text: control characters, bidi overrides and
    undecodable bytes become "_" (an output we create never carries them)."""
    if stem.isprintable():
        return stem or "_"
    return _unsafe(_UNSAFE_TERM_CLASS).sub("_", stem) or "_"


def _nbytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogateescape"))


def fit_name(stem: str, suffix: str, *, reserve: int = _COUNTER_RESERVE, max_bytes: int = NAME_MAX) -> str:
    """``stem + suffix``, the stem shortened (at a character boundary) so that the name plus
    `reserve` bytes (room for a ``（2）`` counter) fits in `max_bytes`."""
    room = max_bytes - reserve - _nbytes(suffix)
    if room < 1:
        raise BadInputError(f"文件名后缀过长：{term(suffix)}")
    if _nbytes(stem) > room:
        cut = stem
        while cut and _nbytes(cut) > room:
            cut = cut[:-1]
        stem = cut.rstrip(" .") or "_"
    return stem + suffix


def _exists(path: Path) -> bool:
    return os.path.lexists(path)  # a dangling symlink is taken too


def free_path(path: str | os.PathLike, *, taken: Iterable[str | os.PathLike] = (), limit: int = 1000) -> Path:
    """`path` (shortened to fit a file name), or the first of ``name（2）``, ``name（3）``… that
    does not exist yet and is not in `taken`."""
    path = Path(path)
    blocked = {os.path.normcase(os.path.abspath(p)) for p in taken}
    suffix = path.suffix
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    base = fit_name(stem, suffix)
    base_stem = base[: len(base) - len(suffix)] if suffix else base
    for i in range(1, limit):
        name = base if i == 1 else f"{base_stem}（{i}）{suffix}"
        candidate = path.with_name(name)
        if not _exists(candidate) and os.path.normcase(os.path.abspath(candidate)) not in blocked:
            return candidate
    raise BadInputError(f"{term(path.parent)} 中同名文件过多，请先整理")


# --- inputs and outputs --------------------------------------------------------------------


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _existing_ancestor(path: Path) -> Path:
    p = Path(os.path.abspath(path))
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


class Inputs:
    """The files a command reads and the folders it scans, to check outputs against."""

    def __init__(self, files: Iterable[str | os.PathLike] = (), folders: Iterable[str | os.PathLike] = ()):
        self.files = [Path(f) for f in files]
        self.folders = [Path(f) for f in folders]
        self._ids = {i for i in map(_identity, self.files) if i is not None}
        self._folder_ids = {i for i in map(_identity, self.folders) if i is not None}
        self._abs = {os.path.normcase(os.path.abspath(f)) for f in self.files}
        self._real = {os.path.normcase(os.path.realpath(f)) for f in self.files}

    @classmethod
    def of_paths(cls, paths: Iterable[str | os.PathLike], files: Iterable[str | os.PathLike]) -> Inputs:
        """Command-line PATHs (files or folders) and the files found under them."""
        paths = [Path(p) for p in paths]
        folders = [p for p in paths if p.is_dir()]
        return cls([*files, *(p for p in paths if not p.is_dir())], folders)

    def is_input(self, path: str | os.PathLike) -> bool:
        p = Path(path)
        if os.path.normcase(os.path.abspath(p)) in self._abs or os.path.normcase(os.path.realpath(p)) in self._real:
            return True
        ident = _identity(p)
        return ident is not None and ident in self._ids

    def scanned_folder_of(self, path: str | os.PathLike) -> Path | None:
        """The scanned input folder that `path` is (or would be) inside of, or None."""
        if not self.folders:
            return None
        p = Path(os.path.realpath(path))
        chain = [p, *p.parents]
        for folder in self.folders:
            real = Path(os.path.realpath(folder))
            if any(c == real for c in chain):
                return folder
        for c in chain:  # the same folder under another name (bind mount, case-insensitive file system)
            ident = _identity(c) if c.exists() else None
            if ident is not None and ident in self._folder_ids:
                return next(f for f in self.folders if _identity(f) == ident)
        return None


def check_output_file(path: str | os.PathLike, inputs: Inputs, *, what: str, force: bool = False) -> Path:
    """Refuse (BadInputError, exit 2) an output file that is an input, lies in a scanned input
    folder, is a folder or a device, or exists while `force` is not given."""
    out = Path(path)
    shown = term(out)
    if _nbytes(out.name) > NAME_MAX:
        raise BadInputError(f"{what}的文件名过长（超过 {NAME_MAX} 字节）：{shown}")
    if inputs.is_input(out):
        raise BadInputError(f"{what} {shown} 就是输入文件（或指向同一文件），不能覆盖输入文件；请换一个文件名")
    folder = inputs.scanned_folder_of(out)
    if folder is not None:
        raise BadInputError(f"{what} {shown} 位于被校验的文件夹 {term(folder)} 之内（会被当作申报材料读取）；请保存到该文件夹之外")
    if _exists(out):
        try:
            st = os.stat(out)
        except OSError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise BadInputError(f"{what} {shown} 是一个文件夹")
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise BadInputError(f"{what} {shown} 不是普通文件（设备、管道等），不能写入")
        if not force:
            raise BadInputError(f"{what} {shown} 已存在；如确需覆盖，请加 --force（或换一个文件名）")
    return out


def check_output_dir(path: str | os.PathLike, inputs: Inputs, *, what: str) -> Path:
    """Refuse an output folder that is a file, or is (or lies inside) a scanned input folder."""
    out = Path(path)
    shown = term(out)
    if out.exists() and not out.is_dir():
        raise BadInputError(f"{what} {shown} 已存在且不是文件夹")
    folder = inputs.scanned_folder_of(out)
    if folder is not None:
        if os.path.realpath(out) == os.path.realpath(folder) or _identity(out) == _identity(folder):
            raise BadInputError(f"{what}不能是被校验的文件夹本身（{shown}）：标注副本会与申报材料混在一起；请另指定一个文件夹")
        raise BadInputError(f"{what} {shown} 位于被校验的文件夹 {term(folder)} 之内；请另指定该文件夹之外的位置")
    return out


def check_writable(folder: str | os.PathLike, *, what: str) -> None:
    """Refuse (BadInputError) a folder where no file can be created: the folder, or when it does
    not exist yet, its nearest existing ancestor (it will be created there). Probed by
    creating and removing a temporary file, which also covers read-only file systems."""
    target = Path(folder)
    probe_dir = _existing_ancestor(target)
    if not probe_dir.is_dir():
        raise BadInputError(f"无法在 {term(target)} 写入{what}：{term(probe_dir)} 不是文件夹")
    try:
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".sk-", suffix=".probe", dir=probe_dir)
    except OSError as exc:
        raise BadInputError(f"无法在 {term(target)} 写入{what}：{os_error_text(exc)}") from None
    os.close(fd)
    try:
        os.unlink(tmp)
    except OSError:
        pass


_ERRNO_ZH = {
    getattr(errno, "EDQUOT", -1): "超出磁盘配额",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "只读文件系统",
    errno.ENOSPC: "磁盘空间不足",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EISDIR: "是一个文件夹",
    errno.EEXIST: "文件已存在",
    errno.EMFILE: "打开的文件过多",
    errno.ELOOP: "符号链接层数过多（可能是循环链接）",
}


def os_error_text(exc: OSError) -> str:
    """A short Chinese description of an OSError, with the file it is about."""
    reason = _ERRNO_ZH.get(exc.errno or 0) or (exc.strerror or type(exc).__name__)
    name = exc.filename
    return f"{reason}（{term(os.fsdecode(name))}）" if name not in (None, "") else reason


__all__ = [
    "NAME_MAX",
    "Inputs",
    "check_output_dir",
    "check_output_file",
    "check_writable",
    "fit_name",
    "free_path",
    "json_text",
    "os_error_text",
    "safe_stem",
    "term",
]
