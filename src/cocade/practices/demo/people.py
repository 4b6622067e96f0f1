"""The people of the Vademecum demo.

Most authors and reviewers are accounts of the directory and competency demos (the demo
counsellors of Paris, Porto, Mayotte and Milan, the editor, the coordinator). This module adds
one or two fictional counsellors in the other demo centres, who write those centres' sheets,
and a network-wide editor from the Danish partner of COCADE. The account "editor" of the
directory demo (an editor at Paris) is also made an editor for the whole network.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils.text import slugify

from cocade.accounts.enums import Role
from cocade.accounts.models import User
from cocade.accounts.services import grant_role
from cocade.directory.models import Centre


def demo_email(local_part: str) -> str:
    return f"{local_part}@{settings.COCADE_DEMO_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class DemoAuthor:
    full_name: str
    centre_slug: str | None  # None: a network-wide role
    language: str
    role: str = Role.COUNSELLOR
    email_local_part: str = ""  # when the name does not transliterate by itself

    @property
    def local_part(self) -> str:
        return self.email_local_part or slugify(self.full_name).replace("-", ".")


#: Fictional staff added by this demo (the centres of the other demos keep their people).
AUTHORS: tuple[DemoAuthor, ...] = (
    DemoAuthor("Claire Ruggieri", "marseille-paca", "fr"),
    DemoAuthor("Sandrine Lefèvre", "grand-beauvaisis", "fr"),
    DemoAuthor("Maëlle Guillou", "cotes-d-armor", "fr"),
    DemoAuthor("Erwan Le Floch", "cotes-d-armor", "fr"),
    DemoAuthor("Mehdi Bensalem", "val-de-marne", "fr"),
    DemoAuthor("Sarah Vandenberghe", "bruxelles", "fr"),
    DemoAuthor("Léa Perret", "geneve", "fr"),
    DemoAuthor("Jordi Serra", "barcelona", "en"),
    DemoAuthor("Desislava Petrova", "barcelona", "bg"),
    DemoAuthor("Iker Goikoetxea", "irun", "en"),
    DemoAuthor("Thomas Lebrun", "normandie", "fr"),
    DemoAuthor("Nathalie Payet", "la-reunion", "fr"),
    DemoAuthor("Julie Lambotte", "namur", "fr"),
    DemoAuthor("Yasmine Cherif", "saint-quentin-en-yvelines", "fr"),
    DemoAuthor("Mette Kjær Sørensen", None, "da", Role.EDITOR, "mette.kjaer.sorensen"),
)

#: The directory demo's editor (at Paris) also edits the whole Vademecum.
NETWORK_EDITOR = "editor"


def ensure_author(
    author: DemoAuthor, *, password_hash: str, centres: dict[str, Centre]
) -> User | None:
    """Make or refresh the account (password set again) and give it its role. None when the
    author's centre is not in the directory."""
    centre = centres.get(author.centre_slug) if author.centre_slug else None
    if author.centre_slug and centre is None:
        return None
    email = demo_email(author.local_part)
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, preferred_language=author.language)
    user.full_name = author.full_name
    user.is_active = True
    user.password = password_hash
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    grant_role(actor=None, user=user, role=author.role, centre=centre)
    return user


def ensure_network_editor() -> User | None:
    user = User.objects.filter(email=demo_email(NETWORK_EDITOR)).first()
    if user is not None:
        grant_role(actor=None, user=user, role=Role.EDITOR, centre=None)
    return user


def demo_users(local_parts: set[str]) -> dict[str, User]:
    """The demo accounts with these local parts, by local part (missing ones are left out)."""
    emails = {demo_email(part): part for part in local_parts}
    return {emails[user.email]: user for user in User.objects.filter(email__in=list(emails))}
