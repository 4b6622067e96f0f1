"""Public pages of speed recruitment (namespace `recruitment`): the candidates' pages (offers,
application, own timetable through the registration's signed link) and the companies' pages
(through the company's signed link)."""

from cocade.recruitment.urls import public_candidates, public_company

app_name = "recruitment"

urlpatterns = public_candidates.urlpatterns + public_company.urlpatterns
