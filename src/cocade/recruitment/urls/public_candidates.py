"""The candidates' pages (namespace `recruitment`): a speed recruitment's offers and the
application form, by the agenda event's address, and the candidate's own pages, by the signed
link of their registration. The `me/` paths come first, so that no event address hides them."""

from django.urls import path

from cocade.recruitment.views import public_candidates as views

urlpatterns = [
    path("me/<str:token>/", views.candidate, name="candidate"),
    path("me/<str:token>/choices/", views.candidate_choices, name="candidate_choices"),
    path("me/<str:token>/withdraw/", views.candidate_withdraw, name="candidate_withdraw"),
    path("me/<str:token>/erase/", views.candidate_erase, name="candidate_erase"),
    path(
        "me/<str:token>/timetable.pdf",
        views.candidate_timetable_pdf,
        name="candidate_timetable_pdf",
    ),
    path("me/<str:token>/interviews.ics", views.candidate_ics, name="candidate_ics"),
    path("<str:slug>/", views.offers, name="offers"),
    path("<str:slug>/apply/", views.apply, name="apply"),
]
