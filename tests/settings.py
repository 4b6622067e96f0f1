"""Test settings: the project's settings, with the few overrides tests need."""

import os

os.environ.setdefault("COCADE_TESTING", "1")
os.environ.setdefault("COCADE_MAP_TILE_URL", "")
os.environ.setdefault("EMAIL_URL", "memory://")

from cocade.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# WhiteNoise warns (an error under pytest) when STATIC_ROOT does not exist yet.
STATIC_ROOT = DATA_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Live-server threads must not keep connections open: PostgreSQL refuses to drop a test
# database that another session still uses.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
