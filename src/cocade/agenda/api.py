"""The network agenda in the JSON API.

Reads are public: anyone lists and reads the published public events; a request with a personal
token (`Authorization: Bearer cct_…`) also sees what its user may see (members' events,
meetings they are invited to, drafts they organise). An event the caller may not see answers
404. Texts come in `?lang=` or the request's language (Accept-Language), else in the event's
original language (`title_language` says which). Times are UTC (`…Z`); `timezone` says where
the event happens.

Registering needs no token for a public event; with a token the registration is linked to its
user, and members' events and meetings one is invited to can be joined. The answer is the
registration's id and status only: the link to see or cancel it goes to the registrant by
email, and `POST /registrations/cancel` takes the token from that link.

Writes need a token and call the same services as the staff pages. Coordinators and centre
managers create events (a network event: coordinators only; another centre's event: 403). An
event's organisers change it (with the `lock_version` they read: an older one is 409
`stale`), list and cancel its registrations and check people in; for anyone else these answer
404, so that an event's registrants are never revealed.

Every error is `{code, message, detail}` in the request's language: 422 `invalid` for a body
that is not valid (unknown fields, wrong types, naive times, NUL characters; `detail` names
the field), 409 for a refusal of the agenda's rules (`event_full`, `registration_closed`, …),
and a refused request changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal, TypedDict

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, P, PathEx, Query, Router, Schema, Status
from pydantic import (
    AfterValidator,
    BeforeValidator,
    PlainValidator,
    StrictBool,
    StrictInt,
    WithJsonSchema,
    field_validator,
)

from cocade.agenda import selectors, tokens
from cocade.agenda.enums import Audience, EventKind, EventStatus, HalfDay, RegistrationStatus
from cocade.agenda.models import Event, Registration
from cocade.agenda.services import attendance as attendance_services
from cocade.agenda.services import events as event_services
from cocade.agenda.services import registrations as registration_services
from cocade.core.api import BodyIn, ErrorOut, TokenAuth, omittable, reject_nul
from cocade.core.errors import Conflict, DomainError, InvalidInput, NotFound
from cocade.core.i18n import language_codes, localize
from cocade.directory.models import Centre, Site

router = Router(tags=["agenda"])

#: An id in a path: a positive 64-bit integer (a larger one would not reach the database).
EventId = PathEx[int, P(ge=1, le=2**63 - 1, description="The event's id.")]
RegistrationId = PathEx[int, P(ge=1, le=2**63 - 1, description="The registration's id.")]

MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
MAX_INT = 2**31 - 1
MAX_ID = 2**63 - 1
#: The longest email address a registration stores.
MAX_EMAIL_LENGTH = Registration._meta.get_field("email").max_length or 254
#: Years an event may take place in: others are typing mistakes (and could not be stored).
FIRST_YEAR, LAST_YEAR = 1900, 2999


# --- Who asks ---------------------------------------------------------------------------------


def _without_token(request: HttpRequest) -> bool:
    """Public endpoints need no token. A request that sends one must send a valid one (401)."""
    return not request.headers.get("Authorization")


#: Public endpoints: the token's user when a valid token is sent, else an anonymous visitor.
PUBLIC_AUTH = [TokenAuth(), _without_token]
#: In the OpenAPI document the token is optional there (ninja lists TokenAuth; add "none").
PUBLIC_OPENAPI: dict[str, Any] = {"security": [{}]}
WRITE_AUTH = TokenAuth()

PUBLIC_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
}


def _caller(request: HttpRequest) -> Any:
    """The token's user, or an anonymous visitor: a browser session is never used here, so
    that another site cannot act in a signed-in visitor's name."""
    user = getattr(request, "auth", None)
    if user is None or user is True:
        return AnonymousUser()
    return user


class _Names(TypedDict):
    operation_id: str
    url_name: str


def _named(name: str) -> _Names:
    """The operation id of the OpenAPI document, also the URL name (`api:agenda_…`)."""
    full = f"agenda_{name}"
    return {"operation_id": full, "url_name": full}


# --- Field names of the API and of the services -----------------------------------------------

#: API name → the services' (model's) name.
API_TO_MODEL = {
    "start": "starts_at",
    "end": "ends_at",
    "registration_opens": "registration_opens_at",
    "registration_closes": "registration_closes_at",
}
MODEL_TO_API = {model: api for api, model in API_TO_MODEL.items()}


def _api_field(name: str | None) -> str | None:
    if name is None:
        return None
    if name.startswith("q_"):
        return f"answers.{name[2:]}"
    return MODEL_TO_API.get(name, name)


@contextmanager
def _api_field_names() -> Iterator[None]:
    """A refusal of a service names its fields as the API does (`ends_at` → `end`)."""
    try:
        yield
    except DomainError as error:
        error.field = _api_field(error.field)
        error.detail = {
            str(_api_field(name)): messages for name, messages in (error.detail or {}).items()
        }
        raise


# --- Input types ------------------------------------------------------------------------------


def _known_language(value: str | None) -> str | None:
    if value is not None and value not in language_codes():
        raise ValueError(_("Unknown language code."))
    return value


def _text_or_translations(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(
        isinstance(code, str) and isinstance(text, str) for code, text in value.items()
    ):
        return value
    raise ValueError(_("Give a text, or an object from language code to text."))


#: A text in the event's original language, or an object from language code to text.
Text = Annotated[
    str | dict[str, str],
    PlainValidator(_text_or_translations),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}},
            ],
            "description": (
                "A text in the original language, or an object from language code to text, "
                'e.g. {"fr": "…", "en": "…"}.'
            ),
        }
    ),
]


def _time_as_text(value: Any) -> Any:
    if value is not None and not isinstance(value, str):
        raise ValueError(_("Give the date and time as text, e.g. 2026-03-14T09:30:00+01:00."))
    return value


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            _(
                "Give the date and time with its offset from UTC, e.g. "
                "2026-03-14T09:30:00+01:00 or 2026-03-14T08:30:00Z."
            )
        )
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            _("Give a year between %(first)d and %(last)d.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return value.astimezone(datetime.UTC)


_MOMENT_SCHEMA = WithJsonSchema(
    {
        "type": "string",
        "format": "date-time",
        "description": "ISO 8601 with its offset from UTC, e.g. 2026-03-14T09:30:00+01:00.",
    }
)
#: An ISO 8601 date and time with its offset from UTC (a naive time is refused).
Moment = Annotated[
    datetime.datetime, BeforeValidator(_time_as_text), AfterValidator(_aware), _MOMENT_SCHEMA
]
Capacity = Annotated[StrictInt, Field(ge=0, le=MAX_INT)]


class EventFields(BodyIn):
    """Fields of an event that may be left out."""

    kind: EventKind = omittable(description="Default: `meeting`.")
    centre: str | None = omittable(
        description=(
            "The organising centre's slug; null or left out: the network itself "
            "(network coordinators only)."
        ),
        examples=["centre-a"],
    )
    original_language: str = omittable(
        description=(
            "The language the texts are written in. Default: the language of a title given in "
            "one language, else the request's."
        ),
        examples=["fr"],
    )
    timezone: str = omittable(
        description=f"An IANA time zone name. Default: {settings.TIME_ZONE}.",
        examples=["Europe/Lisbon"],
    )
    summary: Text = omittable()
    description: Text = omittable(description="Markdown.")
    moderation: StrictBool = omittable(
        description="Registrations wait for an organiser's approval (`pending`)."
    )
    registration_opens: Moment | None = omittable(description="Null: open now.")
    registration_closes: Moment | None = omittable(description="Null: until the event ends.")
    venue_name: str = omittable()
    address: str = omittable(description="The venue's address, when it is not a site.")
    online_url: str = omittable(description="A link to join online.")
    site: Annotated[StrictInt, Field(ge=1, le=MAX_ID)] | None = omittable(
        description="The id of a site of the organising centre (see /sites)."
    )
    languages: list[str] = omittable(description='Languages spoken, e.g. ["fr", "en"].')
    contact_email: str = omittable()


class EventIn(EventFields):
    """A new event: a draft unless `status` says `published`."""

    title: Text
    start: Moment
    end: Moment
    capacity: Capacity | None = Field(..., description="Seats; null for no limit.")
    waitlist: StrictBool = Field(..., description="A waiting list when it is full.")
    audience: Audience
    status: Literal["draft", "published"] = omittable(description="Default: `draft`.")


class EventPatch(EventFields):
    """The fields to change; those left out stay as they are. A text given as a string
    replaces the original-language text only; an object replaces every language."""

    lock_version: StrictInt = Field(
        ..., ge=1, le=MAX_INT, description="The `lock_version` of the event you read."
    )
    title: Text = omittable()
    start: Moment = omittable()
    end: Moment = omittable()
    capacity: Capacity | None = omittable(
        description="Not below the confirmed registrations (409 `capacity_below_confirmed`)."
    )
    waitlist: StrictBool = omittable()
    audience: Audience = omittable()
    status: EventStatus = omittable(
        description=(
            "`published`, `cancelled` (the registrants are told; final) or `draft` (only "
            "without registrations)."
        )
    )


class RegistrationIn(BodyIn):
    name: str = Field(..., description="1 to 150 characters.", examples=["Ana Sousa"])
    email: str = Field(..., examples=["ana@example.org"])
    consent: StrictBool = Field(
        False, description="Consent to the processing of the data given; required (true)."
    )
    answers: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "Answers by question id (see the event's `questions`): a text, one of the "
            "`choices`, or true/false for a consent question."
        ),
    )
    language: str = omittable(
        description="The language of the emails. Default: the request's language.",
        examples=["pt"],
    )

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        _known_language(value)
        return value


class CancelIn(BodyIn):
    token: str = Field(..., description="The token of the link in the registrant's email.")


class CheckInIn(BodyIn):
    """Either the token of the registrant's QR code, or the id of their registration."""

    token: str | None = Field(None, description="The content of the QR code.")
    registration: Annotated[StrictInt, Field(ge=1, le=MAX_ID)] | None = Field(
        None, description="A registration's id (a person found by name)."
    )


# --- Query parameters -------------------------------------------------------------------------


class LanguageQuery(Schema):
    lang: str | None = Field(
        None,
        description="Language of the texts (default: Accept-Language); else the original one.",
        examples=["en"],
    )

    @field_validator("lang")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        return _known_language(value)


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="From 1; past the end: no results.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


class EventFilters(LanguageQuery, PageQuery):
    centre: str | None = Field(
        None, max_length=80, description="The organising centre's slug.", examples=["centre-a"]
    )
    country: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{2}$",
        description="ISO 3166-1 alpha-2 code of the organising centre's country.",
        examples=["FR"],
    )
    kind: EventKind | None = None
    from_: datetime.date | None = Field(
        None,
        alias="from",
        description=(
            "Events not over on this day (UTC) or later. Default: the events not over now."
        ),
    )
    to: datetime.date | None = Field(
        None, description="Events starting on this day (UTC) or earlier."
    )

    @field_validator("centre")
    @classmethod
    def _no_nul_characters(cls, value: str | None) -> str | None:
        reject_nul(value)
        return value

    @field_validator("from_", "to")
    @classmethod
    def _plausible_day(cls, value: datetime.date | None) -> datetime.date | None:
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValueError(
                _("Give a year between %(first)d and %(last)d.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return value


class RegistrationFilters(PageQuery):
    status: RegistrationStatus | None = None


# --- Output -----------------------------------------------------------------------------------


class VenueOut(Schema):
    site: int | None = Field(..., description="The site's id, when the venue is a site.")
    name: str
    address: str
    postcode: str
    commune: str
    latitude: float | None
    longitude: float | None


class EventSummaryOut(Schema):
    id: int
    slug: str
    kind: EventKind
    audience: Audience
    status: EventStatus
    centre: str | None = Field(..., description="The organising centre's slug; null: network.")
    title: str
    title_language: str = Field(..., description="The language of `title`.")
    summary: str
    start: datetime.datetime = Field(..., description="UTC.")
    end: datetime.datetime = Field(..., description="UTC.")
    timezone: str = Field(..., description="Where the event happens (IANA name).")
    venue: VenueOut | None = Field(..., description="Null for an event only online.")
    online_url: str
    languages: list[str]
    capacity: int | None = Field(..., description="Null: no limit.")
    seats_left: int | None
    waitlist: bool
    registration_opens: datetime.datetime | None
    registration_closes: datetime.datetime | None = Field(
        ..., description="Null: registration closes when the event ends."
    )
    url: str = Field(..., description="The event's page.")
    ics: str = Field(..., description="The event as an iCalendar file.")


class EventPageOut(Schema):
    count: int = Field(..., description="Matching events in all.")
    page: int
    page_size: int
    results: list[EventSummaryOut]


class SessionOut(Schema):
    id: int
    title: str
    start: datetime.datetime
    end: datetime.datetime
    place: str


class QuestionOut(Schema):
    id: int = Field(..., description="The key of its answer in `answers`.")
    kind: str = Field(..., description="`text`, `choice` or `consent`.")
    label: str
    help_text: str
    choices: list[str] = Field(..., description="The values to answer a `choice` question.")
    required: bool


class EventOut(EventSummaryOut):
    description: str = Field(..., description="Markdown.")
    moderation: bool
    contact_email: str
    lock_version: int = Field(..., description="Send it back with a change (PATCH).")
    sessions: list[SessionOut]
    questions: list[QuestionOut]


class RegisteredOut(Schema):
    id: int
    status: Literal["confirmed", "waitlisted", "pending"]


class AttendedOut(Schema):
    day: datetime.date
    half: HalfDay
    checked_in_at: datetime.datetime


class RegistrationOut(Schema):
    id: int
    status: RegistrationStatus
    name: str
    email: str
    language: str
    answers: dict[str, Any]
    created_at: datetime.datetime
    attended: list[AttendedOut] = Field(..., description="The half-days they were checked in.")


class RegistrationPageOut(Schema):
    count: int
    page: int
    page_size: int
    results: list[RegistrationOut]


class CancelledOut(Schema):
    id: int
    status: Literal["cancelled"]


class CheckInOut(Schema):
    registration: int
    name: str
    status: Literal["checked_in", "already"] = Field(
        ..., description="`already`: checked in before for this half-day; nothing changed."
    )
    day: datetime.date = Field(..., description="In the event's time zone.")
    half: HalfDay
    checked_in_at: datetime.datetime


# --- Shared steps -----------------------------------------------------------------------------


def _language(lang: str | None) -> str:
    return (lang or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _absolute(request: HttpRequest, name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def _utc(value: datetime.datetime | None) -> datetime.datetime | None:
    return value.astimezone(datetime.UTC) if value is not None else None


def _venue(event: Event, language: str) -> dict[str, Any] | None:
    site = event.site if event.site_id else None
    if site is None and not event.venue_name and not event.address:
        return None
    return {
        "site": site.pk if site else None,
        "name": event.venue_name
        or (localize(site.name, site.original_language, language).text if site else ""),
        "address": event.address or (site.address if site else ""),
        "postcode": site.postcode if site else "",
        "commune": site.commune if site else "",
        "latitude": float(site.latitude) if site and site.latitude is not None else None,
        "longitude": float(site.longitude) if site and site.longitude is not None else None,
    }


def _summary_out(request: HttpRequest, event: Event, language: str) -> dict[str, Any]:
    title = localize(event.title, event.original_language, language)
    return {
        "id": event.pk,
        "slug": event.slug,
        "kind": event.kind,
        "audience": event.audience,
        "status": event.status,
        "centre": event.centre.slug if event.centre_id else None,  # type: ignore[union-attr]
        "title": title.text,
        "title_language": title.language,
        "summary": localize(event.summary, event.original_language, title.language).text,
        "start": _utc(event.starts_at),
        "end": _utc(event.ends_at),
        "timezone": event.timezone,
        "venue": _venue(event, language),
        "online_url": event.online_url,
        "languages": list(event.languages or []),
        "capacity": event.capacity,
        "seats_left": event.seats_left,
        "waitlist": event.waitlist,
        "registration_opens": _utc(event.registration_opens_at),
        "registration_closes": _utc(event.registration_closes_at),
        "url": _absolute(request, "agenda:event", language, slug=event.slug),
        "ics": _absolute(request, "agenda:event_ics", language, slug=event.slug),
    }


def _event_out(request: HttpRequest, event: Event, language: str) -> dict[str, Any]:
    out = _summary_out(request, event, language)
    text_language = out["title_language"]
    out.update(
        {
            "description": localize(event.description, event.original_language, text_language).text,
            "moderation": event.moderation,
            "contact_email": event.contact_email,
            "lock_version": event.lock_version,
            "sessions": [
                {
                    "id": session.pk,
                    "title": localize(session.title, session.original_language, language).text,
                    "start": _utc(session.starts_at),
                    "end": _utc(session.ends_at),
                    "place": session.place,
                }
                for session in event.sessions.all()
            ],
            "questions": [
                {
                    "id": question.pk,
                    "kind": question.kind,
                    "label": localize(question.label, question.original_language, language).text,
                    "help_text": localize(
                        question.help_text, question.original_language, language
                    ).text,
                    "choices": registration_services.choice_values(question),
                    "required": question.required,
                }
                for question in event.questions.all()
            ],
        }
    )
    return out


def _visible_event(user: Any, event_id: int) -> Event:
    event = selectors.events_visible_to(user).filter(pk=event_id).first()
    if event is None:
        raise NotFound()
    return event


def _texts(
    value: str | dict[str, str], current: dict[str, str] | None, language: str
) -> dict[str, str]:
    """A text sent as a string is the text in `language`; an object replaces every language."""
    if isinstance(value, dict):
        return dict(value)
    return {**(current or {}), language: value}


def _original_language(data: dict[str, Any], event: Event | None) -> str:
    if "original_language" in data:
        return str(data["original_language"])
    if event is not None:
        return event.original_language
    title = data.get("title")
    if isinstance(title, dict) and len(title) == 1:
        return next(iter(title))
    return _language(None)


def _event_data(sent: dict[str, Any], event: Event | None = None) -> dict[str, Any]:
    """A body's fields as the services take them: names of the model, objects for the centre
    and the site, translations for the texts. An unknown centre or site is a 422."""
    data = {API_TO_MODEL.get(name, name): value for name, value in sent.items()}
    language = _original_language(data, event)
    if event is None or "original_language" in data:
        data["original_language"] = language
    for name in ("title", "summary", "description"):
        if name in data:
            current = getattr(event, name) if event is not None else None
            data[name] = _texts(data[name], current, language)
    if data.get("centre") is not None:
        centre = Centre.objects.filter(slug=data["centre"]).first()
        if centre is None:
            raise InvalidInput(_("Unknown centre."), field="centre")
        data["centre"] = centre
    if data.get("site") is not None:
        site = Site.objects.filter(pk=data["site"]).first()
        if site is None:
            raise InvalidInput(_("Unknown site."), field="site")
        data["site"] = site
    _check_order(data, event)
    return data


def _check_order(data: dict[str, Any], event: Event | None) -> None:
    """An event ends after it starts, and registration closes after it opens."""

    def value(name: str) -> Any:
        return data[name] if name in data else getattr(event, name, None)

    starts, ends = value("starts_at"), value("ends_at")
    if starts and ends and ends <= starts:
        raise InvalidInput(_("The event must end after it starts."), field="end")
    opens, closes = value("registration_opens_at"), value("registration_closes_at")
    if opens and closes and closes <= opens:
        raise InvalidInput(
            _("Registration must close after it opens."), field="registration_closes"
        )


def _body(payload: BodyIn) -> dict[str, Any]:
    return payload.model_dump(exclude_unset=True)


def _page(items: Any, page: int, page_size: int) -> tuple[int, list[Any]]:
    count = items.count()
    offset = (page - 1) * page_size
    return count, list(items[offset : offset + page_size])


def _registration_out(registration: Registration) -> dict[str, Any]:
    return {
        "id": registration.pk,
        "status": registration.status,
        "name": registration.name,
        "email": registration.email,
        "language": registration.language,
        "answers": dict(registration.answers or {}),
        "created_at": registration.created_at,
        "attended": [
            {"day": a.day, "half": a.half, "checked_in_at": a.checked_in_at}
            for a in registration.attendances.all()
        ],
    }


# --- Public reads -----------------------------------------------------------------------------


@router.get(
    "/events",
    response={200: EventPageOut, **PUBLIC_ERRORS},
    auth=PUBLIC_AUTH,
    openapi_extra=PUBLIC_OPENAPI,
    summary="List events",
    **_named("list_events"),
)
def list_events(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    """The events the caller may see, by start: without a token the published public ones
    (cancelled ones too, with their status). Filters: organising centre, its country, type,
    and a range of days."""
    language = _language(filters.lang)
    events = selectors.events_visible_to(_caller(request))
    if filters.centre:
        events = events.filter(centre__slug=filters.centre)
    if filters.country:
        events = events.filter(centre__country=filters.country.upper())
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.from_ is not None:
        since = datetime.datetime.combine(filters.from_, datetime.time(0), tzinfo=datetime.UTC)
        events = events.filter(ends_at__gte=since)
    elif filters.to is None:
        events = events.filter(ends_at__gte=timezone.now())
    if filters.to is not None:
        next_day = filters.to + datetime.timedelta(days=1)
        until = datetime.datetime.combine(next_day, datetime.time(0), tzinfo=datetime.UTC)
        events = events.filter(starts_at__lt=until)
    count, page = _page(events.order_by("starts_at", "pk"), filters.page, filters.page_size)
    return {
        "count": count,
        "page": filters.page,
        "page_size": filters.page_size,
        "results": [_summary_out(request, event, language) for event in page],
    }


@router.get(
    "/events/{event_id}",
    response={200: EventOut, **PUBLIC_ERRORS},
    auth=PUBLIC_AUTH,
    openapi_extra=PUBLIC_OPENAPI,
    summary="One event",
    **_named("get_event"),
)
def get_event(request: HttpRequest, event_id: EventId, filters: Query[LanguageQuery]) -> Any:
    """The event with its description, timetable and registration questions; 404 if the
    caller may not see it."""
    event = _visible_event(_caller(request), event_id)
    return _event_out(request, event, _language(filters.lang))


# --- Writing events ---------------------------------------------------------------------------


@router.post(
    "/events",
    response={201: EventOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Create an event",
    **_named("create_event"),
)
def create_event(request: HttpRequest, payload: EventIn) -> Any:
    """A new event of a centre you manage (coordinators: any centre, or the network). An
    unknown centre or site is 422 at its field; a centre you do not manage is 403."""
    user = _caller(request)
    with _api_field_names():
        data = _event_data(_body(payload))
        data.setdefault("kind", EventKind.MEETING)
        event = event_services.create_event(actor=user, data=data)
    return Status(201, _event_out(request, _visible_event(user, event.pk), _language(None)))


@router.patch(
    "/events/{event_id}",
    response={200: EventOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Change an event",
    **_named("update_event"),
)
def update_event(request: HttpRequest, event_id: EventId, payload: EventPatch) -> Any:
    """Change the fields sent, its organisers only (others: 404). A `lock_version` older than
    the event's is 409 `stale`; a capacity below the confirmed registrations is 409
    `capacity_below_confirmed`; either way nothing changes. More seats go to the waiting list
    at once."""
    user = _caller(request)
    event = selectors.get_event_to_manage(user, event_id)
    sent = _body(payload)
    lock_version = sent.pop("lock_version")
    status = sent.pop("status", None)
    with _api_field_names():
        changes = _event_data(sent, event)
        with transaction.atomic():
            changed = event_services.update_event(
                actor=user, event=event, changes=changes, lock_version=lock_version
            )
            if status is not None:
                event_services.set_event_status(actor=user, event=changed, status=str(status))
    return _event_out(request, _visible_event(user, event_id), _language(None))


# --- Registrations ----------------------------------------------------------------------------


@router.post(
    "/events/{event_id}/registrations",
    response={201: RegisteredOut, **ERRORS},
    auth=PUBLIC_AUTH,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Register for an event",
    **_named("register"),
)
def register(request: HttpRequest, event_id: EventId, payload: RegistrationIn) -> Any:
    """Register someone: `confirmed` while seats are left, `pending` when the organisers
    approve registrations, `waitlisted` when full with a waiting list. The registrant gets an
    email with the link to see or cancel it. Refusals: 409 `event_full`,
    `registration_not_open`, `registration_closed`, `already_registered`; 422
    `consent_required`, `invalid`; 403 `not_invited` (members' events and meetings need a
    token of a member or an invitee); 409 `apply_instead` for a speed recruitment, whose
    candidates register with their applications on its own form."""
    user = _caller(request)
    event = _visible_event(user, event_id)
    if event.kind == EventKind.SPEED_RECRUITMENT:
        raise Conflict(
            _(
                "Candidates register for a speed recruitment with their applications, on its "
                "own form."
            ),
            code="apply_instead",
        )
    language = payload.language if payload.language is not None else _language(None)
    if len(payload.email) > MAX_EMAIL_LENGTH:
        raise InvalidInput(_("Enter a valid email address."), field="email")
    with _api_field_names():
        registration = registration_services.register_for_event(
            event=event,
            name=payload.name,
            email=payload.email,
            consent=payload.consent,
            answers=payload.answers,
            user=user if user.is_authenticated else None,
            language=language,
        )
    return Status(201, {"id": registration.pk, "status": str(registration.status)})


@router.get(
    "/events/{event_id}/registrations",
    response={200: RegistrationPageOut, **PUBLIC_ERRORS},
    auth=WRITE_AUTH,
    summary="The registrations of an event",
    **_named("list_registrations"),
)
def list_registrations(
    request: HttpRequest, event_id: EventId, filters: Query[RegistrationFilters]
) -> Any:
    """Every registration in order of arrival, with the half-days each person was checked
    in. The event's organisers only (others: 404)."""
    event = selectors.get_event_to_manage(_caller(request), event_id)
    registrations = selectors.registrations_of(event).order_by("created_at", "pk")
    if filters.status:
        registrations = registrations.filter(status=filters.status)
    count, page = _page(registrations, filters.page, filters.page_size)
    return {
        "count": count,
        "page": filters.page,
        "page_size": filters.page_size,
        "results": [_registration_out(registration) for registration in page],
    }


@router.delete(
    "/events/{event_id}/registrations/{registration_id}",
    response={204: None, **ERRORS},
    auth=WRITE_AUTH,
    summary="Cancel a registration (organisers)",
    **_named("cancel_registration"),
)
def cancel_registration(
    request: HttpRequest, event_id: EventId, registration_id: RegistrationId
) -> Any:
    """Cancel someone's registration; its seat goes to the waiting list, and both are told
    by email. Again: 409 `already_cancelled`. The event's organisers only (others: 404)."""
    user = _caller(request)
    event = selectors.get_event_to_manage(user, event_id)
    registration = selectors.registrations_of(event).filter(pk=registration_id).first()
    if registration is None:
        raise NotFound()
    registration_services.cancel_registration(registration=registration, actor=user)
    return Status(204, None)


@router.post(
    "/registrations/cancel",
    response={200: CancelledOut, **ERRORS},
    auth=PUBLIC_AUTH,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Cancel one's registration with the emailed token",
    **_named("cancel_with_token"),
)
def cancel_with_token(request: HttpRequest, payload: CancelIn) -> Any:
    """The registrant cancels with the token of the link in their email; its seat goes to
    the waiting list. A token that is not valid (changed, or of an erased registration) is
    400 `invalid_token`; a second cancellation 409 `already_cancelled`."""
    registration = tokens.read_token(payload.token, tokens.MANAGE)
    registration, _promoted = registration_services.cancel_registration(registration=registration)
    return {"id": registration.pk, "status": registration.status}


# --- Check-in ---------------------------------------------------------------------------------


@router.post(
    "/events/{event_id}/check-in",
    response={200: CheckInOut, **ERRORS},
    auth=WRITE_AUTH,
    summary="Check someone in",
    **_named("check_in"),
)
def check_in(request: HttpRequest, event_id: EventId, payload: CheckInIn) -> Any:
    """Record a confirmed registrant present for the current half-day (in the event's time
    zone), from their QR code (`token`) or their registration's id. A second check-in
    records nothing and answers `already` with the first time. Refusals: 400
    `invalid_token` (changed code), 400 `wrong_event` (the code of another event's
    registration), 404 (no such registration of this event), 409 `not_confirmed`, 409
    `not_event_day`. The event's organisers only (others: 404)."""
    user = _caller(request)
    event = selectors.get_event_to_manage(user, event_id)
    if (payload.token is None) == (payload.registration is None):
        message = _("Send either the token of the QR code or a registration id.")
        raise InvalidInput(message, field="token", detail={"token": [message]})
    if payload.registration is None:
        registration = tokens.read_check_in_token(payload.token, event)
    else:
        found = selectors.registrations_of(event).filter(pk=payload.registration).first()
        if found is None:
            raise NotFound()
        registration = found
    registration.event = event
    attendance, created = attendance_services.check_in(actor=user, registration=registration)
    return {
        "registration": registration.pk,
        "name": registration.name,
        "status": "checked_in" if created else "already",
        "day": attendance.day,
        "half": attendance.half,
        "checked_in_at": attendance.checked_in_at,
    }
