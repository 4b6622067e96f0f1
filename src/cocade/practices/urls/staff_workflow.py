"""Staff URLs of the Vademecum's workflow: the staff home, a sheet's workflow page, its buttons
(submit, withdraw, request changes, resubmit, publish, archive, restore), assigning reviewers and
the review checklist (included by urls/staff.py)."""

from django.urls import path

from cocade.practices.views import workflow

urlpatterns = [
    path("", workflow.home, name="home"),
    path("<int:pk>/", workflow.detail, name="detail"),
    path("<int:pk>/submit/", workflow.submit, name="submit"),
    path("<int:pk>/withdraw/", workflow.withdraw, name="withdraw"),
    path("<int:pk>/request-changes/", workflow.request_changes, name="request_changes"),
    path("<int:pk>/resubmit/", workflow.resubmit, name="resubmit"),
    path("<int:pk>/publish/", workflow.publish, name="publish"),
    path("<int:pk>/archive/", workflow.archive, name="archive"),
    path("<int:pk>/restore/", workflow.restore, name="restore"),
    path("<int:pk>/reviewers/", workflow.assign, name="assign"),
    path("reviews/<int:pk>/", workflow.review, name="review"),
]
