"""`cocade demo_totp EMAIL`: the current sign-in code of a demo account (DEBUG only)."""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cocade.accounts.models import User


class Command(BaseCommand):
    help = "Print the current 6-digit TOTP code of a demo account. Only when DEBUG is on."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "email", help="A demo account, e.g. manager@" + settings.COCADE_DEMO_EMAIL_DOMAIN
        )

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("DEBUG is off: demo sign-in codes are not available.")
        email = email.strip().lower()
        if not email.endswith("@" + settings.COCADE_DEMO_EMAIL_DOMAIN):
            raise CommandError(
                "Only demo accounts (@" + settings.COCADE_DEMO_EMAIL_DOMAIN + ") have a code here."
            )
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError("No such demo account. Load the demo data with `cocade demo`.")
        authenticator = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            raise CommandError("This demo account has no second factor.")
        secret = decrypt(authenticator.data["secret"])
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
