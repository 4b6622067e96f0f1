from django.core import mail

from cocade.core.mail import deserialize_message, emails_suppressed, serialize_message


def test_email_is_sent_by_the_task_after_commit(db, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "cocade.core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mail.send_mail("Subject", "Body", "from@example.org", ["to@example.org"])

    assert (len(callbacks), len(mail.outbox)) == (1, 0)

    callbacks[0]()

    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("Subject", "Body", ["to@example.org"])
    ]


def test_message_survives_serialization_with_html_and_attachment():
    message = mail.EmailMultiAlternatives("Objet", "Texte", "a@example.org", ["b@example.org"])
    message.attach_alternative("<p>Texte</p>", "text/html")
    message.attach("note.txt", b"contenu", "text/plain")

    copy = deserialize_message(serialize_message(message))

    assert (
        copy.subject,
        copy.body,
        copy.to,
        copy.alternatives[0][0],
        tuple(copy.attachments[0]),
    ) == (
        "Objet",
        "Texte",
        ["b@example.org"],
        "<p>Texte</p>",
        ("note.txt", "contenu", "text/plain"),
    )


def test_no_email_is_queued_while_emails_are_suppressed(
    db, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "cocade.core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    with django_capture_on_commit_callbacks(execute=True) as callbacks, emails_suppressed():
        sent = mail.send_mail("Subject", "Body", "from@example.org", ["to@example.org"])

    assert (sent, len(callbacks), len(mail.outbox)) == (0, 0, 0)
