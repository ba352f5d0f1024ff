from . import hid_basvuru_report
from . import hid_basvuru_report_mail
from . import hid_basvuru_pack_xlsx
from . import hid_basvuru_pack_pdf
from . import hid_basvuru_pack_wizard
from . import hid_basvuru_dashboard
from . import res_config_settings
from . import hid_basvuru_dashboard_sms
