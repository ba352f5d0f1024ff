# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64
import datetime
import logging

import requests

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.exceptions import CagriError

_logger = logging.getLogger(__name__)

PARAM_RETENTION = "hid_cagri.recording_retention_days"
DEFAULT_RETENTION_DAYS = 730
FETCH_BATCH = 50
DESTROY_BATCH = 500
MAX_ATTEMPTS = 5
G_SUPERVISOR = "hid_cagri.group_hid_cagri_supervisor"


class HidCallRecording(models.Model):
    """The recording of a call, kept as an attachment until its retention date.

    Its file is an ir.attachment of this model that nobody reads directly (ir_attachment.py):
    supervisors and the director play it through /hid_cagri/recording/<id>, which logs every
    playback (hid.call.audit)."""

    _name = "hid.call.recording"
    _description = "Call Recording"
    _order = "id desc"

    call_id = fields.Many2one(
        comodel_name="hid.call",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment",
        readonly=True,
        ondelete="set null",
        groups="base.group_system",
    )
    mimetype = fields.Char(
        readonly=True,
    )
    file_size = fields.Integer(
        readonly=True,
    )
    retention_date = fields.Date(
        readonly=True,
        index=True,
        help="The recording is destroyed after this day (Saklama ve İmha Politikası).",
    )
    destroyed = fields.Boolean(
        readonly=True,
        index=True,
    )
    playback_url = fields.Char(
        compute="_compute_playback_url",
    )

    def _compute_playback_url(self):
        for recording in self:
            recording.playback_url = "/hid_cagri/recording/%d" % recording.id \
                if recording.id and not recording.destroyed else False

    @api.model
    def create(self, vals):
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(_("Recordings are fetched from the telephone exchange only."))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(_("Recordings cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(_("Recordings are destroyed by the retention job only."))
        return super().unlink()

    # ---------------------------------------------------
    # Fetching
    # ---------------------------------------------------

    @api.model
    def _retention_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM_RETENTION)
        try:
            return max(1, int(value)) if value else DEFAULT_RETENTION_DAYS
        except ValueError:
            return DEFAULT_RETENTION_DAYS

    @api.model
    def _cron_fetch(self, limit=FETCH_BATCH):
        """Fetch the recordings of ended calls that have one (Verimor's URL lives an hour, so
        this runs often); each call in its own savepoint."""
        calls = self.env["hid.call"].sudo().search(
            [("recording_state", "=", "pending")], limit=limit, order="end_time")
        fetched = 0
        for call in calls:
            with self.env.cr.savepoint():
                fetched += bool(self._fetch_for(call))
        return fetched

    @api.model
    def _fetch_for(self, call):
        provider = call.sudo().provider_id or self.env["hid.call.provider"].sudo().search(
            [("provider", "=", call.provider)], limit=1)
        if not provider:
            return self.browse()
        try:
            content, mimetype = provider._client().fetch_recording(
                call.pbx_call_id, call.recording_url)
        except (CagriError, requests.RequestException) as error:
            attempts = call.recording_attempts + 1
            _logger.warning("recording of call %s: %s (attempt %d)", call.id, error, attempts)
            call.write({"recording_attempts": attempts,
                        "recording_state": "failed" if attempts >= MAX_ATTEMPTS else "pending"})
            return self.browse()
        return self._store(call, content, mimetype)

    @api.model
    def _store(self, call, content, mimetype):
        """The file as an attachment of a new recording, with its retention date."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        recording = self.sudo().create({
            "call_id": call.id, "mimetype": mimetype, "file_size": len(content),
            "retention_date": fields.Date.to_string(
                today + datetime.timedelta(days=self._retention_days())),
        })
        attachment = self.env["ir.attachment"].sudo().create({
            "name": "%s-%s" % (call.provider, call.pbx_call_id),
            "datas_fname": "cagri-%d.%s" % (call.id, "wav" if "wav" in mimetype else "mp3"),
            "datas": base64.b64encode(content),
            "mimetype": mimetype,
            "res_model": self._name,
            "res_id": recording.id,
        })
        recording.write({"attachment_id": attachment.id})
        call.sudo().write({"recording_state": "stored"})
        self.env["hid.call.audit"].sudo()._log("fetch", recording, self.env.user)
        return recording

    # ---------------------------------------------------
    # Retention
    # ---------------------------------------------------

    @api.model
    def _cron_destroy_expired(self, batch=DESTROY_BATCH):
        """Destroy recordings past their retention date, batch by batch, each destruction
        logged; returns how many."""
        today = fields.Date.context_today(self)
        total = 0
        while True:
            expired = self.sudo().search([("retention_date", "<", today),
                                          ("destroyed", "=", False)], limit=batch)
            if not expired:
                return total
            Audit = self.env["hid.call.audit"].sudo()
            for recording in expired:
                Audit._log("destroy", recording, self.env.user)
            expired.mapped("attachment_id").unlink()
            expired.write({"destroyed": True, "attachment_id": False})
            expired.mapped("call_id").write({"recording_state": "destroyed"})
            total += len(expired)

    # ---------------------------------------------------
    # Playback
    # ---------------------------------------------------

    @api.multi
    def _hid_play(self):
        """(content, mimetype) for the current user, logged; AccessError unless a supervisor
        or the director."""
        self.ensure_one()
        if not self.env.user.has_group(G_SUPERVISOR):
            raise AccessError(_("Only call-centre supervisors and the director may play "
                                "recordings."))
        self.check_access_rights("read")
        self.check_access_rule("read")
        me = self.sudo()
        if me.destroyed or not me.attachment_id:
            raise UserError(_("This recording was destroyed under the retention policy."))
        content = base64.b64decode(me.attachment_id.datas or b"")
        self.env["hid.call.audit"].sudo()._log("play", self, self.env.user)
        return content, me.mimetype or "application/octet-stream"
