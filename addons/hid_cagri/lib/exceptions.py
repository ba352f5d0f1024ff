"""Errors of the call-centre rules, with an English message and its parameters (translated
by the caller, as hid_basvuru/lib does)."""


class CagriError(Exception):
    """Base error: `message` is an English sentence with %(name)s placeholders."""

    def __init__(self, message, **params):
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


class BadEvent(CagriError):
    """A PBX event we cannot read: missing call id, unknown event, bad time or number."""


class ProviderError(CagriError):
    """The provider's API refused or failed (CDR list, recording)."""
