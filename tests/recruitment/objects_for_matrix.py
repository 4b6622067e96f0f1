"""Objects the permission matrix needs for the recruitment URLs.

Centre A organises a published speed recruitment (two companies, one offer, one candidate
who is no matrix role with a shortlisted application and an interview), a speed meeting and a
quiz with one question. Manager A and the coordinator organise them; everyone else signed in
gets 404 on their staff pages.
"""

from cocade.agenda.tokens import manage_token
from cocade.recruitment.enums import ApplicationStatus
from cocade.recruitment.tokens import company_token
from tests.factories.recruitment import (
    ApplicationFactory,
    CandidateFactory,
    CompanyFactory,
    InterviewFactory,
    OfferFactory,
    QuizFactory,
    QuizQuestionFactory,
    RecruitmentDayFactory,
    RecruitmentEventFactory,
    SpeedMeetingEventFactory,
    SpeedMeetingFactory,
)


def recruitment_objects(centre_a):
    day = RecruitmentDayFactory(event=RecruitmentEventFactory(centre=centre_a, slug="speed-porto"))
    company = CompanyFactory(day=day, name="Ribeira Software")
    other_company = CompanyFactory(day=day, name="Douro Logística")
    offer = OfferFactory(company=company)
    candidate = CandidateFactory(day=day)
    application = ApplicationFactory(
        candidate=candidate, company=company, offer=offer, status=ApplicationStatus.SHORTLISTED
    )
    interview = InterviewFactory(application=application)
    meeting = SpeedMeetingFactory(
        event=SpeedMeetingEventFactory(centre=centre_a, slug="speed-meeting-apprentissage")
    )
    quiz = QuizFactory(event__centre=centre_a, event__slug="quiz-des-metiers")
    question = QuizQuestionFactory(quiz=quiz)
    return {
        "recruitment_day": day,
        "recruitment_event": day.event,
        "company": company,
        "other_company": other_company,
        "offer": offer,
        "candidate": candidate,
        "application": application,
        "interview": interview,
        "company_token": company_token(company),
        "candidate_token": manage_token(candidate.registration),
        "speed_meeting": meeting,
        "quiz": quiz,
        "quiz_question": question,
    }
