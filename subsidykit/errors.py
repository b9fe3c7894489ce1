"""Domain errors: each carries a Chinese message for the clerk; adapters decide how it looks."""

from __future__ import annotations


class SubsidyError(Exception):
    """Base of every error the engine raises on purpose (message in Chinese)."""

    code = "ERROR"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInputError(SubsidyError):
    """A value that cannot be read (amount, date, ratio, count)."""

    code = "BAD_INPUT"


class UnknownProgramError(SubsidyError):
    """No program (or variant) of that name; `candidates` lists the closest ones."""

    code = "UNKNOWN_PROGRAM"

    def __init__(self, message: str, candidates: list[str] | None = None):
        super().__init__(message)
        self.candidates = candidates or []


class AmbiguousProgramError(UnknownProgramError):
    code = "AMBIGUOUS_PROGRAM"


class VariantRequiredError(UnknownProgramError):
    code = "VARIANT_REQUIRED"


class NoAmountError(SubsidyError):
    """The guide gives no computable award (另行通知, a 认定 without money, or a loan limit).

    `limit` holds the 万元 limit where the text gives one that is not a grant (人才贷 1500 万元).
    """

    code = "NO_AMOUNT"

    def __init__(self, message: str, limit=None):
        super().__init__(message)
        self.limit = limit


class DraftEntryError(NoAmountError):
    """The entry is a draft (`review: draft`, not yet checked against the guide): its amounts are
    not served unless drafts are allowed (SUBSIDYKIT_ALLOW_DRAFT=1; see `rules.drafts`)."""

    code = "DRAFT_ENTRY"


class CatalogError(SubsidyError):
    """The catalog data itself is invalid (raised on load)."""

    code = "CATALOG"


class RegisterError(SubsidyError):
    """The project register cannot be opened, migrated, read or written (exit code 2)."""

    code = "REGISTER"
