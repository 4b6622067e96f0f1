"""Public URLs of the competency frameworks: downloads (included by urls/public.py)."""

from django.urls import path

from cocade.competencies.views import interchange as views

urlpatterns = [
    path(
        "<str:slug>/v<int:number>/download/<str:fmt>/",
        views.version_download,
        name="version_download",
    ),
]
