# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.addons.base.ir.ir_translation import IrTranslation as BaseIrTranslation

from ..lib import deadlines


class HelpdeskTicketStage(models.Model):
    """Stages of an application; the code lets the rules find them whatever their name."""

    _inherit = "helpdesk.ticket.stage"

    code = fields.Char(
        index=True,
        help="Stable technical code used by the rules: new, routed, in_progress, answered, "
             "closed.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a stage must be unique."),
    ]

    # Stored on every application (related `stage_code` and `closed`, and the traffic light
    # that depends on `closed`): a write of these on a stage recomputes every application in
    # it, record by record (hours at 1M applications).
    _HID_TICKET_FIELDS = ("code", "closed")

    @api.multi
    def write(self, vals):
        """A value the stages already have is not written again. Every upgrade rewrites the
        stages from their XML data with the same values: without this it recomputed `closed`,
        `stage_code` and the lights of every application."""
        same = [fname for fname in self._HID_TICKET_FIELDS if fname in vals
                and all((stage[fname] or False) == (vals[fname] or False) for stage in self)]
        if same:
            vals = {key: value for key, value in vals.items() if key not in same}
            if not vals:
                return True
        self.clear_caches()     # _hid_public_label
        moving = {fname: vals[fname] for fname in self._HID_TICKET_FIELDS if fname in vals}
        if not moving:
            return super().write(vals)
        # A real change: the stage is written through the ORM (access, rules, tracking),
        # without the record-by-record recomputation of its applications that the ORM would
        # queue; their copies and lights follow in one UPDATE.
        with self.env.norecompute():
            res = super().write(vals)
            self._hid_forget_ticket_todo()
        self._hid_update_tickets()
        self.recompute()
        return res

    # The application fields that follow a stage's `code` and `closed`, set in SQL below.
    _HID_FOLLOWERS = ("stage_code", "closed", "deadline_state", "target_state")

    def _hid_forget_ticket_todo(self):
        """Drop the recomputations the write queued for these stages' applications: they
        are done in SQL (_hid_update_tickets). Others (of other stages) stay queued."""
        Ticket = self.env["helpdesk.ticket"]
        self.env.cr.execute("SELECT id FROM helpdesk_ticket WHERE stage_id IN %s",
                            (tuple(self.ids),))
        mine = {row[0] for row in self.env.cr.fetchall()}
        for fname in self._HID_FOLLOWERS:
            field = Ticket._fields[fname]
            todo = self.env.field_todo(field)
            if todo:
                self.env.remove_todo(field, todo.browse([i for i in todo.ids if i in mine]))

    def _hid_update_tickets(self):
        """The stage's code and closed, and the traffic lights that depend on closed, on
        every application of these stages: one UPDATE, the same rule as the compute and
        the hourly cron (lib/deadlines)."""
        Ticket = self.env["helpdesk.ticket"]
        today, now = Ticket._deadline_clock()
        params = dict(
            deadlines.deadline_state_params("legal", today, deadlines.LEGAL_SOON_DAYS),
            **deadlines.deadline_state_params("target", now, deadlines.TARGET_SOON_DAYS))
        params["stages"] = tuple(self.ids)
        closed = "COALESCE(st.closed, FALSE)"
        legal = deadlines.deadline_state_sql("t.legal_deadline", closed, "legal")
        target = deadlines.deadline_state_sql("t.internal_deadline", closed, "target")
        self.env.cr.execute("""
            UPDATE helpdesk_ticket t
               SET stage_code = st.code, closed = st.closed,
                   deadline_state = {legal}, target_state = {target},
                   overdue_escalated = ({legal} = 'overdue' AND t.overdue_escalated)
              FROM helpdesk_ticket_stage st
             WHERE st.id = t.stage_id AND t.stage_id IN %(stages)s
        """.format(legal=legal, target=target), params)
        Ticket.invalidate_cache(list(self._HID_FOLLOWERS) + ["overdue_escalated"])

    @api.model
    def create(self, vals):
        self.clear_caches()     # _hid_public_label
        return super().create(vals)

    @api.multi
    def unlink(self):
        self.clear_caches()     # _hid_public_label
        return super().unlink()

    @api.model
    def _hid_public_label(self, stage_id, lang):
        """(name in `lang`, closed) of a stage, as the public status page shows it: from a
        cache of every stage (a handful), emptied when a stage or its translation changes."""
        return self._hid_public_labels(lang).get(stage_id) or (False, False)

    @tools.ormcache("lang")
    def _hid_public_labels(self, lang):
        stages = self.sudo().with_context(lang=lang, active_test=False).search([])
        return {stage.id: (stage.name, stage.closed) for stage in stages}

    @api.model
    def _hid_adopt_generic_stages(self):
        """Archive stages without a HİD code; their applications move to the HİD stage that
        means the same (awaiting → answered, done/cancelled → closed)."""
        mapping = {
            "helpdesk_mgmt.helpdesk_ticket_stage_new": "new",
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "in_progress",
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "answered",
            "helpdesk_mgmt.helpdesk_ticket_stage_done": "closed",
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": "closed",
        }
        generic = self.with_context(active_test=False).search([("code", "=", False)])
        Ticket = self.env["helpdesk.ticket"].sudo().with_context(tracking_disable=True)
        for xmlid, code in mapping.items():
            stage = self.env.ref(xmlid, raise_if_not_found=False)
            target = self.search([("code", "=", code)], limit=1)
            if stage and target:
                # A stage moved by the module, not by anyone's action: past the write guard.
                Ticket.search([("stage_id", "=", stage.id)])._workflow_write(
                    {"stage_id": target.id})
        generic.write({"active": False})


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    # A stage's translated name is cached for the public status page (_hid_public_labels):
    # changing its translation empties the caches, as for views and fields.
    CACHED_MODELS = BaseIrTranslation.CACHED_MODELS | {"helpdesk.ticket.stage"}
