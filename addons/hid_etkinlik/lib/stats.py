# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The figures of one event, from plain numbers (the ORM gathers them set-based)."""


def average_wait_minutes(total_seconds, count):
    """Mean wait from arrival to call, in whole minutes (0 when nobody was called)."""
    if not count:
        return 0.0
    return round(total_seconds / count / 60.0, 1)


def share(part, whole):
    """part / whole as a percentage with one decimal (0 for an empty whole)."""
    if not whole:
        return 0.0
    return round(100.0 * part / whole, 1)
