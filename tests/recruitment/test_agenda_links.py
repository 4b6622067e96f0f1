"""A speed recruitment in the agenda: its page sends candidates to the companies and the
application form, and the agenda's own registration form is never used for it."""

from django.urls import reverse

from cocade.agenda.models import Registration
from cocade.recruitment.enums import Phase
from tests.factories.recruitment import RecruitmentDayFactory


def test_the_event_page_links_to_the_companies_and_offers(client, db):
    day = RecruitmentDayFactory(phase=Phase.APPLICATIONS)

    response = client.get(reverse("agenda:event", kwargs={"slug": day.event.slug}))

    assert response.status_code == 200
    offers = reverse("recruitment:offers", kwargs={"slug": day.event.slug})
    assert f'href="{offers}"' in response.content.decode()
    register = reverse("agenda:register", kwargs={"slug": day.event.slug})
    assert f'href="{register}"' not in response.content.decode()


def test_the_agenda_registration_form_sends_to_the_application_form(client, db):
    day = RecruitmentDayFactory(phase=Phase.APPLICATIONS)
    url = reverse("agenda:register", kwargs={"slug": day.event.slug})

    shown = client.get(url)
    posted = client.post(url, {"name": "Ana", "email": "ana@example.org", "consent": "on"})

    apply = reverse("recruitment:apply", kwargs={"slug": day.event.slug})
    assert (shown.status_code, shown.url) == (302, apply)
    assert (posted.status_code, posted.url) == (302, apply)
    assert not Registration.objects.exists()
