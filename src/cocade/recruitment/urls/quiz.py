"""Public quiz URLs (namespace `quiz`): type the code, then answer from the phone."""

from django.urls import path

from cocade.recruitment.views import quiz as views

app_name = "quiz"

urlpatterns = [
    path("", views.join, name="join"),
    path("<str:code>/", views.play, name="play"),
    path("<str:code>/live/", views.play_fragment, name="play_fragment"),
    path("<str:code>/answer/", views.answer, name="answer"),
]
