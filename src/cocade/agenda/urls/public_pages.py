"""The public agenda: the list of events and an event's page (included by urls/public.py
after the feeds and registrations, so that their fixed paths win over an event's address)."""

from django.urls import path

from cocade.agenda.views import public

urlpatterns = [
    path("", public.event_list, name="events"),
    path("<str:slug>/", public.event_detail, name="event"),
]
