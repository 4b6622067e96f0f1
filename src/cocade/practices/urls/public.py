"""Public pages of the Vademecum (namespace `practices`): search, sheets, files, PDFs."""

from cocade.practices.urls import public_files, public_pages, public_pdf

app_name = "practices"

urlpatterns = public_pdf.urlpatterns + public_files.urlpatterns + public_pages.urlpatterns
