from django.http import HttpRequest, HttpResponse


def centre_list(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


centre_create = centre_dashboard = centre_edit = label_status = audit_log = centre_list
site_create = site_edit = site_delete = site_services = site_service_delete = centre_list
pole_create = pole_edit = partnership_create = partnership_edit = centre_list
position_create = position_edit = partner_list = partner_create = partner_edit = centre_list
