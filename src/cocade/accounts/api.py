"""The token's own account in the JSON API."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership
from cocade.accounts.selectors import active_memberships
from cocade.core.api import ErrorOut, TokenAuth

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    role: Role
    centre: str | None = Field(..., description="The centre's slug; null for a network role.")

    @staticmethod
    def resolve_centre(obj: Membership) -> str | None:
        return obj.centre.slug if obj.centre_id else None  # type: ignore[union-attr]


class MeOut(Schema):
    email: str
    full_name: str
    preferred_language: str
    memberships: list[MembershipOut] = Field(
        ..., description="The roles the user holds now, network roles first."
    )

    @staticmethod
    def resolve_memberships(obj: Any) -> list[Membership]:
        return sorted(
            active_memberships(obj),
            key=lambda m: (m.centre.slug if m.centre_id else "", m.role),  # type: ignore[union-attr]
        )


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=TokenAuth(), summary="Who I am")
def me(request: HttpRequest) -> Any:
    """The user behind the token, with the roles that decide what the token may do."""
    return request.user
