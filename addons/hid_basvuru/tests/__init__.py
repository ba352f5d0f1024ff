from . import test_master_data
from . import test_security
from . import test_i18n
from . import test_hid_holiday
from . import test_res_partner
