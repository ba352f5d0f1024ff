from . import hid_zimmet_return_wizard
from . import hid_zimmet_defteri_wizard
