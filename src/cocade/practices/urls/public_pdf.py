"""Public PDFs of the Vademecum: one sheet, and the printed editions (included by urls/public.py
before the pages, so that "vademecum/" is not taken for a sheet's address)."""

from django.urls import path

from cocade.practices.views import pdf

urlpatterns = [
    path("vademecum/", pdf.editions, name="editions"),
    path("vademecum/<int:pk>/download/", pdf.edition_download, name="edition_download"),
    path("<str:slug>/pdf/", pdf.sheet_pdf, name="pdf"),
]
