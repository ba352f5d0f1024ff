# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

RECORDING_MODEL = "hid.call.recording"


class IrAttachment(models.Model):
    """A call recording's file is read by the server alone.

    Odoo would let whoever reads the recording record read its file (/web/content, XML-RPC
    read of `datas`), unlogged. Here nobody but the superuser reaches such an attachment at
    any door (read, write, search, read_group): supervisors play recordings through
    /hid_cagri/recording/<id>, which checks the role and logs the playback (as
    hid_evrak/models/ir_attachment.py guards the files of secret documents)."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        super().check(mode, values=values)
        if self.env.uid == SUPERUSER_ID:
            return
        if values and values.get("res_model") == RECORDING_MODEL:
            raise AccessError(_("Call recordings are played from the call, not opened as "
                                "files."))
        if self.ids:
            self.env.cr.execute("SELECT 1 FROM ir_attachment WHERE id IN %s AND res_model = %s "
                                "LIMIT 1", (tuple(self.ids), RECORDING_MODEL))
            if self.env.cr.fetchone():
                raise AccessError(_("Call recordings are played from the call, not opened "
                                    "as files."))

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self.env.uid != SUPERUSER_ID:
            args = ["|", ("res_model", "=", False), ("res_model", "!=", RECORDING_MODEL)] + \
                list(args or [])
        return super()._search(args, offset=offset, limit=limit, order=order, count=count,
                               access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        if self.env.uid != SUPERUSER_ID:
            domain = ["|", ("res_model", "=", False), ("res_model", "!=", RECORDING_MODEL)] + \
                list(domain or [])
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)
