from . import hid_havale_wizard
from . import hid_close_wizard
from . import hid_ticket_reason_wizard
from . import hid_reopen_wizard
from . import hid_extend_wizard
from . import hid_basvuru_intake
from . import hid_sms_settings
from . import hid_api_key_show
