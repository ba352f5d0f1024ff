from . import hid_etkinlik_kind
from . import hid_etkinlik_host
from . import calendar_event
from . import hid_etkinlik_checklist_line
from . import hid_etkinlik_invitation
from . import hid_etkinlik_visit
from . import res_partner
from . import helpdesk_ticket
