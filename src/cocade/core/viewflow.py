"""What staff views share: the refusal page and the form-then-service-then-redirect loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cocade.core.errors import DomainError, Forbidden, NotFound, apply_to_form

FORM_TEMPLATE = "core/form_page.html"

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def forbidden(request: HttpRequest, message: Any) -> HttpResponse:
    return render(request, "core/forbidden.html", {"message": message}, status=403)


def refused(request: HttpRequest, message: Any, back_url: str, status: int = 400) -> HttpResponse:
    """The page that says why nothing was done, with a way back."""
    return render(
        request, "core/refused.html", {"message": message, "back_url": back_url}, status=status
    )


def posted(request: HttpRequest, *, files: bool = False) -> tuple[Any, ...]:
    """The form data (and files) of a POST, or nothing for a GET: an empty POST is still bound."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def form_view(
    request: HttpRequest,
    *,
    form: Any,
    save: Callable[[], Any],
    success_message: Any,
    success_url: Callable[[Any], str],
    context: dict[str, Any],
    template: str = FORM_TEMPLATE,
) -> HttpResponse:
    """Show `form`; on a valid POST call `save` (a service) and redirect, else answer 400 with
    the errors at their fields. A refused write answers 403 (404 when the object is out of the
    user's scope); nothing is written either way."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = save()
            except Forbidden as error:
                return forbidden(request, error.message)
            except NotFound as error:
                raise Http404 from error
            except DomainError as error:
                apply_to_form(form, error)
            else:
                messages.success(request, success_message)
                return redirect(success_url(result))
        status = 400
    return render(request, template, {"form": form, **context}, status=status)


def run_action(
    request: HttpRequest,
    *,
    action: Callable[[], Any],
    success_message: Any,
    next_url: str,
) -> HttpResponse:
    """A POST button: call the service, flash its outcome, go back. Refusals flash the reason
    (403/404 as usual); a conflict (wrong state, double click) answers 409 with the page."""
    try:
        action()
    except Forbidden as error:
        return forbidden(request, error.message)
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, str(error.message))
        return render(
            request,
            "core/refused.html",
            {"message": error.message, "back_url": next_url},
            status=error.status if 400 <= error.status < 500 else 400,
        )
    messages.success(request, success_message)
    return redirect(next_url)
