"""The `cocade` console command: Django's manage.py for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cocade.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(command_line(sys.argv))


def command_line(argv: list[str]) -> list[str]:
    """Accept `cocade import-framework` for Django's `import_framework`: hyphens in the
    command name become underscores (no Django command name has a hyphen)."""
    if len(argv) > 1 and not argv[1].startswith("-"):
        return [argv[0], argv[1].replace("-", "_"), *argv[2:]]
    return list(argv)


if __name__ == "__main__":
    main()
