"""Factories of speed recruitment, speed meetings and quizzes. The recruitment event is in ten
days, 09:00 to 18:00 in Lisbon, with 5-minute slots and a lunch break."""

import datetime

import factory

from cocade.agenda.enums import EventKind
from cocade.recruitment.enums import ApplicationStatus, Phase
from cocade.recruitment.models import (
    Application,
    Candidate,
    Company,
    Interview,
    Offer,
    Quiz,
    QuizAnswer,
    QuizParticipant,
    QuizQuestion,
    RecruitmentDay,
    ScheduleRun,
    SpeedMeeting,
)
from tests.factories.agenda import EventFactory, RegistrationFactory, in_days


class RecruitmentEventFactory(EventFactory):
    kind = EventKind.SPEED_RECRUITMENT
    slug = factory.Sequence(lambda n: f"speed-recruitment-{n}")
    title = factory.Sequence(lambda n: {"pt": f"Speed Recruitment {n}", "en": f"Speed {n}"})
    original_language = "pt"
    timezone = "Europe/Lisbon"
    starts_at = factory.LazyFunction(lambda: in_days(10, 9))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=9))
    capacity = None
    languages = factory.LazyFunction(lambda: ["pt", "en"])


class RecruitmentDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecruitmentDay

    event = factory.SubFactory(RecruitmentEventFactory)
    phase = Phase.APPLICATIONS
    slot_minutes = 5
    day_start = datetime.time(9, 0)
    day_end = datetime.time(18, 0)
    breaks = factory.LazyFunction(lambda: [{"start": "12:30", "end": "14:00"}])


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    day = factory.SubFactory(RecruitmentDayFactory)
    name = factory.Sequence(lambda n: f"Empresa {n}")
    sector = "Software"
    contact_email = factory.Sequence(lambda n: f"rh{n}@empresa.example")
    language = "pt"
    tables = 1


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    company = factory.SubFactory(CompanyFactory)
    title = factory.Sequence(lambda n: f"Programador(a) {n}")
    description = "Equipa de desenvolvimento web."


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    day = factory.SubFactory(RecruitmentDayFactory)
    registration = factory.LazyAttribute(
        lambda o: RegistrationFactory(event=o.day.event, language="pt")
    )


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    candidate = factory.SubFactory(CandidateFactory)
    company = factory.LazyAttribute(lambda o: CompanyFactory(day=o.candidate.day))
    offer = None
    rank = 1
    status = ApplicationStatus.APPLIED


class ScheduleRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleRun

    day = factory.SubFactory(RecruitmentDayFactory)
    status = "done"
    solver_status = "optimal"


class InterviewFactory(factory.django.DjangoModelFactory):
    """An interview of a shortlisted application, at 09:00 local plus `slot` slots, table 1."""

    class Meta:
        model = Interview
        exclude = ("slot",)

    slot = 0
    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.SHORTLISTED)
    day = factory.LazyAttribute(lambda o: o.application.candidate.day)
    candidate = factory.LazyAttribute(lambda o: o.application.candidate)
    company = factory.LazyAttribute(lambda o: o.application.company)
    table = 1
    starts_at = factory.LazyAttribute(
        lambda o: (
            o.day.local_datetime(o.day.day_start)
            + datetime.timedelta(minutes=o.day.slot_minutes * o.slot)
        )
    )
    ends_at = factory.LazyAttribute(
        lambda o: o.starts_at + datetime.timedelta(minutes=o.day.slot_minutes)
    )


class SpeedMeetingEventFactory(EventFactory):
    kind = EventKind.SPEED_MEETING
    slug = factory.Sequence(lambda n: f"speed-meeting-{n}")


class SpeedMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpeedMeeting

    event = factory.SubFactory(SpeedMeetingEventFactory)
    groups = factory.LazyFunction(lambda: [f"Groupe {i}" for i in range(1, 7)])
    tables = factory.LazyFunction(lambda: [f"Métier {i}" for i in range(1, 7)])
    round_minutes = 15
    rounds = 6


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    event = factory.SubFactory(EventFactory, kind=EventKind.QUIZ)
    title = factory.Sequence(lambda n: f"Quiz des métiers {n}")


class QuizQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizQuestion

    quiz = factory.SubFactory(QuizFactory)
    position = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Question {n} ?")
    choices = factory.LazyFunction(lambda: ["Boulanger", "Infirmier", "Soudeur", "Comptable"])
    correct = 0


class QuizParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizParticipant

    quiz = factory.SubFactory(QuizFactory)


class QuizAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizAnswer

    participant = factory.SubFactory(QuizParticipantFactory)
    question = factory.LazyAttribute(lambda o: QuizQuestionFactory(quiz=o.participant.quiz))
    choice = 0
