from . import hid_call
from . import hid_call_provider
from . import hid_call_recording
from . import hid_call_audit
from . import res_users
from . import helpdesk_ticket
from . import ir_attachment
