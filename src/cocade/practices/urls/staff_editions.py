"""Staff pages of the printed Vademecum: ask for an edition, follow its building (included by
urls/staff.py)."""

from django.urls import path

from cocade.practices.views import pdf

urlpatterns = [
    path("editions/", pdf.staff_editions, name="editions"),
    path("editions/<int:pk>/", pdf.edition_status, name="edition_status"),
]
