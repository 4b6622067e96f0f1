from django.urls import path

from cocade.accounts import views

app_name = "staff"

urlpatterns = [
    path("", views.staff_home, name="home"),
    path("tokens/", views.api_tokens, name="api_tokens"),
    path("tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
