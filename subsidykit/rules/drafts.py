"""Draft entries: the one answer to "is this program a draft, and may its amounts be served?".

A program drafted from a guide's text (`subsidykit catalog draft`) carries `review: draft` until a
person has ticked every number and condition of it against the guide (`catalog review`, then
`catalog accept`); a document marked `review: draft` makes each of its programs a draft (the
schema carries the document's mark down to its programs when the catalog is built, so a
program's own `review` is the answer).

Amounts of a draft are refused — `DraftEntryError`, a `NoAmountError`, saying 草稿（未审核） and how
to allow them — unless drafts are allowed: `allow=True` from the caller, or the environment
variable SUBSIDYKIT_ALLOW_DRAFT=1.  Allowed or not, every surface says so: `amounts.cap` in its
explanation, the review (check, validate, 审核, CHECK_ROW) as a DRAFT_ENTRY finding,
`programs`/`show` with a mark.  Conditions of a draft are still checked (the verdict is then
marked as resting on unreviewed data).

Engine layer: imports the errors only (and `os` for the setting).
"""

from __future__ import annotations

import os

from subsidykit.errors import DraftEntryError

ALLOW_ENV = "SUBSIDYKIT_ALLOW_DRAFT"
DRAFT_WORD = "草稿（未审核）"
DRAFT_MARK = "［草稿］"
_YES = frozenset({"1", "true", "yes", "on", "y", "是"})


def allowed(explicit: bool | None = None) -> bool:
    """Whether a draft's amounts may be served: `explicit` when given, else SUBSIDYKIT_ALLOW_DRAFT."""
    if explicit is not None:
        return bool(explicit)
    return os.environ.get(ALLOW_ENV, "").strip().lower() in _YES


def is_draft(entry) -> bool:
    """A program, or a selection (program and 子类), that is a draft (its own or its document's mark)."""
    program = getattr(entry, "program", entry)
    return getattr(program, "review", "done") == "draft"


def _label(entry) -> str:
    label = getattr(entry, "label", None)
    if label:
        return label
    program = getattr(entry, "program", entry)
    return f"{program.year}/{program.title}"


def refusal(entry) -> str:
    """Why a draft's amount is not served, and how to get it."""
    return (
        f"{_label(entry)} 在政策目录中是{DRAFT_WORD}条目：补助标准由指南文字自动起草，尚未经人工逐项核对原文，"
        f"暂不提供金额。审核通过后（subsidykit catalog review / catalog accept）即可使用；"
        f"确需按草稿测算，请设置环境变量 {ALLOW_ENV}=1"
    )


def amounts_note(entry, *, allow: bool | None = None) -> str:
    """"" for a reviewed entry; for a draft whose amounts are allowed, the words to put before its
    amount; a draft whose amounts are not allowed raises DraftEntryError (the refusal)."""
    if not is_draft(entry):
        return ""
    if allowed(allow):
        return f"［{DRAFT_WORD}，按草稿测算，须核对指南原文］"
    raise DraftEntryError(refusal(entry))


def review_note(entry, *, allow: bool | None = None) -> str:
    """The review's words for a draft (the DRAFT_ENTRY finding); "" for a reviewed entry."""
    if not is_draft(entry):
        return ""
    amount = "最高补助按草稿测算" if allowed(allow) else f"不提供最高补助（设置 {ALLOW_ENV}=1 可按草稿测算）"
    return (
        f"{_label(entry)} 在政策目录中是{DRAFT_WORD}条目：条件和金额由指南文字自动起草，尚未经人工核对原文，"
        f"核对结论仅供参考；{amount}"
    )


def mark(entry) -> str:
    """［草稿］ for a draft, "" otherwise (lists: programs, PROGRAMS())."""
    return DRAFT_MARK if is_draft(entry) else ""


__all__ = ["ALLOW_ENV", "DRAFT_MARK", "DRAFT_WORD", "allowed", "amounts_note", "is_draft", "mark", "refusal", "review_note"]
