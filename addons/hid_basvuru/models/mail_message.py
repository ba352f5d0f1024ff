# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class MailMessage(models.Model):
    """Staff without a personal e-mail address (call-centre agents) must still be able to work:
    Odoo 11 refuses every chatter message of such a user."""

    _inherit = "mail.message"

    email_from = fields.Char(
        default=lambda self: self._get_default_from(),
    )

    @api.model
    def _get_default_from(self):
        """The user's own address, else the municipality's (company, then catchall domain)."""
        user = self.env.user
        if user.email:
            return super()._get_default_from()
        address = user.company_id.email or "noreply@%s" % (
            self.env["ir.config_parameter"].sudo().get_param("mail.catchall.domain")
            or "localhost")
        return formataddr((user.name, address))


# Fields of a message that name partners: for a restricted user they are never searched,
# ordered or grouped on but with the user's own partner (Inbox, Starred, "mark all read"), and
# they are read with the citizens taken out.
HID_PARTNER_FIELDS = ("author_id", "email_from", "reply_to", "author_avatar", "partner_ids",
                      "needaction_partner_ids", "notification_ids", "starred_partner_ids",
                      "tracking_value_ids")


class MailMessageScope(models.Model):
    """A restricted user sees the messages of the applications they may read, only those
    (being author, recipient or notified gives no access of its own any more), and no
    citizen in them. See hid_mail_scope.py."""

    _name = "mail.message"
    # The mixin first, so that its scope wraps the model's own access checks.
    _inherit = ["hid.mail.scope.mixin", "mail.message"]

    @api.model
    def _hid_scope_clause(self):
        return self._hid_document_clause('"mail_message"."model"', '"mail_message"."res_id"')

    # ------------------------------------------------------------------
    # Searching, ordering and grouping on partners
    # ------------------------------------------------------------------

    def _hid_check_partner_leaf(self, leaf):
        """A leaf on a partner field is allowed only as 'is my own partner'."""
        path = leaf[0].split(".")
        if path[0] not in HID_PARTNER_FIELDS:
            return
        pid = self.env.user.partner_id.id
        value = leaf[2]
        if isinstance(value, (list, tuple)):
            value = list(value)
        own = (len(path) == 1 and path[0] not in ("email_from", "reply_to")
               and leaf[1] in ("=", "in") and value in (pid, [pid]))
        if not own:
            raise AccessError(_("You may not search messages by their author or "
                                "recipients."))

    @api.model
    def _where_calc(self, domain, active_test=True):
        if self._hid_mail_restricted():
            for leaf in domain or []:
                if (isinstance(leaf, (list, tuple)) and len(leaf) == 3
                        and isinstance(leaf[0], str)):
                    self._hid_check_partner_leaf(leaf)
        return super()._where_calc(domain, active_test=active_test)

    def _hid_check_spec(self, spec):
        if not self._hid_mail_restricted():
            return
        if isinstance(spec, str):
            spec = spec.split(",")
        for part in spec or []:
            name = (part or "").strip().split(" ")[0].split(":")[0].split(".")[0]
            if name in HID_PARTNER_FIELDS:
                raise AccessError(_("You may not search messages by their author or "
                                    "recipients."))

    @api.model
    def _generate_order_by(self, order_spec, query):
        self._hid_check_spec(order_spec)
        return super()._generate_order_by(order_spec, query)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        self._hid_check_spec(list(fields or []) + (
            [groupby] if isinstance(groupby, str) else list(groupby or [])))
        self._hid_check_spec(orderby)
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)

    # ------------------------------------------------------------------
    # Reading: citizens taken out
    # ------------------------------------------------------------------

    @api.model
    def _hid_citizen_label(self):
        return _("Identity hidden")

    def _hid_hidden_authors(self, message_ids):
        """{message id} of the messages whose author a restricted user may not see: a
        citizen's, and those with no author partner at all, whose sender is only the
        e-mail's From (an e-mail from someone not known yet, registered as a citizen by the
        gateway after the message was parsed)."""
        if not message_ids or not self._hid_mail_restricted():
            return set()
        self._cr.execute("SELECT id, author_id FROM mail_message WHERE id IN %s",
                         (tuple(message_ids),))
        rows = self._cr.fetchall()
        hidden = self._hid_hidden_partner_ids([author for _mid, author in rows])
        return {mid for mid, author in rows if not author or author in hidden}

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if not self._hid_mail_restricted():
            return result
        hidden_authors = self._hid_hidden_authors([vals["id"] for vals in result])
        listed = set()
        for vals in result:
            for name in ("partner_ids", "needaction_partner_ids", "starred_partner_ids"):
                listed.update(vals.get(name) or [])
        hidden = self._hid_hidden_partner_ids(listed)
        for vals in result:
            if vals["id"] in hidden_authors:
                for name in ("author_id", "author_avatar", "reply_to"):
                    if name in vals:
                        vals[name] = False
                if "email_from" in vals:
                    vals["email_from"] = self._hid_citizen_label()
            for name in ("partner_ids", "needaction_partner_ids", "starred_partner_ids"):
                if vals.get(name):
                    vals[name] = [pid for pid in vals[name] if pid not in hidden]
        notifications = [nid for vals in result for nid in vals.get("notification_ids") or []]
        if notifications:
            # the notifications' own scope says which of them the user may see
            visible = set(self.env["mail.notification"].search(
                [("id", "in", notifications)]).ids)
            for vals in result:
                if vals.get("notification_ids"):
                    vals["notification_ids"] = [nid for nid in vals["notification_ids"]
                                                if nid in visible]
        return result

    @api.model
    def _message_read_dict_postprocess(self, messages, message_tree):
        """message_format renders authors, recipients and tracked values as superuser."""
        res = super()._message_read_dict_postprocess(messages, message_tree)
        if not self._hid_mail_restricted():
            return res
        hidden_authors = self._hid_hidden_authors([vals["id"] for vals in messages])
        partners = set()
        for vals in messages:
            partners.update(p[0] for p in vals.get("partner_ids") or [])
            partners.update(d[0] for d in vals.get("customer_email_data") or [])
        hidden = self._hid_hidden_partner_ids(partners)
        for vals in messages:
            message = message_tree[vals["id"]]
            if vals["id"] in hidden_authors:
                vals["author_id"] = (0, self._hid_citizen_label())
                vals["email_from"] = False
            vals["partner_ids"] = [p for p in vals.get("partner_ids") or []
                                   if p[0] not in hidden]
            vals["customer_email_data"] = [d for d in vals.get("customer_email_data") or []
                                           if d[0] not in hidden]
            vals["tracking_value_ids"] = self._hid_visible_tracking(
                message, vals.get("tracking_value_ids") or [])
        return res

    def _hid_visible_tracking(self, message, tracking_dicts):
        """Tracked values of fields the user may read, naming no citizen."""
        if not tracking_dicts or not message.model or message.model not in self.env:
            return tracking_dicts
        Document = self.env[message.model]
        trackings = self.env["mail.tracking.value"].sudo().browse(
            [d["id"] for d in tracking_dicts])
        allowed = set()
        for tracking in trackings:
            field = Document._fields.get(tracking.field)
            if field is None or (field.groups and not self.user_has_groups(field.groups)):
                continue
            if field.type == "many2one" and field.comodel_name == "res.partner" and \
                    self._hid_hidden_partner_ids([tracking.old_value_integer,
                                                  tracking.new_value_integer]):
                continue
            allowed.add(tracking.id)
        return [d for d in tracking_dicts if d["id"] in allowed]

    @api.multi
    def message_format(self):
        """needaction_partner_ids are added after the post-processing, as superuser."""
        values = super().message_format()
        if self._hid_mail_restricted():
            listed = set()
            for vals in values:
                listed.update(vals.get("needaction_partner_ids") or [])
            hidden = self._hid_hidden_partner_ids(listed)
            for vals in values:
                vals["needaction_partner_ids"] = [
                    pid for pid in vals.get("needaction_partner_ids") or []
                    if pid not in hidden]
        return values
