"""Factories for the Vademecum. `sheet_texts()` gives valid texts; `draft_practice()` and
`published_practice()` go through the services (draft → review → published)."""

from __future__ import annotations

import factory

from cocade.accounts.enums import Role
from cocade.practices.enums import PracticeStatus, PracticeType, TranslationStatus
from cocade.practices.models import (
    Practice,
    PracticeAttachment,
    PracticeComment,
    PracticeFollow,
    PracticeReview,
    PracticeRevision,
    PracticeTranslation,
    PracticeTrial,
    VademecumEdition,
)
from cocade.practices.services import sheets
from tests.factories.accounts import MembershipFactory, UserFactory
from tests.factories.directory import CentreFactory


def sheet_texts(**overrides):
    texts = {
        "title": "Speed recruitment in a day",
        "summary": "Companies meet pre-selected jobseekers in five-minute interviews.",
        "context": "Many jobseekers, few chances to meet employers face to face.",
        "objectives": "Bring companies and candidates together on one day.",
        "method_steps": ["Collect the offers", "Pre-select the candidates", "Hold the day"],
        "partners": "Public employment service, local companies.",
        "resources_staff": "Four counsellors.",
        "resources_time": "Two months of preparation.",
        "resources_budget": "Small: rooms and catering.",
        "resources_tools": "A registration form and a schedule.",
        "duration": "One day, every year.",
        "results_figures": "556 registrations, 2,564 applications.",
        "results_text": "Several hires and many second interviews.",
        "evaluation": "Follow-up calls after three months.",
        "success_factors": "Careful pre-selection.",
        "limits": "Needs committed companies.",
        "transfer_conditions": "A partner network of employers.",
        "sustainability": "Held every year since 2008.",
    }
    texts.update(overrides)
    return texts


def sheet_values(centre, **overrides):
    values = {
        "centre": centre,
        "original_language": "en",
        "practice_type": PracticeType.EVENT,
        "poles": ["emploi"],
        "target_publics": ["jobseekers"],
        "contact_name": "Ana Silva",
        "contact_email": "ana@example.org",
    }
    values.update(overrides)
    return values


def draft_practice(author, centre, *, texts=None, **sheet):
    return sheets.create_practice(
        actor=author,
        sheet=sheet_values(centre, **sheet),
        texts=texts or sheet_texts(),
    )


def editor_user(**kwargs):
    """A network-wide editor of the Vademecum."""
    return MembershipFactory(role=Role.EDITOR, centre=None, **kwargs).user


def reviewer_user(centre=None):
    return MembershipFactory(role=Role.COUNSELLOR, centre=centre or CentreFactory()).user


def published_practice(author, centre, *, editor=None, reviewer=None, texts=None, **sheet):
    """A sheet taken through submit, review and publication by the services."""
    editor = editor or editor_user()
    reviewer = reviewer or reviewer_user()
    practice = draft_practice(author, centre, texts=texts, **sheet)
    sheets.submit_practice(actor=author, practice=practice)
    review = sheets.assign_reviewer(actor=editor, practice=practice, reviewer=reviewer)
    sheets.submit_review(
        actor=reviewer,
        review=review,
        scores={"clarity": 4, "evidence": 3, "transferability": 3, "ethics": 4},
        recommendation="publish",
    )
    return sheets.publish_practice(actor=editor, practice=practice)


class PracticeFactory(factory.django.DjangoModelFactory):
    """A bare row (no translation, not indexed): prefer draft_practice()/published_practice()."""

    class Meta:
        model = Practice

    slug = factory.Sequence(lambda n: f"practice-{n}")
    centre = factory.SubFactory(CentreFactory)
    country = factory.LazyAttribute(lambda o: o.centre.country)
    original_language = "fr"
    status = PracticeStatus.DRAFT
    practice_type = PracticeType.WORKSHOP
    author = factory.SubFactory(UserFactory)


class PracticeTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeTranslation

    practice = factory.SubFactory(PracticeFactory)
    language = factory.LazyAttribute(lambda o: o.practice.original_language)
    status = TranslationStatus.DRAFT
    title = factory.Sequence(lambda n: f"Practice {n}")
    summary = "A practice that works."


class PracticeRevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeRevision

    practice = factory.SubFactory(PracticeFactory)
    number = factory.Sequence(lambda n: n + 1)
    language = "fr"
    status = PracticeStatus.DRAFT


class PracticeReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeReview

    practice = factory.SubFactory(PracticeFactory)
    round = 1
    reviewer = factory.SubFactory(UserFactory)


class PracticeAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeAttachment

    practice = factory.SubFactory(PracticeFactory)
    file = factory.django.FileField(filename="sheet.pdf", data=b"%PDF-1.4\n%%EOF\n")
    title = "Programme"
    original_name = "sheet.pdf"
    content_type = "application/pdf"
    size = 15


class PracticeCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeComment

    practice = factory.SubFactory(PracticeFactory)
    author = factory.SubFactory(UserFactory)
    body = "We do something similar."


class PracticeTrialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeTrial

    practice = factory.SubFactory(PracticeFactory)
    author = factory.SubFactory(UserFactory)
    centre = factory.SubFactory(CentreFactory)
    context = "A smaller city."
    outcome = "It worked with fewer companies."


class PracticeFollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeFollow

    practice = factory.SubFactory(PracticeFactory)
    user = factory.SubFactory(UserFactory)


class VademecumEditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VademecumEdition

    language = "fr"
