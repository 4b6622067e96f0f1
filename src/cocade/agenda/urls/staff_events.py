"""Staff URLs where organisers create and run events (included by urls/staff.py)."""

from django.urls import path

from cocade.agenda.views import staff_events as views

urlpatterns = [
    path("", views.event_list, name="events"),
    path("new/", views.event_create, name="event_create"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("<int:pk>/status/", views.event_status, name="event_status"),
    path("<int:pk>/duplicate/", views.event_duplicate, name="event_duplicate"),
    path("<int:pk>/sessions/", views.session_list, name="event_sessions"),
    path(
        "<int:pk>/sessions/<int:session_pk>/edit/",
        views.session_edit,
        name="event_session_edit",
    ),
    path(
        "<int:pk>/sessions/<int:session_pk>/delete/",
        views.session_delete,
        name="event_session_delete",
    ),
    path("<int:pk>/questions/", views.question_list, name="event_questions"),
    path(
        "<int:pk>/questions/<int:question_pk>/edit/",
        views.question_edit,
        name="event_question_edit",
    ),
    path(
        "<int:pk>/questions/<int:question_pk>/delete/",
        views.question_delete,
        name="event_question_delete",
    ),
    path(
        "<int:pk>/questions/<int:question_pk>/move/",
        views.question_move,
        name="event_question_move",
    ),
    path("<int:pk>/invitations/", views.invitation_list, name="event_invitations"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/delete/",
        views.invitation_delete,
        name="event_invitation_delete",
    ),
    path("<int:pk>/organisers/", views.organiser_list, name="event_organisers"),
    path(
        "<int:pk>/organisers/<int:user_pk>/remove/",
        views.organiser_remove,
        name="event_organiser_remove",
    ),
]
