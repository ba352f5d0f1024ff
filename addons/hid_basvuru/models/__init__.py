from . import hid_mahalle
from . import hid_basvuru_type
from . import helpdesk_ticket_team
from . import helpdesk_ticket_channel
from . import helpdesk_ticket_category
from . import hid_protected_field_mixin
from . import res_partner
from . import res_users
