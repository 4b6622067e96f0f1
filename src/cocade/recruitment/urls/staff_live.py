"""Staff URLs of the day itself (presence, interviews, the bell, the board) and of the event
report (included by urls/staff.py)."""

from django.urls import path

from cocade.recruitment.views import staff_live

urlpatterns = [
    path("<int:pk>/live/", staff_live.live_page, name="live"),
    path(
        "<int:pk>/live/candidates/<int:candidate_pk>/",
        staff_live.live_presence,
        name="live_presence",
    ),
    path("<int:pk>/live/scan/", staff_live.live_scan, name="live_scan"),
    path("<int:pk>/live/round/", staff_live.live_round, name="live_round"),
    path("<int:pk>/live/reoptimise/", staff_live.live_reoptimise, name="live_reoptimise"),
    path(
        "<int:pk>/live/interviews/<int:interview_pk>/",
        staff_live.live_interview,
        name="live_interview",
    ),
    path("<int:pk>/live/board/", staff_live.live_board, name="live_board"),
    path(
        "<int:pk>/live/board/fragment/",
        staff_live.live_board_fragment,
        name="live_board_fragment",
    ),
    path("<int:pk>/report/", staff_live.report, name="report"),
    path("<int:pk>/report.pdf", staff_live.report_pdf, name="report_pdf"),
]
