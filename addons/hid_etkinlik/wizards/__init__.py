from . import hid_etkinlik_visit_basvuru
from . import hid_etkinlik_close
