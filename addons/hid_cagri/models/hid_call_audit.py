# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hid_basvuru.models.hid_append_only import guard_append_only


class HidCallAudit(models.Model):
    """Append-only log of the recordings: every fetch, playback (who, when, which call) and
    destruction. Nothing changes or deletes a line: the ORM refuses, and so does a
    PostgreSQL trigger for any other door (UPDATE, DELETE and TRUNCATE)."""

    _name = "hid.call.audit"
    _description = "Recording Log"
    _order = "id desc"
    _log_access = True

    action = fields.Selection(
        selection=[("fetch", "Fetched"), ("play", "Played"), ("destroy", "Destroyed")],
        required=True,
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="User",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    date = fields.Datetime(
        required=True,
        readonly=True,
        index=True,
    )
    call_id = fields.Many2one(
        comodel_name="hid.call",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    recording_id = fields.Many2one(
        comodel_name="hid.call.recording",
        readonly=True,
        ondelete="restrict",
    )

    @api.model_cr
    def init(self):
        guard_append_only(self.env.cr, self._table)

    @api.multi
    def write(self, vals):
        if self:
            raise UserError(_("The recording log cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("The recording log cannot be deleted."))
        return super().unlink()

    @api.model
    def _log(self, action, recording, user):
        """One line: `user` is the real actor (the caller's env.user before any sudo)."""
        return self.sudo().create({
            "action": action, "user_id": user.id, "date": fields.Datetime.now(),
            "call_id": recording.sudo().call_id.id, "recording_id": recording.id,
        })
