# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class HidZimmetLine(models.Model):
    """One document on a hand-over slip, received or returned (iade) by the müdürlük."""

    _name = "hid.zimmet.line"
    _description = "Hand-over Slip Line"
    _order = "zimmet_id, id"

    zimmet_id = fields.Many2one(
        comodel_name="hid.zimmet",
        string="Slip",
        required=True,
        index=True,
        ondelete="restrict",
    )
    evrak_id = fields.Many2one(
        comodel_name="hid.evrak",
        string="Document",
        required=True,
        index=True,
        ondelete="restrict",
    )
    team_id = fields.Many2one(
        related="zimmet_id.team_id",
        store=True,
        readonly=True,
    )
    zimmet_state = fields.Selection(
        related="zimmet_id.state",
        readonly=True,
    )
    state = fields.Selection(
        selection=[
            ("pending", "Pending"),
            ("received", "Received"),
            ("returned", "Returned"),
        ],
        required=True,
        readonly=True,
        default="pending",
    )
    return_reason = fields.Text(
        readonly=True,
    )

    _sql_constraints = [
        ("evrak_once", "unique(zimmet_id, evrak_id)", "A document is once on a slip."),
    ]

    @api.model
    def create(self, vals):
        """A pending document of a draft slip: state and reason are the actions'."""
        zimmet = self.env["hid.zimmet"].browse(vals.get("zimmet_id")).sudo()
        if zimmet.state and zimmet.state != "draft":
            raise UserError(zimmet._locked_message() if zimmet.state == "received" else
                            _("Documents are added to a slip before it is handed over."))
        if vals.get("state", "pending") != "pending" or vals.get("return_reason"):
            raise UserError(_("A document is received or returned by the müdürlük's "
                              "buttons, not when it is put on a slip."))
        return super().create({name: value for name, value in vals.items()
                               if name in ("zimmet_id", "evrak_id")})

    @api.multi
    def write(self, vals):
        """Allow-list: the document of a line on a draft slip. A line stays on its slip."""
        self._check_not_locked()
        if "zimmet_id" in vals and any(line.zimmet_id.id != vals["zimmet_id"] for line in self):
            raise UserError(_("A document moves to another slip by removing it from this one "
                              "and adding it there."))
        if set(vals) - {"evrak_id", "zimmet_id"}:
            raise UserError(_("A document is received or returned by the müdürlük's buttons; "
                              "its line is not edited."))
        if any(line.zimmet_id.state != "draft" for line in self.sudo()):
            raise UserError(_("Documents are changed on a slip before it is handed over."))
        return super().write(vals)

    def _write_workflow(self, vals):
        """The actions' own write (not callable over RPC: private)."""
        return super(HidZimmetLine, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_not_locked()
        if any(line.zimmet_id.state != "draft" for line in self.sudo()):
            raise UserError(_("Documents are removed from a slip before it is handed over."))
        return super().unlink()

    def _check_not_locked(self):
        """Lines of a received slip are as signed as the slip."""
        if any(line.zimmet_id.state == "received" or line.state == "received"
               for line in self.sudo()):
            raise UserError(self.env["hid.zimmet"]._locked_message())

    @api.model_cr
    def init(self):
        """As the slip (hid.zimmet.init): PostgreSQL keeps a signed line as signed and no
        line enters, leaves or moves between handed-over slips."""
        self.env.cr.execute(LINE_GUARD_SQL)

    @api.multi
    def action_return(self, reason):
        """İade: the müdürlük refuses a document with a reason; it goes back to the registry."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(_("Return: write why the document is returned."))
        for line in self:
            line.zimmet_id._check_receiver()
            if line.zimmet_id.state != "sent" or line.state != "pending":
                raise UserError(_("Only a document handed over and not yet received can be "
                                  "returned (%s).") % line.evrak_id.sudo().name)
            line.sudo()._write_workflow({"state": "returned", "return_reason": reason})
            line.evrak_id.sudo()._write_workflow({"state": "registered", "team_id": False})
            line.evrak_id.sudo().message_post(body=_(
                "Returned by %(team)s (%(user)s): %(reason)s") % {
                "team": line.zimmet_id.sudo().team_id.name, "user": self.env.user.name,
                "reason": reason})
        return True


LINE_GUARD_SQL = """
CREATE OR REPLACE FUNCTION hid_zimmet_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bookkeeping CONSTANT text[] := ARRAY['write_date', 'write_uid'];
    moves CONSTANT text[] := ARRAY['write_date', 'write_uid', 'state', 'return_reason'];
    old_slip text;
    new_slip text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT state INTO old_slip FROM hid_zimmet WHERE id = OLD.zimmet_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        SELECT state INTO new_slip FROM hid_zimmet WHERE id = NEW.zimmet_id;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF new_slip IS DISTINCT FROM 'draft' OR NEW.state <> 'pending' THEN
            RAISE EXCEPTION 'hid_zimmet_line: documents go on a draft slip, pending'
                USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF old_slip <> 'draft' OR OLD.state <> 'pending' THEN
            RAISE EXCEPTION 'hid_zimmet_line %: a handed-over document stays on its slip', OLD.id
                USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF old_slip = 'received' OR OLD.state <> 'pending' THEN
        IF (to_jsonb(NEW) - bookkeeping) IS DISTINCT FROM (to_jsonb(OLD) - bookkeeping) THEN
            RAISE EXCEPTION 'hid_zimmet_line %: a received or returned line cannot be changed',
                OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF old_slip = 'draft' THEN
        IF new_slip IS DISTINCT FROM 'draft' OR NEW.state <> 'pending' THEN
            RAISE EXCEPTION 'hid_zimmet_line %: a draft slip''s line stays pending on a draft',
                OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
    END IF;
    -- a handed-over slip: its pending line is received (signing) or returned (iade), only
    IF (to_jsonb(NEW) - moves) IS DISTINCT FROM (to_jsonb(OLD) - moves)
            OR NEW.state NOT IN ('pending', 'received', 'returned')
            OR (NEW.state = 'returned' AND coalesce(btrim(NEW.return_reason), '') = '')
            OR (NEW.state <> 'returned' AND NEW.return_reason IS NOT NULL) THEN
        RAISE EXCEPTION 'hid_zimmet_line %: a handed-over line is only received or returned',
            OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS hid_zimmet_line_guard ON hid_zimmet_line;
CREATE TRIGGER hid_zimmet_line_guard BEFORE INSERT OR UPDATE OR DELETE ON hid_zimmet_line
    FOR EACH ROW EXECUTE PROCEDURE hid_zimmet_line_guard();
"""
