"""Forms of the staff pages where organisers create and run events.

They parse what was typed: local dates and times become UTC datetimes in the event's own time
zone, the centre and the venue are offered among those the user may choose. The services
(`services/events.py`, `services/event_parts.py`) check rights and values and name the field
of each refusal, which the views show at that field; the forms' fields are named as the
services name theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cocade.agenda.enums import Audience, EventKind, EventStatus, QuestionKind
from cocade.agenda.models import Event, EventSession, Question
from cocade.core.errors import interpolate
from cocade.core.i18n import TranslatedFormField, language_name
from cocade.directory.models import Centre, Site

#: Time zones offered for an event: the network's countries, their overseas territories and
#: neighbours. An event keeps its zone even if it is not in this list.
COMMON_TIME_ZONES = (
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Luxembourg",
    "Europe/Zurich",
    "Europe/Lisbon",
    "Atlantic/Madeira",
    "Atlantic/Azores",
    "Europe/Madrid",
    "Atlantic/Canary",
    "Europe/Rome",
    "Europe/Copenhagen",
    "Europe/Sofia",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Athens",
    "Europe/Bucharest",
    "Indian/Mayotte",
    "Indian/Reunion",
    "America/Guadeloupe",
    "America/Martinique",
    "America/Cayenne",
    "Pacific/Noumea",
    "Pacific/Tahiti",
    "Africa/Casablanca",
    "Africa/Algiers",
    "Africa/Tunis",
    "Africa/Dakar",
    "America/Toronto",
    "UTC",
)

LOCAL_INPUT_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")


def zone_choices(*extra: str) -> list[tuple[str, str]]:
    names = list(COMMON_TIME_ZONES)
    for name in (settings.TIME_ZONE, *extra):
        if name and name not in names:
            names.append(name)
    return [(name, name.replace("_", " ")) for name in names]


def local_value(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A stored (UTC) time as the naive local time the form shows."""
    return moment.astimezone(zone).replace(tzinfo=None) if moment else None


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """A local wall-clock time in `zone` as an aware UTC datetime; a time the clocks skip
    (the hour lost when summer time starts) is refused."""
    aware = local.replace(tzinfo=zone)
    moment = aware.astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ValidationError(
            _("This time does not exist in %(zone)s: the clocks change then."),
            code="skipped_time",
            params={"zone": str(zone)},
        )
    return moment


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker; the value is a local time without zone."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class LocalDateTimeField(forms.Field):
    """A wall-clock date and time, kept naive: the form puts it in the event's time zone."""

    widget = LocalDateTimeInput
    default_error_messages = {"invalid": _("Enter a date and a time.")}

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        text = str(value).strip()
        for pattern in LOCAL_INPUT_FORMATS:
            try:
                return datetime.strptime(text, pattern)  # noqa: DTZ007 (local, zone added later)
            except ValueError:
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class _LocalTimesMixin:
    """Turns the local time fields named in `local_fields` into UTC in the zone `zone()`."""

    local_fields: tuple[str, ...] = ()

    def zone(self) -> ZoneInfo | None:
        raise NotImplementedError

    def _clean_local_times(self, cleaned: dict[str, Any]) -> None:
        form = cast(forms.Form, self)
        zone = self.zone()
        if zone is None:
            return
        for name in self.local_fields:
            value = cleaned.get(name)
            if isinstance(value, datetime):
                try:
                    cleaned[name] = to_utc(value, zone)
                except ValidationError as error:
                    form.add_error(name, error)


def _site_label(site: Any) -> str:
    return f"{site.name_i18n} · {site.commune}" if site.commune else str(site.name_i18n)


class CentreChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name_i18n)


# --- the event ------------------------------------------------------------------------------


class EventForm(_LocalTimesMixin, forms.Form):
    """Every field of an event. Without `event` it creates one; with it, it edits the event
    and a hidden `lock_version` says which version the organiser started from."""

    local_fields = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")

    kind = forms.ChoiceField(label=_("Type"), choices=[("", "---------"), *EventKind.choices])
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=Audience.choices,
        initial=Audience.PUBLIC,
        help_text=_(
            "Events for members are seen by anyone who holds a role in the network; events "
            "for invited people only by their invitees and organisers."
        ),
    )
    centre = CentreChoiceField(label=_("Organising centre"), queryset=Centre.objects.none())
    original_language = forms.ChoiceField(
        label=_("Original language"),
        choices=settings.LANGUAGES,
        help_text=_("The language you write the texts in; the other languages are optional."),
    )
    title = TranslatedFormField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Needed in the original language; the other languages are optional."),
    )
    summary = TranslatedFormField(label=_("Summary"), max_length=500, required=False)
    description = TranslatedFormField(label=_("Description"), multiline=True, required=False)
    site = forms.TypedChoiceField(
        label=_("Venue: a site of the centre"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Or leave empty and give the venue's name and address below."),
    )
    venue_name = forms.CharField(label=_("Venue name"), max_length=200, required=False)
    address = forms.CharField(label=_("Address of the venue"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("The dates and times below are local times in this zone."),
    )
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Capacity"), min_value=0, required=False, help_text=_("Empty for no limit.")
    )
    waitlist = forms.BooleanField(label=_("Waiting list when full"), required=False)
    moderation = forms.BooleanField(
        label=_("Registrations need the organiser's approval"), required=False
    )
    registration_opens_at = LocalDateTimeField(
        label=_("Registration opens"),
        required=False,
        help_text=_("Empty: registration is open as soon as the event is published."),
    )
    registration_closes_at = LocalDateTimeField(
        label=_("Registration closes"),
        required=False,
        help_text=_("Empty: registration stays open until the event ends."),
    )
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    #: (key, legend, fields) in the order of the page.
    FIELDSETS: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
        (
            "what",
            _("The event"),
            (
                "kind",
                "audience",
                "centre",
                "original_language",
                "title",
                "summary",
                "description",
            ),
        ),
        ("where", _("Where"), ("site", "venue_name", "address", "online_url")),
        ("when", _("When"), ("timezone", "starts_at", "ends_at")),
        (
            "registration",
            _("Registration"),
            (
                "languages",
                "capacity",
                "waitlist",
                "moderation",
                "registration_opens_at",
                "registration_closes_at",
                "contact_email",
            ),
        ),
    )

    def __init__(
        self,
        *args: Any,
        allowed_centres: Sequence[int] | None,
        event: Event | None = None,
        **kwargs: Any,
    ) -> None:
        """`allowed_centres`: the centres the user may organise for (None: any centre and the
        network itself, as `rules.centres_for_new_events` says)."""
        self.event = event
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(event)
        super().__init__(*args, **kwargs)
        current_centre = event.centre_id if event else None
        centre_ids = None if allowed_centres is None else set(allowed_centres)
        if centre_ids is not None and current_centre:
            centre_ids.add(current_centre)
        centres = Centre.objects.order_by("slug")
        if centre_ids is not None:
            centres = centres.filter(pk__in=centre_ids)
        centre = cast(forms.ModelChoiceField, self.fields["centre"])
        centre.queryset = centres
        network_allowed = allowed_centres is None or (event is not None and not current_centre)
        if network_allowed:
            centre.required = False
            centre.empty_label = str(_("The network itself (no centre)"))
            centre.help_text = _("Leave empty for an event of the whole network.")
        elif event is None and len(centre_ids or ()) == 1:
            centre.initial = next(iter(centre_ids or ()))
        self._site_choices(centres)
        zone_name = event.timezone if event else settings.TIME_ZONE
        timezone_field = cast(forms.ChoiceField, self.fields["timezone"])
        timezone_field.choices = zone_choices(zone_name)
        if event is None:
            del self.fields["lock_version"]
            self.fields["timezone"].initial = settings.TIME_ZONE
            self.fields["original_language"].initial = (get_language() or "fr").split("-")[0]
        else:
            self.fields["lock_version"].required = True

    def _site_choices(self, centres: Iterable[Any]) -> None:
        centres = list(centres)
        sites = Site.objects.filter(centre__in=centres).order_by("centre__slug", "slug")
        by_centre: dict[int, list[tuple[int, str]]] = {}
        for site in sites:
            by_centre.setdefault(site.centre_id, []).append((site.pk, _site_label(site)))
        choices: list[Any] = [("", _("No site of a centre"))]
        for item in centres:
            if item.pk in by_centre:
                choices.append((str(item.name_i18n), by_centre[item.pk]))
        cast(forms.TypedChoiceField, self.fields["site"]).choices = choices

    @staticmethod
    def initial_for(event: Event) -> dict[str, Any]:
        zone = event.zone
        return {
            "kind": event.kind,
            "audience": event.audience,
            "centre": event.centre_id,
            "original_language": event.original_language,
            "title": event.title,
            "summary": event.summary,
            "description": event.description,
            "site": event.site_id,
            "venue_name": event.venue_name,
            "address": event.address,
            "online_url": event.online_url,
            "timezone": event.timezone,
            "starts_at": local_value(event.starts_at, zone),
            "ends_at": local_value(event.ends_at, zone),
            "languages": list(event.languages or []),
            "capacity": event.capacity,
            "waitlist": event.waitlist,
            "moderation": event.moderation,
            "registration_opens_at": local_value(event.registration_opens_at, zone),
            "registration_closes_at": local_value(event.registration_closes_at, zone),
            "contact_email": event.contact_email,
            "lock_version": event.lock_version,
        }

    def zone(self) -> ZoneInfo | None:
        name = self.cleaned_data.get("timezone")
        if not name:
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.add_error("timezone", _("Unknown time zone."))
            return None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._clean_local_times(cleaned)
        # The service refuses these too; saying it here puts the message at the right field
        # rather than the database constraint's name on top of the form.
        for first, then, message in (
            ("starts_at", "ends_at", _("The event must end after it starts.")),
            (
                "registration_opens_at",
                "registration_closes_at",
                _("Registration must close after it opens."),
            ),
        ):
            start, end = cleaned.get(first), cleaned.get(then)
            if isinstance(start, datetime) and isinstance(end, datetime) and end <= start:
                self.add_error(then, message)
        site_id = cleaned.get("site")
        cleaned["site"] = Site.objects.filter(pk=site_id).first() if site_id else None
        return cleaned

    def fieldsets(self) -> list[dict[str, Any]]:
        return [
            {"key": key, "legend": legend, "fields": [self[name] for name in names]}
            for key, legend, names in self.FIELDSETS
        ]

    def data_for_service(self) -> dict[str, Any]:
        """The values as `create_event` / `update_event` take them."""
        names = [name for _key, _legend, group in self.FIELDSETS for name in group]
        return {name: self.cleaned_data[name] for name in names}

    def started_from(self) -> int:
        """The version the organiser started from; none (a tampered form) matches no version,
        so the service refuses the save as stale."""
        return self.cleaned_data.get("lock_version") or 0


class EventFilterForm(forms.Form):
    """The filters of the organiser's list of events (sent with GET)."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *EventStatus.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Any type")), *EventKind.choices], required=False
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=EventStatus.choices)


class DuplicateForm(forms.Form):
    starts_on = forms.DateField(
        label=_("New start date"),
        required=False,
        widget=DateInput,
        help_text=_("Empty: one week after this event. The times of day stay the same."),
    )

    def starts_at(self, event: Event) -> datetime | None:
        """The copy's start: the chosen day at the event's local start time, in UTC."""
        day: date | None = self.cleaned_data.get("starts_on")
        if day is None:
            return None
        local = datetime.combine(day, event.local_start.time())
        return to_utc(local, event.zone)


# --- the timetable --------------------------------------------------------------------------


class SessionForm(_LocalTimesMixin, forms.Form):
    """One slot of the timetable, its times local to the event."""

    local_fields = ("starts_at", "ends_at")

    title = TranslatedFormField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Needed in the event's original language; the others are optional."),
    )
    place = forms.CharField(label=_("Room or place"), max_length=200, required=False)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))

    def __init__(
        self, *args: Any, event: Event, session: EventSession | None = None, **kwargs: Any
    ) -> None:
        self.event = event
        if session is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": session.title,
                "place": session.place,
                "starts_at": local_value(session.starts_at, event.zone),
                "ends_at": local_value(session.ends_at, event.zone),
            }
        super().__init__(*args, **kwargs)
        zone_note = interpolate(_("Local time in %(zone)s."), {"zone": event.timezone})
        self.fields["starts_at"].help_text = zone_note
        self.fields["ends_at"].help_text = zone_note

    def zone(self) -> ZoneInfo | None:
        return self.event.zone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._clean_local_times(cleaned)
        return cleaned

    def data_for_service(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in ("title", "place", "starts_at", "ends_at")
        }


# --- the registration form's questions ------------------------------------------------------


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
    label = TranslatedFormField(
        label=_("Question"),
        max_length=300,
        required=False,
        help_text=_("Needed in the event's original language; the others are optional."),
    )
    help_text = TranslatedFormField(label=_("Help text"), max_length=500, required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def __init__(
        self, *args: Any, event: Event, question: Question | None = None, **kwargs: Any
    ) -> None:
        self.event = event
        language = question.original_language if question else event.original_language
        if question is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "kind": question.kind,
                "label": question.label,
                "help_text": question.help_text,
                "choices": "\n".join(
                    str(choice.get(language, "")) for choice in question.choices or []
                ),
                "required": question.required,
            }
        super().__init__(*args, **kwargs)
        self.fields["choices"].help_text = interpolate(
            _("For a choice question: one choice per line, in %(language)s."),
            {"language": language_name(language)},
        )
        self.fields["choices"].widget.attrs["lang"] = language
        self.fields["required"].help_text = _(
            "For a consent question: the person must tick it to register."
        )

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["choices"] = data["choices"].splitlines()
        return data


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


# --- people ---------------------------------------------------------------------------------


class PersonForm(forms.Form):
    """A member of the network named by their email address (an invitee, an organiser)."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
