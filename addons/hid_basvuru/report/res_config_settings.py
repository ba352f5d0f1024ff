# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .hid_basvuru_report_mail import G_DIRECTOR, PARAM, param_on

BOOLS = ("day", "week", "month", "year", "directors", "managers")


class ResConfigSettings(models.TransientModel):
    """The scheduled report packs: which periods, to whom. Kept in ir.config_parameter;
    only the HİM director changes them (also when not a system administrator)."""

    _inherit = "res.config.settings"

    hid_report_day = fields.Boolean(string="Daily Pack (every morning)")
    hid_report_week = fields.Boolean(string="Weekly Pack (Mondays)")
    hid_report_month = fields.Boolean(string="Monthly Pack (on the 1st)")
    hid_report_year = fields.Boolean(string="Yearly Pack (on 2 January)")
    hid_report_directors = fields.Boolean(
        string="Send to the HİM Directors",
        help="Every HİM director gets the pack of every müdürlük.",
    )
    hid_report_managers = fields.Boolean(
        string="Send to the Müdürlük Managers",
        help="Each müdürlük's manager gets the pack of their own müdürlük only.",
    )
    hid_report_emails = fields.Char(
        string="Other Recipients",
        help="More e-mail addresses for the full pack, separated by commas.",
    )

    @api.model
    def _hid_report_values(self):
        params = self.env["ir.config_parameter"].sudo()
        values = {"hid_report_%s" % key: param_on(params.get_param(PARAM % key))
                  for key in BOOLS}
        values["hid_report_emails"] = params.get_param(PARAM % "emails") or False
        return values

    def _hid_director_only(self):
        """A HİM director who is not a system administrator: report settings only."""
        user = self.env.user
        return user.has_group(G_DIRECTOR) and not (user._is_superuser()
                                                   or user.has_group("base.group_system"))

    @api.model
    def default_get(self, fields_list):
        if self._hid_director_only():
            # Not the other settings' values (nor their get_values, which read what only
            # administrators may): the fields' own defaults, and the report settings.
            res = models.BaseModel.default_get(self, fields_list)
            res.update({name: value for name, value in self._hid_report_values().items()
                        if name in fields_list})
            return res
        return super().default_get(fields_list)

    @api.model
    def get_values(self):
        res = super().get_values()
        res.update(self._hid_report_values())
        return res

    def _hid_report_changes(self):
        current = self._hid_report_values()
        return {name: self[name] or False for name in current
                if (self[name] or False) != (current[name] or False)}

    def _hid_report_save(self):
        changes = self._hid_report_changes()
        if not changes:
            return
        if not self.env.user.has_group(G_DIRECTOR):
            raise AccessError(_("Only the HİM director changes the report pack settings."))
        params = self.env["ir.config_parameter"].sudo()
        for name, value in changes.items():
            key = name[len("hid_report_"):]
            params.set_param(PARAM % key, (value or "") if key == "emails"
                             else ("True" if value else "False"))

    def set_values(self):
        res = super().set_values()
        self._hid_report_save()
        return res

    @api.multi
    def execute(self):
        """Only a director changes the report settings; a director who is not a system
        administrator saves those only (res.config.settings lets administrators alone save
        the rest)."""
        self.ensure_one()
        user = self.env.user
        director = user.has_group(G_DIRECTOR)
        if self._hid_report_changes() and not director:
            raise AccessError(_("Only the HİM director changes the report pack settings."))
        if self._hid_director_only():
            self._hid_report_save()
            return {"type": "ir.actions.client", "tag": "reload"}
        return super().execute()
