"""What the interchange tests share: a Hypothesis strategy of valid frameworks, a way to compare
parsed data without the `source` of each node, and the row counts that must not move."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from django.conf import settings
from django.utils import translation
from hypothesis import strategies as st

from cocade.competencies.interchange.data import (
    PROFILES,
    SCHEMES,
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
    check_framework,
)
from cocade.competencies.interchange.errors import ParseFailed
from cocade.competencies.models import Block, Competence, Framework, FrameworkVersion
from cocade.competencies.services.frameworks import ImportRejected
from cocade.competencies.services.interchange import import_framework_file

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Letters of several scripts, and the characters that CSV and the mapping cells must escape.
ALPHABET = st.sampled_from(
    list("abcxyzABCXYZ019 éèçàÉœßøåæ")
    + list("жЖщБъйЯ Ђ")
    + list("中文€😀·—«»")
    + list(",;\"'|\\#=\t.:-_/()[]{}")
)


def one_line(max_size=24):
    return st.text(ALPHABET, min_size=1, max_size=max_size).map(str.strip).filter(bool)


ONE_LINE = one_line()
LONG_LINE = one_line(60)
MULTI_LINE = st.lists(one_line(12), min_size=1, max_size=3).map("\n".join)
BOOLEANS = st.booleans()
SMALL = st.integers(0, 3)
INDEX = st.integers(0, 1000)
CODES = st.builds(
    str.__add__,
    st.sampled_from("AB9z"),
    st.text(st.sampled_from("A1b._-"), max_size=6),
)
LEVEL_CODES = st.builds(
    str.__add__, st.sampled_from("nmx"), st.text(st.sampled_from("a1_-"), max_size=8)
)
LANGUAGE_SETS = st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=4, unique=True)
OPTIONAL_NUMBER = st.none() | st.integers(1, 40)
OPTIONAL_STATUS = st.none() | st.sampled_from(["draft", "published", "superseded"])


def _texts(draw, languages, *, required=True, lines=ONE_LINE):
    """{language: text}: the original language (the first) when required, others maybe."""
    return {
        code: draw(lines)
        for index, code in enumerate(languages)
        if (required and index == 0) or draw(BOOLEANS)
    }


def _pick(draw, values):
    return values[draw(INDEX) % len(values)]


def _unique(draw, strategy, count):
    values = []
    while len(values) < count:
        value = draw(strategy)
        if value not in values:
            values.append(value)
    return values


@st.composite
def frameworks(draw):
    """A valid FrameworkData, in the canonical order the database gives back (levels by rank,
    mappings grouped by reference scheme), in 1 to 4 languages."""
    languages = draw(LANGUAGE_SETS)
    level_codes = _unique(draw, LEVEL_CODES, 1 + draw(SMALL))
    levels = [
        LevelData(
            rank=rank,
            code=code,
            label=_texts(draw, languages),
            description=_texts(draw, languages, required=False, lines=MULTI_LINE),
        )
        for rank, code in enumerate(level_codes, start=1)
    ]
    block_codes = _unique(draw, CODES, 1 + draw(SMALL) % 3)
    sizes = [1 + draw(SMALL) % 3 for _code in block_codes]
    competence_codes = iter(_unique(draw, CODES, sum(sizes)))
    blocks = [
        BlockData(
            code=code,
            title=_texts(draw, languages),
            description=_texts(draw, languages, required=False, lines=MULTI_LINE),
            competences=[
                _competence(draw, next(competence_codes), languages, level_codes)
                for _index in range(size)
            ],
        )
        for code, size in zip(block_codes, sizes, strict=True)
    ]
    return FrameworkData(
        slug=draw(LEVEL_CODES),
        original_language=languages[0],
        title=_texts(draw, languages, lines=LONG_LINE),
        description=_texts(draw, languages, required=False, lines=MULTI_LINE),
        change_note=_texts(draw, languages, required=False, lines=MULTI_LINE),
        levels=levels,
        blocks=blocks,
        version=draw(OPTIONAL_NUMBER),
        status=draw(OPTIONAL_STATUS),
    )


def _competence(draw, code, languages, level_codes):
    mappings = {}
    for _index in range(draw(SMALL)):
        key = (_pick(draw, SCHEMES), draw(ONE_LINE))
        mappings[key] = draw(ONE_LINE) if draw(BOOLEANS) else ""
    ordered_mappings = sorted(mappings.items(), key=lambda item: SCHEMES.index(item[0][0]))
    return CompetenceData(
        code=code,
        title=_texts(draw, languages),
        description=_texts(draw, languages, required=False, lines=MULTI_LINE),
        indicators=[_texts(draw, languages) for _index in range(draw(SMALL))],
        descriptors={
            level: _texts(draw, languages, lines=MULTI_LINE)
            for level in level_codes
            if draw(BOOLEANS)
        },
        expected={profile: _pick(draw, level_codes) for profile in PROFILES if draw(BOOLEANS)},
        mappings=[
            MappingData(scheme, reference, label) for (scheme, reference), label in ordered_mappings
        ],
    )


def without_sources(data):
    """The same data with every `source` emptied (parsers record where each node was)."""
    if isinstance(data, list):
        return [without_sources(item) for item in data]
    if dataclasses.is_dataclass(data):
        changes = {
            f.name: without_sources(getattr(data, f.name))
            for f in dataclasses.fields(data)
            if f.name != "source"
        }
        return dataclasses.replace(data, source="", **changes)
    return data


JSON_LEAVES = st.sampled_from(
    [None, True, 0, -1, 3, 1.5, "", "x", "fr", "isChildOf", "A1", [], {}, [1], {"fr": 1}]
)


def paths_of(value, path=()):
    """Every path to a value inside nested dicts and lists."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, (*path, index))


def mutated(draw, value, paths):
    """`value` with one to three values replaced (or removed) at paths drawn from `paths`."""
    for _index in range(1 + draw(SMALL) % 3):
        path = paths[draw(INDEX) % len(paths)]
        node = value
        try:
            for key in path[:-1]:
                node = node[key]
            if isinstance(node, dict) and draw(BOOLEANS):
                del node[path[-1]]
            else:
                # A copy: a drawn container may come back again and must not nest in itself.
                node[path[-1]] = copy.deepcopy(draw(JSON_LEAVES))
        except (KeyError, IndexError, TypeError):
            continue
    return value


def outcome_of(parse, raw):
    """What parsing `raw` gives: "data" (then checked), "problems", or the exception itself."""
    try:
        data = parse(raw)
    except ParseFailed as error:
        return "problems" if error.problems else "empty ParseFailed"
    check_framework(data)
    return "data"


def rejected(raw, fmt, **options):
    """The problems of importing `raw` as (location, field, message), in English; and proof
    that nothing was written."""
    before = row_counts()
    with translation.override("en"), pytest.raises(ImportRejected) as caught:
        import_framework_file(actor=None, raw=raw, fmt=fmt, **options)
    assert row_counts() == before
    return [(p.location, p.field, p.message) for p in caught.value.problems]


def row_counts():
    """Rows an import would add: frameworks, versions, blocks, competences."""
    return (
        Framework.objects.count(),
        FrameworkVersion.objects.count(),
        Block.objects.count(),
        Competence.objects.count(),
    )
