# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Selection and destruction of expired personal data, set-based.

Each kind of record has one SQL selection (expired ids, LIMIT n, on the partial indexes of
hid_kvkk_inherits.py) and one set-based action (a few UPDATE/DELETE statements per chunk).
Anonymising keeps what statistics need — dates, mahalle, category, müdürlük, channel, type,
stages, closure, durations, deadlines, scores — and removes names, identity numbers, phones,
e-mails, addresses, coordinates, free texts that may name people, files and chatter bodies.

Never touched: a record under a legal hold, a record of a citizen under a legal hold, and
any record of a citizen who has an open application."""
import logging

from odoo import api, fields, models

from ..lib import retention as lib

_logger = logging.getLogger(__name__)

# A citizen (column `col`) who may be touched: none, or no open application and no hold.
OPEN_CHECK = ("NOT EXISTS (SELECT 1 FROM helpdesk_ticket o WHERE o.partner_id = {col} "
              "AND o.closed IS NOT TRUE)")
HOLD_CHECK = ("NOT EXISTS (SELECT 1 FROM res_partner hp WHERE hp.id = {col} "
              "AND hp.hid_kvkk_legal_hold)")
FREE_PARTNER = "({col} IS NULL OR (%s AND %s))" % (OPEN_CHECK, HOLD_CHECK)

# Tracking lines of these fields survive an anonymisation (they name nobody); every other
# tracking line of the record's messages is deleted (an allow-list).
TRACKING_KEEP = ("stage_id", "team_id", "category_id", "channel_id", "mahalle_id",
                 "basvuru_type_id", "closure_state", "legal_deadline", "deadline_state",
                 "state", "outcome", "status", "priority", "legal_basis", "extended")

ANON_TEXT = "(anonimleştirildi)"

# kind -> model, table, date expression per date_from, extra condition.
SPECS = {
    "application": {
        "model": "helpdesk.ticket", "table": "helpdesk_ticket x",
        "dates": {"closure": "x.closed_date", "creation": "x.received_date"},
        "where": "x.closed AND x.hid_kvkk_anonymized IS NOT TRUE "
                 "AND x.hid_kvkk_legal_hold IS NOT TRUE AND " + FREE_PARTNER.format(
                     col="x.partner_id"),
    },
    "citizen": {
        "model": "res.partner", "table": "res_partner x",
        "dates": {"creation": "x.create_date", "last_contact": "x.create_date"},
        "where": "x.hid_citizen AND x.hid_kvkk_anonymized IS NOT TRUE "
                 "AND x.hid_kvkk_legal_hold IS NOT TRUE "
                 "AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = x.id) "
                 "AND NOT EXISTS (SELECT 1 FROM helpdesk_ticket o WHERE o.partner_id = x.id "
                 "                AND (o.closed IS NOT TRUE OR o.hid_kvkk_legal_hold)) "
                 "AND NOT EXISTS (SELECT 1 FROM hid_call o WHERE o.partner_id = x.id "
                 "                AND o.hid_kvkk_legal_hold) "
                 # The sender of a registered document stays: the registry (kept under
                 # the State Archives regulation) names its sender through the card.
                 "AND NOT EXISTS (SELECT 1 FROM hid_evrak o WHERE o.sender_id = x.id)",
        # No contact since the cut-off: no application received or closed, no call, no
        # visit, no Halk Günü visit after it.
        "last_contact": """
            AND NOT EXISTS (SELECT 1 FROM helpdesk_ticket o WHERE o.partner_id = x.id
                            AND GREATEST(o.received_date, o.closed_date) >= %(cutoff)s)
            AND NOT EXISTS (SELECT 1 FROM hid_call o WHERE o.partner_id = x.id
                            AND o.start_time >= %(cutoff)s)
            AND NOT EXISTS (SELECT 1 FROM hid_danisma_visit o WHERE o.partner_id = x.id
                            AND o.check_in >= %(cutoff)s)
            AND NOT EXISTS (SELECT 1 FROM hid_etkinlik_visit o WHERE o.partner_id = x.id
                            AND o.arrival_time >= %(cutoff)s)""",
    },
    "call": {
        "model": "hid.call", "table": "hid_call x",
        "dates": {"creation": "x.start_time"},
        "where": "x.hid_kvkk_anonymized IS NOT TRUE AND x.hid_kvkk_legal_hold IS NOT TRUE "
                 "AND x.end_time IS NOT NULL AND " + FREE_PARTNER.format(col="x.partner_id"),
    },
    "call_recording": {
        "model": "hid.call.recording",
        "table": "hid_call_recording x JOIN hid_call c ON c.id = x.call_id",
        "dates": {"creation": "x.create_date"},
        "where": "x.destroyed IS NOT TRUE AND c.hid_kvkk_legal_hold IS NOT TRUE AND "
                 + FREE_PARTNER.format(col="c.partner_id"),
    },
    "visit": {
        "model": "hid.danisma.visit", "table": "hid_danisma_visit x",
        "dates": {"creation": "x.check_in"},
        "where": "x.hid_kvkk_anonymized IS NOT TRUE AND " + FREE_PARTNER.format(
            col="x.partner_id"),
        # A visit that became an application or a document is referred to: anonymised only.
        "delete_where": "x.ticket_id IS NULL AND x.evrak_id IS NULL",
    },
    "event_visit": {
        "model": "hid.etkinlik.visit", "table": "hid_etkinlik_visit x",
        "dates": {"creation": "x.arrival_time"},
        "where": "x.hid_kvkk_anonymized IS NOT TRUE AND " + FREE_PARTNER.format(
            col="x.partner_id"),
        "delete_where": "x.ticket_id IS NULL",
    },
    "sms": {
        "model": "hid.sms", "table": "hid_sms x",
        "dates": {"creation": "x.create_date", "sent": "x.sent_date"},
        "where": "x.state <> 'queued' AND x.hid_kvkk_anonymized IS NOT TRUE "
                 "AND NOT EXISTS (SELECT 1 FROM helpdesk_ticket ht WHERE ht.id = x.ticket_id "
                 "                AND ht.hid_kvkk_legal_hold) AND "
                 + FREE_PARTNER.format(col="x.partner_id"),
    },
    "survey_answer": {
        "model": "hid.anket.satisfaction", "table": "hid_anket_satisfaction x",
        "dates": {"creation": "x.create_date", "answer": "x.answer_date"},
        "where": "x.state IN ('answered', 'expired', 'cancelled') "
                 "AND x.hid_kvkk_anonymized IS NOT TRUE "
                 "AND NOT EXISTS (SELECT 1 FROM helpdesk_ticket ht WHERE ht.id = x.ticket_id "
                 "                AND ht.hid_kvkk_legal_hold) AND "
                 + FREE_PARTNER.format(col="x.partner_id"),
    },
    "document_scan": {
        "model": "hid.evrak.scan",
        "table": "hid_evrak_scan x JOIN hid_evrak e ON e.id = x.evrak_id",
        "dates": {"creation": "e.kayit_date"},
        "where": "e.hid_kvkk_legal_hold IS NOT TRUE AND "
                 + FREE_PARTNER.format(col="e.sender_id"),
    },
    # Users' logins, not citizens' records: no citizen, no hold.
    "login_attempt": {
        "model": "res.authentication.attempt", "table": "res_authentication_attempt x",
        "dates": {"creation": "x.create_date"},
        "where": "TRUE",
    },
}


class HidKvkkEngine(models.AbstractModel):
    _name = "hid.kvkk.engine"
    _description = "KVKK: retention engine"

    # ------------------------------------------------------------------
    # Selection
    # ------------------------------------------------------------------

    @api.model
    def _select_expired(self, kind, date_from, action, cutoff, limit):
        """Ids of `kind` dated before `cutoff` that may be destroyed, at most `limit`."""
        spec = SPECS[kind]
        date = spec["dates"][date_from]
        extra = spec.get("last_contact", "") if date_from == "last_contact" else ""
        if action == "delete" and spec.get("delete_where"):
            extra += " AND " + spec["delete_where"]
        query = "SELECT x.id FROM {table} WHERE {date} < %(cutoff)s AND {where} {extra} " \
                "ORDER BY x.id LIMIT %(limit)s".format(
                    table=spec["table"], date=date, where=spec["where"], extra=extra)
        self.env.cr.execute(query, {"cutoff": cutoff, "limit": limit})
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _select_for_citizen(self, kind, partner_ids):
        """Ids of `kind` belonging to the citizens `partner_ids` that may be destroyed
        (same exclusions as the retention job, no date)."""
        spec = SPECS[kind]
        owner = {
            "application": "x.partner_id", "citizen": "x.id", "call": "x.partner_id",
            "call_recording": "c.partner_id", "visit": "x.partner_id",
            "event_visit": "x.partner_id", "sms": "x.partner_id",
            "survey_answer": "x.partner_id", "document_scan": "e.sender_id",
        }[kind]
        # An erasure request keeps the open applications themselves (and the card of a
        # citizen who has one), not the citizen's other, closed records.
        where = spec["where"]
        if kind != "citizen":
            where = where.replace(OPEN_CHECK.format(col=owner), "TRUE")
        query = "SELECT x.id FROM {table} WHERE {owner} = ANY(%(ids)s) AND {where} " \
                "ORDER BY x.id".format(table=spec["table"], owner=owner, where=where)
        self.env.cr.execute(query, {"ids": list(partner_ids)})
        return [row[0] for row in self.env.cr.fetchall()]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @api.model
    def _apply(self, kind, action, ids):
        """Destroy `ids` of `kind`; returns the ids done."""
        if not ids:
            return []
        method = getattr(self, "_%s_%s" % (action, kind))
        method(list(ids))
        self.env[SPECS[kind]["model"]].invalidate_cache(ids=list(ids))
        return list(ids)

    def _now_sql(self):
        return fields.Datetime.now()

    def _clear_mail(self, model, ids):
        """Chatter bodies, subjects, senders and authors of the records' messages; tracking
        lines outside TRACKING_KEEP; their attachments; followers."""
        cr = self.env.cr
        cr.execute("""
            UPDATE mail_message SET body = '', subject = NULL, email_from = NULL,
                   author_id = NULL, record_name = NULL, reply_to = NULL
             WHERE model = %s AND res_id = ANY(%s)
        """, (model, ids))
        cr.execute("""
            DELETE FROM mail_tracking_value v USING mail_message m
             WHERE v.mail_message_id = m.id AND m.model = %s AND m.res_id = ANY(%s)
               AND v.field NOT IN %s
        """, (model, ids, TRACKING_KEEP))
        cr.execute("DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s) "
                   "AND partner_id IS NOT NULL AND partner_id NOT IN "
                   "(SELECT partner_id FROM res_users)", (model, ids))
        self._delete_attachments(model, ids)

    def _delete_attachments(self, model, ids):
        self.env.cr.execute("SELECT id FROM ir_attachment WHERE res_model = %s "
                            "AND res_id = ANY(%s)", (model, ids))
        att_ids = [row[0] for row in self.env.cr.fetchall()]
        if att_ids:
            self.env["ir.attachment"].sudo().browse(att_ids).unlink()

    def _anonymise_application(self, ids):
        now = self._now_sql()
        self.env.cr.execute("""
            UPDATE helpdesk_ticket SET
                   name = %(anon)s, description = NULL, partner_id = NULL,
                   partner_name = NULL, partner_email = NULL, public_phone = NULL,
                   hid_possible_partner_id = NULL, address = NULL, latitude = NULL,
                   longitude = NULL, answer = NULL, closure_note = NULL,
                   extension_reason = CASE WHEN extension_reason IS NULL THEN NULL
                                           ELSE %(anon)s END,
                   cimer_no = NULL, acik_kapi_no = NULL, open311_media_url = NULL,
                   open311_address_id = NULL, hid_saha_accuracy = NULL,
                   hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %(now)s
             WHERE id = ANY(%(ids)s)
        """, {"anon": ANON_TEXT, "now": now, "ids": ids})
        self.env.cr.execute("UPDATE hid_havale SET note = NULL WHERE ticket_id = ANY(%s)",
                            (ids,))
        self.env.cr.execute("UPDATE hid_fee_pause SET note = NULL WHERE ticket_id = ANY(%s)",
                            (ids,))
        self._clear_mail("helpdesk.ticket", ids)

    def _anonymise_citizen(self, ids):
        now = self._now_sql()
        cr = self.env.cr
        cr.execute("""
            UPDATE res_partner SET
                   name = 'Anonim vatandaş #' || id, display_name = 'Anonim vatandaş #' || id,
                   tckn = NULL, phone = NULL, mobile = NULL, email = NULL, street = NULL,
                   street2 = NULL, zip = NULL, city = NULL, state_id = NULL, comment = NULL,
                   website = NULL, function = NULL, title = NULL, vat = NULL, ref = NULL,
                   hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %s
             WHERE id = ANY(%s) AND hid_citizen
        """, (now, ids))
        # What the citizen wrote or was sent elsewhere: their messages name nobody now.
        cr.execute("UPDATE mail_message SET author_id = NULL, email_from = NULL "
                   "WHERE author_id = ANY(%s)", (ids,))
        cr.execute("DELETE FROM mail_followers WHERE partner_id = ANY(%s)", (ids,))
        cr.execute("DELETE FROM mail_message_res_partner_needaction_rel "
                   "WHERE res_partner_id = ANY(%s)", (ids,))
        cr.execute("DELETE FROM mail_message_res_partner_rel WHERE res_partner_id = ANY(%s)",
                   (ids,))
        self._clear_mail("res.partner", ids)

    def _anonymise_call(self, ids):
        self.env.cr.execute("""
            UPDATE hid_call SET
                   caller_number = CASE WHEN direction = 'internal' THEN caller_number END,
                   called_number = CASE WHEN direction = 'outbound' THEN NULL
                                        ELSE called_number END,
                   partner_id = NULL, notes = NULL,
                   hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %s
             WHERE id = ANY(%s)
        """, (self._now_sql(), ids))
        self._clear_mail("hid.call", ids)

    def _delete_call_recording(self, ids):
        Recording = self.env["hid.call.recording"].sudo()
        Audit = self.env["hid.call.audit"].sudo()
        recordings = Recording.browse(ids)
        for recording in recordings:
            Audit._log("destroy", recording, self.env.user)
        recordings.mapped("attachment_id").unlink()
        self._delete_attachments("hid.call.recording", ids)
        recordings.write({"destroyed": True, "attachment_id": False})
        recordings.mapped("call_id").write({"recording_state": "destroyed"})

    def _anonymise_visit(self, ids):
        self.env.cr.execute("""
            UPDATE hid_danisma_visit SET visitor_name = NULL, phone = NULL, partner_id = NULL,
                   note = NULL, hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %s
             WHERE id = ANY(%s)
        """, (self._now_sql(), ids))
        self._delete_attachments("hid.danisma.visit", ids)

    def _delete_visit(self, ids):
        self._delete_attachments("hid.danisma.visit", ids)
        self.env["hid.danisma.visit"].sudo().browse(ids).unlink()

    def _anonymise_event_visit(self, ids):
        self.env.cr.execute("""
            UPDATE hid_etkinlik_visit SET visitor_name = NULL, phone = NULL, partner_id = NULL,
                   note = NULL, topic = NULL,
                   hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %s
             WHERE id = ANY(%s)
        """, (self._now_sql(), ids))

    def _delete_event_visit(self, ids):
        self.env["hid.etkinlik.visit"].sudo().browse(ids).unlink()

    def _anonymise_sms(self, ids):
        self.env.cr.execute("""
            UPDATE hid_sms SET "to" = '-', body = %s, partner_id = NULL,
                   provider_reply = NULL, last_error = NULL,
                   hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %s
             WHERE id = ANY(%s)
        """, (ANON_TEXT, self._now_sql(), ids))

    def _delete_sms(self, ids):
        self.env["hid.sms"].sudo().browse(ids).unlink()

    def _anonymise_survey_answer(self, ids):
        cr = self.env.cr
        cr.execute("""
            UPDATE hid_anket_satisfaction SET comment = NULL, partner_id = NULL,
                   hid_kvkk_anonymized = TRUE, hid_kvkk_anonymized_date = %s
             WHERE id = ANY(%s)
        """, (self._now_sql(), ids))
        cr.execute("""
            UPDATE survey_user_input_line SET value_text = NULL, value_free_text = NULL
             WHERE user_input_id IN (SELECT user_input_id FROM hid_anket_satisfaction
                                      WHERE id = ANY(%s) AND user_input_id IS NOT NULL)
        """, (ids,))
        cr.execute("""
            UPDATE survey_user_input SET partner_id = NULL, email = NULL
             WHERE id IN (SELECT user_input_id FROM hid_anket_satisfaction
                           WHERE id = ANY(%s) AND user_input_id IS NOT NULL)
        """, (ids,))

    def _delete_login_attempt(self, ids):
        self.env.cr.execute("DELETE FROM res_authentication_attempt WHERE id = ANY(%s)",
                            (ids,))

    def _delete_document_scan(self, ids):
        self._delete_attachments("hid.evrak.scan", ids)
        self.env.cr.execute("DELETE FROM hid_evrak_scan WHERE id = ANY(%s)", (ids,))

    # ------------------------------------------------------------------
    # A run
    # ------------------------------------------------------------------

    @api.model
    def _run_ref(self, now):
        return "%s/%d" % (fields.Datetime.to_string(now), self.env.uid)

    @api.model
    def _erase_citizens(self, partner_ids, run, request=None, user=None):
        """Anonymise (and destroy the recordings and scans of) everything of the citizens
        that the law lets go; returns {kind: ids}. The citizen card is done last."""
        done = {}
        user = user or self.env.user
        order = ["application", "call_recording", "call", "visit", "event_visit", "sms",
                 "survey_answer", "document_scan", "citizen"]
        for kind in order:
            action = lib.KINDS[kind][1][0]
            if kind == "document_scan":
                # Documents and their scans fall under the archive law (Devlet Arşiv
                # Hizmetleri Yönetmeliği): kept, and named in the answer.
                continue
            ids = self._select_for_citizen(kind, partner_ids)
            if not ids:
                continue
            self._apply(kind, action, ids)
            self.env["hid.kvkk.destruction"]._record(
                run, user, kind, action, ids, request=request)
            done[kind] = ids
        return done
