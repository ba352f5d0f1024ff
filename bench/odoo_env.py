"""Open an Odoo environment on a database from a plain script (benchmarks, generators)."""
import contextlib

import odoo


@contextlib.contextmanager
def environment(config_file, database, uid=odoo.SUPERUSER_ID):
    """Yield an env with a cursor that is committed when the block ends without error."""
    odoo.tools.config.parse_config(["-c", config_file, "-d", database])
    with odoo.api.Environment.manage():
        registry = odoo.registry(database)
        with registry.cursor() as cr:
            yield odoo.api.Environment(cr, uid, {})
