# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from . import hid_danisma_purpose
from . import hid_danisma_assistance
from . import hid_danisma_visit
from . import helpdesk_ticket
from . import hid_evrak
from . import hid_mail_scope
