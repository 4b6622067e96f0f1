"""Public URLs of the competency frameworks: public_pages (included by urls/public.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
