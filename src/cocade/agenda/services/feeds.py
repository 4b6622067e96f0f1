"""A person's private calendar feed: its secret address, made on first use and renewable.

The key is the only thing that opens the feed, so renewing it makes every copy of the old
address useless at once (for a person who shared it by mistake).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cocade.agenda.models import CalendarFeed, new_secret
from cocade.core.errors import Forbidden


def _signed_in(user: Any) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Forbidden()


def get_or_create_calendar_feed(*, user: Any) -> CalendarFeed:
    """The user's feed, made with a new secret key the first time."""
    _signed_in(user)
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def reset_calendar_feed(*, user: Any) -> CalendarFeed:
    """Give the user's feed a new secret key (creating the feed if there was none)."""
    _signed_in(user)
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        if not created:
            feed.key = new_secret()
            feed.save(update_fields=["key", "created_at"])
    return feed
