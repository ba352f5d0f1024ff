# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""What the pages say about SMS: whether a citizen's SMS is sent yet (public pages), and a
warning for HİM staff while no SMS provider is configured (SMS list, dashboard)."""
from odoo import _, api, models

G_STAFF = "hid_basvuru.group_hid_staff"


class HidSms(models.Model):
    _inherit = "hid.sms"

    @api.model
    def _hid_public_sms_sent(self, ticket_id):
        """The application's latest SMS to the citizen: True once sent, False while it waits
        in the queue, None when none is on its way (none queued, or it failed / was
        cancelled). Read with SQL on the indexed ticket_id (the public pages run as the
        public user); only this value leaves here, never a number or a text."""
        self.env.cr.execute(
            "SELECT state FROM hid_sms WHERE ticket_id = %s ORDER BY id DESC LIMIT 1",
            (ticket_id,))
        row = self.env.cr.fetchone()
        if not row or row[0] not in ("queued", "sent"):
            return None
        return row[0] == "sent"

    @api.model
    def hid_provider_warning(self):
        """A warning for HİM staff and the director while no provider is configured (queued
        SMS wait, none is sent); False for everybody else and once a provider is set."""
        if not self.env.user.has_group(G_STAFF) or self._adapter() is not None:
            return False
        return _("No SMS provider is configured: SMS to citizens are queued but not sent. "
                 "The HİM director chooses one under Configuration → SMS Settings.")
