"""Filling an SMS template: {placeholders} from a dict; unknown ones are left as written."""
import string


def render(body, values):
    """`body` with each {name} replaced by values[name]; ValueError on unbalanced braces.

    Only plain names are substituted (no attribute or index access, no format specs), so an
    edited template can never reach into Python objects; unknown names stay visible.
    """
    out = []
    for literal, field, _spec, _conv in string.Formatter().parse(body or ""):
        out.append(literal)
        if field is None:
            continue
        if field in values:
            value = values[field]
            out.append("" if value in (None, False) else str(value))
        else:
            out.append("{%s}" % field)
    return "".join(out)


def shorten(text, limit):
    """At most `limit` characters, cut at a word boundary with an ellipsis: SMS are short."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] or text[:limit - 1]
    return cut + "…"
