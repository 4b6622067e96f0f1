"""A whole speed recruitment from the browser, from the event's publication to its report.

The organiser publishes the event, sets the day and adds three companies, and opens the
applications. Three jobseekers apply from their phones (one with a CV). At the pre-selection,
one company shortlists its applicants from the link it got by email, the organiser shortlists
the rest and sends the invitations, computes the schedule (the worker runs it; the page
follows its progress) and publishes it: each candidate gets their timetable with its QR code.
On the day the organiser checks a candidate in from that code, marks a no-show, rings the
bell, re-optimises the rest of the day (what is under way does not move), rings again and
records a hire; the report counts it all.

The event's zone is chosen so that it is mid-morning there whenever the test runs, with the
first interview a few minutes ahead.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from cocade.agenda.enums import EventStatus
from cocade.agenda.tokens import check_in_token
from cocade.recruitment.enums import InterviewStatus, Outcome, Phase
from cocade.recruitment.models import Candidate, Interview, RecruitmentDay
from tests.factories.recruitment import RecruitmentEventFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 800}
COMPANIES = ("Ribeira Software", "Douro Logística", "Foz Hotelaria")
#: Name, email, ranked choices (company indexes).
PEOPLE = (
    ("Ana Pereira", "ana@example.org", (0, 1, 2)),
    ("Bruno Costa", "bruno@example.org", (0, 2)),
    ("Carla Nunes", "carla@example.org", (1, 0)),
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _mid_morning_zone() -> str:
    """An Etc/GMT zone where it is 10:xx now (Etc/GMT-3 is three hours ahead of UTC)."""
    offset = (10 - timezone.now().hour + 12) % 24 - 12
    if offset == 0:
        return "Etc/GMT"
    return f"Etc/GMT-{offset}" if offset > 0 else f"Etc/GMT+{-offset}"


def _event(centre):
    zone_name = _mid_morning_zone()
    event = RecruitmentEventFactory(
        centre=centre,
        status=EventStatus.DRAFT,
        timezone=zone_name,
        title={"en": "Porto Speed Recruitment", "pt": "Speed Recruitment do Porto"},
        original_language="en",
    )
    local_now = timezone.now().astimezone(event.zone)
    start = local_now.replace(hour=9, minute=0, second=0, microsecond=0)
    event.starts_at, event.ends_at = start, start.replace(hour=18)
    event.save()
    # The first interview: the next five-minute mark at least five minutes ahead.
    first = local_now + datetime.timedelta(minutes=10 - local_now.minute % 5)
    return event, first.strftime("%H:%M")


def _signed_in(browser, base: str, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def _emails_to(address: str):
    return [message for message in mail.outbox if address in message.to]


def _link(message, base: str, path: str) -> str:
    """The address of the email's link whose path starts with `path`, on the test server."""
    found = re.search(rf"https?://[^/\s]+(/\S*{path}\S+/)", message.body)
    assert found, message.body
    return base + found.group(1)


def _go(page: Page, section: str) -> None:
    """Open a page of the speed recruitment's own navigation."""
    nav = page.get_by_role("navigation", name="Pages of the speed recruitment")
    # The page's scripts bind their forms on load: act before that and a form
    # takes its no-script path instead, which the test does not mean to follow.
    with page.expect_navigation(wait_until="load"):
        nav.get_by_role("link", name=section, exact=True).click()


def _next_stage(page: Page, stage: str) -> None:
    _go(page, "Overview")
    page.get_by_role("button", name=f"Move to “{stage}”").click()
    expect(page.locator("body")).to_contain_text(stage)


def _apply(browser, base: str, name: str, email: str, choices, cv: bool) -> None:
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base}/en/agenda/")
    page.get_by_role("link", name="Porto Speed Recruitment").first.click()
    page.get_by_role("link", name="See the companies and apply").click()
    expect(page.locator("body")).to_contain_text(COMPANIES[0])
    page.get_by_role("link", name="Apply").first.click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("What are you looking for?").fill("A job in a team, in Porto.")
    if cv:
        page.get_by_label("Your CV").set_input_files(
            {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    selects = page.locator("select[name^='choice_']")
    for rank, company in enumerate(choices):
        selects.nth(rank).select_option(label=f"Any job at {COMPANIES[company]}")
    page.get_by_label("I agree that what I give in this form").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("My applications")
    for company in choices:
        expect(page.locator("main")).to_contain_text(COMPANIES[company])
    context.close()


def test_a_speed_recruitment_from_publication_to_the_event_report(
    browser, live_server, centre_a, manager_a
):
    base = live_server.url
    event, first_slot = _event(centre_a)
    organiser = _signed_in(browser, base, manager_a)

    # Publication, the day's settings, the companies, then the applications open.
    organiser.goto(f"{base}/en/staff/agenda/{event.pk}/")
    organiser.get_by_role("button", name="Publish the event").click()
    organiser.get_by_role("link", name="Speed recruitment").click()
    _go(organiser, "Settings")
    organiser.get_by_label("First interview at").fill(first_slot)
    organiser.get_by_label("Last interview ends at").fill("18:00")
    organiser.get_by_label("Breaks").fill("")
    organiser.get_by_role("button", name="Save the settings").click()
    expect(organiser.locator("body")).not_to_contain_text("Nothing was saved")
    for index, name in enumerate(COMPANIES):
        _go(organiser, "Companies")
        organiser.locator("#id_name").fill(name)
        organiser.locator("#id_contact_email").fill(f"hr{index}@company.example")
        organiser.get_by_role("button", name="Add the company").click()
        expect(organiser.locator("main")).to_contain_text(name)
    _next_stage(organiser, "Applications open")

    for index, (name, email, choices) in enumerate(PEOPLE):
        _apply(browser, base, name, email, choices, cv=index == 0)
    day = RecruitmentDay.objects.get(event=event)
    assert day.candidates.count() == 3
    assert all(_emails_to(email) for _name, email, _choices in PEOPLE)

    # Pre-selection: Ribeira Software shortlists from its link; the organiser does the rest.
    _next_stage(organiser, "Pre-selection")
    _go(organiser, "Companies")
    organiser.get_by_role("button", name="Send the link to the 3 companies").click()
    expect(organiser.locator("body")).to_contain_text("hr0@company.example")
    (link_email,) = _emails_to("hr0@company.example")
    company = browser.new_context(locale="en-GB").new_page()
    company.goto(_link(link_email, base, "/recruitment/company/"))
    for name in ("Ana Pereira", "Bruno Costa", "Carla Nunes"):
        company.get_by_role("button", name=f"Shortlist {name}").click()
    expect(company.locator("main")).not_to_contain_text("Shortlist Ana")
    _go(organiser, "Applications")
    to_shortlist = organiser.get_by_role("button", name=re.compile(r"^Shortlist .+, "))
    for left in range(to_shortlist.count(), 0, -1):
        expect(to_shortlist).to_have_count(left)
        to_shortlist.first.click()
    expect(to_shortlist).to_have_count(0)
    invite = "Send the invitations to the pre-selected candidates"
    organiser.get_by_role("button", name=invite).click()
    assert all(
        any("pre-selected" in m.subject.lower() or "pre-selected" in m.body for m in _emails_to(e))
        for _n, e, _c in PEOPLE
    )

    # The schedule: computed by the worker, then published with the timetables.
    _go(organiser, "Schedule")
    organiser.get_by_role("button", name="Compute the schedule").click()
    expect(organiser.locator("main")).to_contain_text("optimal", timeout=30_000)
    assert Interview.objects.filter(day=day).count() == 7
    organiser.get_by_role("button", name="Publish the schedule and send the timetables").click()
    expect(organiser.locator("body")).to_contain_text("Schedule published")
    ana = Candidate.objects.get(registration__email="ana@example.org")
    (timetable_email,) = [m for m in _emails_to("ana@example.org") if m.attachments]
    names = [attachment[0] for attachment in timetable_email.attachments]
    assert any(name.endswith(".pdf") for name in names)
    assert any(name.endswith(".png") for name in names)
    visitor = browser.new_context(locale="en-GB", viewport=PHONE).new_page()
    visitor.goto(_link(timetable_email, base, "/recruitment/me/"))
    expect(visitor.get_by_role("heading", name="My timetable")).to_be_visible()
    for interview in ana.interviews.select_related("company"):
        expect(visitor.locator("main")).to_contain_text(interview.company.name)

    # On the day.
    _next_stage(organiser, "On the day")
    _go(organiser, "On the day")
    organiser.get_by_label("Code of the QR code").fill(check_in_token(ana.registration))
    organiser.get_by_role("button", name="Mark arrived").click()
    # With scripts the answer fills the live region; without, it comes back as a
    # message after the redirect. Either way one status says who arrived.
    expect(organiser.get_by_role("status").filter(has_text="Ana Pereira")).to_be_visible()
    organiser.get_by_label("Name or email").fill("Carla")
    organiser.locator("#live-results").get_by_role("button", name="No-show").click()
    expect(organiser.locator("body")).to_contain_text("Carla Nunes")
    organiser.get_by_role("button", name=re.compile("^Ring the bell: start the round of")).click()
    under_way = {
        (i.pk, i.starts_at, i.table)
        for i in Interview.objects.filter(day=day, status=InterviewStatus.UNDER_WAY)
    }
    assert under_way
    organiser.get_by_role("button", name="Re-optimise the rest of the day").click()
    expect(organiser.locator("#live-reoptimise")).to_contain_text("Done", timeout=30_000)
    assert {
        (i.pk, i.starts_at, i.table)
        for i in Interview.objects.filter(pk__in=[row[0] for row in under_way])
    } == under_way
    carla = Candidate.objects.get(registration__email="carla@example.org")
    assert not carla.interviews.filter(status=InterviewStatus.SCHEDULED).exists()
    organiser.get_by_role("button", name=re.compile("^Ring the bell")).click()
    held = Interview.objects.filter(day=day, status=InterviewStatus.DONE).select_related("company")
    assert held.exists()
    interview = held.first()
    organiser.get_by_label("Company", exact=True).select_option(label=interview.company.name)
    organiser.locator("#live-company").get_by_role("button", name="Show").click()
    outcome = organiser.get_by_label(re.compile(f"Outcome for .* at {interview.company.name}"))
    outcome.first.select_option(label="Hired")
    organiser.locator("#live-company").get_by_role("button", name="Record").first.click()
    expect(organiser.locator("body")).to_contain_text("Hired")
    assert Interview.objects.filter(day=day, outcome=Outcome.HIRED).count() == 1

    # The report, with the figures of the day.
    _next_stage(organiser, "Closed")
    _go(organiser, "Report")
    report = organiser.locator("main")
    expect(report).to_contain_text("Porto Speed Recruitment")
    held_count = Interview.objects.filter(day=day, status=InterviewStatus.DONE).count()
    expect(report.get_by_role("row", name=re.compile(r"^Registrations"))).to_contain_text("3")
    expect(report.get_by_role("row", name=re.compile(r"^Interviews held"))).to_contain_text(
        str(held_count)
    )
    expect(report.get_by_role("row", name=re.compile(r"^Hired"))).to_contain_text("1")
    assert RecruitmentDay.objects.get(pk=day.pk).phase == Phase.CLOSED
