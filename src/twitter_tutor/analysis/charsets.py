"""Character groups of twitter-text (its regexp/*.js files), shared by URL and entity rules."""

from __future__ import annotations

PUNCT = "!'#%&()*+,-./:;<=>?@[]^_{|}~$\\"
"""twitter-text's punctuation; note that '"' and '`' are not in it."""

SPACES = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u180e"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)
INVALID = "\ufffe\ufeff\uffff"
DIRECTIONAL = "\u202a\u202b\u202c\u202d\u202e\u061c\u200e\u200f\u2066\u2067\u2068\u2069"

# Character-class bodies (ranges), for regular expressions.
LATIN_ACCENTS = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
CYRILLIC = "\u0400-\u04ff"
