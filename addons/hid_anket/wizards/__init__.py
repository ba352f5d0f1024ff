from . import hid_anket_phone_answer
from . import hid_anket_collect
