"""Staff URLs of the competency framework: interchange (included by urls/staff.py)."""

from django.urls import path

from cocade.competencies.views import interchange as views

urlpatterns = [
    path("frameworks/import/", views.framework_import, name="framework_import"),
    path(
        "frameworks/<str:slug>/v<int:number>/export/<str:fmt>/",
        views.version_export,
        name="version_export",
    ),
]
