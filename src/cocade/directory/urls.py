from django.urls import path

from cocade.directory.views import public

app_name = "directory"

urlpatterns = [
    path("", public.home, name="home"),
    path("centres/", public.centre_list, name="centres"),
    path("centres/<str:slug>/", public.centre_detail, name="centre"),
    path("search/", public.search, name="search"),
    path("arrivals-and-departures/", public.movements, name="movements"),
]
