# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The sync endpoint's rules (helpdesk.ticket._hid_saha_sync/_report/_tasks), acting as the
restricted users themselves."""
import base64
import io
import uuid
from unittest import mock

from PIL import Image
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError

from odoo.addons.hid_basvuru.lib import upload as upload_lib
from odoo.addons.hid_basvuru.tests.common import new_user
from odoo.addons.hid_basvuru.tests.common_ticket import HidTicketCase

from ..models.helpdesk_ticket_saha import PHOTO_LIMITS, HidSahaInputError


def jpeg(size=(80, 60), exif=True):
    out = io.BytesIO()
    image = Image.new("RGB", size, (20, 120, 200))
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"
        data[0x8825] = {1: "N", 2: (40.0, 0.0, 0.0)}
        image.save(out, "JPEG", exif=data.tobytes())
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def b64(data):
    return "data:image/jpeg;base64," + base64.b64encode(data).decode()


class SahaCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.saha = new_user(cls.env, "t.saha", ["hid_saha.group_hid_saha"])
        cls.saha2 = new_user(cls.env, "t.saha2", ["hid_saha.group_hid_saha"])
        cls.fen.write({"user_ids": [(4, cls.saha.id)]})
        cls.sarigazi = cls.env.ref("hid_basvuru.mahalle_sarigazi")
        cls.channel = cls.env.ref("hid_basvuru.channel_saha")
        cls.Ticket = cls.env["helpdesk.ticket"]

    def payload(self, **values):
        data = {
            "client_id": str(uuid.uuid4()),
            "category_id": self.cat_cukur.id,
            "description": "Kaldırımda derin çukur\nOkul önünde",
            "latitude": 41.0021, "longitude": 29.2302, "accuracy": 8.4,
            "mahalle_id": self.sarigazi.id,
            "address": "Okul Sokak 3",
            "citizen_name": "Kemal Sarı", "citizen_phone": "0533 444 55 66", "kvkk": True,
            "captured_at": "2000-01-01T00:00:00Z",
            "photos": [b64(jpeg())],
        }
        data.update(values)
        return data

    def sync(self, payload, user=None):
        return self.Ticket.sudo(user or self.saha)._hid_saha_sync(payload)

    def counts(self):
        env = self.env
        return (env["helpdesk.ticket"].sudo().search_count([]),
                env["res.partner"].sudo().with_context(active_test=False).search_count([]),
                env["ir.attachment"].sudo().search_count([]))


class TestSahaSync(SahaCase):

    def test_capture_is_an_application_of_channel_saha(self):
        payload = self.payload()
        result = self.sync(payload)
        self.assertTrue(result["created"])
        ticket = self.Ticket.sudo().search([("number", "=", result["number"])])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.channel_id, self.channel)
        self.assertEqual(ticket.team_id, self.fen, "routed by its category at intake")
        self.assertEqual(ticket.stage_id.code, "routed")
        self.assertEqual(ticket.hid_saha_client_id, payload["client_id"])
        self.assertEqual(ticket.hid_saha_user_id, self.saha)
        self.assertEqual(ticket.name, "Kaldırımda derin çukur")
        self.assertAlmostEqual(ticket.latitude, 41.0021, places=6)
        self.assertAlmostEqual(ticket.hid_saha_accuracy, 8.4, places=1)
        self.assertEqual(ticket.mahalle_id, self.sarigazi)
        # a capture time out of the plausible window is not trusted for the deadline
        self.assertGreater(ticket.received_date, "2020-01-01")
        partner = ticket.partner_id
        self.assertTrue(partner.hid_citizen)
        self.assertEqual(partner.mobile, "+905334445566")
        self.assertTrue(ticket.kvkk_notice_given)
        photos = self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
        self.assertEqual(len(photos), 1)
        raw = base64.b64decode(photos.datas)
        self.assertEqual(raw[:3], b"\xff\xd8\xff")
        self.assertNotIn(b"PhoneMaker", raw, "EXIF is stripped by re-encoding")
        self.assertNotIn(b"Exif", raw)
        note = ticket.message_ids.filtered(lambda m: "Captured in the field" in (m.body or ""))
        self.assertEqual(note.author_id, self.saha.partner_id, "signed by the field staff")
        self.assertTrue(self.env["hid.sms"].sudo().search([("ticket_id", "=", ticket.id)]),
                        "the citizen gets the intake SMS like on every channel")

    def test_same_client_id_makes_one_application(self):
        payload = self.payload()
        first = self.sync(payload)
        before = self.counts()
        again = self.sync(dict(payload, description="changed on a retry"))
        self.assertEqual(again, {"number": first["number"], "created": False})
        self.assertEqual(self.counts(), before, "nothing new on a repeat")
        with self.assertRaises(HidSahaInputError):
            self.sync(payload, user=self.saha2)

    def test_client_id_is_unique_in_the_database(self):
        payload = self.payload()
        self.sync(payload)
        other = self.intake()
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute("UPDATE helpdesk_ticket SET hid_saha_client_id = %s "
                                "WHERE id = %s", (payload["client_id"], other.id))

    def test_known_citizen_is_linked_as_at_intake(self):
        before = self.counts()
        result = self.sync(self.payload(citizen_name="", citizen_phone="0532 111 22 33"))
        ticket = self.Ticket.sudo().search([("number", "=", result["number"])])
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertEqual(self.counts()[1], before[1], "no new citizen")

    def test_without_a_citizen(self):
        result = self.sync(self.payload(citizen_name="", citizen_phone="", kvkk=False,
                                        photos=[], latitude=None, longitude=None,
                                        accuracy=None))
        ticket = self.Ticket.sudo().search([("number", "=", result["number"])])
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.latitude)

    def assertRefused(self, field, **values):
        before = self.counts()
        with self.assertRaises(HidSahaInputError) as err:
            self.sync(self.payload(**values))
        self.assertEqual(err.exception.field, field, values)
        self.assertTrue(err.exception.name)
        self.assertEqual(self.counts(), before, "nothing saved for %s" % values)
        return err.exception.name

    def test_bad_input_refused_and_nothing_saved(self):
        self.assertRefused("client_id", client_id="abc")
        self.assertRefused("client_id", client_id=None)
        self.assertRefused("category_id", category_id=None)
        self.assertRefused("category_id", category_id=999999)
        self.assertRefused("category_id", category_id="1; drop")
        self.assertRefused("description", description="   ")
        self.assertRefused("description", description="x" * 2001)
        self.assertRefused("description", description=["not", "text"])
        self.assertRefused("latitude", latitude=95.0)
        self.assertRefused("latitude", longitude=None)
        self.assertRefused("latitude", accuracy=-3)
        self.assertRefused("mahalle_id", mahalle_id=None)
        self.assertRefused("citizen_phone", citizen_phone="12ab")
        self.assertRefused("citizen_phone", citizen_phone="")
        self.assertRefused("kvkk", kvkk=False)
        self.assertRefused("kvkk", kvkk="yes")
        self.assertRefused("citizen_name", citizen_name="", citizen_phone="0542 999 88 77")
        with self.assertRaises(HidSahaInputError):
            self.sync("not a dict")

    def test_messages_are_turkish(self):
        Ticket = self.Ticket.sudo(self.saha).with_context(lang="tr_TR")
        with self.assertRaises(HidSahaInputError) as err:
            Ticket._hid_saha_sync(self.payload(description=""))
        self.assertEqual(err.exception.name, "Kısa bir açıklama yazın.")
        with self.assertRaises(HidSahaInputError) as err:
            Ticket._hid_saha_sync(self.payload(citizen_phone="12ab"))
        self.assertIn("harf", err.exception.name)

    def test_photo_limits(self):
        one = b64(jpeg())
        self.assertRefused("photos", photos=[one] * (upload_lib.MAX_FILES + 1))
        self.assertRefused("photos", photos=["data:application/pdf;base64,"
                                             + base64.b64encode(b"%PDF-1.4 x").decode()])
        self.assertRefused("photos", photos=["!!!notbase64"])
        self.assertRefused("photos", photos=[b64(b"\xff\xd8\xff" + b"broken")])
        big = b64(b"\xff\xd8\xff" + b"\0" * upload_lib.MAX_FILE_SIZE)
        self.assertRefused("photos", photos=[big])
        with mock.patch.object(PHOTO_LIMITS, "max_total", 1000):
            self.assertRefused("photos", photos=[one] * 3)
        result = self.sync(self.payload(photos=[one] * upload_lib.MAX_FILES))
        self.assertTrue(result["created"])

    def test_failure_inside_the_save_leaves_nothing(self):
        before = self.counts()
        Ticket = type(self.Ticket)
        with mock.patch.object(Ticket, "_hid_saha_attach", side_effect=ValueError("disk")):
            with self.assertRaises(ValueError):
                self.sync(self.payload())
        self.assertEqual(self.counts(), before, "no citizen, application or photo left")

    def test_only_field_staff(self):
        for user in (self.agent, self.fen_user, self.fen_manager, self.staff):
            with self.assertRaises(AccessError):
                self.sync(self.payload(), user=user)
        self.assertTrue(self.sync(self.payload(), user=self.director)["created"],
                        "the director holds every role")


class TestSahaAssigned(SahaCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "Çukur", "description": "<p>x</p>", "category_id": cls.cat_cukur.id,
            "channel_id": cls.phone.id, "partner_id": cls.citizen.id,
            "kvkk_notice_given": True, "address": "Meydan 1",
            "latitude": 41.01, "longitude": 29.22})
        cls.other = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "Başka", "description": "<p>y</p>", "category_id": cls.cat_cukur.id,
            "channel_id": cls.phone.id, "partner_id": cls.citizen.id,
            "kvkk_notice_given": True})
        # the müdürlük manager assigns a member of the müdürlük: the field staff member
        cls.mine.sudo(cls.fen_manager).write({"user_id": cls.saha.id})

    def test_sees_exactly_the_assigned_applications(self):
        Ticket = self.Ticket.sudo(self.saha)
        self.assertEqual(Ticket.search([]), self.mine)
        self.assertEqual(Ticket.search_count([]), 1)
        with self.assertRaises(AccessError):
            self.other.sudo(self.saha).read(["name"])
        with self.assertRaises(AccessError):
            self.mine.sudo(self.saha).read(["partner_id"])
        tasks = Ticket._hid_saha_tasks()
        self.assertEqual([t["number"] for t in tasks], [self.mine.number])
        self.assertEqual(tasks[0]["address"], "Meydan 1")
        self.assertEqual(self.Ticket.sudo(self.saha2).search([]), self.Ticket)

    def test_may_not_write_create_or_unlink(self):
        with self.assertRaises(AccessError):
            self.mine.sudo(self.saha).write({"priority": "2"})
        with self.assertRaises(AccessError):
            self.Ticket.sudo(self.saha).create({"name": "x", "category_id": self.cat_cukur.id})
        with self.assertRaises(AccessError):
            self.mine.sudo(self.saha).unlink()

    def test_citizens_hidden(self):
        Partner = self.env["res.partner"].sudo(self.saha)
        self.assertFalse(Partner.search([("hid_citizen", "=", True)]))
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.saha).read(["name"])
        self.assertTrue(self.env["res.partner"].sudo(self.agent).search(
            [("id", "=", self.citizen.id)]))

    def test_report_back_with_after_photos(self):
        Ticket = self.Ticket.sudo(self.saha)
        result = Ticket._hid_saha_report({"ticket_id": self.mine.id, "note": "Çukur kapatıldı",
                                          "phase": "after", "photos": [b64(jpeg())]})
        self.assertEqual(result, {"number": self.mine.number, "photos": 1})
        photo = self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.mine.id),
             ("hid_saha_phase", "=", "after")])
        self.assertEqual(len(photo), 1)
        self.assertNotIn(b"PhoneMaker", base64.b64decode(photo.datas))
        message = self.mine.message_ids.filtered(lambda m: "Çukur kapatıldı" in (m.body or ""))
        self.assertEqual(message.author_id, self.saha.partner_id)
        self.assertEqual(message.attachment_ids, photo)
        tasks = Ticket._hid_saha_tasks()
        self.assertEqual(tasks[0]["photos"], [{"id": photo.id, "phase": "after"}],
                         "the field staff sees the photos of their assignment")

    def test_report_refusals(self):
        Ticket = self.Ticket.sudo(self.saha)
        ok = {"ticket_id": self.mine.id, "note": "Bakıldı", "phase": "before", "photos": []}
        before = self.counts()
        for bad, error in (
                (dict(ok, ticket_id=self.other.id), AccessError),
                (dict(ok, ticket_id="1"), AccessError),
                (dict(ok, note=" "), HidSahaInputError),
                (dict(ok, phase="later", photos=[b64(jpeg())]), HidSahaInputError),
                (dict(ok, photos=["!!"]), HidSahaInputError)):
            with self.assertRaises(error):
                Ticket._hid_saha_report(bad)
        with self.assertRaises(AccessError):
            self.Ticket.sudo(self.saha2)._hid_saha_report(ok)
        with self.assertRaises(AccessError):
            self.Ticket.sudo(self.fen_user)._hid_saha_report(ok)
        self.assertEqual(self.counts(), before)
        self.assertEqual(Ticket._hid_saha_report(ok)["photos"], 0)


class TestMahalleProposal(SahaCase):

    def test_nearest_centre_within_reach(self):
        Mahalle = self.env["hid.mahalle"]
        self.assertFalse(Mahalle._hid_nearest(41.0, 29.2), "no centres: no proposal")
        self.sarigazi.write({"latitude": 41.0, "longitude": 29.2})
        other = self.env.ref("hid_basvuru.mahalle_inonu")
        other.write({"latitude": 41.02, "longitude": 29.24})
        self.assertEqual(Mahalle.sudo(self.saha)._hid_nearest(41.001, 29.201), self.sarigazi)
        self.assertEqual(Mahalle._hid_nearest(41.019, 29.239), other)
        self.assertFalse(Mahalle._hid_nearest(40.5, 29.2), "outside the district")

    def test_page_values(self):
        values = self.Ticket.sudo(self.saha)._hid_saha_page_values()
        self.assertIn("tile_url", values["config_json"])
        self.assertIn(self.cat_cukur, values["categories"])
        with self.assertRaises(AccessError):
            self.Ticket.sudo(self.agent)._hid_saha_page_values()
