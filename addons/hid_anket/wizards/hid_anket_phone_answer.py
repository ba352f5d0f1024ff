# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.hid_anket_satisfaction import SOLVED

SCORES = [(str(n), str(n)) for n in range(1, 6)]


class HidAnketPhoneAnswer(models.TransientModel):
    """The agent types what the citizen answered on the phone."""

    _name = "hid.anket.phone.answer"
    _description = "Record a Satisfaction Answer Given on the Phone"

    satisfaction_id = fields.Many2one(
        comodel_name="hid.anket.satisfaction",
        string="Satisfaction Survey",
        required=True,
        ondelete="cascade",
    )
    solved = fields.Selection(
        selection=SOLVED,
        string="Was your problem solved?",
        required=True,
    )
    score = fields.Selection(
        selection=SCORES,
        string="Satisfaction (1-5)",
        required=True,
    )
    comment = fields.Text()

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.satisfaction_id._hid_answer_by_phone(self.solved, self.score, self.comment)
        return {"type": "ir.actions.act_window_close"}
