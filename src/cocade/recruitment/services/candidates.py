"""The candidates' side of a speed recruitment: applying, changing one's choices, withdrawing
and erasing one's data, all without an account.

A candidate is an agenda registration (name, email, language, consent, signed links) plus a
`Candidate` row (phone, what they look for, availability, CV) and one `Application` per
chosen company, ranked 1 = first choice. `register_candidate` writes all of it in one
transaction through the agenda's `register_for_event`, whose refusals (already registered,
consent missing, bad email, full event) come through unchanged; every refusal writes nothing,
and a CV stored before a later refusal is removed from the disk. The agenda's own
confirmation email is not sent for these registrations: the candidate gets the speed
recruitment's "application received" email instead, built by the worker once the
transaction commits.

Choices are given as (company id, offer id or None) in order of preference. A refusal of one
of them names its place in that list (`choice_<n>`, from 1), so that a form shows it at the
right select.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.core.files.storage import Storage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cocade.agenda.enums import ACTIVE_STATUSES, EventStatus
from cocade.agenda.errors import ConsentRequired
from cocade.agenda.services.registrations import (
    cancel_registration,
    delete_registration,
    register_for_event,
)
from cocade.core.errors import Conflict, InvalidInput, interpolate
from cocade.core.mail import emails_are_suppressed, emails_suppressed
from cocade.core.uploads import check_upload
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.errors import ApplicationsClosed, BadFile, TooManyApplications
from cocade.recruitment.models import (
    Application,
    Candidate,
    Company,
    Interview,
    Offer,
    RecruitmentDay,
)
from cocade.recruitment.services.setup import check_windows, format_time, parse_time

#: Largest CV accepted (a PDF).
CV_MAX_BYTES = 2 * 1024 * 1024
PROFILE_MAX_LENGTH = 300
PHONE = re.compile(r"^\+?[0-9][0-9 ().\-/]{4,38}$")

#: A choice: (company id, offer id or None), in order of preference.
Choice = tuple[Any, Any]


def cv_storage() -> Storage:
    """Where the CVs are: the storage of `Candidate.cv` (private, outside MEDIA_ROOT)."""
    return Candidate._meta.get_field("cv").storage


class Availability(models.TextChoices):
    """What a candidate says of their time; the windows are computed from the day's grid."""

    WHOLE_DAY = "day", _("The whole day")
    MORNING = "morning", _("Morning only")
    AFTERNOON = "afternoon", _("Afternoon only")


class NoCompanyChosen(InvalidInput):
    code = "no_company_chosen"
    default_message = _("Choose at least one company you would like to meet.")


class DuplicateCompany(InvalidInput):
    code = "duplicate_company"
    default_message = _("You chose the same company twice: choose each company once.")


class UnknownCompany(InvalidInput):
    code = "unknown_company"
    default_message = _("This company does not take part in this speed recruitment.")


class CvRequired(InvalidInput):
    code = "cv_required"
    default_message = _("Please attach your CV (a PDF file).")


class Withdrawn(Conflict):
    code = "withdrawn"
    default_message = _("You have withdrawn from this speed recruitment.")


# --- where applications stand ---------------------------------------------------------------


def application_state(day: RecruitmentDay, now: datetime | None = None) -> str:
    """ "open", "not_open" (the call for companies is still going on) or "closed"."""
    now = now or timezone.now()
    if day.event.status != EventStatus.PUBLISHED:
        return "closed"
    if day.phase == Phase.COMPANIES:
        return "not_open"
    if day.phase != Phase.APPLICATIONS:
        return "closed"
    if day.applications_close_at is not None and now >= day.applications_close_at:
        return "closed"
    if now >= day.event.ends_at:
        return "closed"
    return "open"


def check_applications_open(day: RecruitmentDay, now: datetime | None = None) -> None:
    """Raise ApplicationsClosed unless applications are open, as the database says now."""
    current = RecruitmentDay.objects.select_related("event").get(pk=day.pk)
    state = application_state(current, now)
    if state == "not_open":
        raise ApplicationsClosed(_("Applications for this speed recruitment are not open yet."))
    if state == "closed":
        raise ApplicationsClosed()


# --- availability ---------------------------------------------------------------------------


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def _clock(minutes: int) -> str:
    return format_time(time(minutes // 60, minutes % 60))


def midday_split(day: RecruitmentDay) -> tuple[int, int]:
    """(end of the morning, start of the afternoon) in minutes: the break nearest the middle
    of the day, else 13:00 when the day spans it, else the middle of the day on the grid."""
    start, end = _minutes(day.day_start), _minutes(day.day_end)
    middle = (start + end) / 2
    breaks = []
    for item in day.breaks or []:
        first, last = parse_time(item.get("start")), parse_time(item.get("end"))
        if first is not None and last is not None and start < _minutes(first) < end:
            breaks.append((_minutes(first), min(_minutes(last), end)))
    if breaks:
        return min(breaks, key=lambda pair: abs((pair[0] + pair[1]) / 2 - middle))
    if start < 13 * 60 < end:
        return 13 * 60, 13 * 60
    split = start + int((middle - start) // day.slot_minutes) * day.slot_minutes
    return split, split


def availability_windows(day: RecruitmentDay, availability: str) -> list[dict[str, str]]:
    """The windows of an availability: none (the whole day), or the morning or afternoon."""
    if availability == Availability.WHOLE_DAY:
        return []
    morning_end, afternoon_start = midday_split(day)
    if availability == Availability.MORNING:
        return [{"start": format_time(day.day_start), "end": _clock(morning_end)}]
    if availability == Availability.AFTERNOON:
        return [{"start": _clock(afternoon_start), "end": format_time(day.day_end)}]
    raise InvalidInput(_("Choose when you are available."), field="availability")


def availability_of(day: RecruitmentDay, windows: Any) -> str | None:
    """The availability whose windows these are, or None for other windows (set by the
    organisers)."""
    for choice in Availability.values:
        if availability_windows(day, choice) == list(windows or []):
            return choice
    return None


# --- checking the input ---------------------------------------------------------------------


def clean_phone(phone: Any) -> str:
    phone = " ".join(phone.split()) if isinstance(phone, str) else ""
    if phone and not PHONE.match(phone):
        raise InvalidInput(
            _("Enter a phone number: digits, with spaces, +, - or brackets if you like."),
            field="phone",
        )
    return phone


def clean_profile(profile: Any) -> str:
    profile = " ".join(profile.split()) if isinstance(profile, str) else ""
    if not profile:
        raise InvalidInput(_("Say in a few words what you are looking for."), field="profile")
    if len(profile) > PROFILE_MAX_LENGTH:
        raise InvalidInput(
            interpolate(_("Say it in at most %(max)d characters."), {"max": PROFILE_MAX_LENGTH}),
            field="profile",
        )
    return profile


def clean_windows(day: RecruitmentDay, windows: Any) -> list[dict]:
    return check_windows(
        list(windows or []), day_start=day.day_start, day_end=day.day_end, field="availability"
    )


def check_cv(day: RecruitmentDay, cv: Any) -> None:
    """A missing CV when the day requires one, or a file that is not a PDF of at most 2 MB,
    is refused with the reason."""
    if not cv:
        if day.cv_required:
            raise CvRequired(field="cv")
        return
    try:
        check_upload(cv, allowed=("pdf",), max_bytes=CV_MAX_BYTES, field="cv")
    except InvalidInput as error:
        raise BadFile(error.message, field="cv") from None


def _as_id(value: Any) -> int | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # never an id: refused as unknown


def _pair(item: Any) -> tuple[int | None, int | None]:
    if not isinstance(item, list | tuple) or len(item) != 2:
        return None, None
    return _as_id(item[0]), _as_id(item[1])


def clean_choices(day: RecruitmentDay, choices: Any) -> list[tuple[Company, Offer | None]]:
    """The chosen companies (and offers) of this day, in order; at least one, at most
    `day.max_applications`, each company once."""
    pairs = [_pair(item) for item in choices or []]
    if not pairs:
        raise NoCompanyChosen(field="choice_1")
    if len(pairs) > day.max_applications:
        raise TooManyApplications(
            interpolate(_("Choose at most %(max)d companies."), {"max": day.max_applications}),
            field=f"choice_{day.max_applications + 1}",
        )
    companies = Company.objects.filter(day=day).in_bulk([c for c, _o in pairs if c])
    offers = Offer.objects.filter(company__day=day).in_bulk([o for _c, o in pairs if o])
    picked: list[tuple[Company, Offer | None]] = []
    for position, (company_id, offer_id) in enumerate(pairs, start=1):
        field = f"choice_{position}"
        company = companies.get(company_id) if company_id else None
        if company is None:
            raise UnknownCompany(field=field)
        offer = offers.get(offer_id) if offer_id else None
        if offer_id is not None and (offer is None or offer.company_id != company.pk):
            raise UnknownCompany(
                _("This offer is not one of this company's offers."),
                code="unknown_offer",
                field=field,
            )
        if any(company.pk == earlier.pk for earlier, _offer in picked):
            raise DuplicateCompany(
                interpolate(
                    _("You chose “%(company)s” twice: choose each company once."),
                    {"company": company.name},
                ),
                field=field,
            )
        picked.append((company, offer))
    return picked


# --- applying -------------------------------------------------------------------------------


def register_candidate(
    day: RecruitmentDay,
    *,
    name: Any,
    email: Any,
    consent: Any,
    phone: Any = "",
    profile: Any = "",
    windows: Any = None,
    cv: Any = None,
    choices: Sequence[Choice],
    language: str | None = None,
    user: Any = None,
) -> Candidate:
    """Register a candidate for the speed recruitment and apply to the chosen companies.
    Everything is checked first; the agenda registration, the candidate, the applications
    and the CV are then written together, or not at all."""
    check_applications_open(day)
    if consent is not True:
        raise ConsentRequired(field="consent")
    picked = clean_choices(day, choices)
    windows = clean_windows(day, windows)
    phone, profile = clean_phone(phone), clean_profile(profile)
    check_cv(day, cv)
    stored: list[str] = []
    try:
        with transaction.atomic():
            with emails_suppressed():
                # The "application received" email below replaces the agenda's confirmation.
                registration = register_for_event(
                    event=day.event,
                    name=name,
                    email=email,
                    consent=consent,
                    user=user,
                    language=language,
                )
            candidate = Candidate.objects.create(
                day=day, registration=registration, phone=phone, profile=profile, windows=windows
            )
            _write_applications(candidate, picked)
            if cv:
                candidate.cv.save("cv.pdf", cv, save=False)
                stored.append(str(candidate.cv.name))
                Candidate.objects.filter(pk=candidate.pk).update(cv=candidate.cv.name)
            _email_application_received(candidate.pk)
    except BaseException:
        for stored_name in stored:
            cv_storage().delete(stored_name)
        raise
    return candidate


def _write_applications(candidate: Candidate, picked: list[tuple[Company, Offer | None]]) -> None:
    Application.objects.bulk_create(
        Application(candidate=candidate, company=company, offer=offer, rank=rank)
        for rank, (company, offer) in enumerate(picked, start=1)
    )


def _email_application_received(candidate_id: int) -> None:
    from cocade.recruitment.tasks_candidates import send_application_received_task

    if emails_are_suppressed():
        return
    transaction.on_commit(lambda: send_application_received_task.enqueue(candidate_id))


# --- the candidate's own changes ------------------------------------------------------------


def _locked(candidate: Candidate) -> Candidate:
    """The candidate's row, locked until the transaction ends; a withdrawn (or erased)
    candidate is refused."""
    current = (
        Candidate.objects.select_for_update()
        .select_related("registration", "day__event")
        .filter(pk=candidate.pk)
        .first()
    )
    if current is None or current.registration.status not in ACTIVE_STATUSES:
        raise Withdrawn()
    return current


def change_choices(
    candidate: Candidate, *, choices: Sequence[Choice], windows: Any = None
) -> Candidate:
    """Replace the candidate's choices (and their availability, unless `windows` is None)
    while applications are open. A company kept keeps its application and the decision
    taken on it, with its new rank; a company dropped loses its application."""
    day = candidate.day
    check_applications_open(day)
    picked = clean_choices(day, choices)
    if windows is not None:
        windows = clean_windows(day, windows)
    with transaction.atomic():
        current = _locked(candidate)
        existing = {a.company_id: a for a in Application.objects.filter(candidate=current)}
        chosen = {company.pk for company, _offer in picked}
        Application.objects.filter(candidate=current).exclude(company_id__in=chosen).delete()
        kept, new = [], []
        for rank, (company, offer) in enumerate(picked, start=1):
            application = existing.get(company.pk)
            if application is None:
                new.append((company, offer, rank))
                continue
            application.rank, application.offer = rank, offer
            kept.append(application)
        Application.objects.bulk_update(kept, ["rank", "offer"])
        Application.objects.bulk_create(
            Application(candidate=current, company=company, offer=offer, rank=rank)
            for company, offer, rank in new
        )
        if windows is not None:
            Candidate.objects.filter(pk=current.pk).update(windows=windows)
    candidate.refresh_from_db()
    return candidate


def withdraw_candidate(candidate: Candidate) -> Candidate:
    """Withdraw from the speed recruitment: every application is withdrawn, the interviews
    still to come are cancelled and the agenda registration is cancelled (its email says
    so). A second withdrawal raises `already_cancelled` and changes nothing."""
    with transaction.atomic():
        registration, _promoted = cancel_registration(registration=candidate.registration)
        Application.objects.filter(candidate=candidate).exclude(
            status=ApplicationStatus.WITHDRAWN
        ).update(status=ApplicationStatus.WITHDRAWN)
        Interview.objects.filter(candidate=candidate, status=InterviewStatus.SCHEDULED).update(
            status=InterviewStatus.CANCELLED
        )
    candidate.refresh_from_db()
    candidate.registration = registration
    return candidate


def erase_candidate(candidate: Candidate) -> None:
    """Erase the candidate: their agenda registration (as the agenda erases it, freeing its
    seat), the candidate, applications and interviews with it, and the CV file once this
    commits."""
    cv_name = candidate.cv.name
    with transaction.atomic():
        delete_registration(registration=candidate.registration)
        if cv_name:
            transaction.on_commit(lambda: cv_storage().delete(cv_name))


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimetableRow:
    """One interview as the candidate reads it, in the event's local time."""

    interview: Interview
    starts_at: datetime
    ends_at: datetime
    company: str
    table: int
    offer: str


def applications_of(candidate: Candidate) -> list[Application]:
    return list(
        Application.objects.filter(candidate=candidate)
        .select_related("company", "offer")
        .order_by("rank", "pk")
    )


def timetable_of(candidate: Candidate) -> list[TimetableRow]:
    """The candidate's interviews that still hold, in order of time."""
    zone = candidate.day.event.zone
    interviews = (
        Interview.objects.filter(candidate=candidate)
        .exclude(status=InterviewStatus.CANCELLED)
        .select_related("company", "application__offer")
        .order_by("starts_at", "pk")
    )
    return [
        TimetableRow(
            interview=interview,
            starts_at=interview.starts_at.astimezone(zone),
            ends_at=interview.ends_at.astimezone(zone),
            company=interview.company.name,
            table=interview.table,
            offer=interview.application.offer.title if interview.application.offer else "",
        )
        for interview in interviews
    ]
