# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The legal-hold and anonymised flags on the HİD records that hold personal data, with the
partial indexes the retention job selects through."""
from odoo import api, models


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "hid.kvkk.hold.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_ticket_closed_idx ON helpdesk_ticket "
            "(closed_date, id) WHERE closed AND hid_kvkk_anonymized IS NOT TRUE")
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_ticket_open_partner_idx ON helpdesk_ticket "
            "(partner_id) WHERE closed IS NOT TRUE")
        return res


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "hid.kvkk.hold.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_partner_citizen_idx ON res_partner "
            "(create_date, id) WHERE hid_citizen AND hid_kvkk_anonymized IS NOT TRUE")
        return res


class HidEvrak(models.Model):
    _name = "hid.evrak"
    _inherit = ["hid.evrak", "hid.kvkk.hold.mixin"]


class HidCall(models.Model):
    _name = "hid.call"
    _inherit = ["hid.call", "hid.kvkk.hold.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_call_start_idx ON hid_call "
            "(start_time, id) WHERE hid_kvkk_anonymized IS NOT TRUE")
        return res


class HidDanismaVisit(models.Model):
    _name = "hid.danisma.visit"
    _inherit = ["hid.danisma.visit", "hid.kvkk.anonymized.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_visit_checkin_idx ON hid_danisma_visit "
            "(check_in, id) WHERE hid_kvkk_anonymized IS NOT TRUE")
        return res


class HidEtkinlikVisit(models.Model):
    _name = "hid.etkinlik.visit"
    _inherit = ["hid.etkinlik.visit", "hid.kvkk.anonymized.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_event_visit_arrival_idx ON hid_etkinlik_visit "
            "(arrival_time, id) WHERE hid_kvkk_anonymized IS NOT TRUE")
        return res


class HidSms(models.Model):
    _name = "hid.sms"
    _inherit = ["hid.sms", "hid.kvkk.anonymized.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_sms_create_idx ON hid_sms "
            "(create_date, id) WHERE state <> 'queued' AND hid_kvkk_anonymized IS NOT TRUE")
        return res


class HidAnketSatisfaction(models.Model):
    _name = "hid.anket.satisfaction"
    _inherit = ["hid.anket.satisfaction", "hid.kvkk.anonymized.mixin"]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_satisfaction_partner_idx "
            "ON hid_anket_satisfaction (partner_id)")
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_satisfaction_create_idx "
            "ON hid_anket_satisfaction (create_date, id) WHERE hid_kvkk_anonymized IS NOT TRUE")
        return res


class HidCallRecording(models.Model):
    _inherit = "hid.call.recording"

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_recording_create_idx ON hid_call_recording "
            "(create_date, id) WHERE destroyed IS NOT TRUE")
        return res

    @api.multi
    def _hid_play(self):
        """Every playback also goes to the central access log (hid_cagri keeps its own)."""
        result = super()._hid_play()
        self.env["hid.kvkk.access.log"]._log(self.env.user, self._name, self.ids,
                                             "recording", "playback")
        return result


class ResAuthenticationAttempt(models.Model):
    _inherit = "res.authentication.attempt"

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_kvkk_login_attempt_create_idx "
            "ON res_authentication_attempt (create_date, id)")
        return res
