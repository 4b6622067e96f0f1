from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url


def cocade(request: HttpRequest) -> dict[str, Any]:
    """Language switch links for the current page, and the network's name."""
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES
        ],
    }
