"""Staff pages of the Vademecum (namespace `staff_practices`)."""

from cocade.practices.urls import staff_editions, staff_files, staff_sheets, staff_workflow

app_name = "staff_practices"

urlpatterns = (
    staff_workflow.urlpatterns
    + staff_sheets.urlpatterns
    + staff_files.urlpatterns
    + staff_editions.urlpatterns
)
