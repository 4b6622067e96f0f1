"""The organisers' speed meeting pages, keyed by the agenda event's pk: the settings and the
plan, the printable plan and its export."""

from django.urls import path

from cocade.recruitment.views import staff_meeting as views

urlpatterns = [
    path("<int:pk>/speed-meeting/", views.meeting, name="meeting"),
    path("<int:pk>/speed-meeting/pdf/", views.meeting_pdf, name="meeting_pdf"),
    path("<int:pk>/speed-meeting/export/", views.meeting_export, name="meeting_export"),
]
