from . import hid_anket_satisfaction_report
from . import hid_anket_answer_report
from . import hid_anket_opinion_xlsx
