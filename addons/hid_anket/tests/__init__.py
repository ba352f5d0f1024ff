from . import test_roles
from . import test_satisfaction
from . import test_figures_roles
from . import test_opinion
from . import test_sms_token
