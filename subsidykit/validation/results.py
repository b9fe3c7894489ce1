"""What a validation returns: one file's result and a batch's, with the counts every surface prints.

The findings themselves are the one model of :mod:`subsidykit.rules.findings` (`Finding`,
`BatchFinding`, the severities and the codes); here they are gathered per file and per batch.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from subsidykit.rules.batch import Project as Facts
from subsidykit.rules.findings import ERROR, WARNING, BatchFinding, Finding


@dataclass
class FileResult:
    file: str
    findings: list[Finding]
    facts: Facts | None = None  # None: the file could not be read
    sha256: str | None = None  # of the exact bytes validated (annotation refuses a changed file)
    verdict: str | None = None  # the review's: pass / fail / incomplete (None: no program to review)
    cap: Decimal | None = None  # the review's maximum award (万元), None when not computable

    @property
    def readable(self) -> bool:
        return self.facts is not None

    @property
    def valid(self) -> bool:
        return all(f.severity != ERROR for f in self.findings)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "valid": self.valid,
            "findings": [f.to_json() for f in self.findings],
            "verdict": self.verdict,
            "cap_wan": None if self.cap is None else float(self.cap),
        }


@dataclass
class BatchResult:
    files: list[FileResult]
    batch: list[BatchFinding]

    @property
    def batch_error_files(self) -> frozenset[str]:
        """Files an 错误 of the batch checks names (a duplicate project, over a city limit)."""
        return frozenset(f for b in self.batch if b.severity == ERROR for f in b.files)

    def is_valid(self, r: FileResult) -> bool:
        """No 错误 finding of its own and none of the batch: the file may be recommended."""
        return r.valid and r.file not in self.batch_error_files

    @property
    def has_errors(self) -> bool:
        return any(not r.valid for r in self.files) or any(b.severity == ERROR for b in self.batch)

    def stats(self) -> dict[str, int]:
        """The counts every surface prints (console, report, JSON, task pane): computed once here."""
        valid = sum(self.is_valid(r) for r in self.files)
        return {
            "files": len(self.files),
            "valid": valid,
            "invalid": len(self.files) - valid,
            "unreadable": sum(not r.readable for r in self.files),
            "batch_errors": sum(b.severity == ERROR for b in self.batch),
            "batch_warnings": sum(b.severity == WARNING for b in self.batch),
            "batch_findings": sum(b.code != "SAMPLE_SIZE" for b in self.batch),
        }

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for r in self.files:
            for f in r.findings:
                out[f.code] += 1
        for b in self.batch:
            out[b.code] += 1
        return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_json(self) -> dict:
        files = []
        for r in self.files:
            item = r.to_json()
            item["valid"] = self.is_valid(r)
            item["valid_alone"] = r.valid
            files.append(item)
        return {
            "files": files,
            "batch": [b.to_json() for b in self.batch],
            "summary": {**self.stats(), "counts": self.counts()},
        }


__all__ = ["BatchResult", "Facts", "FileResult"]
