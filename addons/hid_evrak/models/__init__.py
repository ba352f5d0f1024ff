from . import hid_evrak_sdp
from . import hid_evrak
from . import hid_evrak_content
from . import hid_evrak_scan
from . import hid_zimmet
from . import hid_zimmet_line
from . import helpdesk_ticket
