"""Tests of upload type sniffing and of the rate-limit helpers."""
import unittest

from ..upload import parse_rate, sniff_type, window_start

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


class TestSniffType(unittest.TestCase):

    def test_known_types(self):
        self.assertEqual(sniff_type(JPEG), ("image/jpeg", "jpg"))
        self.assertEqual(sniff_type(PNG), ("image/png", "png"))
        self.assertEqual(sniff_type(PDF), ("application/pdf", "pdf"))

    def test_others_refused(self):
        for data in (b"", None, b"<html><script>alert(1)</script>", b"MZ\x90\x00",
                     b"GIF89a", b"PK\x03\x04", b"\xff\xd8"):
            with self.subTest(data=data):
                self.assertIsNone(sniff_type(data))

    def test_name_does_not_matter(self):
        """Only bytes are looked at: an .exe renamed .jpg stays refused."""
        self.assertIsNone(sniff_type(b"MZ" + JPEG))


class TestRate(unittest.TestCase):

    def test_parse(self):
        self.assertEqual(parse_rate("5/60", (1, 1)), (5, 60))
        for text in (None, "", "x", "5", "5/0", "0/60", "-1/60", "5/60/1"):
            with self.subTest(text=text):
                self.assertEqual(parse_rate(text, (1, 1)), (1, 1))

    def test_window_start(self):
        self.assertEqual(window_start(3599, 3600), 0)
        self.assertEqual(window_start(3600, 3600), 3600)
        self.assertEqual(window_start(7321.7, 600), 7200)
