"""subsidykit (专项资金助手): Jiangsu special-fund rules as data, an engine, and Excel adapters."""

__version__ = "0.1.0"
