# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The müdürlük's notification of a routed application, delivered after the save.

Routing an application makes the müdürlük's members followers and posts them a note, which
Odoo renders and sends per recipient (e-mail, inbox, bus): most of an intake's queries. The
saving transaction now only records the notification (one INSERT of the rendered text, the
recipients, the author and the time); right after the commit it is delivered in a
transaction of its own, and a cron (every minute) delivers whatever that could not (a
crash, a failing mail server, a worker killed). So nothing is lost: the row is part of the
saved application, and it is deleted only in the transaction that posted the note. Two
deliverers never post the same row twice (FOR UPDATE SKIP LOCKED).
"""
import logging

import odoo
from odoo import SUPERUSER_ID, api, fields, models

_logger = logging.getLogger(__name__)

# A row that failed this many times waits for a person (it stays visible with its error).
MAX_ATTEMPTS = 10


class HidNotifyQueue(models.Model):
    """A müdürlük notification recorded by a save, not delivered yet."""

    _name = "hid.notify.queue"
    _description = "Müdürlük Notification To Deliver"
    _order = "id"
    _log_access = False

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        required=True,
        index=True,
        ondelete="cascade",
    )
    partner_ids = fields.Char(
        string="Recipients",
        required=True,
        help="Ids of the partners notified (the müdürlük's members at routing), comma-separated.",
    )
    author_id = fields.Many2one(
        comodel_name="res.partner",
        string="Author",
        ondelete="set null",
    )
    body = fields.Html(
        sanitize=False,
        help="The note as it was written at routing, in the acting user's language.",
    )
    date = fields.Datetime(
        string="Recorded On",
        required=True,
        help="When the application was routed: the note carries this date.",
    )
    attempts = fields.Integer()
    last_error = fields.Text()

    # ---------------------------------------------------
    # Recording (inside the save)
    # ---------------------------------------------------

    @api.model
    def _hid_record(self, ticket, partners, body, author_id):
        """Record the notification of `ticket` in the current transaction and deliver it
        right after the commit. One INSERT: no ORM create (access checks, defaults) on the
        path of every save; the values are the system's, never the user's input."""
        self.env.cr.execute("""
            INSERT INTO hid_notify_queue (ticket_id, partner_ids, author_id, body, date,
                                          attempts)
            VALUES (%s, %s, %s, %s, now() at time zone 'UTC', 0)
            RETURNING id
        """, (ticket.id, ",".join(str(pid) for pid in partners.ids), author_id or None, body))
        self._hid_deliver_after_commit(self.env.cr.fetchone()[0])

    def _hid_deliver_after_commit(self, row_id):
        """Deliver the row in a new transaction once this one is committed (nothing if it
        is rolled back: the row goes with it). A failure there is logged; the cron retries."""
        cr = self.env.cr
        pending = getattr(cr, "_hid_notify_pending", None)
        if pending is None:
            pending = cr._hid_notify_pending = []
            dbname = cr.dbname

            def deliver():
                ids, pending[:] = list(pending), []
                cr._hid_notify_pending = None
                try:
                    with api.Environment.manage(), odoo.registry(dbname).cursor() as new_cr:
                        api.Environment(new_cr, SUPERUSER_ID, {})[self._name]._hid_deliver(ids)
                except Exception:   # the commit is done: never fail it; the cron retries
                    _logger.exception("Notifications %s not delivered after commit; the cron "
                                      "will retry.", ids)

            def forget():
                cr._hid_notify_pending = None
            cr.after("commit", deliver)
            cr.after("rollback", forget)
        pending.append(row_id)

    # ---------------------------------------------------
    # Delivery (after the commit, or the cron)
    # ---------------------------------------------------

    @api.model
    def _hid_deliver(self, ids=None, limit=200):
        """Post the queued notes (of `ids`, else the oldest `limit`): the recipients follow
        the application and get the note, as the save used to do. Each row in a savepoint:
        one failure is counted on its row and does not stop the others. Returns the number
        delivered."""
        cr = self.env.cr
        if ids is not None:
            cr.execute("SELECT id FROM hid_notify_queue WHERE id IN %s AND attempts < %s "
                       "ORDER BY id FOR UPDATE SKIP LOCKED", (tuple(ids) or (0,), MAX_ATTEMPTS))
        else:
            cr.execute("SELECT id FROM hid_notify_queue WHERE attempts < %s "
                       "ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED", (MAX_ATTEMPTS, limit))
        delivered = 0
        for row in self.sudo().browse([r[0] for r in cr.fetchall()]):
            try:
                with cr.savepoint():
                    row._hid_post()
                    cr.execute("DELETE FROM hid_notify_queue WHERE id = %s", (row.id,))
                delivered += 1
            except Exception as error:  # counted on the row, retried by the cron
                _logger.warning("Notification %s of application %s failed: %s", row.id,
                                row.ticket_id.id, error)
                cr.execute("UPDATE hid_notify_queue SET attempts = attempts + 1, "
                           "last_error = %s WHERE id = %s", (str(error)[:2000], row.id))
        self.invalidate_cache()
        return delivered

    def _hid_post(self):
        """What _notify_team did in the save: follow, then the note to the members."""
        self.ensure_one()
        partner_ids = [int(pid) for pid in (self.partner_ids or "").split(",") if pid]
        partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
        ticket = self.ticket_id.sudo()
        if not partners:
            return
        ticket.message_subscribe(partner_ids=partners.ids)
        ticket.message_post(body=self.body, partner_ids=partners.ids, subtype="mail.mt_note",
                            author_id=self.author_id.id or None, date=self.date)

    @api.model
    def _cron_deliver(self, batch=200, auto_commit=True):
        """What the after-commit delivery left (a crash, an error): in batches, each
        committed, until the queue is empty or only rows past MAX_ATTEMPTS remain."""
        total = 0
        while True:
            delivered = self._hid_deliver(limit=batch)
            if auto_commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
            total += delivered
            if delivered < batch:
                return total
