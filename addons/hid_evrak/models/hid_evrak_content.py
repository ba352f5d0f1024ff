# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidEvrakContent(models.Model):
    """What a document says (subject, physical attachments), apart so record rules can hide
    a secret one's words.

    Odoo 11's field access is per group, not per record: a Gizli document's subject lives
    here, where a record rule (hid_evrak_rules.xml) lets only the registry and the receiving
    müdürlük's manager read it, while the document itself stays visible to the müdürlük."""

    _name = "hid.evrak.content"
    _description = "Document Subject"
    _rec_name = "evrak_id"

    evrak_id = fields.Many2one(
        comodel_name="hid.evrak",
        required=True,
        index=True,
        ondelete="cascade",
    )
    subject = fields.Char(
        required=True,
    )
    physical_attachments = fields.Text()

    _sql_constraints = [
        ("evrak_uniq", "unique(evrak_id)", "One subject per document."),
    ]
