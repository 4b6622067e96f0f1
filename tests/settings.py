"""Test settings: the project's settings, with the few overrides tests need."""

import os
import tempfile

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

# SQLite: the test database is a file, one per test process. The agenda's concurrency test gives
# each of its threads a connection of its own, and the in-memory database (shared cache) refuses
# concurrent connections with "database table is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"cocade-test-{os.getpid()}.sqlite3")
    }
