# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

TZ = pytz.timezone("Europe/Istanbul")


class HidZimmet(models.Model):
    """A hand-over slip (zimmet fişi): documents given to one müdürlük against signature."""

    _name = "hid.zimmet"
    _description = "Hand-over Slip"
    _order = "date desc, id desc"

    name = fields.Char(
        string="Slip No",
        readonly=True,
        copy=False,
        default="/",
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        required=True,
        index=True,
        states={"sent": [("readonly", True)], "received": [("readonly", True)]},
    )
    date = fields.Datetime(
        required=True,
        default=fields.Datetime.now,
        index=True,
        states={"sent": [("readonly", True)], "received": [("readonly", True)]},
    )
    line_ids = fields.One2many(
        comodel_name="hid.zimmet.line",
        inverse_name="zimmet_id",
        string="Documents",
        copy=False,
        states={"sent": [("readonly", True)], "received": [("readonly", True)]},
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("sent", "Handed Over"),
            ("received", "Received"),
        ],
        required=True,
        readonly=True,
        default="draft",
        index=True,
        copy=False,
    )
    received_date = fields.Datetime(
        string="Received On",
        readonly=True,
        copy=False,
    )
    received_uid = fields.Many2one(
        comodel_name="res.users",
        string="Received By",
        readonly=True,
        copy=False,
    )

    # ---------------------------------------------------
    # CRUD: a received slip is never changed again
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        vals = dict(vals)
        now = datetime.datetime.now(TZ)
        vals["name"] = "Z%d/%06d" % (
            now.year, self.env["hid.basvuru.counter"].sudo()._next(now.year, "zimmet"))
        vals["state"] = "draft"
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_not_locked()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_not_locked()
        if any(z.state != "draft" for z in self):
            raise UserError(_("Only a draft hand-over slip can be deleted."))
        return super().unlink()

    def _check_not_locked(self):
        """Everyone, superuser included: the signature is the point of the slip."""
        if any(z.state == "received" for z in self):
            raise UserError(self._locked_message())

    @api.model
    def _locked_message(self):
        """One wording for the slip and its lines."""
        return _("A received hand-over slip (zimmet fişi) is a signed record: it cannot be "
                 "changed or deleted, not even by an administrator.")

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_send(self):
        """The registry hands the documents over: they now belong to the müdürlük."""
        for zimmet in self:
            if zimmet.state != "draft":
                raise UserError(_("Hand-over slip %s was already handed over.") % zimmet.name)
            if not zimmet.line_ids:
                raise UserError(_("Add the documents to hand over first."))
            busy = zimmet.line_ids.mapped("evrak_id").filtered(
                lambda e: e.state != "registered")
            if busy:
                raise UserError(_("Already handed over to a müdürlük: %s") % ", ".join(
                    busy.mapped("name")))
            zimmet.line_ids.mapped("evrak_id").write({
                "team_id": zimmet.team_id.id, "state": "sent"})
            zimmet.write({"state": "sent"})
        return True

    @api.multi
    def action_confirm_receipt(self):
        """"Teslim aldım": the receiving müdürlük signs; time and user are recorded."""
        self.ensure_one()
        self._check_receiver()
        if self.state == "received":
            raise UserError(_("Hand-over slip %(no)s was already received by %(user)s on "
                              "%(date)s.") % {"no": self.name, "user": self.received_uid.name,
                                              "date": self.received_date})
        if self.state != "sent":
            raise UserError(_("Hand-over slip %s has not been handed over yet.") % self.name)
        sudo = self.sudo()  # the receiver reads the slip; the signature is written here only
        pending = sudo.line_ids.filtered(lambda l: l.state == "pending")
        pending.write({"state": "received"})
        pending.mapped("evrak_id").write({"state": "received"})
        sudo.write({"state": "received", "received_date": fields.Datetime.now(),
                    "received_uid": self.env.uid})
        for evrak in pending.mapped("evrak_id"):
            evrak.message_post(body=_("Received by %(team)s (%(user)s), slip %(no)s.") % {
                "team": self.team_id.name, "user": self.env.user.name, "no": self.name})
        return True

    def _check_receiver(self):
        """Only a member or the manager of the receiving müdürlük signs for it."""
        user = self.env.user
        team = self.sudo().team_id
        if user not in team.user_ids and user != team.manager_id:
            raise AccessError(_("Only %s may confirm receipt of this slip.") % team.name)
