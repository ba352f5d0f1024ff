"""Plain-Python rules of HİD (deadlines, working days, phone, TCKN); must never import odoo."""
