# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The PostgreSQL guard of HİD's append-only logs (KVKK access and destruction records,
recording playbacks): a trigger that refuses UPDATE and DELETE of any row and TRUNCATE of the
table, whatever door the statement comes through (the ORM refuses first, with a Turkish
message; this is for every other one). One definition, used by each log's `init()`."""

APPEND_ONLY_SQL = """
    CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{table} is append-only';
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS {table}_append_only ON {table};
    CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE
        ON {table} FOR EACH ROW EXECUTE PROCEDURE {table}_append_only();
    DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};
    CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE
        ON {table} FOR EACH STATEMENT EXECUTE PROCEDURE {table}_append_only();
"""


def guard_append_only(cr, table):
    """Install (or refresh) the append-only triggers on `table`, a model's own table name
    (code, never user input)."""
    if not table.replace("_", "").isalnum():
        raise ValueError("not a table name: %r" % table)
    cr.execute(APPEND_ONLY_SQL.format(table=table))
