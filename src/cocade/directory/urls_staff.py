from django.urls import path

from cocade.directory.views import staff

app_name = "staff_directory"

urlpatterns = [
    path("centres/", staff.centre_list, name="centres"),
    path("centres/new/", staff.centre_create, name="centre_create"),
    path("centres/<str:slug>/", staff.centre_dashboard, name="centre"),
    path("centres/<str:slug>/edit/", staff.centre_edit, name="centre_edit"),
    path("centres/<str:slug>/label/", staff.label_status, name="label_status"),
    path("centres/<str:slug>/audit/", staff.audit_log, name="audit_log"),
    path("centres/<str:slug>/sites/new/", staff.site_create, name="site_create"),
    path("centres/<str:slug>/sites/<int:pk>/edit/", staff.site_edit, name="site_edit"),
    path("centres/<str:slug>/sites/<int:pk>/delete/", staff.site_delete, name="site_delete"),
    path("centres/<str:slug>/sites/<int:pk>/services/", staff.site_services, name="site_services"),
    path(
        "centres/<str:slug>/sites/<int:pk>/services/<int:service_pk>/delete/",
        staff.site_service_delete,
        name="site_service_delete",
    ),
    path("centres/<str:slug>/poles/new/", staff.pole_create, name="pole_create"),
    path("centres/<str:slug>/poles/<int:pk>/edit/", staff.pole_edit, name="pole_edit"),
    path(
        "centres/<str:slug>/partnerships/new/", staff.partnership_create, name="partnership_create"
    ),
    path(
        "centres/<str:slug>/partnerships/<int:pk>/edit/",
        staff.partnership_edit,
        name="partnership_edit",
    ),
    path("centres/<str:slug>/positions/new/", staff.position_create, name="position_create"),
    path("centres/<str:slug>/positions/<int:pk>/edit/", staff.position_edit, name="position_edit"),
    path("partners/", staff.partner_list, name="partners"),
    path("partners/new/", staff.partner_create, name="partner_create"),
    path("partners/<str:slug>/edit/", staff.partner_edit, name="partner_edit"),
]
