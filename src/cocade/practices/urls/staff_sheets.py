"""Staff URLs where sheets and their translations are written (included by urls/staff.py)."""

from django.urls import path

from cocade.practices.views import sheets as views

urlpatterns = [
    path("new/", views.create, name="create"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/translations/<str:language>/", views.translate, name="translate"),
    path(
        "<int:pk>/translations/<str:language>/status/",
        views.translation_status,
        name="translation_status",
    ),
]
