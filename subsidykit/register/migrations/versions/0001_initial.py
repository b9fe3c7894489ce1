"""The register's first tables: enterprise, enterprise_name, project, import_run, source.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

AMOUNT = sa.Numeric(18, 4)


def upgrade() -> None:
    op.create_table(
        "enterprise",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uscc", sa.String(40), nullable=True),
        sa.Column("name", sa.Text, nullable=True),
        sa.UniqueConstraint("uscc", name="uq_enterprise_uscc"),
    )
    op.create_table(
        "enterprise_name",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("enterprise_id", sa.Integer, sa.ForeignKey("enterprise.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("first_year", sa.Integer, nullable=True),
        sa.Column("last_year", sa.Integer, nullable=True),
        sa.UniqueConstraint("enterprise_id", "name_key", name="uq_enterprise_name"),
    )
    op.create_index("ix_enterprise_name_enterprise_id", "enterprise_name", ["enterprise_id"])
    op.create_index("ix_enterprise_name_name_key", "enterprise_name", ["name_key"])
    op.create_table(
        "project",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("enterprise_id", sa.Integer, sa.ForeignKey("enterprise.id", ondelete="CASCADE"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("applicant", sa.Text),
        sa.Column("program_label", sa.Text),
        sa.Column("program_id", sa.String(200)),
        sa.Column("variant", sa.Text),
        sa.Column("name", sa.Text),
        sa.Column("name_key", sa.String(200)),
        sa.Column("code", sa.String(200)),
        sa.Column("county", sa.Text),
        sa.Column("city", sa.Text),
        sa.Column("total_investment", AMOUNT),
        sa.Column("requested", AMOUNT),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("award", AMOUNT),
        sa.Column("accepted", sa.Boolean),
        sa.Column("accepted_on", sa.Date),
        sa.Column("acceptance_text", sa.Text),
    )
    op.create_index("ix_project_year", "project", ["year"])
    op.create_index("ix_project_name_key", "project", ["name_key"])
    op.create_index("ix_project_code", "project", ["code"])
    op.create_index("ix_project_enterprise_year", "project", ["enterprise_id", "year"])
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("years", sa.JSON),
        sa.Column("county", sa.Text),
        sa.Column("counts", sa.JSON),
        sa.Column("imported_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_import_run_sha_kind", "import_run", ["file_sha256", "kind"])
    op.create_table(
        "source",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("project.id", ondelete="CASCADE"), nullable=False),
        sa.Column("import_run_id", sa.Integer, sa.ForeignKey("import_run.id", ondelete="SET NULL")),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("sheet", sa.String(200), nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("cells", sa.JSON),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("file_sha256", "kind", "sheet", "row", name="uq_source_row"),
    )
    op.create_index("ix_source_project", "source", ["project_id"])


def downgrade() -> None:
    op.drop_table("source")
    op.drop_table("import_run")
    op.drop_table("project")
    op.drop_table("enterprise_name")
    op.drop_table("enterprise")
