"""`cocade api-token EMAIL [--name NAME] [--expires-days N]`: a personal access token for the
JSON API, printed once (only its hash is kept)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from cocade.accounts.models import User
from cocade.accounts.services import create_api_token
from cocade.core.errors import DomainError


class Command(BaseCommand):
    help = "Create a personal access token for the JSON API and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The email address of a staff member.")
        parser.add_argument(
            "--name",
            default="command line",
            help="What the token is for (shown in the staff space).",
        )
        parser.add_argument(
            "--expires-days",
            type=int,
            default=None,
            metavar="N",
            help="Expire the token after N days (default: never).",
        )

    def handle(
        self, *args: Any, email: str, name: str, expires_days: int | None, **options: Any
    ) -> None:
        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise CommandError(
                _("No active user has the email address %(email)s.") % {"email": email}
            )
        expires_at = None
        if expires_days is not None:
            if expires_days < 1 or expires_days > 3650:
                raise CommandError(_("--expires-days must be between 1 and 3650."))
            expires_at = timezone.now() + datetime.timedelta(days=expires_days)
        try:
            _token, raw = create_api_token(user=user, name=name, expires_at=expires_at)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(raw)
        self.stderr.write(_("Keep this token secret: it is shown only once."))
