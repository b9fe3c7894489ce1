"""Reading one catalog data file: YAML (the C loader where built) validated by the schema.

Only the cache (`cache.build`), the verifier and the codegen import pydantic and PyYAML, through
this module; commands read the cached records.
"""

from __future__ import annotations

from pathlib import Path

from subsidykit.errors import CatalogError


def read_yaml(text: str):
    """PyYAML's C loader where it is built (about 7x faster), else the pure-Python one; both safe."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_document(path: Path):
    """One data file validated by the schema (a `schema.Document`; the runtime uses records)."""
    import yaml
    from pydantic import ValidationError

    from subsidykit.catalog import schema

    try:
        return schema.Document.model_validate(read_yaml(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        raise CatalogError(f"政策目录文件 {path.name} 格式错误：\n{exc}") from exc
    except yaml.YAMLError as exc:
        raise CatalogError(f"政策目录文件 {path.name} 不是有效的 YAML：{exc}") from exc
