from django.http import HttpRequest, HttpResponse


def home(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError


centre_list = centre_detail = search = movements = home
