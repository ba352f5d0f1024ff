# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import pytest

from ..scans import MAX_BYTES, ScanError, sniff


@pytest.mark.parametrize("content, mimetype", [
    (b"%PDF-1.4\n...", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n....", "image/png"),
    (b"\xff\xd8\xff\xe0..JFIF", "image/jpeg"),
    (b"II*\x00....", "image/tiff"),
])
def test_accepted_scans(content, mimetype):
    assert sniff(content) == mimetype


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"MZ\x90\x00 an exe named scan.pdf", "type"),
    (b"<html>%PDF-</html>", "type"),
    (b"%PDF-" + b"x" * MAX_BYTES, "too_big"),
])
def test_refused_scans(content, reason):
    with pytest.raises(ScanError) as error:
        sniff(content)
    assert str(error.value) == reason
