import base64
import io

import pytest
from PIL import Image

from lib import photo


def _sniff(data):
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg", "jpg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png", "png"
    if data[:5] == b"%PDF-":
        return "application/pdf", "pdf"
    return None


LIMITS = photo.Limits(5, 5 * 1024 * 1024, 15 * 1024 * 1024, _sniff)


def _jpeg(size=(64, 48), exif=None):
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif is not None:
        image.save(out, "JPEG", exif=exif)
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def _b64(data):
    return base64.b64encode(data).decode()


def test_decode_accepts_jpeg_png_and_data_urls():
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    got = photo.decode(["data:image/jpeg;base64," + _b64(_jpeg()), _b64(png.getvalue())], LIMITS)
    assert len(got) == 2 and got[0][:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("items, code", [
    (["x"] * 6, "too_many"),
    (["***"], "broken"),
    ([_b64(b"%PDF-1.4 hello")], "type"),
    ([_b64(b"GIF89a....")], "type"),
    ([5], "broken"),
    ("notalist", "broken"),
])
def test_decode_refuses(items, code):
    with pytest.raises(photo.PhotoError) as err:
        photo.decode(items, LIMITS)
    assert err.value.code == code


def test_decode_size_limits():
    limits = photo.Limits(5, 1000, 1500, _sniff)
    small = _jpeg((8, 8))
    assert len(small) < 800
    with pytest.raises(photo.PhotoError) as err:
        photo.decode([_b64(small + b"\0" * 1000)], limits)
    assert err.value.code == "too_large"
    with pytest.raises(photo.PhotoError) as err:
        photo.decode([_b64(small)] * 3, limits)
    assert err.value.code == "total"


def test_reencode_strips_exif_and_bounds_the_size():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (41, 0, 0)}  # GPSInfo
    data = _jpeg((3000, 1000), exif=exif.tobytes())
    assert b"PhoneMaker" in data
    out = photo.reencode(data)
    assert b"PhoneMaker" not in out and b"Exif" not in out
    with Image.open(io.BytesIO(out)) as image:
        assert max(image.size) == photo.MAX_SIDE
        assert not image.getexif()


def test_reencode_refuses_broken_content():
    with pytest.raises(photo.PhotoError) as err:
        photo.reencode(b"\xff\xd8\xff garbage")
    assert err.value.code == "broken"
