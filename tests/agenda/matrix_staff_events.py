"""Permission matrix rows of the organisers' event pages (`staff_agenda:event…`).

Manager A and the coordinator organise centre A's events: they open every page (200), an
empty POST is a form error (400), and the buttons that need no input (delete a session or an
unanswered question, withdraw an invitation, remove a named organiser, duplicate) succeed
(302). Everybody else signed in gets 404 on an event's pages, as if it did not exist: counsellor
A (who organises nothing), manager B and the public user. The list is for the staff (the public
user gets 403); creating needs a centre manager or a coordinator (403 for the others). Buttons
are POST only (405 on GET, after the sign-in check).
"""

from cocade.accounts.enums import Role
from cocade.agenda.enums import Audience
from tests.factories.accounts import MembershipFactory
from tests.factories.agenda import EventFactory, InvitationFactory
from tests.matrix import Case, S

METHOD_NOT_ALLOWED = S(302, 405, 405, 405, 405, 405)
ORGANISE_GET = S(302, 404, 404, 200, 404, 200)
ORGANISE_POST_EMPTY = S(302, 404, 404, 400, 404, 400)
ORGANISE_POST_DONE = S(302, 404, 404, 302, 404, 302)

_S = "staff_agenda:"


def _invited_meeting(objects):
    """An internal meeting of centre A with one invited member (made once per test)."""
    if "staff_events_meeting" not in objects:
        meeting = EventFactory(
            centre=objects["event"].centre, slug="comite-a", audience=Audience.INVITED
        )
        member = MembershipFactory(
            user__email="invitee@example.org", role=Role.COUNSELLOR, centre=meeting.centre
        ).user
        objects["staff_events_meeting"] = meeting
        objects["staff_events_invitation"] = InvitationFactory(event=meeting, user=member)
    return objects["staff_events_meeting"], objects["staff_events_invitation"]


def _named_organiser(objects):
    """A counsellor of centre A named as an organiser of the public event."""
    event = objects["event"]
    person = MembershipFactory(
        user__email="named-organiser@example.org", role=Role.COUNSELLOR, centre=event.centre
    ).user
    event.organisers.add(person)
    return {"pk": event.pk, "user_pk": person.pk}


KINDS = {
    "staff_events_event": lambda objects: {"pk": objects["event"].pk},
    "staff_events_session": lambda objects: {
        "pk": objects["event"].pk,
        "session_pk": objects["event"].sessions.get().pk,
    },
    "staff_events_question": lambda objects: {
        "pk": objects["event"].pk,
        "question_pk": objects["question"].pk,
    },
    "staff_events_meeting": lambda objects: {"pk": _invited_meeting(objects)[0].pk},
    "staff_events_invitation": lambda objects: {
        "pk": _invited_meeting(objects)[0].pk,
        "invitation_pk": _invited_meeting(objects)[1].pk,
    },
    "staff_events_organiser": _named_organiser,
}

ENTRIES = {
    f"{_S}events": Case(get=S(302, 403, 200, 200, 200, 200), post=METHOD_NOT_ALLOWED),
    f"{_S}event_create": Case(
        get=S(302, 403, 403, 200, 200, 200), post=S(302, 403, 403, 400, 400, 400)
    ),
    f"{_S}event": Case("staff_events_event", get=ORGANISE_GET, post=METHOD_NOT_ALLOWED),
    f"{_S}event_edit": Case("staff_events_event", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY),
    f"{_S}event_status": Case(
        "staff_events_event", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_EMPTY
    ),
    f"{_S}event_duplicate": Case(
        "staff_events_event", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_DONE
    ),
    f"{_S}event_sessions": Case("staff_events_event", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY),
    f"{_S}event_session_edit": Case(
        "staff_events_session", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY
    ),
    f"{_S}event_session_delete": Case(
        "staff_events_session", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_DONE
    ),
    f"{_S}event_questions": Case("staff_events_event", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY),
    f"{_S}event_question_edit": Case(
        "staff_events_question", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY
    ),
    f"{_S}event_question_delete": Case(
        "staff_events_question", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_DONE
    ),
    f"{_S}event_question_move": Case(
        "staff_events_question", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_EMPTY
    ),
    f"{_S}event_invitations": Case(
        "staff_events_meeting", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY
    ),
    f"{_S}event_invitation_delete": Case(
        "staff_events_invitation", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_DONE
    ),
    f"{_S}event_organisers": Case("staff_events_event", get=ORGANISE_GET, post=ORGANISE_POST_EMPTY),
    f"{_S}event_organiser_remove": Case(
        "staff_events_organiser", get=METHOD_NOT_ALLOWED, post=ORGANISE_POST_DONE
    ),
}
