"""The first bytes of real sound files for tests: an OGG's first page carrying an Opus or Vorbis header."""

from __future__ import annotations

import struct


def _ogg_crc(data: bytes) -> int:
    """Ogg's page checksum: CRC-32 with polynomial 0x04C11DB7, not reflected, starting at 0."""
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def ogg_first_page(packet: bytes, serial: int = 0x5EED) -> bytes:
    """An Ogg page that begins a stream (header type 2) holding one packet under 255 bytes, with its
    checksum, as an encoder writes it."""
    header = b"OggS" + struct.pack("<BBqIIIB", 0, 2, 0, serial, 0, 0, 1) + bytes([len(packet)])
    crc = _ogg_crc(header + packet)
    return header[:22] + struct.pack("<I", crc) + header[26:] + packet


# Opus's identification header (RFC 7845): version 1, stereo, 312 samples pre-skip, 48 kHz, no gain.
OPUS_HEAD = b"OpusHead" + struct.pack("<BBHIhB", 1, 2, 312, 48000, 0, 0)
# Vorbis's identification header: version 0, stereo, 44.1 kHz, 128 kb/s nominal, blocks 256/2048, framing.
VORBIS_HEAD = b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 2, 44100, 0, 128000, 0, 0xB8, 1)


def ogg_opus() -> bytes:
    """The start of an OGG voice note as WhatsApp records it (Opus inside)."""
    return ogg_first_page(OPUS_HEAD)


def ogg_vorbis() -> bytes:
    """The start of an OGG song as most music software saves it (Vorbis inside)."""
    return ogg_first_page(VORBIS_HEAD)
