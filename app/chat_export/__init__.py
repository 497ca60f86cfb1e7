"""Chats exported from the WhatsApp phone app: reading .txt/.zip exports, importing them, exporting back."""
