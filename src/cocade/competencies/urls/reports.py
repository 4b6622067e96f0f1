"""Staff URLs of the competency framework: reports (included by urls/staff.py)."""

from django.urls import path

from cocade.competencies.views import reports

urlpatterns: list = [
    path("profile/<int:pk>/", reports.profile, name="profile"),
    path("profile/<int:pk>/pdf/", reports.profile_pdf, name="profile_pdf"),
    path("team/<str:slug>/", reports.team, name="team"),
    path("team/<str:slug>/xlsx/", reports.team_xlsx, name="team_xlsx"),
    path("network/", reports.network, name="network"),
]
