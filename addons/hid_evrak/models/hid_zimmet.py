# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

TZ = pytz.timezone("Europe/Istanbul")
# what the registry edits on a draft slip; everything else is the actions'
DRAFT_FIELDS = {"team_id", "date", "line_ids"}


class HidZimmet(models.Model):
    """A hand-over slip (zimmet fişi): documents given to one müdürlük against signature."""

    _name = "hid.zimmet"
    _description = "Hand-over Slip"
    _order = "date desc, id desc"

    name = fields.Char(
        string="Slip No",
        readonly=True,
        copy=False,
        default="/",
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        required=True,
        index=True,
        states={"sent": [("readonly", True)], "received": [("readonly", True)]},
    )
    date = fields.Datetime(
        required=True,
        default=fields.Datetime.now,
        index=True,
        states={"sent": [("readonly", True)], "received": [("readonly", True)]},
    )
    line_ids = fields.One2many(
        comodel_name="hid.zimmet.line",
        inverse_name="zimmet_id",
        string="Documents",
        copy=False,
        states={"sent": [("readonly", True)], "received": [("readonly", True)]},
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("sent", "Handed Over"),
            ("received", "Received"),
        ],
        required=True,
        readonly=True,
        default="draft",
        index=True,
        copy=False,
    )
    received_date = fields.Datetime(
        string="Received On",
        readonly=True,
        copy=False,
    )
    received_uid = fields.Many2one(
        comodel_name="res.users",
        string="Received By",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="Who signed: a signer is archived, never deleted.",
    )
    can_receive = fields.Boolean(
        string="Can Confirm Receipt",
        compute="_compute_can_receive",
        help="The current user belongs to the receiving müdürlük: Teslim Aldım and İade are "
             "theirs.",
    )

    @api.depends("team_id")
    def _compute_can_receive(self):
        user = self.env.user
        for zimmet in self:
            team = zimmet.sudo().team_id
            zimmet.can_receive = user in team.user_ids or user == team.manager_id

    # ---------------------------------------------------
    # CRUD: the registry edits a draft; the actions do the rest
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        vals = dict(vals)
        forged = [name for name, value in vals.items()
                  if name not in DRAFT_FIELDS | {"name", "state"} and value]
        if forged or vals.get("state", "draft") != "draft":
            raise UserError(_("A hand-over slip starts as a draft: it is handed over and "
                              "signed by its actions only."))
        vals = {name: value for name, value in vals.items() if name in DRAFT_FIELDS}
        now = datetime.datetime.now(TZ)
        vals["name"] = "Z%d/%06d" % (
            now.year, self.env["hid.basvuru.counter"].sudo()._next(now.year, "zimmet"))
        vals["state"] = "draft"
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """Allow-list: a draft's müdürlük, date and documents. State and signature are the
        actions' (private _write_workflow), for everyone, superuser included."""
        self._check_not_locked()
        if any(z.state != "draft" for z in self):
            raise UserError(_("A handed-over slip is not edited: the müdürlük signs it "
                              "(Teslim Aldım) or returns its documents (iade)."))
        if set(vals) - DRAFT_FIELDS:
            raise UserError(_("Only the müdürlük, the date and the documents of a draft "
                              "hand-over slip are edited; it is handed over and signed by "
                              "its buttons."))
        return super().write(vals)

    def _write_workflow(self, vals):
        """The actions' own write (not callable over RPC: private)."""
        return super(HidZimmet, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_not_locked()
        if any(z.state != "draft" for z in self):
            raise UserError(_("Only a draft hand-over slip can be deleted."))
        # A draft's lines go with it, through their own checks (the database refuses a slip
        # that still has lines: zimmet_id is ondelete restrict, for the handed-over ones).
        self.mapped("line_ids").unlink()
        return super().unlink()

    def _check_not_locked(self):
        """Everyone, superuser included: the signature is the point of the slip."""
        if any(z.state == "received" for z in self.sudo()):
            raise UserError(self._locked_message())

    @api.model
    def _locked_message(self):
        """One wording for the slip and its lines."""
        return _("A received hand-over slip (zimmet fişi) is a signed record: it cannot be "
                 "changed or deleted, not even by an administrator.")

    @api.model_cr
    def init(self):
        """The signature is kept by PostgreSQL itself, whatever code runs (_write, SQL):
        a handed-over slip changes only by its signing (sent -> received, by a user, at the
        database's clock), a signed one never, and neither is deleted. write_date and
        write_uid are the only other columns that may move (the ORM's bookkeeping)."""
        self.env.cr.execute(ZIMMET_GUARD_SQL)

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_send(self):
        """The registry hands the documents over: they now belong to the müdürlük."""
        for zimmet in self:
            if zimmet.state != "draft":
                raise UserError(_("Hand-over slip %s was already handed over.") % zimmet.name)
            if not zimmet.line_ids:
                raise UserError(_("Add the documents to hand over first."))
            busy = zimmet.line_ids.mapped("evrak_id").filtered(
                lambda e: e.state != "registered")
            if busy:
                raise UserError(_("Already handed over to a müdürlük: %s") % ", ".join(
                    busy.mapped("name")))
            zimmet.line_ids.mapped("evrak_id")._write_workflow({
                "team_id": zimmet.team_id.id, "state": "sent"})
            zimmet._write_workflow({"state": "sent"})
        return True

    @api.multi
    def action_confirm_receipt(self):
        """"Teslim aldım": the receiving müdürlük signs; time and user are recorded."""
        self.ensure_one()
        self._check_receiver()
        if self.state == "received":
            raise UserError(_("Hand-over slip %(no)s was already received by %(user)s on "
                              "%(date)s.") % {"no": self.name, "user": self.received_uid.name,
                                              "date": self.received_date})
        if self.state != "sent":
            raise UserError(_("Hand-over slip %s has not been handed over yet.") % self.name)
        sudo = self.sudo()  # the receiver reads the slip; the signature is written here only
        pending = sudo.line_ids.filtered(lambda l: l.state == "pending")
        pending._write_workflow({"state": "received"})
        pending.mapped("evrak_id")._write_workflow({"state": "received"})
        # received_date: the database's clock, set by the trigger (init)
        sudo._write_workflow({"state": "received", "received_uid": self.env.uid})
        self.invalidate_cache(["received_date"], self.ids)
        for evrak in pending.mapped("evrak_id"):
            evrak.message_post(body=_("Received by %(team)s (%(user)s), slip %(no)s.") % {
                "team": self.team_id.name, "user": self.env.user.name, "no": self.name})
        return True

    def _check_receiver(self):
        """Only a member or the manager of the receiving müdürlük signs for it."""
        if not self.can_receive:
            team = self.sudo().team_id
            raise AccessError(_("Only %s may confirm receipt of this slip.") % team.name)


ZIMMET_GUARD_SQL = """
CREATE OR REPLACE FUNCTION hid_zimmet_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bookkeeping CONSTANT text[] := ARRAY['write_date', 'write_uid'];
    signature CONSTANT text[] := ARRAY['write_date', 'write_uid', 'state', 'received_uid',
                                       'received_date'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.state <> 'draft' THEN
            RAISE EXCEPTION 'hid_zimmet %: a handed-over or received slip is never deleted',
                OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.state = 'received' THEN
        IF (to_jsonb(NEW) - bookkeeping) IS DISTINCT FROM (to_jsonb(OLD) - bookkeeping) THEN
            RAISE EXCEPTION 'hid_zimmet %: a received (signed) slip cannot be changed', OLD.id
                USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.state = 'received' THEN
        IF OLD.state <> 'sent' OR NEW.received_uid IS NULL THEN
            RAISE EXCEPTION 'hid_zimmet %: only a handed-over slip is signed, by a user', OLD.id
                USING ERRCODE = 'restrict_violation';
        END IF;
        IF (to_jsonb(NEW) - signature) IS DISTINCT FROM (to_jsonb(OLD) - signature) THEN
            RAISE EXCEPTION 'hid_zimmet %: signing changes nothing but the signature', OLD.id
                USING ERRCODE = 'restrict_violation';
        END IF;
        -- the signature's time is the server's, never the caller's
        NEW.received_date := date_trunc('second', statement_timestamp() AT TIME ZONE 'UTC');
        RETURN NEW;
    END IF;
    IF NEW.received_uid IS NOT NULL OR NEW.received_date IS NOT NULL THEN
        RAISE EXCEPTION 'hid_zimmet %: only a received slip carries a signature', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.state = 'sent' AND (to_jsonb(NEW) - bookkeeping) IS DISTINCT FROM
            (to_jsonb(OLD) - bookkeeping) THEN
        RAISE EXCEPTION 'hid_zimmet %: a handed-over slip changes only by its signing', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.state = 'draft' AND NEW.state NOT IN ('draft', 'sent') THEN
        RAISE EXCEPTION 'hid_zimmet %: a draft is handed over before it is signed', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS hid_zimmet_guard ON hid_zimmet;
CREATE TRIGGER hid_zimmet_guard BEFORE UPDATE OR DELETE ON hid_zimmet
    FOR EACH ROW EXECUTE PROCEDURE hid_zimmet_guard();
"""
