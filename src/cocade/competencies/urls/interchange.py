"""Staff URLs of the competency framework: interchange (included by urls/staff.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
