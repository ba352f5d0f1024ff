# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Which searches are by T.C. identity no.: plain Python over an Odoo domain."""


def is_tckn_path(name):
    """'tckn', or a path ending in it ('partner_id.tckn')."""
    return isinstance(name, str) and (name == "tckn" or name.endswith(".tckn"))


def tckn_values(domain):
    """The values searched in `domain`'s TCKN leaves (a list value gives each of its items),
    [] when there is none: one loop over the leaves, nothing else."""
    values = []
    for leaf in domain or ():
        if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and is_tckn_path(leaf[0]):
            right = leaf[2]
            if isinstance(right, (list, tuple)):
                values.extend(str(v) for v in right if v)
            else:
                values.append(str(right) if right else "")
    return values
