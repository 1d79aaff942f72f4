"""URL extraction as twitter-text does it (extractUrlsWithIndices, with URLs without protocol).

twitter-text finds URLs with one large regular expression whose domain part alternates over
~1,600 top-level domains. Compiled in Python that costs ~25 ms, and the same expression tried
at every position of a long run of non-Latin letters takes quadratic time. So the same rules are
applied in a different way here:

1. A small pattern finds *chains*: runs of domain characters joined by dots (a domain can only
   live inside one).
2. For each chain, the labels are classified once (valid as subdomain or domain name? does it
   start with a TLD from `data/tlds.txt`?). The domain that twitter-text's greedy expression
   would take from any start position then follows in constant time.
3. Port, path and query, which need no TLD list, are matched with twitter-text's own patterns.

Candidates are visited in the order the regular expression would visit them, and a match resumes
the scan at its end (also when it is then rejected), so the results agree with the conformance
suite in tests/data/twitter-text. Work is linear in the length of the text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from twitter_tutor.analysis.charsets import (
    CYRILLIC,
    DIRECTIONAL,
    INVALID,
    LATIN_ACCENTS,
    PUNCT,
    SPACES,
)
from twitter_tutor.analysis.files import read_text

_NOT_DOMAIN_CHAR = frozenset(PUNCT + SPACES + INVALID + DIRECTIONAL)
_NOT_BEFORE_URL = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@＠$#＃" + INVALID
)
_NOT_AFTER_TLD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@+-")
_BAD_BEFORE_BARE_DOMAIN = frozenset("-_./")
"""A URL without protocol right after one of these is part of something else (an email...)."""

_MAX_URL_LENGTH = 4096
_MAX_LABEL_LENGTH = 63
_MAX_TCO_SLUG_LENGTH = 40
_DEFAULT_PROTOCOL = "https://"


class UrlMatch(NamedTuple):
    """One extracted URL: `url` as twitter-text reports it, `start`/`end` its indices."""

    url: str
    start: int
    end: int


def _class_without(chars: str) -> str:
    return "[^" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled on first use: chain, protocol, port/path/query, t.co, ASCII labels, punycode."""
    # A label character is a domain character, '-' or '_'; chains need at least one dot.
    label_char = _class_without(
        (PUNCT.replace("-", "").replace("_", "")) + SPACES + INVALID + DIRECTIONAL
    )
    chain = re.compile(rf"(?<!{label_char}){label_char}++(?:\.{label_char}++)+")
    protocol = re.compile(r"https?://", re.IGNORECASE)
    # twitter-text's validGeneralUrlPathChars, validUrlBalancedParens, validUrlPathEndingChars,
    # validUrlQueryChars and validUrlQueryEndingChars.
    gen = rf"[a-zA-Z{CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{LATIN_ACCENTS}]"
    parens = rf"\((?:{gen}+|(?:{gen}*\({gen}+\){gen}*))\)"
    path_end = rf"(?:[+\-a-zA-Z{CYRILLIC}0-9=_#/{LATIN_ACCENTS}]|{parens})"
    path_seg = rf"(?:{gen}*(?:{parens}{gen}*)*{path_end}|@{gen}+/)"
    query = r"\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/]"
    rest = re.compile(rf"(?::[0-9]+)?(?P<path>/{path_seg}*)?(?:{query})?")
    tco = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:{query})?", re.IGNORECASE)
    ascii_labels = re.compile(rf"(?:[\-a-zA-Z0-9{LATIN_ACCENTS}]+\.)+")
    punycode = re.compile(r"xn--[\-0-9a-z]+", re.IGNORECASE)
    return chain, protocol, rest, tco, ascii_labels, punycode


@cache
def _tlds() -> tuple[frozenset[str], int]:
    names = frozenset(
        line.strip()
        for line in read_text("data", "tlds.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return names, max(map(len, names))


def _tld_end(text: str, start: int, stop: int) -> int:
    """End of the top-level domain at `text[start:]` (not past `stop`), or -1.

    Like twitter-text: the longest known TLD not followed by a letter, digit, '@', '+' or '-',
    else a punycode TLD (xn--...).
    """
    names, longest = _tlds()
    for end in range(min(stop, start + longest), start, -1):
        if end < len(text) and text[end] in _NOT_AFTER_TLD:
            continue
        if text[start:end].lower() in names:
            return end
    match = _patterns()[5].match(text, start, stop)
    return match.end() if match else -1


def _is_domain_char(char: str) -> bool:
    return char not in _NOT_DOMAIN_CHAR


class _Chain:
    """The labels of one chain, classified once so each start position is answered in O(1)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        position = start
        for label in text[start:end].split("."):
            self.starts.append(position)
            self.ends.append(position + len(label))
            position += len(label) + 1
        count = len(self.starts)
        spans = list(zip(self.starts, self.ends, strict=True))
        self.tld = [-1] + [_tld_end(text, s, e) for s, e in spans[1:]]
        # twitter-text's validSubdomain / validDomainName: first and last character are domain
        # characters; a subdomain may contain '_' and '-' inside, a domain name only '-'.
        self.sub_ok = [_is_domain_char(text[s]) and _is_domain_char(text[e - 1]) for s, e in spans]
        name_ok = [
            ok and "_" not in text[s:e] for ok, (s, e) in zip(self.sub_ok, spans, strict=True)
        ]
        # first_bad[j]: the first label at or after j that is no valid subdomain.
        self.first_bad = [count] * (count + 1)
        for j in range(count - 1, -1, -1):
            self.first_bad[j] = self.first_bad[j + 1] if self.sub_ok[j] else j
        # best[m]: the largest k <= m where label k-1 is a domain name and label k starts with
        # a TLD.
        self.best = [-1] * count
        for k in range(1, count):
            good = name_ok[k - 1] and self.tld[k] >= 0
            self.best[k] = k if good else self.best[k - 1]
        self.last_tld = max((k for k in range(count) if self.tld[k] >= 0), default=-1)

    def domain_end(self, label: int, start: int) -> int:
        """End of the domain that starts at `start` inside label `label`, or -1.

        The greedy choice of twitter-text's `subdomain* domainName TLD`: as many subdomains as
        still leave a domain name followed by a TLD.
        """
        text, end = self.text, self.ends[label]
        if (
            label >= self.last_tld
            or not _is_domain_char(text[start])
            or not _is_domain_char(text[end - 1])
        ):
            return -1
        # As subdomain (the label's own end decides), then as many more as possible.
        bound = min(self.first_bad[label + 1] + 1, len(self.starts) - 1)
        k = self.best[bound] if bound >= label + 2 else -1
        if k >= label + 2:
            return self.tld[k]
        # As the domain name itself, right before the TLD.
        if self.tld[label + 1] >= 0 and "_" not in text[start:end]:
            return self.tld[label + 1]
        return -1

    def starts_from(self, label: int) -> range:
        return range(self.starts[label], self.ends[label])


def _punycode_ok(domain: str) -> bool:
    """twitter-text's idna.toAscii check: every label 1..63 characters once punycode-encoded."""
    if domain.startswith("xn--") and not _ascii_domains(domain):
        return False  # an encoded domain must be ASCII (as in twitter-text: hold an ASCII domain)
    for label in domain.split("."):
        if not label.isascii():
            try:
                label = "xn--" + label.encode("punycode").decode("ascii")
            except (UnicodeError, ValueError):
                return False
        if not 1 <= len(label) <= _MAX_LABEL_LENGTH:
            return False
    return True


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of twitter-text's validAsciiDomain matches inside `domain` (global search)."""
    ascii_labels = _patterns()[4]
    found: list[tuple[int, int]] = []
    position = 0
    while (run := ascii_labels.search(domain, position)) is not None:
        # Greedy: the TLD after the last dot first, then after earlier dots.
        dots = [i for i in range(run.start(), run.end()) if domain[i] == "."]
        for dot in reversed(dots):
            end = _tld_end(domain, dot + 1, len(domain))
            if end >= 0:
                found.append((run.start(), end))
                position = end
                break
        else:
            position = run.end()
    return found


def extract_url_matches(text: str) -> list[UrlMatch]:
    """Every URL twitter-text would extract from `text`, with its indices."""
    if "." not in text:
        return []
    chain_re, protocol_re, rest_re, tco_re, _, _ = _patterns()
    candidates: list[tuple[float, int, _Chain, int, int, int]] = []
    for found in chain_re.finditer(text):
        chain = _Chain(text, found.start(), found.end())
        if chain.last_tld < 1:
            continue
        start = found.start()
        for length in (7, 8):  # "http://", "https://" right before the chain
            url_start = start - length
            if (
                url_start >= 0
                and protocol_re.fullmatch(text, url_start, start)
                and (url_start == 0 or text[url_start - 1] not in _NOT_BEFORE_URL)
            ):
                candidates.append((_order(url_start), 0, chain, 0, start, length))
        for label in range(chain.last_tld):
            for position in chain.starts_from(label):
                if _is_domain_char(text[position]) and (
                    position == 0 or text[position - 1] not in _NOT_BEFORE_URL
                ):
                    candidates.append((_order(position), 1, chain, label, position, 0))
    candidates.sort(key=lambda c: (c[0], c[1]))

    urls: list[UrlMatch] = []
    resume = 0
    for _, _, chain, label, domain_start, proto_len in candidates:
        url_start = domain_start - proto_len
        if (url_start > 0 and url_start - 1 < resume) or (url_start == 0 and resume > 0):
            continue  # the preceding character was used by the previous match
        domain_end = chain.domain_end(label, domain_start)
        if domain_end < 0:
            continue
        rest = rest_re.match(text, domain_end)
        end = rest.end() if rest else domain_end
        resume = end
        domain = text[domain_start:domain_end]
        url = text[url_start:end]
        protocol = text[url_start:domain_start]
        too_long = len(protocol or _DEFAULT_PROTOCOL) + len(url) > _MAX_URL_LENGTH
        if too_long or not _punycode_ok(domain):
            continue
        if protocol:
            tco = tco_re.match(url)
            if tco:
                if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    continue
                url = tco.group()
                end = url_start + len(url)
            urls.append(UrlMatch(url, url_start, end))
            continue
        # Without protocol only ASCII domains count ("example.com" inside Japanese text).
        if url_start > 0 and text[url_start - 1] in _BAD_BEFORE_BARE_DOMAIN:
            continue
        spans = _ascii_domains(domain)
        for a_start, a_end in spans:
            start = domain_start + a_start
            urls.append(UrlMatch(domain[a_start:a_end], start, domain_start + a_end))
        has_path = rest is not None and rest.group("path")
        if spans and has_path:
            last = urls[-1]
            urls[-1] = UrlMatch(last.url + text[domain_end:end], last.start, end)
    return urls


def _order(url_start: int) -> float:
    # The expression first tries to take text[0] as the preceding character (a URL at 1),
    # and only then the start of the text (a URL at 0).
    return 1.5 if url_start == 0 else float(url_start)
