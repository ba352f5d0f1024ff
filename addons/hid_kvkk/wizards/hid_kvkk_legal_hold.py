# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

G_STAFF = "hid_basvuru.group_hid_staff"
HOLD_MODELS = ("res.partner", "helpdesk.ticket", "hid.evrak", "hid.call")


class HidKvkkLegalHoldWizard(models.TransientModel):
    """Set or lift a legal hold: HİM staff and the director only. The records are checked
    as the user (they must be readable) before the system writes the flag."""

    _name = "hid.kvkk.legal.hold.wizard"
    _description = "Legal Hold"

    res_model = fields.Char(
        required=True,
        readonly=True,
    )
    res_ids = fields.Char(
        required=True,
        readonly=True,
    )
    operation = fields.Selection(
        selection=[("set", "Set the legal hold"), ("lift", "Lift the legal hold")],
        required=True,
        default="set",
    )
    reason = fields.Char()

    @api.multi
    def action_apply(self):
        self.ensure_one()
        return self._apply(self.res_model, [int(i) for i in self.res_ids.split(",") if i],
                           self.operation, self.reason)

    @api.model
    def _apply(self, res_model, res_ids, operation, reason=None):
        if not self.env.user.has_group(G_STAFF):
            raise AccessError(_("Only HİM staff and the director set or lift a legal hold."))
        if res_model not in HOLD_MODELS:
            raise UserError(_("A legal hold cannot be set on this kind of record."))
        records = self.env[res_model].browse(res_ids).exists()
        if not records:
            raise UserError(_("Nothing to hold."))
        records.check_access_rights("read")
        records.check_access_rule("read")
        if operation == "set":
            if not (reason or "").strip():
                raise UserError(_("A legal hold needs its reason."))
            vals = {"hid_kvkk_legal_hold": True, "hid_kvkk_legal_hold_reason": reason.strip(),
                    "hid_kvkk_legal_hold_date": fields.Datetime.now(),
                    "hid_kvkk_legal_hold_uid": self.env.uid}
        else:
            vals = {"hid_kvkk_legal_hold": False, "hid_kvkk_legal_hold_reason": False,
                    "hid_kvkk_legal_hold_date": False, "hid_kvkk_legal_hold_uid": False}
        # The flag is in no role's write allow-list: written as the system, after the
        # checks above, with a chatter line signed by the user where there is a chatter.
        table = self.env[res_model]._table
        self.env.cr.execute(
            "UPDATE {} SET hid_kvkk_legal_hold = %s, hid_kvkk_legal_hold_reason = %s, "
            "hid_kvkk_legal_hold_date = %s, hid_kvkk_legal_hold_uid = %s "
            "WHERE id = ANY(%s)".format(table),
            (vals["hid_kvkk_legal_hold"], vals["hid_kvkk_legal_hold_reason"] or None,
             vals["hid_kvkk_legal_hold_date"] or None, vals["hid_kvkk_legal_hold_uid"] or None,
             records.ids))
        records.invalidate_cache(ids=records.ids)
        if hasattr(records, "message_post"):
            body = _("Legal hold set: %s") % reason.strip() if operation == "set" \
                else _("Legal hold lifted.")
            for record in records:
                record.sudo().message_post(body=body, author_id=self.env.user.partner_id.id,
                                           subtype="mail.mt_note")
        return True
