from . import hid_evrak_label
from . import hid_zimmet_defteri
from . import hid_evrak_print
