"""Rules of hid_anket that need no ORM: satisfaction-survey tokens, scheduling and figures."""
