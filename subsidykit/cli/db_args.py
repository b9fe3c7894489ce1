"""`--db URL`: the project register every reviewing command (`check`, `validate`, `summary`,
`match`) consults for the history conditions (rules.history, 000:91-101).

    add_db_argument(parser)            # --db URL
    url = register_url(args)           # --db, else $SUBSIDYKIT_DB, else ~/.subsidykit/register.db if it exists
    with ReviewRegister(url) as reg:   # None: no register, nothing imported
        h = reg.history_for(values, selection, source_file=…)   # rules.history.History or None
        print(reg.line())              # 登记簿 sqlite:///… / 未配置登记簿：…

Start-up: resolving the URL needs the standard library only (`register.urls`); SQLAlchemy and
the register's store are imported only when a URL resolves, so `check` without a register
imports nothing more than before.
"""

from __future__ import annotations

from subsidykit.register.review import HISTORY_FIELDS, NO_REGISTER_TEXT
from subsidykit.register.review import ReviewRegister as _ReviewRegister

DB_HELP = (
    "项目登记簿（核对已支持未验收、同一项目已获支持）：sqlite:///路径.db 或 postgresql+psycopg://…；"
    "省略时取环境变量 SUBSIDYKIT_DB，再取 ~/.subsidykit/register.db（存在时）；off 表示不用"
)


def add_db_argument(parser) -> None:
    parser.add_argument("--db", metavar="URL", help=DB_HELP)


def register_url(args) -> str | None:
    """The register URL for this run (`register.resolve_url`), None for none."""
    import sys

    from subsidykit.register import resolve_url
    from subsidykit.register.urls import PASSWORD_ON_COMMAND_LINE, has_password

    db = getattr(args, "db", None)
    if has_password(db):  # said, not refused: the run goes on with the URL as given
        print(PASSWORD_ON_COMMAND_LINE, file=sys.stderr)
    return resolve_url(db)


class ReviewRegister(_ReviewRegister):
    """`register.review.ReviewRegister`, made from a command's arguments."""

    @classmethod
    def of(cls, args) -> ReviewRegister:
        return cls(register_url(args))


__all__ = ["DB_HELP", "HISTORY_FIELDS", "NO_REGISTER_TEXT", "ReviewRegister", "add_db_argument", "register_url"]
