"""User text in Markdown, rendered to HTML and then sanitised: the only way user text becomes HTML.

Raw HTML in the source is escaped by the sanitiser (script, style and event attributes never
survive); links keep only http, https and mailto and open with `rel="noopener noreferrer nofollow"`.
"""

from __future__ import annotations

import markdown as _markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str | None) -> SafeString:
    """Markdown → HTML → sanitised HTML, safe to put in a template as it is."""
    if not text:
        return mark_safe("")  # noqa: S308 - an empty string
    html = _markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def plain_text(text: str | None) -> str:
    """The words of a Markdown text without any markup (for search and snippets)."""
    if not text:
        return ""
    html = _markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    return " ".join(nh3.clean(html, tags=set()).split())
