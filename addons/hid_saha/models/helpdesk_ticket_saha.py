# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Applications captured by field staff on a phone (/saha), and their report-back.

The controller only parses JSON and maps errors to HTTP statuses; every rule is here.  The
acting user is checked to be field staff before anything runs as superuser; the capture is
then created through helpdesk.ticket.create (numbering, routing, duplicates, SMS) with its
photos in one savepoint: all of it or nothing.
"""
import base64
import datetime
import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext, mute_logger, plaintext2html

from odoo.addons.hid_basvuru.lib import phone as phone_lib
from odoo.addons.hid_basvuru.lib import upload as upload_lib
from odoo.addons.hid_basvuru.lib.exceptions import HidLibError

from ..lib import geo
from ..lib import photo as photo_lib

G_SAHA = "hid_saha.group_hid_saha"
MAX_DESCRIPTION = 2000
MAX_NAME = 100
MAX_ADDRESS = 250
MAX_NOTE = 2000
# A capture's time (the phone's clock) is taken as the received date within this window,
# else the time it arrives: a phone with a wrong clock must not move a legal deadline.
MAX_CAPTURE_AGE = datetime.timedelta(days=30)
MAX_CLOCK_SKEW = datetime.timedelta(minutes=10)
PHOTO_LIMITS = photo_lib.Limits(upload_lib.MAX_FILES, upload_lib.MAX_FILE_SIZE,
                                upload_lib.MAX_TOTAL_SIZE, upload_lib.sniff_type)


class HidSahaInputError(UserError):
    """What the phone sent is not valid (HTTP 400); `field` names the input."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Indexed: the field staff's record rule and list are "assigned to me".
    user_id = fields.Many2one(
        index=True,
    )
    hid_saha_client_id = fields.Char(
        string="Field Capture Id",
        readonly=True,
        copy=False,
        help="The id the phone gave the capture (a UUID): a capture sent twice is one "
             "application.",
    )
    hid_saha_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Captured By",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The field staff member who captured the application on a phone.",
    )
    hid_saha_accuracy = fields.Float(
        string="Position Accuracy (m)",
        readonly=True,
        copy=False,
        digits=(10, 1),
        help="How precise the phone said its position was when the application was "
             "captured (metres).",
    )

    _sql_constraints = [
        # a unique index: two posts of one capture, even at the same instant, make one
        ("hid_saha_client_id_uniq", "unique(hid_saha_client_id)",
         "This field capture has already been registered."),
    ]

    # ---------------------------------------------------
    # Who may
    # ---------------------------------------------------

    @api.model
    def _hid_saha_check_user(self):
        """Field staff only (the director holds the role too); before any sudo()."""
        if not self.env.user.has_group(G_SAHA):
            raise AccessError(_("Only field staff may send applications from the field."))

    # ---------------------------------------------------
    # The page
    # ---------------------------------------------------

    @api.model
    def _hid_saha_page_values(self):
        """What /saha shows: the choices, the user's assignments, the map settings and the
        page script's messages (Turkish through the user's language)."""
        self._hid_saha_check_user()
        options = self._hid_public_form_options()
        mahalleler = options["mahalleler"]
        config = {
            # hid_basvuru.tile_url for every map; hid_saha.tile_url is still read
            "tile_url": self._hid_tile_url(),
            "tile_attribution": self._hid_tile_attribution(),
            "uid": self.env.uid,
            "max_photos": upload_lib.MAX_FILES,
            "max_photo_size": upload_lib.MAX_FILE_SIZE,
            "max_total_size": upload_lib.MAX_TOTAL_SIZE,
            "max_proposal_m": geo.MAX_PROPOSAL_DISTANCE_M,
            "mahalleler": [[m.id, m.name, m.latitude or None, m.longitude or None]
                           for m in mahalleler],
            "messages": self._hid_saha_messages(),
        }
        return {
            "user": self.env.user,
            "categories": options["categories"],
            "mahalleler": mahalleler,
            "tasks": self._hid_saha_tasks(),
            "config_json": json.dumps(config).replace("</", "<\\/"),
            "limits_text": _("At most %(n)d photos, each up to %(mb)d MB.") % {
                "n": upload_lib.MAX_FILES, "mb": upload_lib.MAX_FILE_SIZE // (1024 * 1024)},
        }

    @api.model
    def _hid_saha_messages(self):
        """The page script's texts: written here so that they are translated with the rest."""
        return {
            "saved_offline": _("Saved on the phone: it waits for the connection and is sent "
                               "automatically."),
            "saved": _("Saved on the phone; sending…"),
            "sent": _("Sent: tracking number %s."),
            "offline": _("No connection: captures wait on the phone."),
            "online": _("Connected."),
            "sending": _("Sending waiting captures…"),
            "session": _("Your session has ended: log in again. Waiting captures stay on the "
                         "phone."),
            "refused": _("Refused"),
            "waiting": _("Waiting"),
            "none_waiting": _("Nothing is waiting."),
            "none_sent": _("Nothing sent yet."),
            "locating": _("Finding the position…"),
            "position": _("Position: %(lat)s, %(lon)s (± %(acc)s m)"),
            "no_position": _("The position could not be found: pick the mahalle yourself."),
            "no_geolocation": _("This phone gives no position: pick the mahalle yourself."),
            "proposed": _("Proposed from the position: %s. Check it."),
            "no_proposal": _("No mahalle could be proposed from the position: pick it."),
            "too_many_photos": _("At most %d photos."),
            "photo_failed": _("A photo could not be read."),
            "need_category": _("Choose the category of the application."),
            "need_description": _("Write a short description."),
            "need_mahalle": _("Choose the mahalle."),
            "need_kvkk": _("KVKK: tell the citizen how their personal data is processed "
                           "(aydınlatma metni) and tick the box."),
            "need_phone": _("Write the citizen's phone number too, so that we can inform "
                            "them."),
            "delete": _("Delete"),
            "report_sent": _("Report sent."),
            "report_offline": _("A report needs a connection; try again when connected."),
            "net_online": _("Connection: yes"),
            "net_offline": _("Connection: none"),
            "before": _("Before"),
            "after": _("After"),
        }

    @api.model
    def _hid_saha_http_messages(self):
        """The endpoint's refusals before any rule of the capture runs (controllers/main.py)."""
        return {
            "session": _("Your session has ended: log in again. Waiting captures stay on the "
                         "phone."),
            "role": _("Only field staff may send applications from the field."),
            "origin": _("Request from another site refused."),
            "format": _("The request is not in the expected format."),
            "size": _("The request is too large: send at most %d MB of photos.")
            % (upload_lib.MAX_TOTAL_SIZE // (1024 * 1024)),
            "unreadable": _("The capture could not be read."),
            "csrf": _("The security token is missing or has expired; update the page."),
            "busy": _("The server is busy; the capture stays on the phone and is sent again "
                      "shortly."),
        }

    # ---------------------------------------------------
    # Capture (the sync endpoint)
    # ---------------------------------------------------

    @api.model
    def _hid_saha_sync(self, payload):
        """Register one capture sent by a phone; the same capture again gives its number.

        Returns {"number", "created"}; raises AccessError (not field staff) or
        HidSahaInputError (bad input, nothing saved).  A concurrent post of the same capture
        makes this transaction fail on the unique index or the number counter: the caller
        rolls back and calls again, and then finds the capture (see controllers/main.py)."""
        self._hid_saha_check_user()
        if not isinstance(payload, dict):
            raise HidSahaInputError(_("The capture could not be read."))
        client_id = payload.get("client_id")
        if not geo.is_client_id(client_id):
            raise HidSahaInputError(_("The capture has no valid id; update the page and "
                                      "capture it again."), "client_id")
        existing = self._hid_saha_existing(client_id)
        if existing:
            return {"number": existing.number, "created": False}
        vals, partner_vals, photos = self._hid_saha_check(payload)
        vals["hid_saha_client_id"] = client_id
        # A concurrent post of the same capture ends on the unique index: expected, handled by
        # the caller (rollback, then the repeat finds the capture), so not logged as a bad query.
        with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            ticket = self._hid_saha_create(vals, partner_vals, photos)
        return {"number": ticket.number, "created": True}

    @api.model
    def _hid_saha_existing(self, client_id):
        """The application already made from this capture, if any (one of the user's)."""
        ticket = self.sudo().with_context(active_test=False).search(
            [("hid_saha_client_id", "=", client_id)], limit=1)
        if ticket and ticket.hid_saha_user_id != self.env.user:
            raise HidSahaInputError(_("This capture id belongs to another user's capture."),
                                    "client_id")
        return ticket

    @api.model
    def _hid_saha_text(self, payload, key, size, required_message=None):
        """A text input, stripped, without NUL bytes; refused when too long or not text."""
        value = payload.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise HidSahaInputError(_("The capture could not be read."), key)
        value = value.replace("\x00", "").strip()
        if not value and required_message:
            raise HidSahaInputError(required_message, key)
        if len(value) > size:
            raise HidSahaInputError(_("Too long: at most %d characters.") % size, key)
        return value

    @api.model
    def _hid_saha_id(self, payload, key, records, message):
        """The id posted under `key` if it is one of `records`, else the error."""
        value = payload.get(key)
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value not in records.ids:
            raise HidSahaInputError(message, key)
        return value

    @api.model
    def _hid_saha_check(self, payload):
        """(ticket vals, new citizen vals or None, [JPEG bytes]): every rule, nothing written."""
        options = self._hid_public_form_options()
        vals = {
            "category_id": self._hid_saha_id(payload, "category_id", options["categories"],
                                             _("Choose the category of the application.")),
        }
        description = self._hid_saha_text(payload, "description", MAX_DESCRIPTION,
                                          _("Write a short description."))
        vals.update(name=description.splitlines()[0][:80],
                    description=plaintext2html(description))
        try:
            point = geo.parse_point(payload.get("latitude"), payload.get("longitude"),
                                    payload.get("accuracy"))
        except ValueError:
            raise HidSahaInputError(_("The position from the phone is not valid; take the "
                                      "position again."), "latitude") from None
        if point:
            vals.update(latitude=point[0], longitude=point[1], hid_saha_accuracy=point[2])
        vals["mahalle_id"] = self._hid_saha_id(payload, "mahalle_id", options["mahalleler"],
                                               _("Choose the mahalle."))
        vals["address"] = self._hid_saha_text(payload, "address", MAX_ADDRESS) or False
        vals["received_date"] = self._hid_saha_received(payload.get("captured_at"))
        partner_vals = self._hid_saha_check_citizen(payload, vals)
        photos = self._hid_saha_photos(payload.get("photos") or [])
        return vals, partner_vals, photos

    @api.model
    def _hid_saha_received(self, captured_at):
        """The capture time (ISO 8601 from the phone, UTC) when plausible, else now."""
        now = datetime.datetime.utcnow().replace(microsecond=0)
        try:
            text = str(captured_at or "")[:19].replace("T", " ")
            moment = fields.Datetime.from_string(text) if text else None
        except ValueError:
            moment = None
        if moment is None or not now - MAX_CAPTURE_AGE <= moment <= now + MAX_CLOCK_SKEW:
            moment = now
        return fields.Datetime.to_string(min(moment, now))

    @api.model
    def _hid_saha_check_citizen(self, payload, vals):
        """The citizen, if one is named: a known one by phone (as at intake), else the
        values of a new one (name and phone).  Returns the new citizen's values or None;
        sets vals["partner_id"] for a known one.  The KVKK notice is required either way."""
        name = self._hid_saha_text(payload, "citizen_name", MAX_NAME)
        raw_phone = self._hid_saha_text(payload, "citizen_phone", 40)
        if not name and not raw_phone:
            return None
        try:
            phone = phone_lib.normalize_phone(raw_phone) if raw_phone else None
        except HidLibError as error:
            messages = self.env["res.partner"]._hid_lib_messages()
            template = messages.get(error.message, error.message)
            raise HidSahaInputError(template % error.params if error.params else template,
                                    "citizen_phone") from None
        if payload.get("kvkk") is not True:
            raise HidSahaInputError(_("KVKK: tell the citizen how their personal data is "
                                      "processed (aydınlatma metni) and tick the box."),
                                    "kvkk")
        vals["kvkk_notice_given"] = True
        if not phone:
            raise HidSahaInputError(_("Write the citizen's phone number too, so that we can "
                                      "inform them."), "citizen_phone")
        known = self.env["res.partner"].sudo()._hid_find_citizen(phone, None)
        if known:
            vals["partner_id"] = known.id
            return None
        if not name:
            raise HidSahaInputError(_("No citizen is registered with this phone number: write "
                                      "the citizen's name."), "citizen_name")
        mobile = phone_lib.is_mobile(phone)
        return {
            "name": name,
            "hid_citizen": True,
            "mobile": phone if mobile else False,
            "phone": False if mobile else phone,
            "mahalle_id": vals["mahalle_id"],
            "kvkk_notice_given": True,
            "kvkk_notice_date": fields.Datetime.now(),
        }

    @api.model
    def _hid_saha_photos(self, items):
        """The photos as fresh JPEGs (no metadata), within the public form's limits."""
        try:
            return [photo_lib.reencode(data, index)
                    for index, data in enumerate(photo_lib.decode(items, PHOTO_LIMITS))]
        except photo_lib.PhotoError as error:
            raise HidSahaInputError(self._hid_saha_photo_message(error), "photos") from None

    @api.model
    def _hid_saha_photo_message(self, error):
        number = (error.index or 0) + 1
        mb = upload_lib.MAX_FILE_SIZE // (1024 * 1024)
        return {
            "too_many": _("At most %d photos.") % upload_lib.MAX_FILES,
            "too_large": _("Photo %(n)d is larger than %(mb)d MB.") % {"n": number, "mb": mb},
            "total": _("The photos together are larger than %d MB.")
            % (upload_lib.MAX_TOTAL_SIZE // (1024 * 1024)),
            "type": _("Photo %d is not a JPEG or PNG image.") % number,
        }.get(error.code, _("Photo %d could not be read.") % number)

    @api.model
    def _hid_saha_create(self, vals, partner_vals, photos):
        """The application (through create: numbering, routing, duplicates, SMS), the new
        citizen and the photos, as superuser after the checks; chatter signed by the user."""
        user = self.env.user
        vals = dict(vals, channel_id=self.env.ref("hid_basvuru.channel_saha").id,
                    hid_saha_user_id=user.id)
        with self._hid_acting():
            if partner_vals:
                vals["partner_id"] = self.env["res.partner"].sudo().create(partner_vals).id
            ticket = self.sudo().create(vals)
            attachments = self._hid_saha_attach(ticket, photos, "saha-%s" % ticket.number)
            accuracy = _(" (position accurate to %d m)") % round(vals["hid_saha_accuracy"]) \
                if vals.get("hid_saha_accuracy") is not None and "latitude" in vals else ""
            ticket.message_post(
                body=_("Captured in the field by %(user)s%(accuracy)s.") % {
                    "user": user.name, "accuracy": accuracy},
                subtype="mail.mt_note", author_id=user.partner_id.id,
                attachment_ids=attachments.ids)
        return ticket

    @api.model
    def _hid_saha_attach(self, ticket, photos, prefix, phase=False):
        Attachment = self.env["ir.attachment"].sudo()
        attachments = Attachment.browse()
        for index, data in enumerate(photos, 1):
            name = "%s-%d.jpg" % (prefix, index)
            attachments |= Attachment.create({
                "name": name,
                "datas_fname": name,
                "datas": base64.b64encode(data),
                "mimetype": "image/jpeg",
                "res_model": ticket._name,
                "res_id": ticket.id,
                "hid_saha_phase": phase,
            })
        return attachments

    # ---------------------------------------------------
    # The field staff's own list and their report-back
    # ---------------------------------------------------

    @api.model
    def _hid_saha_tasks(self, limit=100):
        """The open applications assigned to the user, read as the user (their record rule:
        exactly those assigned to them), with their photos."""
        self._hid_saha_check_user()
        tickets = self.search([("user_id", "=", self.env.uid), ("stage_id.closed", "=", False)],
                              limit=limit)
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "in", tickets.ids),
             ("mimetype", "in", list(photo_lib.PHOTO_TYPES))], order="id")
        by_ticket = {}
        for attachment in photos:
            by_ticket.setdefault(attachment.res_id, []).append(
                {"id": attachment.id, "phase": attachment.hid_saha_phase or False})
        return [{
            "id": ticket.id,
            "number": ticket.number,
            "name": ticket.name,
            "description": html2plaintext(ticket.description or ""),
            "category": ticket.category_id.name or "",
            "mahalle": ticket.mahalle_id.name or "",
            "address": ticket.address or "",
            "latitude": ticket.latitude or None,
            "longitude": ticket.longitude or None,
            "stage": ticket.stage_id.name,
            "photos": by_ticket.get(ticket.id, []),
        } for ticket in tickets]

    @api.model
    def _hid_saha_report(self, payload):
        """A report-back on an application assigned to the user: a note in the chatter
        signed by them and photos tagged before/after; all or nothing."""
        self._hid_saha_check_user()
        if not isinstance(payload, dict):
            raise HidSahaInputError(_("The report could not be read."))
        ticket_id = payload.get("ticket_id")
        ticket = self.browse()
        if isinstance(ticket_id, int) and not isinstance(ticket_id, bool):
            # as the user: their record rule decides, and only their own assignments count
            ticket = self.search([("id", "=", ticket_id), ("user_id", "=", self.env.uid)])
        if not ticket:
            raise AccessError(_("This application is not assigned to you."))
        if ticket.stage_id.closed:
            raise HidSahaInputError(_("Application %s is closed; nothing can be reported on "
                                      "it any more.") % ticket.number, "ticket_id")
        note = self._hid_saha_text(payload, "note", MAX_NOTE,
                                   _("Write what you found or did."))
        photos = self._hid_saha_photos(payload.get("photos") or [])
        phase = payload.get("phase")
        if photos and phase not in ("before", "after"):
            raise HidSahaInputError(_("Say whether the photos show the place before or after "
                                      "the work."), "phase")
        user = self.env.user
        with self.env.cr.savepoint():
            attachments = self._hid_saha_attach(
                ticket, photos, "saha-%s-%s" % (ticket.number, phase or "not"), phase or False)
            ticket.sudo().message_post(
                body=plaintext2html(note), subtype="mail.mt_note", message_type="comment",
                author_id=user.partner_id.id, attachment_ids=attachments.ids)
        return {"number": ticket.number, "photos": len(attachments)}
