"""Staff URLs that set up a speed recruitment: the hub, its settings, the companies with their
offers and links, and their export (included by urls/staff.py)."""

from django.urls import path

from cocade.recruitment.views import staff_setup as views

urlpatterns = [
    path("<int:pk>/", views.overview, name="overview"),
    path("<int:pk>/phase/", views.phase, name="phase"),
    path("<int:pk>/settings/", views.settings_page, name="settings"),
    path("<int:pk>/companies/", views.companies, name="companies"),
    path("<int:pk>/companies/export/", views.companies_export, name="companies_export"),
    path("<int:pk>/companies/send-links/", views.company_send_links, name="company_send_links"),
    path("<int:pk>/companies/<int:company_pk>/", views.company_edit, name="company_edit"),
    path(
        "<int:pk>/companies/<int:company_pk>/delete/",
        views.company_delete,
        name="company_delete",
    ),
    path(
        "<int:pk>/companies/<int:company_pk>/send-link/",
        views.company_send_link,
        name="company_send_link",
    ),
    path(
        "<int:pk>/companies/<int:company_pk>/new-link/",
        views.company_new_link,
        name="company_new_link",
    ),
    path(
        "<int:pk>/companies/<int:company_pk>/offers/new/",
        views.offer_add,
        name="offer_add",
    ),
    path(
        "<int:pk>/companies/<int:company_pk>/offers/<int:offer_pk>/",
        views.offer_edit,
        name="offer_edit",
    ),
    path(
        "<int:pk>/companies/<int:company_pk>/offers/<int:offer_pk>/delete/",
        views.offer_delete,
        name="offer_delete",
    ),
]
