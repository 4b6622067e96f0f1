"""Staff pages of speed recruitment, speed meetings and quizzes (namespace
`staff_recruitment`): each part has its own module. Event pages are keyed by the agenda
event's pk."""

from cocade.recruitment.urls import (
    staff_live,
    staff_meeting,
    staff_quiz,
    staff_schedule,
    staff_setup,
    staff_shortlist,
)

app_name = "staff_recruitment"

urlpatterns = (
    staff_setup.urlpatterns
    + staff_shortlist.urlpatterns
    + staff_schedule.urlpatterns
    + staff_live.urlpatterns
    + staff_meeting.urlpatterns
    + staff_quiz.urlpatterns
)
