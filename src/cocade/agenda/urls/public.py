"""Public pages of the agenda (namespace `agenda`): each part has its own module."""

from cocade.agenda.urls import (
    public_certificates,
    public_feeds,
    public_pages,
    public_registrations,
)

app_name = "agenda"

urlpatterns = (
    public_feeds.urlpatterns
    + public_registrations.urlpatterns
    + public_certificates.urlpatterns
    + public_pages.urlpatterns
)
