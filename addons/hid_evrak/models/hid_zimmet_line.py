# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class HidZimmetLine(models.Model):
    """One document on a hand-over slip, received or returned (iade) by the müdürlük."""

    _name = "hid.zimmet.line"
    _description = "Hand-over Slip Line"
    _order = "zimmet_id, id"

    zimmet_id = fields.Many2one(
        comodel_name="hid.zimmet",
        string="Slip",
        required=True,
        index=True,
        ondelete="restrict",
    )
    evrak_id = fields.Many2one(
        comodel_name="hid.evrak",
        string="Document",
        required=True,
        index=True,
        ondelete="restrict",
    )
    team_id = fields.Many2one(
        related="zimmet_id.team_id",
        store=True,
        readonly=True,
    )
    zimmet_state = fields.Selection(
        related="zimmet_id.state",
        readonly=True,
    )
    state = fields.Selection(
        selection=[
            ("pending", "Pending"),
            ("received", "Received"),
            ("returned", "Returned"),
        ],
        required=True,
        readonly=True,
        default="pending",
    )
    return_reason = fields.Text(
        readonly=True,
    )

    _sql_constraints = [
        ("evrak_once", "unique(zimmet_id, evrak_id)", "A document is once on a slip."),
    ]

    @api.model
    def create(self, vals):
        zimmet = self.env["hid.zimmet"].browse(vals.get("zimmet_id"))
        if zimmet.state and zimmet.state != "draft":
            raise UserError(zimmet._locked_message() if zimmet.state == "received" else
                            _("Documents are added to a slip before it is handed over."))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_not_locked()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_not_locked()
        if any(line.zimmet_id.state != "draft" for line in self):
            raise UserError(_("Documents are removed from a slip before it is handed over."))
        return super().unlink()

    def _check_not_locked(self):
        """Lines of a received slip are as signed as the slip."""
        if any(line.zimmet_id.state == "received" for line in self.sudo()):
            raise UserError(self.env["hid.zimmet"]._locked_message())

    @api.multi
    def action_return(self, reason):
        """İade: the müdürlük refuses a document with a reason; it goes back to the registry."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(_("Return: write why the document is returned."))
        for line in self:
            line.zimmet_id._check_receiver()
            if line.zimmet_id.state != "sent" or line.state != "pending":
                raise UserError(_("Only a document handed over and not yet received can be "
                                  "returned (%s).") % line.evrak_id.sudo().name)
            line.sudo().write({"state": "returned", "return_reason": reason})
            line.evrak_id.sudo().write({"state": "registered", "team_id": False})
            line.evrak_id.sudo().message_post(body=_(
                "Returned by %(team)s (%(user)s): %(reason)s") % {
                "team": line.zimmet_id.sudo().team_id.name, "user": self.env.user.name,
                "reason": reason})
        return True
