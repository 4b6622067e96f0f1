"""Public pages of the Vademecum: the search, a sheet, and the exchange on it (included by
urls/public.py after the file and PDF modules, so that their fixed paths win over a slug)."""

from django.urls import path

from cocade.practices.views import public

urlpatterns = [
    path("", public.search, name="search"),
    path("<str:slug>/", public.detail, name="detail"),
    path("<str:slug>/comments/", public.comment, name="comment"),
    path("<str:slug>/comments/<int:pk>/hide/", public.comment_hide, name="comment_hide"),
    path("<str:slug>/tried/", public.trial, name="trial"),
    path("<str:slug>/follow/", public.follow, name="follow"),
]
