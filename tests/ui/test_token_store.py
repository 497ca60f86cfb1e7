"""The relay token: saved through the keyring backend the tests select, read back, and described."""

from __future__ import annotations

from typing import Any


def test_token_is_kept_in_the_keyring_and_described(ctx: Any) -> None:
    from ui.token_store import load_token, store_token_interactively, token_location

    url = "https://relay.myshop.example"
    assert load_token(ctx, url) is None
    assert store_token_interactively(None, ctx, url, "s3cret-token")
    assert load_token(ctx, url) == "s3cret-token"
    ctx.prefs["relay_url"] = url
    assert "keyring" in token_location(ctx)
    assert "s3cret" not in token_location(ctx)


def test_the_demo_token_lives_in_memory_only(ctx: Any) -> None:
    from ui.token_store import load_token, token_location

    ctx.relay_token = "demo-token"
    ctx.demo = True
    assert load_token(ctx, "http://127.0.0.1:1") == "demo-token"
    assert "memory" in token_location(ctx)
