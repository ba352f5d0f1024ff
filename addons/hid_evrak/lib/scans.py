# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""What a scan is: recognised by its first bytes, never by its name or the browser's word."""

MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
MAX_BYTES = 25 * 1024 * 1024


class ScanError(ValueError):
    """The file is not a scan we accept."""


def sniff(content):
    """The MIME type of a PDF or image scan from its content; ScanError otherwise."""
    if not content:
        raise ScanError("empty")
    if len(content) > MAX_BYTES:
        raise ScanError("too_big")
    for magic, mimetype in MAGIC:
        if content.startswith(magic):
            return mimetype
    raise ScanError("type")
