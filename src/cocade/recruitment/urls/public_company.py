"""The company's own pages, opened by its signed link without an account (included by
urls/public.py)."""

from django.urls import path

from cocade.recruitment.views import company as views

urlpatterns = [
    path("company/<str:token>/", views.company_page, name="company"),
    path("company/<str:token>/offers/new/", views.offer_add, name="company_offer_add"),
    path("company/<str:token>/offers/<int:offer_pk>/", views.offer_edit, name="company_offer"),
    path(
        "company/<str:token>/offers/<int:offer_pk>/delete/",
        views.offer_delete,
        name="company_offer_delete",
    ),
    path(
        "company/<str:token>/decide/<int:application_pk>/",
        views.decide,
        name="company_decide",
    ),
    path("company/<str:token>/cv/<int:application_pk>/", views.cv, name="company_cv"),
    path("company/<str:token>/sheet.pdf", views.sheet, name="company_sheet"),
]
