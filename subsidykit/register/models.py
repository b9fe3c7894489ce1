"""The register's tables (SQLAlchemy 2 declarative).  Alembic revision 0001 creates them.

enterprise (one a USCC; a row without USCC is an enterprise known only by name), its names over
the years, projects (one a year, program and name of an enterprise; amounts in 万元 as Decimal),
the sources of every fact (file, sha256, sheet, row, cells) and one row per imported file.

Layer: register.  May import: SQLAlchemy, the standard library.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

AMOUNT = Numeric(18, 4)  # 万元, to the yuan


class Base(DeclarativeBase):
    pass


class Enterprise(Base):
    __tablename__ = "enterprise"
    __table_args__ = (UniqueConstraint("uscc", name="uq_enterprise_uscc"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uscc: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(Text)  # the latest name seen
    names: Mapped[list[EnterpriseName]] = relationship(back_populates="enterprise", cascade="all, delete-orphan")


class EnterpriseName(Base):
    __tablename__ = "enterprise_name"
    __table_args__ = (UniqueConstraint("enterprise_id", "name_key", name="uq_enterprise_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    first_year: Mapped[int | None] = mapped_column(Integer)
    last_year: Mapped[int | None] = mapped_column(Integer)
    enterprise: Mapped[Enterprise] = relationship(back_populates="names")


class Project(Base):
    __tablename__ = "project"
    __table_args__ = (
        Index("ix_project_enterprise_year", "enterprise_id", "year"),
        Index("ix_project_year", "year"),
        Index("ix_project_name_key", "name_key"),
        Index("ix_project_code", "code"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprise.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    applicant: Mapped[str | None] = mapped_column(Text)  # the name as written in the list
    program_label: Mapped[str | None] = mapped_column(Text)
    program_id: Mapped[str | None] = mapped_column(String(200))
    variant: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    name_key: Mapped[str | None] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(200))
    county: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    total_investment: Mapped[Decimal | None] = mapped_column(AMOUNT)
    requested: Mapped[Decimal | None] = mapped_column(AMOUNT)
    status: Mapped[str] = mapped_column(String(20), default="applied")
    award: Mapped[Decimal | None] = mapped_column(AMOUNT)
    accepted: Mapped[bool | None] = mapped_column(Boolean)
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    acceptance_text: Mapped[str | None] = mapped_column(Text)
    enterprise: Mapped[Enterprise] = relationship()
    sources: Mapped[list[Source]] = relationship(back_populates="project", cascade="all, delete-orphan",
                                                 order_by="Source.id")


class ImportRun(Base):
    __tablename__ = "import_run"
    __table_args__ = (Index("ix_import_run_sha_kind", "file_sha256", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int | None] = mapped_column(Integer)
    years: Mapped[list | None] = mapped_column(JSON)  # every year the file's rows carry
    county: Mapped[str | None] = mapped_column(Text)
    counts: Mapped[dict | None] = mapped_column(JSON)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Source(Base):
    __tablename__ = "source"
    __table_args__ = (
        UniqueConstraint("file_sha256", "kind", "sheet", "row", name="uq_source_row"),
        Index("ix_source_project", "project_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_run.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    file: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    sheet: Mapped[str] = mapped_column(String(200))
    row: Mapped[int] = mapped_column(Integer)
    cells: Mapped[dict | None] = mapped_column(JSON)  # field -> {"cell": "Sheet1!B7", "value": "…"}
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    project: Mapped[Project] = relationship(back_populates="sources")
    import_run: Mapped[ImportRun | None] = relationship()
