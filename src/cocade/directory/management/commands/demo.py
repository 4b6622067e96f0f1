"""`cocade demo`: load the demo data set and print the demo logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cocade.agenda.demo import load as load_agenda_demo
from cocade.agenda.demo import write_summary as write_agenda_summary
from cocade.competencies.demo import load as load_competencies_demo
from cocade.competencies.demo import write_summary as write_competencies_summary
from cocade.directory.demo import DEMO_PASSWORD, demo_counts, load_demo
from cocade.practices.demo import load as load_practices_demo
from cocade.practices.demo import write_summary as write_practices_summary
from cocade.recruitment.demo import load as load_recruitment_demo
from cocade.recruitment.demo import write_summary as write_recruitment_summary


class Command(BaseCommand):
    help = (
        "Load the demo data set (network, centres, partners, people and one account per "
        "role). Running it again changes nothing but resets the demo passwords."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            default=DEMO_PASSWORD,
            help=f"Password of every demo account (default: {DEMO_PASSWORD}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off. Demo accounts have a known password: never "
            "do this on a production server.",
        )

    def handle(self, *args: Any, password: str, force: bool, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: refusing to create demo accounts with a known password. "
                "Use --force if this really is a demo server."
            )
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError("The password is too weak: " + " ".join(error.messages)) from error

        result = load_demo(password=password)
        competencies = load_competencies_demo(password=password)
        practices = load_practices_demo(password=password)
        agenda = load_agenda_demo(password=password)
        recruitment = load_recruitment_demo()
        result.counts = demo_counts()

        rows = [("Role", "Email", "Centre", "TOTP secret")]
        rows += [
            (a.role, a.email, a.centre or "(network)", a.totp_secret or "-")
            for a in result.accounts
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write("")
        for index, row in enumerate(rows):
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write("")
        self.stdout.write(f"Password of every demo account: {result.password}")
        self.stdout.write(
            "Accounts with a TOTP secret sign in with a second factor: add the secret to an "
            "authenticator app, or print the current code with `cocade demo_totp EMAIL`."
        )
        self.stdout.write("")
        self.stdout.write("In the database now:")
        label_width = max(len(label) for label in result.counts)
        for label, count in result.counts.items():
            self.stdout.write(f"  {label.ljust(label_width)}  {count}")
        self.stdout.write("")
        write_competencies_summary(competencies, self.stdout)
        self.stdout.write("")
        write_practices_summary(practices, self.stdout)
        self.stdout.write("")
        write_agenda_summary(agenda, self.stdout)
        self.stdout.write("")
        write_recruitment_summary(recruitment, self.stdout)
