"""The interface is complete in every language: no untranslated or fuzzy entry, and the compiled
catalogues match their sources."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def _unquote(fragment: str) -> str:
    """A quoted .po string ("…" with C escapes) as text."""
    return ast.literal_eval(fragment)


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr list, flags."""
    entries, entry, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, key = None, None
            continue
        if entry is None:
            entry = {
                "msgctxt": None,
                "msgid": "",
                "msgid_plural": None,
                "msgstr": {},
                "flags": set(),
                "obsolete": False,
            }
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if match:
            keyword, index, text = match.groups()
            key = ("msgstr", int(index or 0)) if keyword.startswith("msgstr") else keyword
            value = _unquote(text)
        else:
            value = _unquote(line)
        if isinstance(key, tuple):
            entry["msgstr"][key[1]] = entry["msgstr"].get(key[1], "") + value
        else:
            entry[key] = (entry[key] or "") + value
    return [item for item in entries if not item["obsolete"]]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    messages = [entry for entry in entries if entry["msgid"]]

    untranslated = [
        entry["msgid"]
        for entry in messages
        if not all(entry["msgstr"].values()) or not entry["msgstr"]
    ]
    fuzzy = [entry["msgid"] for entry in messages if "fuzzy" in entry["flags"]]

    assert len(messages) > 100
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    entries = read_po(folder / "django.po")
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    stale = []
    for entry in entries:
        if not entry["msgid"] or entry["msgid_plural"]:
            continue
        msgid = (
            entry["msgid"]
            if entry["msgctxt"] is None
            else f"{entry['msgctxt']}\x04{entry['msgid']}"
        )
        if compiled._catalog.get(msgid) != entry["msgstr"][0]:
            stale.append(entry["msgid"])

    assert stale == []
