"""The organisers' registrant pages: list and row actions, exports, mailings."""

from django.urls import path

from cocade.agenda.views import staff_registrants as views

urlpatterns = [
    path("events/<int:pk>/registrants/", views.registrants, name="registrants"),
    path(
        "events/<int:pk>/registrants/export/",
        views.registrants_export,
        name="registrants_export",
    ),
    path(
        "events/<int:pk>/registrants/<int:registration_pk>/action/",
        views.registrant_action,
        name="registrant_action",
    ),
    path(
        "events/<int:pk>/registrants/<int:registration_pk>/attendance/",
        views.registrant_attendance,
        name="registrant_attendance",
    ),
    path("events/<int:pk>/mailings/", views.mailing_create, name="mailing_create"),
    path("events/<int:pk>/mailings/<int:mailing_pk>/", views.mailing, name="mailing"),
]
