"""Quick replies: a text in another language, inserted for a customer who writes in other letters.

A Korean shop's "/배송" answered Emma, who writes English, in Korean; the owner retyped it in English
each time. Each quick reply may now keep the same answer in another language (empty: none).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE quick_reply ADD COLUMN text_other_language TEXT NOT NULL DEFAULT ''")
    op.execute("PRAGMA user_version = 13")


def downgrade() -> None:
    op.execute("ALTER TABLE quick_reply DROP COLUMN text_other_language")
    op.execute("PRAGMA user_version = 12")
