from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.static import serve

from cocade.api import api
from cocade.core import views as core_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", core_views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("staff/", include("cocade.accounts.urls")),
    path("staff/", include("cocade.directory.urls_staff")),
    path("staff/competences/", include("cocade.competencies.urls.staff")),
    path("frameworks/", include("cocade.competencies.urls.public")),
    path("staff/practices/", include("cocade.practices.urls.staff")),
    path("practices/", include("cocade.practices.urls.public")),
    path("staff/agenda/", include("cocade.agenda.urls.staff")),
    path("agenda/", include("cocade.agenda.urls.public")),
    path("staff/recruitment/", include("cocade.recruitment.urls.staff")),
    path("recruitment/", include("cocade.recruitment.urls.public")),
    path("quiz/", include("cocade.recruitment.urls.quiz")),
    path("", include("cocade.directory.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
