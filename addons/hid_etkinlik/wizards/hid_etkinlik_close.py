# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidEtkinlikClose(models.TransientModel):
    """Closing an event: the internal minutes (text and files), attendance, the
    organisations that came, and the summary the website may publish."""

    _name = "hid.etkinlik.close"
    _description = "Close an Event"

    event_id = fields.Many2one(
        comodel_name="calendar.event",
        required=True,
        ondelete="cascade",
    )
    minutes = fields.Text(
        required=True,
    )
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        string="Attachments",
    )
    actual_attendance = fields.Integer(
        string="Attendance",
    )
    partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Organisations That Came",
        domain=[("hid_contact_kind", "!=", False)],
    )
    public_summary = fields.Text(
        string="Published Summary",
        help="Optional: what the website shows; the minutes are never published.",
    )

    @api.multi
    def action_close(self):
        self.ensure_one()
        event = self.event_id
        event._hid_close(self.minutes, self.actual_attendance, self.partner_ids,
                         self.attachment_ids, self.public_summary)
        if self.attachment_ids:
            self.attachment_ids.write({"res_model": "calendar.event", "res_id": event.id})
        return {"type": "ir.actions.act_window_close"}
