"""Files citizens upload on public pages: the type is read from the content, not the name."""

# Limits of the public form (one place, so that the form text and the checks agree).
MAX_FILES = 5
MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_TOTAL_SIZE = 15 * 1024 * 1024
# The whole request: the files plus room for the text fields and the multipart framing.
MAX_REQUEST_SIZE = MAX_TOTAL_SIZE + 1024 * 1024

# (magic bytes at offset 0, MIME type, the extension we store the file under)
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
)


def sniff_type(data):
    """(mimetype, extension) of a JPEG, PNG or PDF by its magic bytes; None for anything else.

    A file's name and the browser's Content-Type are the uploader's claims; the first bytes
    are what a viewer will actually parse.
    """
    head = bytes(data[:16]) if data else b""
    for magic, mimetype, extension in _SIGNATURES:
        if head.startswith(magic):
            return mimetype, extension
    return None


def parse_rate(text, default):
    """(count, seconds) of a limit written "count/seconds"; `default` when it is not one."""
    try:
        count, seconds = (int(part) for part in str(text).split("/"))
    except (TypeError, ValueError):
        return default
    if count < 1 or seconds < 1:
        return default
    return count, seconds


def window_start(now, seconds):
    """Start (epoch seconds) of the fixed window of `seconds` that contains `now`."""
    now = int(now)
    return now - now % seconds
