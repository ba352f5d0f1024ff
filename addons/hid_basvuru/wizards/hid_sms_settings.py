# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.sms import registry
from ..models.hid_sms import DEFAULT_MAX_ATTEMPTS, PARAM

G_DIRECTOR = "hid_basvuru.group_hid_director"
KEYS = ("provider", "username", "password", "sender", "max_attempts", "base_url", "timeout")


class HidSmsSettings(models.TransientModel):
    """SMS provider settings, kept in ir.config_parameter (readable by the system only).

    Not res.config.settings: saving those needs Administration/Settings rights, and the SMS
    provider is the HİM director's business. Every read and write checks the director group.
    """

    _name = "hid.sms.settings"
    _description = "SMS Settings"

    provider = fields.Selection(
        selection=[("none", "None (messages wait in the queue)"),
                   ("netgsm", "Netgsm"),
                   ("iletimerkezi", "İletimerkezi")],
        default="none",
        required=True,
    )
    username = fields.Char(
        string="User Code / API Key",
    )
    password = fields.Char(
        string="Password / API Hash",
    )
    sender = fields.Char(
        string="Sender Header",
        help="The approved sender name (msgheader / originator), at most 11 characters.",
    )
    max_attempts = fields.Integer(
        default=DEFAULT_MAX_ATTEMPTS,
        help="After this many failed tries a message is marked failed.",
    )
    timeout = fields.Float(
        string="Timeout (seconds)",
        default=10.0,
    )
    base_url = fields.Char(
        string="API Base URL",
        help="Leave empty for the provider's own address.",
    )

    def _check_director(self):
        if not self.env.user.has_group(G_DIRECTOR):
            raise AccessError(_("Only the HİM director manages the SMS settings."))

    @api.model
    def default_get(self, fields_list):
        self._check_director()
        res = super().default_get(fields_list)
        params = self.env["ir.config_parameter"].sudo()
        for key in KEYS:
            value = params.get_param(PARAM % key)
            if key in fields_list and value not in (False, None, ""):
                res[key] = self._fields[key].convert_to_cache(value, self)
        if res.get("provider") not in registry.ADAPTERS:
            res["provider"] = "none"
        return res

    def _check_values(self):
        """Refuse settings the sending job could not use, before they are stored."""
        if self.provider != "none" and not (self.username and self.password and self.sender):
            raise UserError(_("Enter the user code or API key, the password or API hash and "
                              "the sender header of the provider."))
        if self.sender and len(self.sender) > 11:
            raise UserError(_("The sender header has at most 11 characters."))
        if self.max_attempts < 1 or self.timeout <= 0:
            raise UserError(_("Max attempts and timeout must be greater than zero."))
        if self.base_url and not self.base_url.startswith(("https://", "http://")):
            raise UserError(_("The API base URL must start with https:// or http://."))

    @api.multi
    def action_save(self):
        """Store the settings; only the director may."""
        self._check_director()
        self._check_values()
        params = self.env["ir.config_parameter"].sudo()
        for key in KEYS:
            value = self[key]
            params.set_param(PARAM % key, False if value in (False, None, "") else str(value))
        return {"type": "ir.actions.client", "tag": "reload"}
