"""Refusals of speed recruitment, speed meetings and quizzes, each with a stable API code."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cocade.core.errors import Conflict, InvalidInput, NotFound


class WrongPhase(Conflict):
    code = "wrong_phase"
    default_message = _("This cannot be done at this stage of the speed recruitment.")


class ApplicationsClosed(Conflict):
    code = "applications_closed"
    default_message = _("Applications for this speed recruitment are closed.")


class AlreadyApplied(Conflict):
    code = "already_applied"
    default_message = _("You have already applied to this company.")


class TooManyApplications(InvalidInput):
    code = "too_many_applications"
    default_message = _("You have chosen more companies than this event allows.")


class BadFile(InvalidInput):
    code = "bad_file"
    default_message = _("This file is not accepted: send a PDF of at most 2 MB.")


class ApplicationWithdrawn(Conflict):
    code = "application_withdrawn"
    default_message = _(
        "The candidate withdrew this application: it can no longer be shortlisted or turned "
        "down. Reload the page."
    )


class AlreadyDecided(Conflict):
    code = "already_decided"
    default_message = _("Nothing changed: the chosen applications already had this decision.")


class ScheduleRunning(Conflict):
    code = "schedule_running"
    default_message = _("A schedule is already being computed: wait for it to finish.")


class NoSchedule(Conflict):
    code = "no_schedule"
    default_message = _("No schedule has been computed yet.")


class InterviewLocked(Conflict):
    code = "interview_locked"
    default_message = _("This interview is under way or over: it can no longer be moved.")


class Stale(Conflict):
    code = "stale"
    default_message = _("Someone else changed this in the meantime. Reload the page and retry.")


class QuizNotOpen(Conflict):
    code = "quiz_not_open"
    default_message = _("This quiz is not running.")


class QuestionClosed(Conflict):
    code = "question_closed"
    default_message = _("Answers to this question are closed.")


class AlreadyAnswered(Conflict):
    code = "already_answered"
    default_message = _("You have already answered this question.")


class UnknownCode(NotFound):
    code = "unknown_code"
    default_message = _("No quiz has this code. Check it and try again.")
