"""Registering for an event, the registrant's pages opened by their signed link, and the
signed-in person's registrations (included by urls/public.py before the event pages)."""

from django.urls import path

from cocade.agenda.views import registration

urlpatterns = [
    path("mine/", registration.mine, name="mine"),
    path("mine/feed/reset/", registration.mine_feed_reset, name="mine_feed_reset"),
    path("registered/<str:token>/", registration.registered, name="registered"),
    path("registration/<str:token>/", registration.registration_page, name="registration"),
    path(
        "registration/<str:token>/cancel/",
        registration.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "registration/<str:token>/delete/",
        registration.registration_delete,
        name="registration_delete",
    ),
    path("registration/<str:token>/qr.svg", registration.registration_qr, name="registration_qr"),
    path("<str:slug>/register/", registration.register, name="register"),
]
