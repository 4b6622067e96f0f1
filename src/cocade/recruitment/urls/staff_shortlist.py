"""The organisers' pre-selection pages (applications, candidates, CVs, invitations) and the
schedule's printouts and exports (grid, company sheets, candidates' timetables)."""

from django.urls import path

from cocade.recruitment.views import staff_shortlist as views

urlpatterns = [
    path("<int:pk>/applications/", views.applications, name="applications"),
    path("<int:pk>/applications/decide/", views.applications_decide, name="applications_decide"),
    path(
        "<int:pk>/applications/<int:application_pk>/decide/",
        views.application_decide,
        name="application_decide",
    ),
    path("<int:pk>/applications/export/", views.applications_export, name="applications_export"),
    path("<int:pk>/invitations/send/", views.send_invitations, name="send_invitations"),
    path("<int:pk>/candidates/", views.candidates, name="candidates"),
    path("<int:pk>/candidates/export/", views.candidates_export, name="candidates_export"),
    path("<int:pk>/candidates/<int:candidate_pk>/cv/", views.candidate_cv, name="candidate_cv"),
    path(
        "<int:pk>/candidates/<int:candidate_pk>/timetable.pdf",
        views.candidate_timetable_pdf,
        name="candidate_timetable_pdf",
    ),
    path("<int:pk>/grid.pdf", views.grid_pdf, name="grid_pdf"),
    path("<int:pk>/grid/export/", views.grid_export, name="grid_export"),
    path(
        "<int:pk>/companies/<int:company_pk>/sheet.pdf",
        views.company_sheet_pdf,
        name="company_sheet_pdf",
    ),
]
