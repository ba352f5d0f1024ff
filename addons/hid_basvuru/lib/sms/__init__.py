"""SMS without Odoo: segment counting, retry policy, templates and provider adapters."""
