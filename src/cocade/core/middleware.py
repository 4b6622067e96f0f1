from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _


class ApiErrorShapeMiddleware:
    """Under /api/, answer the errors Django or the router produce by themselves (unknown path,
    method not allowed) with the API's JSON shape {code, message, detail}."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/") or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        if response.status_code == 404:
            return JsonResponse(
                {"code": "not_found", "message": _("Not found."), "detail": {}}, status=404
            )
        if response.status_code == 405:
            shaped = JsonResponse(
                {
                    "code": "method_not_allowed",
                    "message": _("This method is not allowed here."),
                    "detail": {
                        "allowed": [
                            m.strip() for m in response.get("Allow", "").split(",") if m.strip()
                        ]
                    },
                },
                status=405,
            )
            if response.get("Allow"):
                shaped["Allow"] = response["Allow"]
            return shaped
        return response
