"""Text handling shared by both search backends: words, accents, stems, queries and snippets.

A *word* is a run of letters or digits. Words are compared lowercased and without accents
(`normalise`), then reduced to their stem in the language of the text they belong to
(`stem`: Snowball for French, English, Portuguese, Italian and Danish; other languages, such
as Bulgarian, are only normalised). The SQLite backend indexes these stems; the PostgreSQL
backend uses its own dictionaries configured the same way (`unaccent` then the language's
Snowball stemmer, `simple` for Bulgarian), and both highlight with `snippet` below.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

STEMMERS = {
    "fr": "french",
    "en": "english",
    "pt": "portuguese",
    "it": "italian",
    "da": "danish",
}
# Languages with a configuration of their own; any other language is searched like Bulgarian
# (lowercased, without accents, unstemmed).
LANGUAGES = ("fr", "en", "pt", "it", "da", "bg")
OTHER = "bg"

MAX_UNITS = 32  # words and phrases kept from one query
MAX_WORD = 100  # characters kept from one word
MIN_TERM = 3  # shortest word kept in the "did you mean" vocabulary

WORD_RE = re.compile(r"[^\W_]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters that carry no combining mark to drop but that PostgreSQL's `unaccent` also folds.
_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def bucket(language: str) -> str:
    """The language whose rules apply to a text in `language`."""
    return language if language in LANGUAGES else OTHER


def clean(text: str) -> str:
    """`text` without NUL and other control characters (PostgreSQL refuses NUL)."""
    return _CONTROL_RE.sub(" ", text or "")


def normalise(text: str) -> str:
    """Lowercase, without accents."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return unicodedata.normalize("NFC", _COMBINING_RE.sub("", decomposed))


def words(text: str) -> list[str]:
    """The normalised words of `text`, in order."""
    return WORD_RE.findall(normalise(clean(text))) if text else []


@lru_cache(maxsize=16)
def _stemmer(language: str) -> snowballstemmer.stemmer | None:
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


_STEMS: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}


def stem(word: str, language: str) -> str:
    """The stem of a normalised `word` in `language` (the word itself without a stemmer)."""
    language = bucket(language)
    cache = _STEMS[language]
    found = cache.get(word)
    if found is None:
        stemmer = _stemmer(language)
        found = (stemmer.stemWord(word) if stemmer else word) or word
        if len(cache) > 200_000:
            cache.clear()
        cache[word] = found
    return found


# --- queries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query: each unit is one word, or the words of one quoted phrase."""

    units: tuple[tuple[str, ...], ...]
    terms: tuple[str, ...]  # the words as typed (cleaned), for highlighting

    @property
    def words(self) -> list[str]:
        """Normalised single words (outside phrases)."""
        return [unit[0] for unit in self.units if len(unit) == 1]

    @property
    def phrases(self) -> list[tuple[str, ...]]:
        return [unit for unit in self.units if len(unit) > 1]

    @property
    def normalised(self) -> list[str]:
        """Every normalised word of the query, phrases included, without repeats."""
        return list(dict.fromkeys(word for unit in self.units for word in unit))

    def __bool__(self) -> bool:
        return bool(self.units)


_QUOTED_RE = re.compile(r'"([^"]*)"')


def parse_query(query: str) -> ParsedQuery:
    """Split `query` into words and quoted phrases. Everything else (operators, brackets,
    stray quotes, NUL) is plain text, so that no user string can make a query fail."""
    text = clean(query or "")
    units: list[tuple[str, ...]] = []
    terms: list[str] = []
    position = 0

    def add(segment: str, phrase: bool) -> None:
        raw = [w[:MAX_WORD] for w in WORD_RE.findall(segment)]
        normalised = tuple(w for word in raw for w in words(word))
        terms.extend(raw)
        if phrase and len(normalised) > 1:
            units.append(normalised)
        else:
            units.extend((word,) for word in normalised)

    for match in _QUOTED_RE.finditer(text):
        add(text[position : match.start()], phrase=False)
        add(match.group(1), phrase=True)
        position = match.end()
    add(text[position:], phrase=False)
    unique_units = list(dict.fromkeys(units))[:MAX_UNITS]
    unique_terms = list(dict.fromkeys(terms))[: MAX_UNITS * 4]
    return ParsedQuery(units=tuple(unique_units), terms=tuple(unique_terms))


def replace_words(query: ParsedQuery, corrections: dict[str, str]) -> str:
    """The query's text with some normalised words replaced, phrases kept in quotes."""
    parts = []
    for unit in query.units:
        fixed = [corrections.get(word, word) for word in unit]
        parts.append(f'"{" ".join(fixed)}"' if len(unit) > 1 else fixed[0])
    return " ".join(parts)


# --- snippets ----------------------------------------------------------------------------------


def snippet(
    text: str, terms: list[str] | tuple[str, ...], *, language: str, length: int = 240
) -> SafeString:
    """An HTML-escaped excerpt of about `length` characters of `text` around its first word
    matching a term (same stem in `language`, accents ignored), every matching word in <mark>,
    with "…" where the text was cut."""
    text = " ".join(clean(text or "").split())
    if not text:
        return mark_safe("")
    length = max(20, length)
    wanted = {stem(word, language) for term in terms for word in words(term)}
    matches = []
    if wanted:
        for match in WORD_RE.finditer(text):
            found = words(match.group())
            if found and any(stem(word, language) in wanted for word in found):
                matches.append((match.start(), match.end()))
    start = 0
    if matches and len(text) > length:
        first = matches[0][0]
        start = max(0, min(first - length // 4, len(text) - length))
        if start > 0:  # begin at a word
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):  # end at a word
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…"] if start > 0 else []
    position = start
    for match_start, match_end in matches:
        if match_end <= start or match_start < position:
            continue
        if match_start >= end:
            break
        match_end = min(match_end, end)
        parts.append(escape(text[position:match_start]))
        parts.append(f"<mark>{escape(text[match_start:match_end])}</mark>")
        position = match_end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above
