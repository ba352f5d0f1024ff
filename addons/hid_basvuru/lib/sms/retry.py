"""When to try a message again: exponential back-off with a ceiling."""
import datetime

BASE_SECONDS = 60
CAP_SECONDS = 6 * 3600


def backoff_delay(attempts, base=BASE_SECONDS, cap=CAP_SECONDS):
    """Delay after the `attempts`-th failed try: base, 2*base, 4*base... capped."""
    if attempts < 1:
        return datetime.timedelta(0)
    return datetime.timedelta(seconds=min(cap, base * 2 ** (attempts - 1)))
