"""Escaping of source text for the generated Markdown and its HTML.

Text from the report and from YAML files is placed both in raw HTML blocks and
in Markdown headings and inline text. Replacing every character that HTML or
Markdown (with our extensions) gives a meaning by a numeric character
reference makes the text show literally in both contexts: `*emph*`, `<b>`,
`[x](y)`, `{#id}`, `{{ x }}` and `{% x %}` all come out as typed.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# `.`, `-`, `+` and `(` only mean something at the start of a Markdown line or
# after `]`; generated text never starts a line, so they are left as they are.
SPECIAL = "&<>\"'\\`*_{}[]!#|~^="
TABLE = {ord(ch): f"&#{ord(ch)};" for ch in SPECIAL}
SPECIAL_RE = re.compile(f"[{re.escape(SPECIAL)}]")


def escape_text(text: str) -> str:
    """Return text with HTML and Markdown syntax characters as references."""
    # Most text has none: searching first is many times faster than translating.
    return text.translate(TABLE) if SPECIAL_RE.search(text) else text


def escape(value: object) -> Markup:
    """Return value as safe Markup: kept when already Markup, else escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(escape_text(str(value)))


HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff“”「」、，。：；（）《》]*[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff“”「」、，。：；（）《》]*")


def with_chinese_marked(value: object, lang: str = "zh-Hans") -> Markup:
    """Return English text escaped, each run of Chinese in it marked with its language (so
    that browsers and screen readers read 两新 in an English definition as Chinese)."""
    text = str(value)
    pieces, cursor = [], 0
    for match in HAN_RUN.finditer(text):
        pieces.append(escape_text(text[cursor : match.start()]))
        pieces.append(f'<span lang="{lang}">{escape_text(match.group())}</span>')
        cursor = match.end()
    pieces.append(escape_text(text[cursor:]))
    return Markup("".join(pieces))
