"""The registrant's attendance certificate, from the signed link to their registration
(included by urls/public.py before the event pages)."""

from django.urls import path

from cocade.agenda.views import certificates

urlpatterns = [
    path("certificate/<str:token>/", certificates.certificate, name="certificate"),
]
