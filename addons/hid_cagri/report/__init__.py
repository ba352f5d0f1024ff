from . import call_kpi_xlsx
