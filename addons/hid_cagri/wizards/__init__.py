from . import hid_basvuru_intake
from . import hid_call_kpi
from . import hid_call_token_show
