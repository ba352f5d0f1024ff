"""Errors of the HİD rules library; the Odoo glue maps them to a translated ValidationError."""


class HidLibError(ValueError):
    """Base error: `message` is an English %-template plus `params`, so it can be translated.

    ``str(error)`` gives the formatted English text.  The Odoo glue can translate
    the template first and format it afterwards: ``_(error.message) % error.params``.
    """

    def __init__(self, message, **params):
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)


class InvalidPhone(HidLibError):
    """A phone number that cannot be parsed or is not a valid number."""


class InvalidTCKN(HidLibError):
    """A T.C. Kimlik No. with the wrong length, format or check digits."""


class DeadlineError(HidLibError):
    """A deadline/calendar question that has no answer (bad input, forbidden extension...)."""
