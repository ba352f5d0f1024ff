"""Tests of the Open311 GeoReport v2 rules: dates, parameters, POST validation, JSON and XML."""
import datetime
import json
import re
import unittest
from xml.etree import ElementTree

from .. import open311
from ..open311 import Open311Error
from ..open311_openapi import document

NOW = datetime.datetime(2026, 3, 10, 12, 0, 0)


class TestDates(unittest.TestCase):

    def test_w3c_forms(self):
        cases = {
            "2026-01-31": datetime.datetime(2026, 1, 31),
            "2026-01-31T08:15Z": datetime.datetime(2026, 1, 31, 8, 15),
            "2026-01-31T08:15:30Z": datetime.datetime(2026, 1, 31, 8, 15, 30),
            "2026-01-31T08:15:30.5+03:00": datetime.datetime(2026, 1, 31, 5, 15, 30, 500000),
            "1994-11-05T08:15:30-05:00": datetime.datetime(1994, 11, 5, 13, 15, 30),
        }
        for text, expected in cases.items():
            self.assertEqual(open311.parse_datetime(text), expected, text)

    def test_malformed(self):
        for text in ("", "yesterday", "2026-13-01", "2026-02-30", "2026-01-31T08:15:30",
                     "2026-01-31T25:00Z", "2026-01-31T08:15+15:00", "31.01.2026",
                     "2026-01-31T08:15:30+0300x", "9999-12-31T23:59:59-14:00", "0001-01-01",
                     "0000-01-01"):
            with self.assertRaises(Open311Error, msg=text) as ctx:
                open311.parse_datetime(text, "start_date")
            self.assertEqual(ctx.exception.status, 400)

    def test_format(self):
        self.assertEqual(open311.format_datetime(datetime.datetime(2026, 1, 2, 3, 4, 5, 6)),
                         "2026-01-02T03:04:05Z")
        self.assertIsNone(open311.format_datetime(False))


class TestQuery(unittest.TestCase):

    def test_defaults_last_90_days(self):
        query = open311.parse_query({}, NOW)
        self.assertEqual(query["end"], NOW)
        self.assertEqual(query["start"], NOW - datetime.timedelta(days=90))
        self.assertEqual(query["limit"], 1000)

    def test_filters(self):
        query = open311.parse_query({"status": "open,closed", "service_code": "7,9"}, NOW)
        self.assertEqual(query["statuses"], ["closed", "open"])
        self.assertEqual(query["service_codes"], [7, 9])

    def test_ids_override_other_arguments(self):
        query = open311.parse_query({
            "service_request_id": "2026-000001, 2026-000002", "status": "bogus",
            "start_date": "2020-01-01"}, NOW)
        self.assertEqual(query["ids"], ["2026-000001", "2026-000002"])
        self.assertEqual((query["statuses"], query["start"]), (None, None))

    def test_span_limited(self):
        with self.assertRaises(Open311Error):
            open311.parse_query({"start_date": "2025-01-01", "end_date": "2026-01-01"}, NOW)
        query = open311.parse_query({"end_date": "2025-01-01"}, NOW)
        self.assertEqual(query["start"], datetime.datetime(2024, 10, 3))

    def test_bad_values(self):
        for params in ({"status": "pending"}, {"service_request_id": "12; drop"},
                       {"service_request_id": "../x"}, {"service_code": "abc"},
                       {"start_date": "2026-02-01", "end_date": "2026-01-01"},
                       {"service_request_id": ",".join(["2026-000001"] * 1001)}):
            with self.assertRaises(Open311Error, msg=params) as ctx:
                open311.parse_query(params, NOW)
            self.assertEqual(ctx.exception.status, 400, params)


class TestPost(unittest.TestCase):

    def test_valid(self):
        post = open311.parse_post({"service_code": "3", "lat": "40.99", "long": "29.22",
                                   "description": " Çöp  ", "email": "a@b.tr"})
        self.assertEqual((post["service_code"], post["lat"], post["long"]), (3, 40.99, 29.22))
        self.assertEqual(post["description"], "Çöp")

    def test_location_required(self):
        with self.assertRaises(Open311Error):
            open311.parse_post({"service_code": "3"})
        with self.assertRaises(Open311Error):
            open311.parse_post({"service_code": "3", "lat": "40.9"})
        post = open311.parse_post({"service_code": "3", "address_id": "A1"})
        self.assertEqual(post["address_id"], "A1")

    def test_bad_input(self):
        base = {"service_code": "3", "address_string": "Meclis Mah."}
        for extra in ({"lat": "north", "long": "29"}, {"lat": "91", "long": "29"},
                      {"lat": "nan", "long": "29"}, {"email": "not-an-email"},
                      {"media_url": "javascript:alert(1)"}, {"description": "x" * 4001},
                      {"description": "a\x00b"}, {"service_code": ""},
                      {"service_code": "99999999999"}):
            with self.assertRaises(Open311Error, msg=extra) as ctx:
                open311.parse_post(dict(base, **extra))
            self.assertEqual(ctx.exception.status, 400, extra)

    def test_attributes(self):
        definitions = [
            {"code": "size", "datatype": "singlevaluelist", "required": True,
             "values": [{"key": "s", "name": "Small"}, {"key": "l", "name": "Large"}]},
            {"code": "count", "datatype": "number", "required": False},
        ]
        self.assertEqual(open311.parse_attributes({"attribute[size]": "l"}, definitions),
                         {"size": ["l"]})
        for params in ({}, {"attribute[size]": "xl"}, {"attribute[size]": ["s", "l"]},
                       {"attribute[size]": "s", "attribute[count]": "many"}):
            with self.assertRaises(Open311Error, msg=params):
                open311.parse_attributes(params, definitions)


class TestSerialisation(unittest.TestCase):

    ROWS = [{"service_request_id": "2026-000001", "status": "open", "lat": 40.5,
             "description": "<b>a & b</b>\x01", "media_url": None}]

    def test_json(self):
        body = json.loads(open311.render("json", "service_requests", self.ROWS).decode())
        self.assertEqual(body, self.ROWS)

    def test_xml_elements(self):
        xml = open311.render("xml", "service_requests", self.ROWS)
        self.assertTrue(xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>"))
        root = ElementTree.fromstring(xml)
        self.assertEqual(root.tag, "service_requests")
        request = root.find("request")
        self.assertEqual(request.findtext("description"), "<b>a & b</b>",
                         "markup escaped, a character XML cannot carry dropped")
        self.assertEqual(request.findtext("media_url"), "")

    def test_nested_xml(self):
        definition = {"service_code": "3", "attributes": [
            {"code": "size", "required": True, "values": [{"key": "s", "name": "Küçük"}]}]}
        root = ElementTree.fromstring(open311.render("xml", "service_definition", definition))
        self.assertEqual(root.findtext("attributes/attribute/required"), "true")
        self.assertEqual(root.findtext("attributes/attribute/values/value/name"), "Küçük")

    def test_errors(self):
        self.assertEqual(json.loads(open311.render_error("json", 403, "no").decode()),
                         [{"code": 403, "description": "no"}])
        root = ElementTree.fromstring(open311.render_error("xml", 404, "none"))
        self.assertEqual((root.tag, root.findtext("error/code")), ("errors", "404"))

    def test_discovery(self):
        doc = open311.discovery("https://x/open311/v2", "2026-01-01T00:00:00Z", "c", "k")
        root = ElementTree.fromstring(open311.render("xml", "discovery", doc))
        self.assertEqual(root.findtext("endpoints/endpoint/formats/format"), "text/xml")

    def test_openapi_refs_resolve(self):
        doc = document("https://x/open311/v2")
        refs = set(re.findall(r'"#/components/schemas/(\w+)"', json.dumps(doc)))
        self.assertTrue(refs)
        self.assertLessEqual(refs, set(doc["components"]["schemas"]), "every $ref resolves")

    def test_unsupported_format(self):
        with self.assertRaises(Open311Error):
            open311.parse_format("html")
