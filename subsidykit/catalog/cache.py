"""The validated catalog, cached: YAML and the pydantic schema only when the data changed.

`load(files)` returns the documents as runtime records (`records.py`).  The first run (and
any run after a data file, the schema, the records or the package version changed) reads the
YAML with PyYAML's C loader, validates it with the schema, converts it to records and
pickles them to the user's cache folder; later runs read that pickle (~10x faster than
validating again, and without importing pydantic or PyYAML).

The cache is never trusted beyond its key: the file name carries a CRC-32 and the size of
every data file's name and bytes, schema.py, records.py, frozen.py, this module, the package version and the
Python version, so a stale or foreign cache is simply not found.  The pickle is read with an
unpickler that can build only the record classes and Decimal, so a tampered cache file can
at worst be refused (then rebuilt), never run code.  A cache that cannot be read or written
(read-only home, full disk) costs speed only: the catalog is validated as before.

SUBSIDYKIT_CACHE_DIR chooses the folder (default: $XDG_CACHE_HOME/subsidykit or
~/.cache/subsidykit); SUBSIDYKIT_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from pathlib import Path

from subsidykit.catalog import records

HERE = Path(__file__).resolve().parent
_KEY_FILES = (HERE / "schema.py", HERE / "records.py", HERE / "frozen.py", Path(__file__).resolve())
PROTOCOL = 5
MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than this is not ours


def cache_dir() -> Path | None:
    if os.environ.get("SUBSIDYKIT_CACHE", "1").strip() in ("0", "false", "no", "off"):
        return None
    given = os.environ.get("SUBSIDYKIT_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "subsidykit"


def _crc(path: Path) -> str:
    """CRC-32 and size of a file's name and bytes (all the data files: ~0.3 ms)."""
    import zlib

    data = path.read_bytes()
    return f"{zlib.crc32(path.name.encode() + bytes(1) + data):08x}{len(data):x}"


def key(files: list[Path]) -> str:
    """CRC-32 and size of every key file and data file, with the versions: a change to any byte
    gives another name (zlib's CRC costs a tenth of hashlib's import; the cache is not a
    security boundary — the restricted unpickler is)."""
    import zlib

    from subsidykit import __version__

    head = f"subsidykit {__version__} python {sys.version_info[:3]} pickle {PROTOCOL}".encode()
    parts = [f"{zlib.crc32(head):08x}", *(_crc(path) for path in [*_KEY_FILES, *files])]
    return f"{zlib.crc32('-'.join(parts).encode()):08x}-{len(parts)}-{zlib.adler32('-'.join(parts).encode()):08x}"


class _RecordsOnly(pickle.Unpickler):
    """Builds record classes and Decimal, nothing else (a cache file is data, not code)."""

    def find_class(self, module: str, name: str):
        if module == records.__name__ and isinstance(getattr(records, name, None), type):
            return getattr(records, name)
        if (module, name) == ("decimal", "Decimal"):
            from decimal import Decimal

            return Decimal
        raise pickle.UnpicklingError(f"not a catalog record: {module}.{name}")


def _is_documents(docs) -> bool:
    return isinstance(docs, tuple) and all(isinstance(d, records.Document) for d in docs)


def _read(path: Path, valid=_is_documents):
    import stat

    try:  # a FIFO or device planted under the cache's name must not block or feed us forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        return None
    try:
        docs = _RecordsOnly(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - any damage means "not a usable cache": validate again
        return None
    return docs if valid(docs) else None


def _write(path: Path, docs) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(docs, fh, protocol=PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass  # a read-only or full cache folder costs speed only


def to_record(value, _shared: dict | None = None):
    """A validated schema object (and everything in it) as runtime records.  Equal texts and
    Decimals become one object each, so the pickle stores and rebuilds each once."""
    from decimal import Decimal

    from pydantic import BaseModel

    shared = {} if _shared is None else _shared
    if isinstance(value, BaseModel):
        cls = getattr(records, type(value).__name__)
        return cls(**{name: to_record(getattr(value, name), shared) for name in type(value).model_fields})
    if isinstance(value, list):
        return [to_record(v, shared) for v in value]
    if isinstance(value, tuple):
        return tuple(to_record(v, shared) for v in value)
    if isinstance(value, (str, Decimal)):
        return shared.setdefault((type(value), str(value)), value)
    return value


def build(files: list[Path]) -> tuple:
    """Read and validate every file (the schema's checks), as records."""
    from subsidykit.catalog.documents import load_document

    shared: dict = {}
    return tuple(to_record(load_document(f), shared) for f in files)


def cached(name: str, files: list[Path], make, valid):
    """`make()`, or what it gave last time while `files` (and the code, see `key`) are unchanged.
    `valid(data)` must hold for what is read back (else it is made again); what is cached is
    plain data or catalog records (the unpickler builds nothing else)."""
    folder = cache_dir()
    if folder is None:
        return make()
    path = folder / f"{name}-{key(files)}.pickle"
    data = _read(path, valid)
    if data is None:
        data = make()
        if valid(data):
            _write(path, data)
    return data


def load(files: list[Path]) -> tuple:
    return cached("catalog", files, lambda: build(files), _is_documents)


def load_yaml(path: Path):
    """A YAML file of plain data (`fields.yaml`), from the cache while the file is unchanged:
    the vocabulary every review uses is then read without importing PyYAML."""
    from subsidykit.catalog.documents import read_yaml

    return cached(f"yaml-{path.stem}", [path], lambda: read_yaml(path.read_text(encoding="utf-8")), lambda d: isinstance(d, dict))
