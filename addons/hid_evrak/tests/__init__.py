from . import test_roles
from . import test_evrak_registration
from . import test_evrak_numbering
from . import test_zimmet
from . import test_zimmet_concurrency
from . import test_confidentiality
from . import test_reports
