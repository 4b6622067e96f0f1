"""Staff pages of the agenda (namespace `staff_agenda`): each part has its own module."""

from cocade.agenda.urls import staff_checkin, staff_events, staff_registrants

app_name = "staff_agenda"

urlpatterns = staff_events.urlpatterns + staff_registrants.urlpatterns + staff_checkin.urlpatterns
