# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Searching applications (phone in any format, TC kimlik no only for the directorate, name,
the Istanbul-day filters on their boundaries), the map's points, the photos, the intake
screen's lookup and the absence of a raw "Create"."""
import base64
import datetime
from unittest import mock

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from ..lib import geo
from .common_ticket import HidTicketCase

# a 1x1 PNG
PNG = base64.b64decode(
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ"
    b"AAAABJRU5ErkJggg==")


class TestSearch(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "Sokakta çukur var", "description": "<p>Derin</p>",
            "category_id": cls.cat_cukur.id, "partner_id": cls.citizen.id,
            "kvkk_notice_given": True})
        cls.secret = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "İhbar", "description": "<p>Gizli</p>", "category_id": cls.cat_cukur.id,
            "partner_id": cls.citizen.id, "kvkk_notice_given": True, "confidential": True})

    def find(self, user, domain):
        return self.env["helpdesk.ticket"].sudo(user).search(domain)

    def test_phone_in_any_format(self):
        for typed in ("0532 111 22 33", "+905321112233", "(532) 111-22-33", "90 532 1112233"):
            for field in ("hid_search_phone", "hid_search"):
                with self.subTest(typed=typed, field=field):
                    found = self.find(self.agent, [(field, "ilike", typed)])
                    self.assertIn(self.ticket, found)
                    self.assertIn(self.secret, found, "the directorate sees the ihbar too")
        self.assertFalse(self.find(self.agent, [("hid_search_phone", "ilike", "0532 999 88 77")]))
        self.assertFalse(self.find(self.agent, [("hid_search_phone", "ilike", "abc")]))

    def test_tckn_for_the_directorate_only(self):
        for typed in ("10000000146", "100 000 001 46"):
            self.assertIn(self.ticket, self.find(self.agent, [("hid_search_tckn", "=", typed)]))
            self.assertIn(self.ticket, self.find(self.agent, [("hid_search", "ilike", typed)]))
        self.assertEqual(self.ticket.sudo(self.agent).read(
            ["hid_search", "hid_search_phone", "hid_search_tckn"])[0]["hid_search_tckn"], False,
            "search-only fields hold nothing")
        # the Fen user may read the application, not its applicant's TC kimlik no
        self.assertIn(self.ticket, self.find(self.fen_user, [("id", "=", self.ticket.id)]))
        with self.assertRaises(AccessError):
            self.find(self.fen_user, [("hid_search_tckn", "=", "10000000146")])
        self.assertFalse(self.find(self.fen_user, [("hid_search", "ilike", "10000000146")]),
                         "typing a TC kimlik no finds nothing: no oracle")
        # nor through the partner (the fields are guarded at every door)
        with self.assertRaises(AccessError):
            self.find(self.fen_user, [("partner_id.tckn", "=", "10000000146")])

    def test_name_and_what_the_mudurluk_may_know(self):
        self.assertEqual(self.find(self.agent, [("hid_search_citizen", "ilike", "fatma yıl")]),
                         self.ticket | self.secret)
        # a müdürlük finds by name or phone only the applicants it is shown
        for domain in ([("hid_search_citizen", "ilike", "Fatma")],
                       [("hid_search_phone", "ilike", "0532 111 22 33")],
                       [("hid_search", "ilike", "Fatma")]):
            with self.subTest(domain=domain):
                found = self.find(self.fen_user, domain)
                self.assertIn(self.ticket, found)
                self.assertNotIn(self.secret, found, "a confidential applicant is not found")
            self.assertFalse(self.find(self.tem_user, domain), "other müdürlük: record rules")

    def test_default_field_finds_number_subject_and_person(self):
        self.assertEqual(self.find(self.agent, [("hid_search", "ilike", self.ticket.number)]),
                         self.ticket)
        self.assertIn(self.ticket, self.find(self.agent, [("hid_search", "ilike", "çukur")]))
        self.assertFalse(self.find(self.agent, [("hid_search", "ilike", "  ")]))
        self.assertFalse(self.find(self.agent, [("hid_search", "not ilike", "x")]),
                         "a negative operator never means everything")
        arch = etree.fromstring(self.env.ref("hid_basvuru.hid_ticket_view_search").arch)
        self.assertEqual(arch.xpath("//field")[0].get("name"), "hid_search",
                         "typing in the search box searches number, person and subject")

    def test_search_view_per_role(self):
        """The TC kimlik no field is not offered to a müdürlük."""
        Ticket = self.env["helpdesk.ticket"]
        view = self.env.ref("hid_basvuru.hid_ticket_view_search").id
        for user, offered in ((self.agent, True), (self.staff, True), (self.fen_user, False),
                              (self.fen_manager, False)):
            arch = Ticket.sudo(user).fields_view_get(view, "search")["arch"]
            names = etree.fromstring(arch).xpath("//field/@name")
            self.assertEqual("hid_search_tckn" in names, offered, user.login)
            self.assertIn("hid_search_phone", names)
            self.assertIn("mahalle_id", names)
            self.assertIn("team_id", names)


class TestDateFilters(HidTicketCase):
    """The filters' domains, evaluated as the web client does (context_today = the user's
    date), on fixed dates at the boundaries, against the Istanbul day of received_date."""

    def domain(self, name, today):
        arch = etree.fromstring(self.env.ref("hid_basvuru.hid_ticket_view_search").arch)
        text = arch.xpath("//filter[@name='%s']" % name)[0].get("domain")
        return safe_eval(text, {"context_today": lambda: today, "datetime": datetime,
                                "relativedelta": relativedelta})

    def at(self, utc):
        ticket = self.intake(name="Tarih %s" % utc)
        ticket.sudo()._workflow_write({"received_date": utc})
        return ticket

    def test_received_day_is_istanbul(self):
        self.assertEqual(self.at("2026-12-31 20:59:59").received_day, "2026-12-31")
        self.assertEqual(self.at("2026-12-31 21:00:00").received_day, "2027-01-01")

    def test_filters_on_boundaries(self):
        last_of_2026 = self.at("2026-12-31 20:30:00")   # 23:30 on 31 December in Istanbul
        first_of_2027 = self.at("2026-12-31 21:30:00")  # 00:30 on 1 January
        sunday = self.at("2027-01-03 20:00:00")         # 23:00 on Sunday 3 January
        monday = self.at("2027-01-03 21:00:00")         # 00:00 on Monday 4 January
        end_of_jan = self.at("2027-01-31 20:59:00")     # 23:59 on 31 January
        feb = self.at("2027-01-31 21:00:00")            # 00:00 on 1 February
        mine = last_of_2026 | first_of_2027 | sunday | monday | end_of_jan | feb
        Ticket = self.env["helpdesk.ticket"].sudo(self.staff)

        def found(name, today):
            return Ticket.search(self.domain(name, today) + [("id", "in", mine.ids)])

        D = datetime.date
        self.assertEqual(found("received_today", D(2027, 1, 1)), first_of_2027)
        self.assertEqual(found("received_today", D(2026, 12, 31)), last_of_2026)
        # the week of Friday 1 January 2027 runs Monday 28 December – Sunday 3 January
        self.assertEqual(found("received_week", D(2027, 1, 1)),
                         last_of_2026 | first_of_2027 | sunday)
        self.assertEqual(found("received_week", D(2027, 1, 3)),
                         last_of_2026 | first_of_2027 | sunday, "Sunday is in its week")
        self.assertEqual(found("received_week", D(2027, 1, 4)), monday, "Monday starts one")
        self.assertEqual(found("received_month", D(2027, 1, 31)),
                         first_of_2027 | sunday | monday | end_of_jan)
        self.assertEqual(found("received_month", D(2027, 1, 1)),
                         first_of_2027 | sunday | monday | end_of_jan)
        self.assertEqual(found("received_month", D(2027, 2, 1)), feb)
        self.assertEqual(found("received_month", D(2026, 12, 31)), last_of_2026)
        self.assertEqual(found("received_year", D(2027, 12, 31)), mine - last_of_2026)
        self.assertEqual(found("received_year", D(2026, 12, 1)), last_of_2026)


class TestIndexes(HidTicketCase):
    """What the searches and the map filter on has an index the planner can use."""

    def plan(self, domain, model="helpdesk.ticket"):
        Model = self.env[model].sudo()
        query = Model._where_calc(domain)
        from_clause, where_clause, params = query.get_sql()
        cr = self.env.cr
        cr.execute("SET LOCAL enable_seqscan = off")
        cr.execute("EXPLAIN SELECT id FROM %s WHERE %s" % (from_clause, where_clause), params)
        plan = "\n".join(row[0] for row in cr.fetchall())
        cr.execute("SET LOCAL enable_seqscan = on")
        return plan

    def test_indexes_used(self):
        self.assertIn("received_day_index", self.plan([("received_day", ">=", "2027-01-01")]))
        self.assertIn("map_index", self.plan([("latitude", ">=", 40.9), ("latitude", "<=", 41.1),
                                              ("longitude", ">=", 29.1),
                                              ("longitude", "<=", 29.4)]))
        cr = self.env.cr
        cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cr.fetchone():
            self.assertIn("name_trgm_index", self.plan([("name", "ilike", "fatma")],
                                                       "res.partner"))
            self.assertIn("name_trgm_index", self.plan([("name", "ilike", "çukur")]))
            self.assertIn("number_trgm_index", self.plan([("number", "ilike", "000012")]))
        self.assertIn("mobile_index", self.plan([("mobile", "=", "+905321112233")],
                                                "res.partner"))


class TestMapAndPhotos(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inside = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "Haritada", "description": "<p>x</p>", "category_id": cls.cat_cukur.id,
            "anonymous": True, "latitude": 41.0012, "longitude": 29.2288})
        cls.tem_case = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "Çöp haritada", "description": "<p>x</p>", "category_id": cls.cat_cop.id,
            "anonymous": True, "latitude": 41.0020, "longitude": 29.2300})
        cls.nowhere = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": "Noktasız", "description": "<p>x</p>", "category_id": cls.cat_cukur.id,
            "anonymous": True})
        cls.bbox = [40.99, 29.22, 41.01, 29.24]

    def ids(self, user, bbox=None, filters=None):
        result = self.env["helpdesk.ticket"].sudo(user).hid_map_points(bbox or self.bbox,
                                                                       filters)
        return {point["id"] for point in result["points"]}, result

    def test_points_as_the_user(self):
        mine = {self.inside.id, self.tem_case.id}
        self.assertEqual(self.ids(self.staff)[0] & mine, mine)
        self.assertEqual(self.ids(self.fen_user)[0] & mine, {self.inside.id},
                         "a müdürlük sees its own applications only")
        self.assertEqual(self.ids(self.tem_user)[0] & mine, {self.tem_case.id})
        self.assertNotIn(self.nowhere.id, self.ids(self.staff, [-90, -180, 90, 180])[0],
                         "no point, no marker (not at 0,0)")
        self.assertFalse(self.ids(self.staff, [40.0, 28.0, 40.1, 28.1])[0] & mine,
                         "outside the visible area")
        point = [p for p in self.ids(self.staff)[1]["points"] if p["id"] == self.inside.id][0]
        self.assertEqual((point["number"], point["lat"], point["lon"]),
                         (self.inside.number, 41.0012, 29.2288))

    def test_filters(self):
        mine = {self.inside.id, self.tem_case.id}
        self.assertEqual(self.ids(self.staff, filters={"team_id": self.tem.id})[0] & mine,
                         {self.tem_case.id})
        self.assertEqual(self.ids(self.staff, filters={"category_id": self.cat_cukur.id})[0]
                         & mine, {self.inside.id})
        self.assertEqual(self.ids(self.staff, filters={"stage_id": self.inside.stage_id.id})[0]
                         & mine, mine)
        self.assertFalse(self.ids(self.staff, filters={"state": "closed"})[0] & mine)
        self.assertEqual(self.ids(self.staff, filters={"state": "open"})[0] & mine, mine)
        for bad in ({"team_id": "x"}, {"stage_id": -1}, {"category_id": 2 ** 40}):
            with self.assertRaises(UserError):
                self.ids(self.staff, filters=bad)
        for bad in (None, [1, 2], ["a", 1, 2, 3], "41,29,42,30"):
            with self.assertRaises(UserError):
                self.env["helpdesk.ticket"].sudo(self.staff).hid_map_points(bad)

    def test_bounded(self):
        with mock.patch.object(geo, "MAP_LIMIT", 1):
            ids, result = self.ids(self.staff)
        self.assertEqual(len(ids), 1)
        self.assertTrue(result["truncated"])
        self.assertEqual(result["limit"], 1)

    def test_options_and_tile_url(self):
        Ticket = self.env["helpdesk.ticket"].sudo(self.fen_user)
        options = Ticket.hid_map_options()
        self.assertIn([self.fen.id, self.fen.display_name], options["teams"])
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("hid_basvuru.tile_url", False)
        params.set_param("hid_saha.tile_url", "http://old.example/{z}/{x}/{y}.png")
        self.assertEqual(Ticket.hid_map_config()["tile_url"], "http://old.example/{z}/{x}/{y}.png",
                         "the older hid_saha parameter is still read")
        params.set_param("hid_basvuru.tile_url", "http://tiles.example/{z}/{x}/{y}.png")
        self.assertEqual(Ticket.hid_map_config()["tile_url"],
                         "http://tiles.example/{z}/{x}/{y}.png")

    def test_photos_for_who_may_read_them(self):
        Attachment = self.env["ir.attachment"].sudo()
        photo = Attachment.create({"name": "cukur.png", "datas": base64.b64encode(PNG),
                                   "datas_fname": "cukur.png", "res_model": "helpdesk.ticket",
                                   "res_id": self.inside.id})
        pdf = Attachment.create({"name": "dilekce.pdf", "datas": base64.b64encode(b"%PDF-1.4\n"),
                                 "datas_fname": "dilekce.pdf", "res_model": "helpdesk.ticket",
                                 "res_id": self.inside.id})
        self.assertTrue(photo.mimetype.startswith("image/"))
        for user in (self.agent, self.staff, self.fen_user):
            ticket = self.inside.sudo(user)
            self.assertEqual(ticket.hid_photo_ids, photo.sudo(user), user.login)
            self.assertNotIn(pdf.id, ticket.hid_photo_ids.ids)
        self.assertFalse(self.inside.sudo(self.tem_user).hid_photo_ids,
                         "another müdürlük's photos are not listed")
        with self.assertRaises(AccessError):
            photo.sudo(self.tem_user).read(["datas"])


class TestIntakeScreen(HidTicketCase):

    def new(self, **vals):
        Intake = self.env["hid.basvuru.intake"].sudo(self.agent)
        return Intake.new(dict(Intake.default_get(list(Intake._fields)), **vals))

    def test_unknown_phone_says_new_citizen(self):
        intake = self.new(phone="0533 777 66 55")
        intake._onchange_find_citizen()
        self.assertEqual(intake.citizen_state, "new")
        self.assertFalse(intake.partner_id)
        self.assertIn("No registered citizen found", intake.lookup_message)
        self.assertIn("0533 777 66 55", intake.lookup_message, "the new citizen's phone")
        # a half-typed number is no lookup yet
        intake = self.new(phone="0533 77")
        intake._onchange_find_citizen()
        self.assertEqual(intake.citizen_state, "search")
        self.assertFalse(intake.lookup_message)

    def test_name_given_by_another_screen(self):
        """A screen that opens the intake with a new citizen's name: the name shows."""
        Intake = self.env["hid.basvuru.intake"].sudo(self.agent).with_context(
            default_new_name="Ziyaretçi Kişi")
        self.assertEqual(Intake.default_get(["citizen_state"])["citizen_state"], "new")
        intake = Intake.new({"new_name": "Ziyaretçi Kişi", "citizen_state": "new"})
        intake._onchange_find_citizen()
        self.assertEqual(intake.citizen_state, "new", "no phone typed: still the new name")

    def test_known_phone_is_found(self):
        intake = self.new(phone="0532 111 22 33")
        intake._onchange_find_citizen()
        self.assertEqual((intake.citizen_state, intake.partner_id), ("found", self.citizen))
        self.assertFalse(intake.lookup_message)

    def test_new_citizen_saved_with_the_looked_up_phone(self):
        intake = self.env["hid.basvuru.intake"].sudo(self.agent).create({
            "phone": "0533 777 66 54", "new_name": "Yeni Kişi", "name": "Konu",
            "description": "Açıklama", "category_id": self.cat_cop.id,
            "kvkk_notice_given": True})
        ticket = self.env["helpdesk.ticket"].browse(intake.action_save()["res_id"])
        self.assertEqual(ticket.partner_id.mobile, "+905337776654")
        self.assertEqual((ticket.latitude, ticket.longitude), (0.0, 0.0), "no point given")

    def test_kvkk_notice_text(self):
        self.assertIn("6698", self.new().kvkk_notice_text)
        self.env["ir.config_parameter"].sudo().set_param(
            "hid_basvuru.kvkk_notice_text", "Belediyemizin aydınlatma metni.")
        self.assertEqual(self.new().kvkk_notice_text, "Belediyemizin aydınlatma metni.")
        view = self.env["hid.basvuru.intake"].sudo(self.agent).fields_view_get(
            self.env.ref("hid_basvuru.hid_basvuru_intake_view_form").id, "form")["arch"]
        arch = etree.fromstring(view)
        self.assertTrue(arch.xpath("//group[@name='kvkk']/field[@name='kvkk_notice_given']"),
                        "the tick beside the text")
        self.assertTrue(arch.xpath("//field[@name='latitude'][@widget='hid_map_point']"))
        names = [f.get("name") for f in arch.xpath("//sheet//field")]
        self.assertLess(names.index("possible_duplicate_ids"), names.index("basvuru_type_id"),
                        "possible duplicates near the top")

    def test_no_raw_create(self):
        Ticket = self.env["helpdesk.ticket"]
        for user in (self.agent, self.staff, self.director, self.fen_user, self.fen_manager):
            for xmlid, kind in (("hid_ticket_view_form", "form"),
                                ("hid_ticket_view_tree", "tree"),
                                ("hid_ticket_view_kanban", "kanban")):
                arch = etree.fromstring(Ticket.sudo(user).fields_view_get(
                    self.env.ref("hid_basvuru." + xmlid).id, kind)["arch"])
                self.assertEqual(arch.get("create"), "false", (user.login, kind))
        # and on the server: a müdürlük cannot create, an agent's create keeps the rules
        with self.assertRaises(AccessError):
            Ticket.sudo(self.fen_user).create({"name": "x", "description": "<p>x</p>"})
        with self.assertRaises(ValidationError):
            Ticket.sudo(self.agent).create({"name": "x", "description": "<p>x</p>",
                                            "partner_id": self.citizen.id})
