# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""What every printed document of the registry shares: the municipality's letterhead (from the
company, as the administrator keeps it) and dates the Turkish way, in Istanbul time."""
from odoo import api, fields, models

from ..lib import tr_dates

# the first bytes of the logo as base64, and their image type
_LOGO_TYPES = (("iVBOR", "image/png"), ("/9j/", "image/jpeg"), ("R0lGOD", "image/gif"),
               ("PHN2Zy", "image/svg+xml"), ("PD94bW", "image/svg+xml"))


def letterhead_values(env):
    """Company name, the directorate (unit), a one-line address, phone, e-mail and the logo
    as a data URI (wkhtmltopdf fetches nothing), plus the date helpers."""
    company = env.user.company_id
    partner = company.partner_id.sudo()
    city = " ".join(p for p in (partner.zip, partner.city) if p)
    address = ", ".join(p for p in (partner.street, partner.street2, city,
                                    partner.state_id.name, partner.country_id.name) if p)
    logo = company.logo.decode() if isinstance(company.logo, bytes) else company.logo
    logo_src = False
    if logo:
        for prefix, mimetype in _LOGO_TYPES:
            if logo.startswith(prefix):
                logo_src = "data:%s;base64,%s" % (mimetype, logo)
                break
    unit = env.ref("hid_basvuru.team_him", raise_if_not_found=False)
    return {
        "company": company,
        "unit": unit.sudo().name if unit else "",
        "address": address,
        "phone": company.phone or "",
        "email": company.email or "",
        "logo_src": logo_src,
        "tr_date": tr_dates.tr_date,
        "tr_datetime": tr_dates.tr_datetime,
        "printed_on": tr_dates.tr_datetime(fields.Datetime.now()),
    }


class ReportHidEvrakReceipt(models.AbstractModel):
    """The citizen's receipt (alındı belgesi) of a registered document."""

    _name = "report.hid_evrak.evrak_receipt"
    _description = "Document Receipt"

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self.env["hid.evrak"].browse(docids)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        values = letterhead_values(self.env)
        values.update({"doc_ids": docids, "doc_model": "hid.evrak", "docs": docs})
        return values


class ReportHidZimmetFisi(models.AbstractModel):
    """One hand-over slip (zimmet fişi) with both signatures."""

    _name = "report.hid_evrak.zimmet_fisi"
    _description = "Hand-over Slip"

    @api.model
    def get_report_values(self, docids, data=None):
        """The slips and their lines as the user may read them; a document the user may not
        read any more (returned to the registry) shows its number, not its subject."""
        docs = self.env["hid.zimmet"].browse(docids)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        lines = self.env["hid.zimmet.line"].search([("zimmet_id", "in", docs.ids)],
                                                   order="id")
        documents = self.env["hid.evrak"].search(
            [("id", "in", lines.sudo().mapped("evrak_id").ids)])
        states = dict(self.env["hid.zimmet.line"]._fields["state"]._description_selection(
            self.env))
        gizlilik = dict(self.env["hid.evrak"]._fields["gizlilik"]._description_selection(
            self.env))
        rows = {zimmet.id: [] for zimmet in docs}
        for line in lines:
            evrak = line.sudo().evrak_id
            readable = documents.browse(evrak.id) if evrak in documents else None
            rows[line.sudo().zimmet_id.id].append({
                "evrak": evrak.name,
                "kayit_date": evrak.kayit_date,
                "subject": readable.subject if readable else "",
                "gizlilik": gizlilik.get(evrak.gizlilik, ""),
                "pages": evrak.page_count,
                "state": states.get(line.state, ""),
                "return_reason": line.return_reason or "",
            })
        values = letterhead_values(self.env)
        values.update({"doc_ids": docids, "doc_model": "hid.zimmet", "docs": docs,
                       "rows": rows,
                       "handed_by": {z.id: z.sudo().create_uid.name for z in docs}})
        return values
