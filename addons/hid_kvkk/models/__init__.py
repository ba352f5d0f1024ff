# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from . import hid_kvkk_mixin
from . import hid_kvkk_log
from . import hid_kvkk_retention_rule
from . import hid_kvkk_request
from . import hid_kvkk_inherits
from . import hid_kvkk_engine
from . import hid_kvkk_access
from . import hid_kvkk_search
