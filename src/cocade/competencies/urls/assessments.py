"""Staff URLs of the competency framework: assessments (included by urls/staff.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
