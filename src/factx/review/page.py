"""The review page as one self-contained HTML file.

The template, style sheet and script are package files (``static/``); the data
goes in a ``<script type="application/json">`` element, escaped so that no
text in it can end the element, and the script builds the page from it with
DOM text nodes only (never HTML): document text is untrusted. A Content
Security Policy lets the page load nothing at all and run no script but its own
(by hash), so even markup that slipped through could not act.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import pkgutil
import re

_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")
# what could end the data element or start a comment in it; LS and PS for old parsers
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def static(name: str) -> str:
    """A file of the package's ``static/`` folder."""
    data = pkgutil.get_data(__package__, f"static/{name}")
    if data is None:  # pragma: no cover - only for loaders without get_data
        raise FileNotFoundError(name)
    return data.decode("utf-8")


def script_json(data) -> str:
    """`data` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m[0]], text)


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render(data: dict) -> str:
    """The HTML page showing `data` (from `layout.page_data`)."""
    css, js = static("review.css"), static("review.js")
    csp = (f"default-src 'none'; script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {"TITLE": html.escape(data["title"]), "CSP": csp, "CSS": css, "JS": js,
              "DATA": script_json(data)}
    return _PLACEHOLDER.sub(lambda m: values[m[1]], static("review.html"))
