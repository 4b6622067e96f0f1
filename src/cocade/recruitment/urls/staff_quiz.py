"""The organisers' quiz pages (included by urls/staff.py): the list, a quiz's questions and
run buttons, the big screen with its live results, and the exports."""

from django.urls import path

from cocade.recruitment.views import staff_quiz as views

urlpatterns = [
    path("quizzes/", views.quizzes, name="quizzes"),
    path("quizzes/<int:quiz_pk>/", views.quiz, name="quiz"),
    path("quizzes/<int:quiz_pk>/edit/", views.quiz_edit, name="quiz_edit"),
    path(
        "quizzes/<int:quiz_pk>/questions/<int:question_pk>/",
        views.quiz_question,
        name="quiz_question",
    ),
    path(
        "quizzes/<int:quiz_pk>/questions/<int:question_pk>/move/",
        views.quiz_question_move,
        name="quiz_question_move",
    ),
    path(
        "quizzes/<int:quiz_pk>/questions/<int:question_pk>/delete/",
        views.quiz_question_delete,
        name="quiz_question_delete",
    ),
    path("quizzes/<int:quiz_pk>/control/", views.quiz_control, name="quiz_control"),
    path("quizzes/<int:quiz_pk>/screen/", views.quiz_screen, name="quiz_screen"),
    path(
        "quizzes/<int:quiz_pk>/screen/results/",
        views.quiz_results_fragment,
        name="quiz_results_fragment",
    ),
    path("quizzes/<int:quiz_pk>/export/", views.quiz_export, name="quiz_export"),
]
