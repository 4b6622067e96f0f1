"""iCalendar feeds of the agenda (namespace `agenda`)."""

from django.urls import path

from cocade.agenda.views import feeds

urlpatterns = [
    path("feeds/network.ics", feeds.network_feed, name="feed_network"),
    path("feeds/centre/<str:slug>.ics", feeds.centre_feed, name="feed_centre"),
    path("feeds/type/<str:kind>.ics", feeds.kind_feed, name="feed_kind"),
    path("feeds/private/<str:key>.ics", feeds.private_feed, name="feed_private"),
    path("<str:slug>/event.ics", feeds.event_ics, name="event_ics"),
]
