"""Staff URLs of check-in at the door and the attendance PDFs (included by urls/staff.py)."""

from django.urls import path

from cocade.agenda.views import certificates, checkin

urlpatterns = [
    path("<int:pk>/check-in/", checkin.check_in, name="check_in"),
    path("<int:pk>/check-in/scan/", checkin.check_in_scan, name="check_in_scan"),
    path("<int:pk>/check-in/search/", checkin.check_in_search, name="check_in_search"),
    path("<int:pk>/check-in/counts/", checkin.check_in_counts, name="check_in_counts"),
    path(
        "<int:pk>/check-in/<int:registration_pk>/",
        checkin.check_in_person,
        name="check_in_person",
    ),
    path("<int:pk>/attendance-sheet/", checkin.attendance_sheet, name="attendance_sheet"),
    path(
        "<int:pk>/registrants/<int:registration_pk>/certificate/",
        certificates.staff_certificate,
        name="certificate",
    ),
]
