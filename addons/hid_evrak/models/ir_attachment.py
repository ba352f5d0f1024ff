# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError


class IrAttachment(models.Model):
    """A file in a Gizli / Çok Gizli document's chatter is as secret as its subject.

    Odoo checks an attachment against the record it belongs to (read on hid.evrak), but a
    secret document's words live in hid.evrak.content, readable by fewer people: its files
    follow the content's rules, at every door (read, write, search, read_group)."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        super().check(mode, values=values)
        if self.env.uid == SUPERUSER_ID:
            return
        evrak_ids = set()
        if self.ids:
            self.env.cr.execute("SELECT res_id FROM ir_attachment WHERE id IN %s "
                                "AND res_model = 'hid.evrak' AND res_id IS NOT NULL",
                                (tuple(self.ids),))
            evrak_ids.update(row[0] for row in self.env.cr.fetchall())
        if values and values.get("res_model") == "hid.evrak" and values.get("res_id"):
            evrak_ids.add(values["res_id"])
        if evrak_ids and self.env["hid.evrak"]._hid_secret_unreadable(evrak_ids):
            raise AccessError(self.env["hid.evrak"]._hid_secret_message())

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        ids = super()._search(args, offset=offset, limit=limit, order=order, count=False,
                              access_rights_uid=access_rights_uid)
        if self.env.uid != SUPERUSER_ID and ids:
            ids = list(ids)
            self.env.cr.execute("SELECT id, res_id FROM ir_attachment WHERE id IN %s "
                                "AND res_model = 'hid.evrak' AND res_id IS NOT NULL",
                                (tuple(ids),))
            by_evrak = self.env.cr.fetchall()
            hidden = self.env["hid.evrak"]._hid_secret_unreadable({r[1] for r in by_evrak})
            if hidden:
                refused = {r[0] for r in by_evrak if r[1] in hidden}
                ids = [i for i in ids if i not in refused]
        return len(ids) if count else ids

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        """Odoo groups attachments with no check of the records they belong to (no record
        rules on ir.attachment): group only those _search lets the user see."""
        if self.env.uid != SUPERUSER_ID:
            domain = [("id", "in", self._search(list(domain or [])))]
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)
