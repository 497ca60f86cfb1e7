"""File names that a double click would run as a program rather than open as a document."""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

# What Windows (and macOS, and a Linux desktop) runs, installs or hands to a script host on a double
# click. A customer's "주문서.pdf.exe" is the oldest trick there is: the name reads as a PDF.
PROGRAM_SUFFIXES = frozenset(
    {
        # Windows programs and installers
        ".exe", ".com", ".scr", ".pif", ".cpl", ".msi", ".msp", ".mst", ".msc", ".dll", ".sys",
        ".application", ".appref-ms", ".gadget", ".appx", ".appxbundle", ".msix", ".msixbundle",
        # scripts a double click runs
        ".bat", ".cmd", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".wsc", ".ps1", ".psm1",
        ".psd1", ".hta", ".jar", ".py", ".pyw",
        # shortcuts and settings that run or change something
        ".lnk", ".url", ".scf", ".reg", ".inf", ".settingcontent-ms", ".library-ms", ".search-ms",
        # disk images that open as a drive full of programs
        ".iso", ".img", ".vhd", ".vhdx",
        # macOS and Linux
        ".app", ".command", ".pkg", ".dmg", ".sh", ".run", ".desktop", ".appimage", ".deb", ".rpm",
        # Office files that carry macros
        ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppam", ".ppsm",
    }
)  # fmt: skip


def program_suffix(name: str) -> str | None:
    """The suffix (".exe") that makes a file of this name run as a program, or None for a document,
    photo or anything else a double click only opens. Case, trailing dots and spaces (which Windows
    drops) and invisible direction marks ("…\u202efdp.exe" reads as "…exe.pdf") do not hide it."""
    cleaned = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c) != "Cf")
    suffix = PurePath(cleaned.rstrip(". ")).suffix.lower()
    return suffix if suffix in PROGRAM_SUFFIXES else None
