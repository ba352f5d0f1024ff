# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicketStage(models.Model):
    """Stages of an application; the code lets the rules find them whatever their name."""

    _inherit = "helpdesk.ticket.stage"

    code = fields.Char(
        index=True,
        help="Stable technical code used by the rules: new, routed, in_progress, answered, "
             "closed.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a stage must be unique."),
    ]

    # Stored on every application (related `stage_code` and `closed`, and the traffic light
    # that depends on `closed`): a write of these on a stage recomputes every application in
    # it, record by record (hours at 1M applications).
    _HID_TICKET_FIELDS = ("code", "closed")

    @api.multi
    def write(self, vals):
        """A value the stages already have is not written again. Every upgrade rewrites the
        stages from their XML data with the same values: without this it recomputed `closed`,
        `stage_code` and the lights of every application."""
        same = [fname for fname in self._HID_TICKET_FIELDS if fname in vals
                and all((stage[fname] or False) == (vals[fname] or False) for stage in self)]
        if same:
            vals = {key: value for key, value in vals.items() if key not in same}
            if not vals:
                return True
        return super().write(vals)

    @api.model
    def _hid_adopt_generic_stages(self):
        """Archive stages without a HİD code; their applications move to the HİD stage that
        means the same (awaiting → answered, done/cancelled → closed)."""
        mapping = {
            "helpdesk_mgmt.helpdesk_ticket_stage_new": "new",
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "in_progress",
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "answered",
            "helpdesk_mgmt.helpdesk_ticket_stage_done": "closed",
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": "closed",
        }
        generic = self.with_context(active_test=False).search([("code", "=", False)])
        Ticket = self.env["helpdesk.ticket"].sudo().with_context(tracking_disable=True)
        for xmlid, code in mapping.items():
            stage = self.env.ref(xmlid, raise_if_not_found=False)
            target = self.search([("code", "=", code)], limit=1)
            if stage and target:
                # A stage moved by the module, not by anyone's action: past the write guard.
                Ticket.search([("stage_id", "=", stage.id)])._workflow_write(
                    {"stage_id": target.id})
        generic.write({"active": False})
