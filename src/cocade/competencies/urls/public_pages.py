"""Public URLs of the competency frameworks: the pages (included by urls/public.py)."""

from django.urls import path

from cocade.competencies.views import public

urlpatterns = [
    path("", public.frameworks, name="frameworks"),
    path("<str:slug>/", public.framework, name="framework"),
    path("<str:slug>/v<int:number>/", public.version, name="version"),
    path("<str:slug>/v<int:number>/changes/", public.changes, name="changes"),
]
