# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The application as the public pages see it: the web form (/basvuru) and the status page
(/basvuru/sorgula).  The controllers only parse and render; every rule is here."""
import base64
import hmac
import os

import pytz
from psycopg2 import IntegrityError

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html
from odoo.tools.mail import single_email_re

from ..lib import phone as phone_lib
from ..lib import tckn as tckn_lib
from ..lib import upload as upload_lib
from ..lib.exceptions import HidLibError

TZ = pytz.timezone("Europe/Istanbul")
G_AGENT = "hid_basvuru.group_hid_agent"
# Default abuse limits (count, seconds) per IP; system parameters hid_basvuru.rate.<key>.
FORM_RATE = (20, 3600)
STATUS_RATE = (30, 600)
# Longest text accepted per field (the rest of the form is bounded by the request size).
MAX_LENGTHS = {"name": 100, "address": 250, "email": 120, "description": 5000}
# Compared against when no application has the number, so that a miss costs the same work.
_NO_PHONE = "+900000000000"


def _public_phones(ticket_id, anonymous, public_phone, mobile, partner_phone):
    """Always three candidates (a filler for each missing one): the status check compares
    as many values whatever the number and the phone, so its time tells nothing."""
    if not ticket_id or anonymous:
        return [_NO_PHONE] * 3
    return [number or _NO_PHONE for number in (public_phone, mobile, partner_phone)]


class HidPublicFormError(ValidationError):
    """The public form is not valid: `errors` maps each field to its message."""

    def __init__(self, errors):
        super().__init__(_("Please correct the marked fields."))
        self.errors = errors


class HidRateLimited(UserError):
    """Too many requests from one IP address in the current window."""


class HelpdeskTicket(models.Model):
    """Intake from the public web form and the answer of the public status page."""

    _inherit = "helpdesk.ticket"

    # Indexed: the status page and the SMS link look an application up by its number.
    number = fields.Char(
        index=True,
    )
    public_phone = fields.Char(
        string="Phone Given on the Web Form",
        groups=G_AGENT,
        copy=False,
        help="The number the applicant typed (E.164); the status page asks for it.",
    )

    # ---------------------------------------------------
    # Public form
    # ---------------------------------------------------

    @api.model
    def _hid_public_form_options(self):
        """The choices of the public form: only active master data a citizen may pick."""
        env = self.sudo().env
        return {
            "types": env["hid.basvuru.type"].search([]),
            "categories": env["helpdesk.ticket.category"].search([("team_id", "!=", False)]),
            "mahalleler": env["hid.mahalle"].search([]),
            "limits_text": _("At most %(files)d JPEG, PNG or PDF files, each up to "
                             "%(file_mb)d MB, together up to %(total_mb)d MB.") % {
                                 "files": upload_lib.MAX_FILES,
                                 "file_mb": upload_lib.MAX_FILE_SIZE // (1024 * 1024),
                                 "total_mb": upload_lib.MAX_TOTAL_SIZE // (1024 * 1024)},
        }

    @api.model
    def _hid_public_intake(self, values, files, ip):
        """Register a citizen's web application in one go, or register nothing.

        `values` are the form's strings, `files` a list of (filename, bytes).  Returns the
        receipt {"number", "sms"} ("number" False for a bot caught by the honeypot); raises
        HidRateLimited, or HidPublicFormError with a message per field.
        """
        if not self.env["hid.rate.limit"]._hid_hit("basvuru.form", ip, FORM_RATE):
            raise HidRateLimited(_("Too many applications from your connection; please try "
                                   "again in an hour or call 153."))
        values = self._hid_public_clean(values)
        if values.get("hp_fax"):
            return {"number": False, "sms": False}  # a bot: pretend, save nothing
        clean, errors = self._hid_public_check(values, files)
        if errors:
            raise HidPublicFormError(errors)
        try:
            with self.env.cr.savepoint():
                ticket = self._hid_public_create(clean)
        except IntegrityError:
            # e.g. the TC kimlik no belongs to a partner who is not a citizen (a staff member)
            raise HidPublicFormError({"form": _(
                "Your application could not be saved with these details; please check them "
                "or call 153.")}) from None
        return {"number": ticket.number, "sms": phone_lib.is_mobile(clean["phone"]),
                "sms_sent": self.env["hid.sms"]._hid_public_sms_sent(ticket.id)}

    @api.model
    def _hid_public_clean(self, values):
        """The form's strings stripped, without NUL bytes (PostgreSQL refuses them)."""
        return {key: (value or "").replace("\x00", "").strip()
                for key, value in values.items() if isinstance(value, str) or not value}

    @api.model
    def _hid_public_check(self, values, files):
        """(checked values, errors per field): every rule of the form, nothing written."""
        options = self._hid_public_form_options()
        errors, clean = {}, {}
        for fname, key, message in (
                ("basvuru_type_id", "types", _("Choose the type of your application.")),
                ("category_id", "categories", _("Choose the subject of your application.")),
                ("mahalle_id", "mahalleler", _("Choose your neighbourhood (mahalle).")),
        ):
            clean[fname] = self._hid_public_option(values.get(fname), options[key])
            if not clean[fname]:
                errors[fname] = message
        for fname, message in (("description", _("Describe your application.")),
                               ("name", _("Write your name and surname."))):
            if not values.get(fname):
                errors[fname] = message
        for fname, size in MAX_LENGTHS.items():
            clean[fname] = values.get(fname) or False
            if len(values.get(fname) or "") > size:
                errors[fname] = _("Too long: at most %d characters.") % size
        self._hid_public_check_identity(values, clean, errors)
        self._hid_public_check_point(values, clean, errors)
        clean["files"] = self._hid_public_check_files(files, errors)
        if values.get("kvkk") not in ("1", "on"):
            errors["kvkk"] = _("Please read the KVKK notice and tick the box.")
        return clean, errors

    @api.model
    def _hid_public_option(self, raw, records):
        """The record of `records` whose id was posted, else False (no search on the id)."""
        try:
            record_id = int(raw)
        except (TypeError, ValueError):
            return False
        return record_id if record_id in records.ids else False

    @api.model
    def _hid_public_check_identity(self, values, clean, errors):
        """Phone (required), TC kimlik no and e-mail, by the same rules as the back office."""
        messages = self.env["res.partner"]._hid_lib_messages()
        for fname, normalize in (("phone", phone_lib.normalize_phone),
                                 ("tckn", tckn_lib.normalize_tckn)):
            try:
                clean[fname] = normalize(values.get(fname)) or False
            except HidLibError as error:
                template = messages.get(error.message, error.message)
                errors[fname] = template % error.params if error.params else template
        if not values.get("phone") and "phone" not in errors:
            errors["phone"] = _("Write your phone number: we tell you about your application "
                                "by SMS.")
        email = values.get("email")
        if email and not single_email_re.match(email):
            errors["email"] = _("This e-mail address is not valid.")

    @api.model
    def _hid_public_check_point(self, values, clean, errors):
        """The optional map point: both coordinates, as numbers on the globe."""
        raw = (values.get("latitude"), values.get("longitude"))
        clean["latitude"] = clean["longitude"] = 0.0
        if not any(raw):
            return
        try:
            lat, lon = (float(value.replace(",", ".")) for value in raw)
        except (AttributeError, ValueError):
            lat = lon = None
        if lat is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors["latitude"] = _("Map point: give both latitude and longitude as numbers "
                                   "(e.g. 41.0003 and 29.2279), or leave both empty.")
            return
        clean["latitude"], clean["longitude"] = lat, lon

    @api.model
    def _hid_public_check_files(self, files, errors):
        """[(name, data, mimetype)] of the uploads: at most 5 JPEG/PNG/PDF files, size-capped."""
        files = [(name, data) for name, data in files if name or data]
        checked, problems = [], []
        if len(files) > upload_lib.MAX_FILES:
            problems.append(_("At most %d files.") % upload_lib.MAX_FILES)
        for name, data in files[:upload_lib.MAX_FILES]:
            name = os.path.basename((name or "file").replace("\\", "/"))[-100:] or "file"
            kind = upload_lib.sniff_type(data)
            if len(data) > upload_lib.MAX_FILE_SIZE:
                problems.append(_("%(name)s is larger than %(size)d MB.") % {
                    "name": name, "size": upload_lib.MAX_FILE_SIZE // (1024 * 1024)})
            elif not kind:
                problems.append(_("%s is not a JPEG, PNG or PDF file.") % name)
            else:
                checked.append((name, data, kind[0]))
        if sum(len(data) for _name, data in files) > upload_lib.MAX_TOTAL_SIZE:
            problems.append(_("The files together are larger than %d MB.")
                            % (upload_lib.MAX_TOTAL_SIZE // (1024 * 1024)))
        if problems:
            errors["files"] = " ".join(problems)
        return checked

    @api.model
    def _hid_public_create(self, clean):
        """The application, under a citizen registered with the name and phone as given.

        Anyone can type anyone's phone or TC kimlik no: a known citizen with them is only
        flagged (hid_possible_partner_id) for an agent to confirm, never merged silently.
        """
        Partner = self.env["res.partner"].sudo()
        known = Partner._hid_find_citizen(clean["phone"], clean["tckn"])
        partner_vals = self._hid_public_partner_vals(clean)
        if known and clean["tckn"] and known.tckn == clean["tckn"]:
            partner_vals["tckn"] = False  # the number is the known citizen's (unique)
        partner = Partner.create(partner_vals)
        ticket = self.sudo().create(self._hid_public_ticket_vals(clean, partner, known))
        for name, data, mimetype in clean["files"]:
            self.env["ir.attachment"].sudo().create({
                "name": name,
                "datas_fname": name,
                "datas": base64.b64encode(data),
                "mimetype": mimetype,
                "res_model": self._name,
                "res_id": ticket.id,
            })
        return ticket

    @api.model
    def _hid_public_partner_vals(self, clean):
        """A new citizen from the form: the number goes to "mobile" when it is one."""
        mobile = phone_lib.is_mobile(clean["phone"])
        return {
            "name": clean["name"],
            "hid_citizen": True,
            "mobile": clean["phone"] if mobile else False,
            "phone": False if mobile else clean["phone"],
            "email": clean["email"],
            "tckn": clean["tckn"],
            "mahalle_id": clean["mahalle_id"],
            "kvkk_notice_given": True,
        }

    @api.model
    def _hid_public_ticket_vals(self, clean, partner, known=None):
        """The application: channel Web, the citizen's text as plain text (no markup), the
        identity as given, and the known citizen it may be (`known`) to confirm."""
        description = clean["description"]
        return {
            "name": description.splitlines()[0][:80],
            "description": plaintext2html(description),
            "partner_id": partner.id,
            "partner_name": clean["name"],
            "partner_email": clean["email"],
            "public_phone": clean["phone"],
            "hid_possible_partner_id": known.id if known else False,
            "kvkk_notice_given": True,
            "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            "basvuru_type_id": clean["basvuru_type_id"],
            "category_id": clean["category_id"],
            "mahalle_id": clean["mahalle_id"],
            "address": clean["address"],
            "latitude": clean["latitude"],
            "longitude": clean["longitude"],
        }

    # ---------------------------------------------------
    # Public status page
    # ---------------------------------------------------

    # The application an unknown number reads instead (see _hid_public_status), per database.
    _hid_status_decoy = {}

    @api.model
    def _hid_public_status(self, number, phone, ip):
        """What the status page may show for this number and phone; False for any miss.

        A wrong phone and an unknown number do the same work and give the same False, so the
        page cannot be used to find out which numbers exist.
        """
        number = (number or "").replace("\x00", "").strip()[:32]
        phone = phone_lib.lookup_key(phone) or ""
        # One statement for every query: the rate-limit hit, and one indexed look-up that
        # always returns one row with everything the page shows; then three constant-time
        # comparisons. An unknown number reads a decoy application (the latest one) by its
        # id, so that the database does the same work; it is then treated as no application.
        # Scalar subqueries and no translation join: planning this statement was most of
        # its cost (the stage's label comes from a cache: stage._hid_public_label).
        hit, params, limit = self.env["hid.rate.limit"]._hid_hit_sql(
            "basvuru.status", ip, STATUS_RATE)
        cr = self.env.cr
        if cr.dbname not in self._hid_status_decoy:
            self._hid_status_new_decoy()
        params.update(number=number or "-", decoy=self._hid_status_decoy[cr.dbname])
        cr.execute("""
            WITH hit AS (%s)
            SELECT hit.count, t.number = %%(number)s, t.id, t.anonymous, t.public_phone,
                   p.mobile, p.phone, t.number, t.stage_id,
                   (SELECT tm.name FROM helpdesk_ticket_team tm WHERE tm.id = t.team_id),
                   t.received_date, t.closed_date, t.closure_state, t.legal_deadline,
                   t.answer, t.answer_date,
                   (SELECT sms.state FROM hid_sms sms WHERE sms.ticket_id = t.id
                     ORDER BY sms.id DESC LIMIT 1)
              FROM hit
              LEFT JOIN helpdesk_ticket t ON t.id = COALESCE(
                   (SELECT k.id FROM helpdesk_ticket k WHERE k.number = %%(number)s
                     ORDER BY k.id LIMIT 1), %%(decoy)s)
              LEFT JOIN res_partner p ON p.id = t.partner_id
        """ % hit, params)
        count, found, *row, sms_state = cr.fetchone()
        if row[0] is None:      # the decoy is gone (deleted, rolled back): take another one
            self._hid_status_new_decoy()
        if count > limit:
            raise HidRateLimited(_("Too many queries from your connection; please try again "
                                   "in a few minutes."))
        if not found:
            row[0] = None   # the decoy proves nothing and shows nothing
        known = _public_phones(*row[:5])
        matches = [hmac.compare_digest(candidate, phone or "-") for candidate in known]
        if not (row[0] and phone and any(matches)):
            return False
        status = self._hid_public_status_vals(*row[5:])
        # the application's latest SMS, from the same query: True sent, False queued, None
        # none on its way (hid.sms._hid_public_sms_sent, the receipt's rule)
        status["sms_sent"] = (sms_state == "sent") if sms_state in ("queued", "sent") else None
        return status

    @api.model
    def _hid_status_new_decoy(self):
        self.env.cr.execute("SELECT max(id) FROM helpdesk_ticket")
        self._hid_status_decoy[self.env.cr.dbname] = self.env.cr.fetchone()[0] or 0

    @api.model
    def _hid_public_status_vals(self, number, stage_id, team, received, closed_date,
                                closure_state, legal_deadline, answer, answer_date):
        """Status, müdürlük, dates and the public answer: no personal data."""
        closure = dict(self._fields["closure_state"]._description_selection(self.env))
        stage, closed = self.env["helpdesk.ticket.stage"]._hid_public_label(
            stage_id, self.env.lang or "en_US")
        return {
            "number": number,
            "stage": stage,
            "closed": bool(closed),
            "team": team or False,
            "received": self._hid_public_datetime(received),
            "closed_date": self._hid_public_datetime(closed_date) if closed else False,
            "closure": closure.get(closure_state) if closed else False,
            "legal_deadline": self._hid_public_date(legal_deadline),
            "answer": answer if answer_date else False,
        }

    @api.model
    def _hid_public_datetime(self, value):
        """A stored UTC datetime as Istanbul time, dd.mm.yyyy hh:mm."""
        if not value:
            return False
        moment = pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(TZ)
        return moment.strftime("%d.%m.%Y %H:%M")

    @api.model
    def _hid_public_date(self, value):
        """A date as dd.mm.yyyy."""
        return fields.Date.from_string(value).strftime("%d.%m.%Y") if value else False
