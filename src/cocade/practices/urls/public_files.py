"""Public URLs of a published sheet's files and history (included by urls/public.py)."""

from django.urls import path

from cocade.practices.views import files

urlpatterns = [
    path("<str:slug>/files/<int:pk>/", files.public_attachment, name="attachment"),
    path("<str:slug>/history/", files.history, name="history"),
    path("<str:slug>/compare/", files.public_compare, name="compare"),
]
