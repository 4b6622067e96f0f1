"""The JSON API at /api/v1/: one NinjaAPI, one router per app."""

from ninja import NinjaAPI

from cocade.accounts.api import router as accounts_router
from cocade.agenda.api import router as agenda_router
from cocade.competencies.api import router as competencies_router
from cocade.core.api import install_error_handlers
from cocade.directory.api import router as directory_router
from cocade.practices.api import router as practices_router
from cocade.recruitment.api import router as recruitment_router

api = NinjaAPI(
    title="COCADE API",
    version="1",
    description="Public read of the network directory; scoped writes with a personal token.",
    urls_namespace="api",
    docs_url=None,
)
install_error_handlers(api)
api.add_router("/", directory_router)
api.add_router("/", accounts_router)
api.add_router("/", competencies_router)
api.add_router("/", practices_router)
api.add_router("/", agenda_router)
api.add_router("/", recruitment_router)
