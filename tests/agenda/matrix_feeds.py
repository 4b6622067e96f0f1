"""Permission matrix rows of the agenda's iCalendar feeds (`agenda:feed_*`, `agenda:event_ics`).

The public feeds are for everyone, signed in or not. The private feed opens with its secret
key alone (calendar programs send no cookie): whoever holds the address reads it. One event's
file follows the event's visibility: the matrix asks for the network's internal meeting, to
which only counsellor A is invited; the coordinator organises it; everyone else gets 404.
Feeds are read-only: a POST is 405 and changes nothing.
"""

from cocade.agenda.models import CalendarFeed
from tests.matrix import ALL_200, Case, S


def _private_feed_key(objects):
    invited = objects["meeting"].invitations.get().user
    return {"key": CalendarFeed.objects.get_or_create(user=invited)[0].key}


KINDS = {
    "feeds_centre": lambda o: {"slug": o["event"].centre.slug},
    "feeds_kind": lambda o: {"kind": o["event"].kind},
    "feeds_private": _private_feed_key,
    "feeds_meeting": lambda o: {"slug": o["meeting"].slug},
}

NOT_ALLOWED = S(405, 405, 405, 405, 405, 405)

ENTRIES = {
    "agenda:feed_network": Case(get=ALL_200, post=NOT_ALLOWED),
    "agenda:feed_centre": Case("feeds_centre", get=ALL_200),
    "agenda:feed_kind": Case("feeds_kind", get=ALL_200),
    "agenda:feed_private": Case("feeds_private", get=ALL_200, post=NOT_ALLOWED),
    "agenda:event_ics": Case("feeds_meeting", get=S(404, 404, 200, 404, 404, 200)),
}
