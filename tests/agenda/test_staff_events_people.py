"""The people of an event: invitations to an internal meeting and named organisers."""

import pytest
from django.urls import reverse
from django.utils import translation

from cocade.accounts.enums import Role
from cocade.agenda.enums import Audience
from cocade.agenda.models import Invitation
from cocade.agenda.services.event_parts import add_organiser, invite_member, remove_organiser
from cocade.core.errors import Conflict, InvalidInput, NotFound
from cocade.core.models import AuditLogEntry
from tests.factories.accounts import MembershipFactory, UserFactory
from tests.factories.agenda import EventFactory, InvitationFactory


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"staff_agenda:{name}", kwargs=kwargs)


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def invitees(event):
    return sorted(event.invitations.values_list("user__email", flat=True))


def organisers(event):
    return sorted(event.organisers.values_list("email", flat=True))


@pytest.fixture
def meeting(centre_a):
    return EventFactory(centre=centre_a, audience=Audience.INVITED)


@pytest.fixture
def member(centre_b):
    return MembershipFactory(
        user__email="Rita.Member@example.org", role=Role.COUNSELLOR, centre=centre_b
    ).user


# --- invitations ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_invite_a_member_by_email_whatever_the_case(client, manager_a, meeting, member):
    client.force_login(manager_a)

    response = client.post(
        url("event_invitations", pk=meeting.pk), {"email": "  rita.member@EXAMPLE.org "}
    )

    invitation = Invitation.objects.get()
    assert (response.status_code, invitation.user, invitation.invited_by) == (
        302,
        member,
        manager_a,
    )
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.changes) == (
        "agenda.invitation.created",
        {"invitee": {"before": None, "after": "Rita.Member@example.org"}},
    )


@pytest.mark.django_db
def test_invitations_page_lists_the_invited_people(client, manager_a, meeting, member):
    InvitationFactory(event=meeting, user=member)
    client.force_login(manager_a)

    response = client.get(url("event_invitations", pk=meeting.pk))

    assert response.status_code == 200
    assert [invitation.user for invitation in response.context["invitations"]] == [member]


@pytest.mark.django_db
def test_invite_someone_without_a_role_is_refused(client, manager_a, meeting, public_user):
    client.force_login(manager_a)

    response = client.post(url("event_invitations", pk=meeting.pk), {"email": public_user.email})

    assert response.status_code == 400
    assert errors_of(response, "email") == [
        "No member of the network has this email address: only people who hold a role in the "
        "network can be invited."
    ]
    assert (Invitation.objects.count(), AuditLogEntry.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_invite_an_unknown_address_is_refused(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.post(url("event_invitations", pk=meeting.pk), {"email": "nobody@example.org"})

    assert response.status_code == 400
    assert Invitation.objects.count() == 0


@pytest.mark.django_db
def test_invite_a_malformed_address_is_refused(client, manager_a, meeting):
    client.force_login(manager_a)

    response = client.post(url("event_invitations", pk=meeting.pk), {"email": "not an address"})

    assert response.status_code == 400
    assert errors_of(response, "email") == ["Enter a valid email address."]
    assert Invitation.objects.count() == 0


@pytest.mark.django_db
def test_invite_twice_is_refused(client, manager_a, meeting, member):
    InvitationFactory(event=meeting, user=member)
    client.force_login(manager_a)

    response = client.post(url("event_invitations", pk=meeting.pk), {"email": member.email})

    assert response.status_code == 409
    assert errors_of(response, "email") == ["This person is already invited."]
    assert (invitees(meeting), AuditLogEntry.objects.count()) == ([member.email], 0)


@pytest.mark.django_db
def test_invite_to_a_public_event_is_refused_with_the_reason(client, manager_a, centre_a, member):
    event = EventFactory(centre=centre_a, audience=Audience.PUBLIC)
    client.force_login(manager_a)

    response = client.post(url("event_invitations", pk=event.pk), {"email": member.email})

    assert response.status_code == 409
    assert errors_of(response, "__all__") == [
        "Invitations are for meetings open to invited people only: change the event's "
        "audience first."
    ]
    assert Invitation.objects.count() == 0


@pytest.mark.django_db
def test_withdraw_an_invitation(client, manager_a, meeting, member):
    invitation = InvitationFactory(event=meeting, user=member)
    client.force_login(manager_a)

    response = client.post(
        url("event_invitation_delete", pk=meeting.pk, invitation_pk=invitation.pk)
    )

    assert (response.status_code, Invitation.objects.count()) == (302, 0)
    assert AuditLogEntry.objects.get().action == "agenda.invitation.deleted"


@pytest.mark.django_db
def test_withdraw_an_invitation_of_another_event_is_not_found(
    client, manager_a, meeting, member, centre_a
):
    other = InvitationFactory(event=EventFactory(centre=centre_a, audience=Audience.INVITED))
    client.force_login(manager_a)

    response = client.post(url("event_invitation_delete", pk=meeting.pk, invitation_pk=other.pk))

    assert (response.status_code, Invitation.objects.count()) == (404, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["counsellor_a", "manager_b"])
def test_invitations_are_hidden_from_those_who_do_not_organise(
    client, request, role, meeting, member
):
    invitation = InvitationFactory(event=meeting, user=member)
    client.force_login(request.getfixturevalue(role))

    statuses = [
        client.get(url("event_invitations", pk=meeting.pk)).status_code,
        client.post(url("event_invitations", pk=meeting.pk), {"email": member.email}).status_code,
        client.post(
            url("event_invitation_delete", pk=meeting.pk, invitation_pk=invitation.pk)
        ).status_code,
    ]

    assert statuses == [404, 404, 404]
    assert invitees(meeting) == [member.email]


@pytest.mark.django_db
def test_invite_member_service_refuses_an_inactive_account(manager_a, meeting):
    inactive = MembershipFactory(user__is_active=False).user

    with pytest.raises(InvalidInput):
        invite_member(actor=manager_a, event=meeting, email=inactive.email)

    assert Invitation.objects.count() == 0


# --- organisers -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_name_a_staff_member_as_organiser(client, manager_a, centre_a, counsellor_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    response = client.post(url("event_organisers", pk=event.pk), {"email": counsellor_a.email})

    assert (response.status_code, organisers(event)) == (302, [counsellor_a.email])
    assert AuditLogEntry.objects.get().action == "agenda.organiser.added"
    client.force_login(counsellor_a)
    assert client.get(url("event", pk=event.pk)).status_code == 200


@pytest.mark.django_db
def test_name_someone_without_a_role_is_refused(client, manager_a, centre_a):
    event = EventFactory(centre=centre_a)
    outsider = UserFactory()
    client.force_login(manager_a)

    response = client.post(url("event_organisers", pk=event.pk), {"email": outsider.email})

    assert response.status_code == 400
    assert errors_of(response, "email") == [
        "No member of the network has this email address: only people who hold a role in the "
        "network can organise events."
    ]
    assert (organisers(event), AuditLogEntry.objects.count()) == ([], 0)


@pytest.mark.django_db
def test_name_an_organiser_twice_is_refused(client, manager_a, centre_a, counsellor_a):
    event = EventFactory(centre=centre_a)
    event.organisers.add(counsellor_a)
    client.force_login(manager_a)

    response = client.post(url("event_organisers", pk=event.pk), {"email": counsellor_a.email})

    assert response.status_code == 409
    assert errors_of(response, "email") == ["This person is already an organiser of the event."]
    assert (organisers(event), AuditLogEntry.objects.count()) == ([counsellor_a.email], 0)


@pytest.mark.django_db
def test_remove_a_named_organiser(client, manager_a, centre_a, counsellor_a):
    event = EventFactory(centre=centre_a)
    event.organisers.add(counsellor_a)
    client.force_login(manager_a)

    response = client.post(url("event_organiser_remove", pk=event.pk, user_pk=counsellor_a.pk))

    assert (response.status_code, response["Location"]) == (
        302,
        url("event_organisers", pk=event.pk),
    )
    assert organisers(event) == []
    assert AuditLogEntry.objects.get().action == "agenda.organiser.removed"


@pytest.mark.django_db
def test_remove_oneself_goes_back_to_the_list_of_events(client, centre_a, counsellor_a):
    event = EventFactory(centre=centre_a)
    event.organisers.add(counsellor_a)
    client.force_login(counsellor_a)

    response = client.post(url("event_organiser_remove", pk=event.pk, user_pk=counsellor_a.pk))

    assert (response.status_code, response["Location"]) == (302, url("events"))
    assert organisers(event) == []


@pytest.mark.django_db
def test_remove_someone_who_is_not_named_is_not_found(client, manager_a, centre_a, counsellor_a):
    event = EventFactory(centre=centre_a)
    client.force_login(manager_a)

    response = client.post(url("event_organiser_remove", pk=event.pk, user_pk=counsellor_a.pk))

    assert (response.status_code, AuditLogEntry.objects.count()) == (404, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["manager_b", "public_user"])
def test_organisers_are_hidden_from_those_who_do_not_organise(
    client, request, role, centre_a, counsellor_a
):
    event = EventFactory(centre=centre_a)
    event.organisers.add(counsellor_a)
    client.force_login(request.getfixturevalue(role))

    statuses = [
        client.get(url("event_organisers", pk=event.pk)).status_code,
        client.post(url("event_organisers", pk=event.pk), {"email": "x@example.org"}).status_code,
        client.post(
            url("event_organiser_remove", pk=event.pk, user_pk=counsellor_a.pk)
        ).status_code,
    ]

    assert statuses == [404, 404, 404]
    assert organisers(event) == [counsellor_a.email]


@pytest.mark.django_db
def test_add_organiser_service_refuses_someone_who_does_not_organise(
    manager_b, centre_a, counsellor_a
):
    event = EventFactory(centre=centre_a)

    with pytest.raises(NotFound):
        add_organiser(actor=manager_b, event=event, email=counsellor_a.email)

    assert organisers(event) == []


@pytest.mark.django_db
def test_remove_organiser_service_refuses_someone_not_named(manager_a, centre_a, manager_b):
    event = EventFactory(centre=centre_a)

    with pytest.raises(NotFound):
        remove_organiser(actor=manager_a, event=event, user=manager_b)

    assert AuditLogEntry.objects.count() == 0


@pytest.mark.django_db
def test_invite_member_service_on_a_members_event_is_a_conflict(manager_a, centre_a, member):
    event = EventFactory(centre=centre_a, audience=Audience.MEMBERS)

    with pytest.raises(Conflict) as refused:
        invite_member(actor=manager_a, event=event, email=member.email)

    assert (refused.value.code, Invitation.objects.count()) == ("not_invited_audience", 0)
