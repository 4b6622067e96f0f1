"""The staff space of the competency framework (namespace `staff_competencies`)."""

from cocade.competencies.urls import assessments, authoring, interchange, reports

app_name = "staff_competencies"

urlpatterns = (
    authoring.urlpatterns + interchange.urlpatterns + assessments.urlpatterns + reports.urlpatterns
)
