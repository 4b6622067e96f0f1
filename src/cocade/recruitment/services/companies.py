"""Companies of a speed recruitment, their offers, their signed link, and their decisions on
the candidates who applied to them.

Organisers add, change and delete companies and offers (`actor` is the organiser: anyone else
gets NotFound). A company changes its own offers through its signed link while candidates
may still apply (`by_company=True`, up to the applications stage), and during pre-selection
shortlists or turns down each candidate who applied to it. Every write is audited (a
company's own writes with no actor) and done in one transaction; a refused one writes
nothing.

The company's link goes out by email: the service marks the company as sent
(`link_sent_at`, by a conditional update, so that a double click sends once) and the worker
builds the email after the commit, in the company's language
(`notifications_companies.send_company_link`). A new link (a new `secret`) makes every older
one useless.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cocade.agenda.exports import Table
from cocade.core.audit import diff, record_action, snapshot
from cocade.core.errors import Conflict, DomainError, InvalidInput, NotFound, interpolate
from cocade.core.i18n import language_codes
from cocade.core.mail import emails_are_suppressed
from cocade.recruitment.enums import ApplicationStatus, InterviewStatus, Phase
from cocade.recruitment.errors import AlreadyDecided, ApplicationWithdrawn, WrongPhase
from cocade.recruitment.models import (
    Application,
    Company,
    Offer,
    RecruitmentDay,
    new_secret,
)
from cocade.recruitment.services.setup import (
    check_manager,
    check_windows,
    is_before,
    locked_day,
    windows_text,
)

COMPANY_FIELDS = (
    "name",
    "sector",
    "description",
    "website",
    "contact_name",
    "contact_email",
    "language",
    "tables",
    "windows",
)
OFFER_FIELDS = ("title", "description", "contract", "positions", "location")
MAX_TABLES = 50
MAX_POSITIONS = 999
DECISIONS = (ApplicationStatus.SHORTLISTED, ApplicationStatus.REJECTED)


class CompanyHasInterviews(Conflict):
    code = "company_has_interviews"
    default_message = _(
        "This company has interviews in the schedule (planned, held or cancelled): it cannot "
        "be deleted."
    )


class LinkJustSent(Conflict):
    code = "link_just_sent"
    default_message = _("The link was sent to this company a moment ago.")


class NothingToSend(Conflict):
    code = "nothing_to_send"
    default_message = _("Every company has already been sent its link.")


# --- helpers --------------------------------------------------------------------------------


def _check_fields(data: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise InvalidInput(
            interpolate(
                _("These fields cannot be set: %(fields)s."), {"fields": ", ".join(unknown)}
            ),
            field=unknown[0],
        )


def _full_clean(instance: Any, exclude: list[str]) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error


def _audit(actor: Any, action: str, target: Any, day: RecruitmentDay, changes: dict) -> None:
    record_action(
        actor=actor, action=action, target=target, centre_id=day.event.centre_id, changes=changes
    )


# --- companies ------------------------------------------------------------------------------


def _check_company(company: Company, day: RecruitmentDay) -> None:
    """Checks beyond the model's own, each naming its field."""
    if not isinstance(company.tables, int) or not 1 <= company.tables <= MAX_TABLES:
        raise InvalidInput(
            interpolate(_("Enter from 1 to %(max)d tables."), {"max": MAX_TABLES}), field="tables"
        )
    if company.language not in language_codes():
        raise InvalidInput(_("Choose a language among those offered."), field="language")
    company.windows = check_windows(
        company.windows, day_start=day.day_start, day_end=day.day_end, field="windows"
    )
    _full_clean(company, exclude=["day", "secret"])
    taken = Company.objects.filter(day=day, name__iexact=company.name).exclude(pk=company.pk)
    if taken.exists():
        raise InvalidInput(
            _("A company of this name already takes part in this speed recruitment."),
            field="name",
        )


def _save_company(company: Company) -> None:
    """Save; two organisers adding the same name at once: the second is told so."""
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError as error:
        raise InvalidInput(
            _("A company of this name already takes part in this speed recruitment."),
            field="name",
        ) from error


def create_company(*, actor: Any, day: RecruitmentDay, data: Mapping[str, Any]) -> Company:
    check_manager(actor, day)
    _check_fields(data, COMPANY_FIELDS)
    with transaction.atomic():
        current = locked_day(day)
        company = Company(day=current, **data)
        _check_company(company, current)
        _save_company(company)
        _audit(
            actor,
            "recruitment.company.created",
            company,
            day,
            {
                name: {"before": None, "after": value}
                for name, value in snapshot(company, COMPANY_FIELDS).items()
            },
        )
    return company


def update_company(*, actor: Any, company: Company, data: Mapping[str, Any]) -> Company:
    day = company.day
    check_manager(actor, day)
    _check_fields(data, COMPANY_FIELDS)
    with transaction.atomic():
        current_day = locked_day(day)
        current = Company.objects.select_for_update().filter(pk=company.pk).first()
        if current is None:
            raise NotFound()
        before = snapshot(current, COMPANY_FIELDS)
        for name, value in data.items():
            setattr(current, name, value)
        _check_company(current, current_day)
        used = (
            current.interviews.exclude(status=InterviewStatus.CANCELLED)
            .filter(table__gt=current.tables)
            .order_by("-table")
            .values_list("table", flat=True)
            .first()
        )
        if used:
            raise InvalidInput(
                interpolate(
                    _("Interviews are planned at table %(table)d: keep at least %(table)d tables."),
                    {"table": used},
                ),
                field="tables",
            )
        _save_company(current)
        changed = diff(before, snapshot(current, COMPANY_FIELDS))
        if changed:
            _audit(actor, "recruitment.company.changed", current, day, changed)
    return current


def delete_company(*, actor: Any, company: Company) -> None:
    """Delete a company with its offers and applications; refused while it has interviews."""
    day = company.day
    check_manager(actor, day)
    with transaction.atomic():
        locked_day(day)
        current = Company.objects.select_for_update().filter(pk=company.pk).first()
        if current is None:
            raise NotFound()
        if current.interviews.exists():
            raise CompanyHasInterviews()
        _audit(
            actor,
            "recruitment.company.deleted",
            current,
            day,
            {
                "name": {"before": current.name, "after": None},
                "applications": current.applications.count(),
            },
        )
        current.delete()


# --- the company's link ---------------------------------------------------------------------


def _enqueue_link(company_id: int) -> None:
    if emails_are_suppressed():
        return
    from cocade.recruitment.tasks_companies import send_company_link_email

    transaction.on_commit(partial(send_company_link_email.enqueue, company_id))


def send_company_link(*, actor: Any, company: Company, last_sent_at: datetime | None) -> Company:
    """Email the company its link. `last_sent_at` is when the organiser saw it last sent
    (None: never); if it was sent since, this is a second click and nothing is sent."""
    day = company.day
    check_manager(actor, day)
    now = timezone.now()
    if last_sent_at is None:
        claimed = Company.objects.filter(pk=company.pk, link_sent_at__isnull=True)
    else:
        claimed = Company.objects.filter(pk=company.pk, link_sent_at=last_sent_at)
    with transaction.atomic():
        if not claimed.update(link_sent_at=now):
            if not Company.objects.filter(pk=company.pk).exists():
                raise NotFound()
            raise LinkJustSent()
        _audit(
            actor,
            "recruitment.company.link_sent",
            company,
            day,
            {
                "link_sent_at": {
                    "before": last_sent_at.isoformat() if last_sent_at else None,
                    "after": now.isoformat(),
                }
            },
        )
        _enqueue_link(company.pk)
    company.link_sent_at = now
    return company


def send_links_to_all(*, actor: Any, day: RecruitmentDay) -> int:
    """Email its link to every company of the day not yet sent one; returns how many."""
    check_manager(actor, day)
    now = timezone.now()
    sent = 0
    with transaction.atomic():
        waiting = Company.objects.filter(day=day, link_sent_at__isnull=True).order_by("pk")
        for company_id in list(waiting.values_list("pk", flat=True)):
            if Company.objects.filter(pk=company_id, link_sent_at__isnull=True).update(
                link_sent_at=now
            ):
                _enqueue_link(company_id)
                sent += 1
        if not sent:
            raise NothingToSend()
        record_action(
            actor=actor,
            action="recruitment.company.links_sent",
            target=day,
            centre_id=day.event.centre_id,
            changes={"companies": sent},
        )
    return sent


def reset_company_link(*, actor: Any, company: Company) -> Company:
    """A new link for the company: every link sent before stops working."""
    day = company.day
    check_manager(actor, day)
    with transaction.atomic():
        if not Company.objects.filter(pk=company.pk).update(secret=new_secret(), link_sent_at=None):
            raise NotFound()
        _audit(actor, "recruitment.company.link_reset", company, day, {})
    company.refresh_from_db()
    return company


# --- offers ---------------------------------------------------------------------------------


def _check_offer_writer(actor: Any, company: Company, by_company: bool) -> RecruitmentDay:
    """Lock the day; a company changes its offers only until the pre-selection starts."""
    day = company.day
    if not by_company:
        check_manager(actor, day)
    current_day = locked_day(day)
    if by_company and not is_before(current_day.phase, Phase.PRESELECTION):
        raise WrongPhase(_("Offers can no longer change: the candidates have made their choices."))
    return current_day


def _check_offer(offer: Offer) -> None:
    if not isinstance(offer.positions, int) or not 1 <= offer.positions <= MAX_POSITIONS:
        raise InvalidInput(
            interpolate(_("Enter from 1 to %(max)d positions."), {"max": MAX_POSITIONS}),
            field="positions",
        )
    _full_clean(offer, exclude=["company"])


def create_offer(
    *, company: Company, data: Mapping[str, Any], actor: Any = None, by_company: bool = False
) -> Offer:
    _check_fields(data, OFFER_FIELDS)
    with transaction.atomic():
        day = _check_offer_writer(actor, company, by_company)
        if not Company.objects.filter(pk=company.pk, day=day).exists():
            raise NotFound()
        offer = Offer(company=company, **data)
        _check_offer(offer)
        offer.save()
        changes: dict[str, Any] = {
            name: {"before": None, "after": value}
            for name, value in snapshot(offer, OFFER_FIELDS).items()
        }
        if by_company:
            changes["by_company"] = True
        _audit(None if by_company else actor, "recruitment.offer.created", offer, day, changes)
    return offer


def _locked_offer(offer: Offer) -> Offer:
    current = Offer.objects.select_for_update().filter(pk=offer.pk).first()
    if current is None:
        raise NotFound()
    return current


def update_offer(
    *, offer: Offer, data: Mapping[str, Any], actor: Any = None, by_company: bool = False
) -> Offer:
    _check_fields(data, OFFER_FIELDS)
    with transaction.atomic():
        day = _check_offer_writer(actor, offer.company, by_company)
        current = _locked_offer(offer)
        before = snapshot(current, OFFER_FIELDS)
        for name, value in data.items():
            setattr(current, name, value)
        _check_offer(current)
        current.save()
        changed: dict[str, Any] = diff(before, snapshot(current, OFFER_FIELDS))
        if changed:
            if by_company:
                changed["by_company"] = True
            _audit(
                None if by_company else actor, "recruitment.offer.changed", current, day, changed
            )
    return current


def delete_offer(*, offer: Offer, actor: Any = None, by_company: bool = False) -> None:
    """Delete an offer; the applications made through it stay, to the company."""
    with transaction.atomic():
        day = _check_offer_writer(actor, offer.company, by_company)
        current = _locked_offer(offer)
        changes: dict[str, Any] = {"title": {"before": current.title, "after": None}}
        if by_company:
            changes["by_company"] = True
        _audit(None if by_company else actor, "recruitment.offer.deleted", current, day, changes)
        current.delete()


# --- the company's decisions ----------------------------------------------------------------


def decide_application(*, company: Company, application: Application, decision: str) -> Application:
    """The company shortlists (`shortlisted`) or turns down (`rejected`) a candidate who
    applied to it, during pre-selection. It may change its mind; the same decision twice
    (a double click) is refused, as is a withdrawn application."""
    if decision not in DECISIONS:
        raise InvalidInput(_("Choose to shortlist the candidate or not."), field="decision")
    day = company.day
    with transaction.atomic():
        current_day = locked_day(day)
        if current_day.phase != Phase.PRESELECTION:
            raise WrongPhase(_("Candidates are shortlisted only during the pre-selection."))
        current = (
            Application.objects.select_for_update()
            .filter(pk=application.pk, company=company)
            .first()
        )
        if current is None:
            raise NotFound()
        if current.status == ApplicationStatus.WITHDRAWN:
            raise ApplicationWithdrawn()
        if current.status == decision:
            raise AlreadyDecided(
                interpolate(
                    _("This candidate is already marked “%(status)s”."),
                    {"status": ApplicationStatus(decision).label},
                )
            )
        before = current.status
        current.status = decision
        current.decided_by_company = True
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "decided_by_company", "decided_at"])
        _audit(
            None,
            f"recruitment.application.{decision}",
            current,
            day,
            {"status": {"before": before, "after": decision}, "by_company": True},
        )
    return current


# --- exports --------------------------------------------------------------------------------


def _when(moment: datetime | None, day: RecruitmentDay) -> Any:
    return moment.astimezone(day.event.zone) if moment else ""


def companies_table(day: RecruitmentDay) -> Table:
    """One row per company, in the reader's language (written by the export view)."""
    header = [
        gettext("Name"),
        gettext("Sector"),
        gettext("Contact person"),
        gettext("Contact email"),
        gettext("Language"),
        gettext("Tables"),
        gettext("Available"),
        gettext("Website"),
        gettext("Offers"),
        gettext("Applications"),
        gettext("Link sent (%(zone)s)") % {"zone": day.event.timezone},
    ]
    rows = []
    for company in _companies_for_export(day):
        rows.append(
            [
                company.name,
                company.sector,
                company.contact_name,
                company.contact_email,
                company.language,
                company.tables,
                windows_text(company.windows).replace("\n", ", ") or gettext("the whole day"),
                company.website,
                len(company.offers.all()),
                len(company.applications.all()),
                _when(company.link_sent_at, day),
            ]
        )
    return Table(header=header, rows=rows)


def offers_table(day: RecruitmentDay) -> Table:
    """One row per offer, with its company."""
    header = [
        gettext("Company"),
        gettext("Job title"),
        gettext("Contract"),
        gettext("Positions"),
        gettext("Place of work"),
        gettext("Description"),
    ]
    rows = [
        [
            offer.company.name,
            offer.title,
            str(offer.get_contract_display()),
            offer.positions,
            offer.location,
            offer.description,
        ]
        for offer in Offer.objects.filter(company__day=day).select_related("company")
    ]
    return Table(header=header, rows=rows)


def _companies_for_export(day: RecruitmentDay) -> Any:
    return Company.objects.filter(day=day).prefetch_related("offers", "applications")


def record_export(
    *, actor: Any, day: RecruitmentDay, table: str, file_format: str, rows: int
) -> None:
    """Audit an export: who, which table and format, how many rows; never a name."""
    with transaction.atomic():
        record_action(
            actor=actor,
            action="recruitment.companies.exported",
            target=day,
            centre_id=day.event.centre_id,
            changes={"table": table, "format": file_format, "rows": rows},
        )
