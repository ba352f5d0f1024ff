from . import hid_anket_rule
from . import hid_anket_satisfaction
from . import hid_anket_quota
from . import hid_mail_scope
from . import helpdesk_ticket
from . import res_partner
from . import survey_survey
from . import survey_user_input
