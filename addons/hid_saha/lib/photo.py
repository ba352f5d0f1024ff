"""Photos from the field: checked by their content and re-encoded, so no metadata survives.

The phone already resizes and re-encodes each photo on a canvas (which drops EXIF, the GPS
position included); the server does it again, because a client can send anything.  The
position of an application is the one the phone measured at capture time, never what a
photo's metadata claims."""
import base64
import binascii
import io

from PIL import Image

# The longest side kept (the phone sends at most 1600 px) and the pixel bound past which a
# file is refused before it is decoded (a "decompression bomb").
MAX_SIDE = 2048
MAX_PIXELS = 40 * 1000 * 1000
PHOTO_TYPES = ("image/jpeg", "image/png")


class PhotoError(ValueError):
    """A photo is refused: `code` says why (too_many, too_large, total, type, broken)."""

    def __init__(self, code, index=None):
        super().__init__(code)
        self.code = code
        self.index = index


class Limits(object):
    """The caller's limits (hid_basvuru/lib/upload.py's for the public form) and its
    content sniffer (data -> (mimetype, extension) or None)."""

    def __init__(self, max_count, max_size, max_total, sniff):
        self.max_count, self.max_size, self.max_total = max_count, max_size, max_total
        self.sniff = sniff


def decode(items, limits):
    """[bytes] of base64 texts (a "data:" URL prefix allowed), checked against `limits`.

    Raises PhotoError for too many photos, a photo over the size limit, all together over
    the total, text that is not base64, or content that is not JPEG or PNG."""
    if not isinstance(items, list):
        raise PhotoError("broken")
    if len(items) > limits.max_count:
        raise PhotoError("too_many")
    result, total = [], 0
    for index, text in enumerate(items):
        if not isinstance(text, str):
            raise PhotoError("broken", index)
        if text.startswith("data:"):
            text = text.partition(",")[2]
        # a quick bound before decoding: base64 is 4/3 of the bytes
        if len(text) > (limits.max_size * 4) // 3 + 8:
            raise PhotoError("too_large", index)
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise PhotoError("broken", index) from None
        if len(data) > limits.max_size:
            raise PhotoError("too_large", index)
        kind = limits.sniff(data)
        if not kind or kind[0] not in PHOTO_TYPES:
            raise PhotoError("type", index)
        total += len(data)
        if total > limits.max_total:
            raise PhotoError("total", index)
        result.append(data)
    return result


def reencode(data, index=None):
    """The photo as a fresh JPEG without any metadata (EXIF, GPS, XMP, ICC comments)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError("too_large", index)
            image.load()
            image = image.convert("RGB")
    except PhotoError:
        raise
    except Exception:  # Pillow raises many kinds for a broken file
        raise PhotoError("broken", index) from None
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()
