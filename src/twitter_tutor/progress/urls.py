"""A store URL's password: found, and never shown (`mask_url` for every message)."""

from __future__ import annotations

import re

# The password of a URL's user info: up to the last @, so even one holding an unescaped
# /, ?, # or @ is caught whole (a later @ in the path masks too much, never too little).
_USER_INFO = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.-]*:(?://)?[^:@/?#]*):(?P<secret>.*)@")
_PASSWORD_PARAM = re.compile(r"(?i)(?P<head>[?&]password=)[^&#]*")


def url_password(url: str) -> str | None:
    """The password in a URL's user info as written (still %-escaped), if it has one."""
    found = _USER_INFO.match(url)
    return found.group("secret") if found else None


def mask_url(url: str) -> str:
    """`url` with any password (in the user info or a `password=` parameter) as `***`."""
    masked = _USER_INFO.sub(r"\g<head>:***@", url, count=1)
    return _PASSWORD_PARAM.sub(r"\g<head>***", masked)
