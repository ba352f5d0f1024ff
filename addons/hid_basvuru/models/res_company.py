# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The municipality's identity instead of Odoo's placeholders ("YourCompany", "Your logo",
+1 555 123 8069, info@yourcompany.example.com, Odoo's social links). Applied once, at install
(data/hid_branding_data.xml, noupdate) or by the upgrade that brought it; only a value that is
still Odoo's placeholder (or empty) is replaced, so what the municipality entered in Settings
is never overwritten."""
import base64
import re

from odoo import api, models
from odoo.modules.module import get_module_resource
from odoo.tools import file_open

KURUM = {  # ../shared/data/sancaktepe.json "kurum": demo defaults, changed in Settings
    "name": "Sancaktepe Belediyesi",
    "report_header": "Halkla İlişkiler Müdürlüğü",
    "city": "Sancaktepe / İstanbul",
    "phone": "153",
    "website": "https://www.sancaktepe.bel.tr",
    "email": "halklailiskiler@example.org",
}
PLACEHOLDERS = {
    "name": {"YourCompany", "My Company", "Your Company"},
    "report_header": set(),
    "city": set(),
    "phone": {"+1 555 123 8069", "+1 (650) 691-3277"},
    "website": {"http://www.example.com", "www.example.com", "http://www.yourcompany.com"},
    "email": {"info@yourcompany.example.com", "info@yourcompany.com"},
}
# Odoo's sample address of its default company (base's demo data).
SAMPLE_CITIES = {"Scranton", "San Francisco", "Buffalo"}
ADMIN_NAMES = {"Administrator", "YourCompany, Administrator"}
ADMIN_NAME = "Sistem Yöneticisi"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _hid_odoo_default_logo(self):
        with file_open("base/res/res_company_logo.png", "rb") as logo:
            return base64.b64encode(logo.read())

    @api.model
    def _hid_apply_branding(self):
        company = self.env.ref("base.main_company").sudo()
        vals = {name: value for name, value in KURUM.items()
                if not company[name] or company[name] in PLACEHOLDERS[name]}
        if company.city in SAMPLE_CITIES:
            vals.update(city=KURUM["city"], street=False, street2=False, zip=False,
                        state_id=False)
        if not company.country_id or company.city in SAMPLE_CITIES:
            vals["country_id"] = self.env.ref("base.tr").id
        if not company.logo or company.logo == self._hid_odoo_default_logo():
            path = get_module_resource("hid_basvuru", "static", "src", "img", "hid_logo.png")
            with open(path, "rb") as logo:
                vals["logo"] = base64.b64encode(logo.read())
        for social in ("social_twitter", "social_facebook", "social_github", "social_linkedin",
                       "social_youtube", "social_googleplus"):
            if social in company._fields and "odoo" in (company[social] or "").lower():
                vals[social] = False
        if vals:
            company.write(vals)
        admin = self.env.ref("base.partner_root").sudo()
        if admin.name in ADMIN_NAMES:
            admin.write({"name": ADMIN_NAME})
        # Display names such as "YourCompany, Administrator" (partners of Odoo's own data).
        self.env["res.partner"].sudo().with_context(active_test=False).search(
            [("company_name", "in", sorted(PLACEHOLDERS["name"]))]).write({"company_name": False})
        if "website" in self.env:
            self.env["website"].sudo()._hid_apply_branding()
        return True


class Website(models.Model):
    _inherit = "website"

    @api.model
    def _hid_apply_branding(self):
        """The public site is the municipality's and Turkish only (no language switcher)."""
        turkish = self.env["res.lang"].sudo().search([("code", "=", "tr_TR")])
        for website in self.sudo().search([]):
            vals = {}
            if not website.name or re.match(r"^(My )?Website( .*)?$", website.name):
                vals["name"] = KURUM["name"]
            if turkish and not (website.language_ids - self.env.ref("base.lang_en")) \
                    - turkish:
                vals.update(language_ids=[(6, 0, turkish.ids)], default_lang_id=turkish.id)
            if vals:
                website.write(vals)
        return True
