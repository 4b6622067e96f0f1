from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from cocade.core.mail import deserialize_message

logger = logging.getLogger(__name__)


@task()
def deliver_email(payload: dict[str, Any]) -> int:
    """Hand one queued message to the delivery backend (SMTP in production)."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    sent = connection.send_messages([deserialize_message(payload)])
    logger.info("Delivered %d email(s) to %d recipient(s)", sent or 0, len(payload["to"]))
    return sent or 0
