"""Every feed validates as iCalendar (RFC 5545): it parses with `icalendar` and with the
independent parser `vobject`, and passes our own checks of the format: CRLF line ends, lines
folded at 75 octets without cutting a UTF-8 character, balanced components, one VERSION:2.0
and one PRODID, one UID, DTSTAMP, DTSTART and a later DTEND in each event, unique UIDs, and
TEXT values escaped so that commas, semicolons, backslashes and newlines come back exactly."""

import datetime
from decimal import Decimal

import icalendar
import pytest
import vobject
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from cocade.agenda.enums import Audience, EventKind, EventStatus, RegistrationStatus
from tests.factories.agenda import (
    CalendarFeedFactory,
    EventFactory,
    InvitationFactory,
    RegistrationFactory,
)
from tests.factories.directory import SiteFactory

pytestmark = pytest.mark.django_db

#: A title with every character that TEXT values must escape.
TRICKY_TITLE = "Atelier CV, lettre; chemin C:\\Documents\\CV\nsecond line"
BULGARIAN_TITLE = "Кариерно ориентиране за младежи: работилница за професионално развитие в София"
PORTUGUESE_TITLE = (
    "Orientação profissional: sessão de informação sobre formações e profissões, "
    "Cidade das Profissões"
)
LONG_DESCRIPTION = (
    "Préparez votre entretien d'embauche avec des conseillères et conseillers de la Cité "
    "des métiers ; apportez votre CV, une lettre de motivation et vos questions. "
) * 4


def _moment(days, hour):
    start = timezone.now() + datetime.timedelta(days=days)
    return start.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def feeds(centre_a, centre_b, public_user):
    """Events of every shape, and the address of each feed that shows them."""
    site = SiteFactory(
        centre=centre_a,
        name={"fr": "Cité des métiers, Ploufragan"},
        address="2, rue Jean-Moulin",
        postcode="22440",
        commune="Ploufragan",
        latitude=Decimal("48.491200"),
        longitude=Decimal("-2.794500"),
    )
    tricky = EventFactory(
        centre=centre_a,
        slug="atelier-cv",
        kind=EventKind.WORKSHOP,
        title={"fr": TRICKY_TITLE},
        summary={"fr": LONG_DESCRIPTION},
        site=site,
        contact_email="contact@example.org",
        starts_at=_moment(3, 8),
        ends_at=_moment(3, 11),
    )
    bulgarian = EventFactory(
        centre=centre_a,
        slug="rabotilnitsa",
        kind=EventKind.WORKSHOP,
        original_language="bg",
        title={"bg": BULGARIAN_TITLE, "en": "Career guidance workshop for young people"},
        summary={"bg": BULGARIAN_TITLE * 3},
        starts_at=_moment(5, 7),
        ends_at=_moment(5, 9),
        timezone="Europe/Sofia",
    )
    portuguese = EventFactory(
        centre=centre_b,
        slug="sessao-de-informacao",
        kind=EventKind.WORKSHOP,
        original_language="pt",
        title={"pt": PORTUGUESE_TITLE, "fr": "Orientation : séance d'information"},
        summary={"pt": PORTUGUESE_TITLE * 3},
        online_url="https://visio.example.org/sessao?lang=pt&id=42",
        starts_at=_moment(8, 14),
        ends_at=_moment(8, 16),
        timezone="Europe/Lisbon",
    )
    multi_day = EventFactory(
        centre=centre_a,
        slug="spring-school",
        kind=EventKind.WORKSHOP,
        title={"fr": "École de printemps", "en": "Spring School", "pt": "Escola de primavera"},
        starts_at=_moment(30, 7),
        ends_at=_moment(32, 15),
    )
    cancelled = EventFactory(
        centre=centre_a,
        slug="annule",
        kind=EventKind.WORKSHOP,
        status=EventStatus.CANCELLED,
        title={"fr": "Numeri'Day annulé", "en": "Cancelled Numeri'Day"},
    )
    members = EventFactory(
        centre=centre_a,
        slug="reunion-equipe",
        audience=Audience.MEMBERS,
        title={"fr": "Réunion d'équipe"},
    )
    meeting = EventFactory(
        centre=None, slug="comex", audience=Audience.INVITED, title={"fr": "Réunion du ComEx"}
    )
    InvitationFactory(event=meeting, user=public_user)
    for item in (tricky, bulgarian, portuguese, multi_day, cancelled, members, meeting):
        RegistrationFactory(event=item, user=public_user, email="moi@example.org")
    RegistrationFactory(
        event=EventFactory(
            centre=centre_b,
            slug="liste-attente",
            title={"fr": "Atelier lettre de motivation", "en": "Cover letter workshop"},
        ),
        user=public_user,
        email="moi@example.org",
        status=RegistrationStatus.WAITLISTED,
    )
    key = CalendarFeedFactory(user=public_user).key
    return {
        "network": ("agenda:feed_network", {}),
        "centre": ("agenda:feed_centre", {"slug": centre_a.slug}),
        "kind": ("agenda:feed_kind", {"kind": "workshop"}),
        "private": ("agenda:feed_private", {"key": key}),
        "event": ("agenda:event_ics", {"slug": "atelier-cv"}),
        "event_bulgarian": ("agenda:event_ics", {"slug": "rabotilnitsa"}),
        "event_portuguese": ("agenda:event_ics", {"slug": "sessao-de-informacao"}),
    }


FEEDS = ("network", "centre", "kind", "private", "event", "event_bulgarian", "event_portuguese")
LANGUAGES = ("fr", "en", "bg", "pt")


def fetch(client, feeds, feed, language="fr"):
    name, kwargs = feeds[feed]
    with translation.override(language):
        address = reverse(name, kwargs=kwargs)
    response = client.get(address)
    assert response.status_code == 200
    return response.content


# --- Our own reading of the format ------------------------------------------------------------


def unfold(content: bytes) -> list[bytes]:
    """Content lines, with folded lines joined (RFC 5545 §3.1)."""
    joined = content.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")
    assert joined.endswith(b"\r\n")
    return joined[: -len(b"\r\n")].split(b"\r\n")


def split_line(line: bytes) -> tuple[str, str]:
    """(NAME, value) of a content line: the name ends at the first `;` or `:`, the value
    starts after the first `:` outside a quoted parameter value."""
    text = line.decode("utf-8")
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, value = text[:index], text[index + 1 :]
            return head.split(";", 1)[0].upper(), value
    raise AssertionError(f"no colon in {text!r}")


def components(content: bytes) -> list[tuple[str, dict[str, list[str]]]]:
    """Each component (its name and its properties, in order), checking that BEGIN and END
    are balanced and properly nested."""
    stack: list[tuple[str, dict[str, list[str]]]] = []
    found = []
    for line in unfold(content):
        name, value = split_line(line)
        if name == "BEGIN":
            stack.append((value, {}))
        elif name == "END":
            assert stack, f"END:{value} without BEGIN"
            begun, properties = stack.pop()
            assert begun == value, f"BEGIN:{begun} closed by END:{value}"
            found.append((begun, properties))
        else:
            assert stack, f"{name} outside any component"
            stack[-1][1].setdefault(name, []).append(value)
    assert stack == [], f"unclosed {[name for name, _props in stack]}"
    return found


def unescape_text(value: str) -> str:
    """A TEXT value as written (RFC 5545 §3.3.11) back to the text."""
    result, index = [], 0
    while index < len(value):
        char = value[index]
        if char == "\\":
            following = value[index + 1]
            result.append({"n": "\n", "N": "\n"}.get(following, following))
            assert following in "nN\\;,", f"bad escape \\{following}"
            index += 2
        else:
            assert char not in ";,", f"unescaped {char!r} in {value!r}"
            result.append(char)
            index += 1
    return "".join(result)


def utc(value: str) -> datetime.datetime:
    return datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)


# --- Every feed, every check --------------------------------------------------------------


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_parses_with_icalendar_in_every_language(client, feeds, feed):
    contents = [fetch(client, feeds, feed, language) for language in LANGUAGES]

    calendars = [icalendar.Calendar.from_ical(content) for content in contents]

    assert [(c.name, str(c["VERSION"])) for c in calendars] == [("VCALENDAR", "2.0")] * len(
        LANGUAGES
    )
    assert all(len(calendar.walk("VEVENT")) >= 1 for calendar in calendars)


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_parses_with_vobject_in_every_language(client, feeds, feed):
    for language in LANGUAGES:
        content = fetch(client, feeds, feed, language)

        parsed = list(vobject.readComponents(content.decode("utf-8"), validate=True))

        expected = len(icalendar.Calendar.from_ical(content).walk("VEVENT"))
        assert [component.name for component in parsed] == ["VCALENDAR"]
        assert len(parsed[0].contents["vevent"]) == expected
        for item in parsed[0].contents["vevent"]:
            assert item.dtend.value > item.dtstart.value


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_uses_crlf_line_ends_only(client, feeds, feed):
    content = fetch(client, feeds, feed)

    assert content.count(b"\n") == content.count(b"\r\n")
    assert content.count(b"\r") == content.count(b"\r\n")
    assert content.endswith(b"END:VCALENDAR\r\n")


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_folds_lines_at_75_octets_between_utf8_characters(client, feeds, feed):
    for language in LANGUAGES:
        content = fetch(client, feeds, feed, language)

        lines = content.split(b"\r\n")[:-1]

        assert max(len(line) for line in lines) <= 75
        for line in lines:
            line.decode("utf-8")  # a fold inside a character would leave a broken sequence
        assert any(line.startswith(b" ") for line in lines)


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_components_are_balanced_and_calendar_has_one_version_and_prodid(client, feeds, feed):
    content = fetch(client, feeds, feed)

    found = components(content)

    calendars = [props for name, props in found if name == "VCALENDAR"]
    assert len(calendars) == 1
    assert (calendars[0]["VERSION"], calendars[0]["PRODID"]) == (
        ["2.0"],
        ["-//COCADE//Agenda//EN"],
    )
    assert unfold(content)[0] == b"BEGIN:VCALENDAR"
    assert unfold(content)[-1] == b"END:VCALENDAR"


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_events_have_one_uid_dtstamp_dtstart_and_a_later_dtend(client, feeds, feed):
    content = fetch(client, feeds, feed)

    events = [props for name, props in components(content) if name == "VEVENT"]

    assert events
    for props in events:
        counts = [len(props.get(key, [])) for key in ("UID", "DTSTAMP", "DTSTART", "DTEND")]
        assert counts == [1, 1, 1, 1], props
        assert utc(props["DTEND"][0]) > utc(props["DTSTART"][0])
        utc(props["DTSTAMP"][0])


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_uids_are_unique(client, feeds, feed):
    content = fetch(client, feeds, feed)

    uids = [props["UID"][0] for name, props in components(content) if name == "VEVENT"]

    assert len(uids) == len(set(uids))


@pytest.mark.parametrize("feed", FEEDS)
def test_feed_text_values_are_escaped(client, feeds, feed):
    content = fetch(client, feeds, feed)

    for name, props in components(content):
        keys = ("SUMMARY", "DESCRIPTION", "LOCATION") if name == "VEVENT" else ("X-WR-CALNAME",)
        for key in keys:
            for value in props.get(key, []):
                unescape_text(value)


def test_event_uid_is_the_same_in_every_feed_and_language(client, feeds):
    uids = set()
    for feed in ("network", "centre", "kind", "private", "event"):
        for language in ("fr", "en"):
            content = fetch(client, feeds, feed, language)
            for item in icalendar.Calendar.from_ical(content).walk("VEVENT"):
                if str(item["SUMMARY"]) == TRICKY_TITLE:
                    uids.add(str(item["UID"]))

    assert len(uids) == 1


# --- Escaping and non-ASCII text ----------------------------------------------------------


def test_tricky_title_is_escaped_on_the_wire(client, feeds):
    content = fetch(client, feeds, "event")

    summary = [value for name, value in map(split_line, unfold(content)) if name == "SUMMARY"]

    assert summary == ["Atelier CV\\, lettre\\; chemin C:\\\\Documents\\\\CV\\nsecond line"]


def test_event_ics_is_named_after_the_escaped_title(client, feeds):
    content = fetch(client, feeds, "event")

    calendars = [props for name, props in components(content) if name == "VCALENDAR"]
    parsed = icalendar.Calendar.from_ical(content)

    assert unescape_text(calendars[0]["X-WR-CALNAME"][0]) == TRICKY_TITLE
    assert str(parsed.walk("VEVENT")[0]["SUMMARY"]) == TRICKY_TITLE


@pytest.mark.parametrize("feed", ["network", "centre", "kind", "private", "event"])
def test_tricky_title_round_trips_exactly_through_both_parsers(client, feeds, feed):
    content = fetch(client, feeds, feed)

    by_icalendar = [
        str(item["SUMMARY"]) for item in icalendar.Calendar.from_ical(content).walk("VEVENT")
    ]
    calendar = next(vobject.readComponents(content.decode("utf-8")))
    by_vobject = [item.summary.value for item in calendar.contents["vevent"]]
    own = [
        unescape_text(props["SUMMARY"][0])
        for name, props in components(content)
        if name == "VEVENT"
    ]

    assert TRICKY_TITLE in by_icalendar
    assert TRICKY_TITLE in by_vobject
    assert TRICKY_TITLE in own


@pytest.mark.parametrize(
    ("feed", "language", "title"),
    [
        ("event_bulgarian", "bg", BULGARIAN_TITLE),
        ("event_bulgarian", "fr", BULGARIAN_TITLE),
        ("event_portuguese", "pt", PORTUGUESE_TITLE),
    ],
)
def test_non_ascii_title_is_folded_and_reads_back_whole(client, feeds, feed, language, title):
    content = fetch(client, feeds, feed, language)

    physical = content.split(b"\r\n")
    start = next(i for i, line in enumerate(physical) if line.startswith(b"SUMMARY:"))
    folded = [physical[start]]
    while physical[start + len(folded)].startswith(b" "):
        folded.append(physical[start + len(folded)])
    calendar = next(vobject.readComponents(content.decode("utf-8")))

    assert len(folded) >= 2
    assert all(len(line) <= 75 for line in folded)
    assert [line.decode("utf-8") for line in folded]  # each piece is whole UTF-8
    assert str(icalendar.Calendar.from_ical(content).walk("VEVENT")[0]["SUMMARY"]) == title
    assert calendar.vevent.summary.value == title


# --- Languages ----------------------------------------------------------------------------


def titles(content):
    return sorted(
        str(item["SUMMARY"]) for item in icalendar.Calendar.from_ical(content).walk("VEVENT")
    )


def test_network_feed_in_english_gives_the_english_titles(client, feeds):
    content = fetch(client, feeds, "network", "en")

    assert titles(content) == sorted(
        [
            TRICKY_TITLE,
            "Career guidance workshop for young people",
            PORTUGUESE_TITLE,
            "Spring School",
            "Cancelled Numeri'Day",
            "Cover letter workshop",
        ]
    )


def test_network_feed_in_french_gives_the_french_titles(client, feeds):
    content = fetch(client, feeds, "network", "fr")

    assert titles(content) == sorted(
        [
            TRICKY_TITLE,
            BULGARIAN_TITLE,
            "Orientation : séance d'information",
            "École de printemps",
            "Numeri'Day annulé",
            "Atelier lettre de motivation",
        ]
    )


def test_feed_language_follows_the_address(client, feeds):
    english = titles(fetch(client, feeds, "centre", "en"))
    french = titles(fetch(client, feeds, "centre", "fr"))
    portuguese = titles(fetch(client, feeds, "centre", "pt"))

    assert english == sorted(
        [
            TRICKY_TITLE,
            "Career guidance workshop for young people",
            "Spring School",
            "Cancelled Numeri'Day",
        ]
    )
    assert french == sorted(
        [TRICKY_TITLE, BULGARIAN_TITLE, "École de printemps", "Numeri'Day annulé"]
    )
    assert portuguese == sorted(
        [TRICKY_TITLE, BULGARIAN_TITLE, "Escola de primavera", "Numeri'Day annulé"]
    )


def test_event_url_in_a_feed_is_in_the_language_of_the_address(client, feeds):
    english = icalendar.Calendar.from_ical(fetch(client, feeds, "event", "en"))
    french = icalendar.Calendar.from_ical(fetch(client, feeds, "event", "fr"))

    with translation.override("en"):
        english_page = reverse("agenda:event", kwargs={"slug": "atelier-cv"})
    with translation.override("fr"):
        french_page = reverse("agenda:event", kwargs={"slug": "atelier-cv"})
    assert english_page.startswith("/en/")
    assert str(english.walk("VEVENT")[0]["URL"]) == settings.SITE_URL + english_page
    assert str(french.walk("VEVENT")[0]["URL"]) == settings.SITE_URL + french_page
