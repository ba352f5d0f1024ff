# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The PostgreSQL guard of HİD's append-only logs (KVKK access and destruction records,
recording playbacks): a trigger that refuses UPDATE and DELETE of any row and TRUNCATE of the
table, whatever door the statement comes through (the ORM refuses first, with a Turkish
message; this is for every other one). One definition, used by each log's `init()`."""

from psycopg2 import sql

APPEND_ONLY_SQL = sql.SQL("""
    CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION {message};
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS {row_trigger} ON {table};
    CREATE TRIGGER {row_trigger} BEFORE UPDATE OR DELETE
        ON {table} FOR EACH ROW EXECUTE PROCEDURE {function}();
    DROP TRIGGER IF EXISTS {truncate_trigger} ON {table};
    CREATE TRIGGER {truncate_trigger} BEFORE TRUNCATE
        ON {table} FOR EACH STATEMENT EXECUTE PROCEDURE {function}();
""")


def guard_append_only(cr, table):
    """Install (or refresh) the append-only triggers on `table`, a model's own table."""
    cr.execute(APPEND_ONLY_SQL.format(
        table=sql.Identifier(table),
        function=sql.Identifier("%s_append_only" % table),
        row_trigger=sql.Identifier("%s_append_only" % table),
        truncate_trigger=sql.Identifier("%s_no_truncate" % table),
        message=sql.Literal("%s is append-only" % table)))
