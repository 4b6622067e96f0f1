"""Registering for an event and the registrant's own pages; no account is needed.

The registration form calls `services.registrations.register_for_event`; its refusals (full,
closed, not open yet, already registered, consent missing, bad email, not invited) are shown
at the form: 400 for bad input, 409 for a conflict, 403 when only invitees may register.
Members-only events and internal meetings need a signed-in person: an anonymous visitor is
sent to sign in (whatever the address, so that nothing is revealed), a signed-in person who
may not see the event gets 404.

The registrant's page is opened by the signed link of their emails (`tokens.manage_token`):
it shows the registration, its QR code, and lets them cancel it or delete their data, without
an account. A bad, tampered or outdated link answers 400 with the reason. These pages hold
personal data: they are never cached.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cocade.agenda import qr, selectors, tokens
from cocade.agenda.enums import ACTIVE_STATUSES, EventKind, QuestionKind, RegistrationStatus
from cocade.agenda.errors import AlreadyCancelled, BadToken
from cocade.agenda.forms.registration import RegistrationForm, choice_labels
from cocade.agenda.models import Event, Registration
from cocade.agenda.services import feeds as feed_services
from cocade.agenda.services import registrations as services
from cocade.agenda.views.public import event_context, event_when
from cocade.core.errors import Conflict, DomainError, NotFound, apply_to_form

form_methods = require_http_methods(["GET", "HEAD", "POST"])

STATUS_MESSAGES: dict[str, Any] = {
    RegistrationStatus.CONFIRMED: _("Your registration is confirmed: a seat is kept for you."),
    RegistrationStatus.WAITLISTED: _(
        "The event is full: you are on the waiting list. If a seat frees up, it is yours and "
        "we will email you."
    ),
    RegistrationStatus.PENDING: _(
        "Your registration awaits the organisers' approval. We will email you their answer."
    ),
    RegistrationStatus.DECLINED: _("The organisers could not accept your registration."),
    RegistrationStatus.CANCELLED: _("This registration is cancelled."),
}


def see_other(url: str) -> HttpResponseRedirect:
    """The redirect after a successful POST (303: the browser follows it with a GET)."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


# --- Registering ----------------------------------------------------------------------------


def _event_for_registration(request: HttpRequest, slug: str) -> Event | HttpResponse:
    try:
        return selectors.get_event_for_user(request.user, slug)
    except NotFound as error:
        if not request.user.is_authenticated:
            # Members-only events and meetings need a sign-in; asked for any address alike.
            return redirect_to_login(request.get_full_path())
        raise Http404 from error


def _error_status(error: DomainError) -> int:
    if isinstance(error, Conflict):
        return 409
    return 403 if error.status == 403 else 400


def _initial(request: HttpRequest) -> dict[str, str]:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {"name": getattr(user, "full_name", "") or "", "email": user.email}


@never_cache
@form_methods
def register(request: HttpRequest, slug: str) -> HttpResponse:
    found = _event_for_registration(request, slug)
    if isinstance(found, HttpResponse):
        return found
    event = found
    if event.kind == EventKind.SPEED_RECRUITMENT:
        # Candidates register with their applications, on the speed recruitment's own form.
        return redirect("recruitment:apply", slug=event.slug)
    questions = list(event.questions.all())
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                registration = services.register_for_event(
                    event=event,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    consent=form.cleaned_data["consent"],
                    answers=form.answers(),
                    user=request.user,
                    language=get_language(),
                )
            except DomainError as error:
                apply_to_form(form, error)
                status = _error_status(error)
            else:
                token = tokens.manage_token(registration)
                return see_other(reverse("agenda:registered", kwargs={"token": token}))
        else:
            status = 400
    else:
        form = RegistrationForm(initial=_initial(request), questions=questions)
    context = {
        **event_context(request, event),
        "form": form,
        "signed_in_as": request.user if request.user.is_authenticated else None,
    }
    return render(request, "agenda/public/register.html", context, status=status)


# --- The registrant's pages -----------------------------------------------------------------


def bad_token(request: HttpRequest, error: DomainError) -> HttpResponse:
    return render(request, "agenda/public/bad_token.html", {"message": error.message}, status=400)


def _registration(token: str) -> Registration:
    return tokens.read_token(token, tokens.MANAGE)


def _answers(registration: Registration) -> list[dict[str, Any]]:
    """Each question of the event with the registrant's answer, in the reader's language."""
    rows = []
    for question in registration.event.questions.all():
        answer = registration.answers.get(str(question.pk))
        if question.kind == QuestionKind.CONSENT:
            shown: Any = _("Yes") if answer else _("No")
        elif question.kind == QuestionKind.CHOICE and answer:
            shown = dict(choice_labels(question)).get(answer, answer)
        else:
            shown = answer or ""
        rows.append({"label": question.label_i18n, "answer": shown})
    return rows


def _registration_page(
    request: HttpRequest,
    registration: Registration,
    token: str,
    *,
    notice: Any = "",
    status: int = 200,
) -> HttpResponse:
    event = registration.event
    context = {
        **event_context(request, event),
        "registration": registration,
        "token": token,
        "status_message": STATUS_MESSAGES.get(registration.status, ""),
        "is_active": registration.status in ACTIVE_STATUSES,
        "is_confirmed": registration.status == RegistrationStatus.CONFIRMED,
        "answers": _answers(registration),
        "attended": registration.attendances.exists(),
        "notice": notice,
        "retention_months": settings.COCADE_REGISTRATION_RETENTION_MONTHS,
    }
    return render(request, "agenda/public/registration.html", context, status=status)


@never_cache
@require_safe
def registered(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = _registration(token)
    except BadToken as error:
        return bad_token(request, error)
    context = {
        **event_context(request, registration.event),
        "registration": registration,
        "token": token,
        "status_message": STATUS_MESSAGES.get(registration.status, ""),
    }
    return render(request, "agenda/public/registered.html", context)


@never_cache
@require_safe
def registration_page(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = _registration(token)
    except BadToken as error:
        return bad_token(request, error)
    return _registration_page(request, registration, token)


@never_cache
@form_methods
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation; POST cancels. A second cancellation says so (409)."""
    try:
        registration = _registration(token)
    except BadToken as error:
        return bad_token(request, error)
    if request.method != "POST":
        context = {
            **event_context(request, registration.event),
            "registration": registration,
            "token": token,
            "is_active": registration.status in ACTIVE_STATUSES,
        }
        return render(request, "agenda/public/registration_cancel.html", context)
    try:
        services.cancel_registration(registration=registration)
    except AlreadyCancelled as error:
        registration.refresh_from_db()
        return _registration_page(request, registration, token, notice=error.message, status=409)
    except NotFound:
        return bad_token(request, BadToken())
    return see_other(reverse("agenda:registration", kwargs={"token": token}))


@never_cache
@form_methods
def registration_delete(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation; POST erases the registration and says it is gone."""
    try:
        registration = _registration(token)
    except BadToken as error:
        return bad_token(request, error)
    context = {
        **event_context(request, registration.event),
        "registration": registration,
        "token": token,
    }
    if request.method != "POST":
        return render(request, "agenda/public/registration_delete.html", context)
    try:
        services.delete_registration(registration=registration)
    except NotFound:
        return bad_token(request, BadToken())
    return render(request, "agenda/public/registration_deleted.html", context)


@require_safe
def registration_qr(request: HttpRequest, token: str) -> HttpResponse:
    """The check-in QR code of a confirmed registration, as SVG; 404 for any other status."""
    try:
        registration = _registration(token)
    except BadToken as error:
        return HttpResponse(
            str(error.message), status=400, content_type="text/plain; charset=utf-8"
        )
    if registration.status != RegistrationStatus.CONFIRMED:
        raise Http404
    svg = qr.qr_svg(tokens.check_in_token(registration))
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


# --- My registrations -----------------------------------------------------------------------


def _feed_addresses(key: str) -> dict[str, str]:
    path = reverse("agenda:feed_private", args=[key])
    https = f"{settings.SITE_URL}{path}"
    return {"url": https, "webcal": "webcal://" + https.split("://", 1)[-1]}


@never_cache
@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    items = [
        {
            "registration": registration,
            "title": registration.event.title_i18n,
            "when": event_when(registration.event),
            "url": reverse(
                "agenda:registration", kwargs={"token": tokens.manage_token(registration)}
            ),
            "is_active": registration.status in ACTIVE_STATUSES,
        }
        for registration in selectors.registrations_of_user(request.user)
    ]
    feed = feed_services.get_or_create_calendar_feed(user=request.user)
    context = {"items": items, "feed": feed, "feed_addresses": _feed_addresses(feed.key)}
    return render(request, "agenda/public/mine.html", context)


@login_required
@require_POST
def mine_feed_reset(request: HttpRequest) -> HttpResponse:
    feed_services.reset_calendar_feed(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar feed has a new address: the old one no longer works. Update your "
            "calendar."
        ),
    )
    return redirect("agenda:mine")
