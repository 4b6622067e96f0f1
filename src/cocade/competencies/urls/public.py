"""Public pages of the competency frameworks (namespace `competencies`)."""

from cocade.competencies.urls import public_downloads, public_pages

app_name = "competencies"

urlpatterns = public_pages.urlpatterns + public_downloads.urlpatterns
