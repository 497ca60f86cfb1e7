"""The relay's schema revisions, oldest first."""
