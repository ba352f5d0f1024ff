from . import test_roles
from . import test_etkinlik
from . import test_roles_etkinlik
