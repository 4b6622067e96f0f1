"""Staff URLs of a sheet's files and revisions (included by urls/staff.py)."""

from django.urls import path

from cocade.practices.views import files

urlpatterns = [
    path("<int:pk>/attachments/", files.attachments, name="attachments"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/delete/",
        files.attachment_delete,
        name="attachment_delete",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/file/",
        files.attachment_file,
        name="attachment_file",
    ),
    path("<int:pk>/revisions/", files.revision_list, name="revisions"),
    path("<int:pk>/compare/", files.revision_compare, name="compare"),
]
