"""Public pages of the competency frameworks (namespace `competencies`)."""

from django.urls import path  # noqa: F401

app_name = "competencies"

urlpatterns: list = []
