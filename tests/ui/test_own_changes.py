"""A window's own changes: every view hears them, and the window's own slot knows they are its own."""

from __future__ import annotations

from app.changes import Changes
from ui.context import AppContext, OwnChanges


def test_a_label_added_in_the_labels_window_is_heard_everywhere_and_marked_as_its_own(
    qapp, ctx: AppContext
) -> None:
    """The chat list repaints the label; the labels window, which reloads once after, lets it pass."""
    own = OwnChanges(ctx)
    heard: list[tuple[Changes, bool]] = []
    ctx.hub.changed.connect(lambda changes: heard.append((changes, own.publishing)))

    own.publish(Changes(labels=True))
    own.publish(Changes())  # nothing changed: nobody is told

    assert heard == [(Changes(labels=True), True)]
    assert not own.publishing  # a change from elsewhere, later, is the window's to show
