from django.http import HttpRequest, HttpResponse


def staff_home(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise NotImplementedError


api_tokens = api_token_revoke = staff_home
