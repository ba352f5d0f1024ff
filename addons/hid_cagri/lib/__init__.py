"""Plain-Python rules of the call centre (no ORM): PBX adapters, call merging, KPI maths."""
