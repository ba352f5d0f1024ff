# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models

G_AGENT = "hid_basvuru.group_hid_agent"


class HidKvkkAnonymizedMixin(models.AbstractModel):
    """Marks a record the retention job (or an erasure request) anonymised: it is never
    selected again, and the form says so."""

    _name = "hid.kvkk.anonymized.mixin"
    _description = "KVKK: anonymised flag"

    hid_kvkk_anonymized = fields.Boolean(
        string="Anonymised (KVKK)",
        readonly=True,
        copy=False,
        index=True,
    )
    hid_kvkk_anonymized_date = fields.Datetime(
        string="Anonymised On",
        readonly=True,
        copy=False,
    )


class HidKvkkHoldMixin(models.AbstractModel):
    """A legal hold (hukuki saklama): while it is set, no retention rule and no erasure
    request touches the record. Only HİM staff and the director set or lift it, through the
    "Yasal Saklama" wizard (the fields are read-only everywhere else)."""

    _name = "hid.kvkk.hold.mixin"
    _inherit = ["hid.kvkk.anonymized.mixin"]
    _description = "KVKK: legal hold"

    hid_kvkk_legal_hold = fields.Boolean(
        string="Legal Hold",
        readonly=True,
        copy=False,
        index=True,
        groups=G_AGENT,
        help="Kept whatever the retention rules say (a lawsuit, an inspection, a request of "
             "a court or the prosecutor). Set and lifted by HİM staff only.",
    )
    hid_kvkk_legal_hold_reason = fields.Char(
        string="Legal Hold Reason",
        readonly=True,
        copy=False,
        groups=G_AGENT,
    )
    hid_kvkk_legal_hold_date = fields.Datetime(
        string="Legal Hold Since",
        readonly=True,
        copy=False,
        groups=G_AGENT,
    )
    hid_kvkk_legal_hold_uid = fields.Many2one(
        comodel_name="res.users",
        string="Legal Hold Set By",
        readonly=True,
        copy=False,
        groups=G_AGENT,
        ondelete="restrict",
    )

    def action_hid_kvkk_legal_hold(self):
        """The wizard that sets or lifts the hold (its own role check is in the wizard)."""
        return {
            "type": "ir.actions.act_window",
            "res_model": "hid.kvkk.legal.hold.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_ids": ",".join(
                str(i) for i in self.ids)},
        }
