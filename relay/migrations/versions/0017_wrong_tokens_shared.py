"""Wrong relay tokens counted by all the workers together: `wrong_token` and `address_hold`.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

Each worker of `serve --workers N` counted wrong tokens on its own, so an address guessing the
token had WRONG_TRIES guesses a worker before it was held off. The count and the holds are now
rows every worker reads and writes (relay/storage/wrong_token_rows.py). Nothing is carried over:
the counts lived in the workers' memory, and last a few minutes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wrong_token",
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("tag", sa.BigInteger, primary_key=True),
        sa.Column("at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_wrong_token_at_ms", "wrong_token", ["at_ms"])
    op.create_table(
        "address_hold",
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("until_ms", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("address_hold")
    op.drop_index("ix_wrong_token_at_ms", table_name="wrong_token")
    op.drop_table("wrong_token")
