"""Staff URLs of the schedule: computing it, following a computation, publishing it, and the
master grid (included by urls/staff.py)."""

from django.urls import path

from cocade.recruitment.views import staff_schedule

urlpatterns = [
    path("<int:pk>/schedule/", staff_schedule.schedule, name="schedule"),
    path("<int:pk>/schedule/run/", staff_schedule.schedule_run, name="schedule_run"),
    path(
        "<int:pk>/schedule/runs/<int:run_pk>/",
        staff_schedule.schedule_run_status,
        name="schedule_run_status",
    ),
    path("<int:pk>/schedule/publish/", staff_schedule.schedule_publish, name="schedule_publish"),
    path("<int:pk>/schedule/grid/", staff_schedule.grid, name="grid"),
]
