"""Objects the permission matrix needs for the agenda's URLs.

Centre A organises a published public event (capacity 20, waiting list, one confirmed
registrant who is no matrix role, one pending, one mailing, one session and one question), a
members-only event and a draft. The network organises an internal meeting to which counsellor
A alone is invited. Manager A and the coordinator organise centre A's events; nobody else
sees their registrants (404).
"""

from cocade.agenda.enums import Audience, EventStatus, RegistrationStatus
from cocade.agenda.tokens import check_in_token, manage_token
from tests.factories.agenda import (
    EventFactory,
    EventMailingFactory,
    EventSessionFactory,
    InvitationFactory,
    QuestionFactory,
    RegistrationFactory,
)


def agenda_objects(centre_a, counsellor_a):
    public_event = EventFactory(
        centre=centre_a, slug="atelier-cv", capacity=20, waitlist=True, moderation=False
    )
    EventSessionFactory(event=public_event)
    question = QuestionFactory(event=public_event)
    registration = RegistrationFactory(event=public_event, email="ines@example.org")
    pending = RegistrationFactory(
        event=public_event, email="joao@example.org", status=RegistrationStatus.PENDING
    )
    members_event = EventFactory(centre=centre_a, slug="reunion-equipe", audience=Audience.MEMBERS)
    draft_event = EventFactory(centre=centre_a, slug="brouillon", status=EventStatus.DRAFT)
    meeting = EventFactory(centre=None, slug="comex", audience=Audience.INVITED)
    InvitationFactory(event=meeting, user=counsellor_a)
    mailing = EventMailingFactory(event=public_event)
    return {
        "event": public_event,
        "members_event": members_event,
        "draft_event": draft_event,
        "meeting": meeting,
        "question": question,
        "registration": registration,
        "pending_registration": pending,
        "mailing": mailing,
        "manage_token": manage_token(registration),
        "check_in_token": check_in_token(registration),
    }
