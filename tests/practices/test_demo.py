"""The Vademecum demo, loaded by `cocade demo` after the directory and competency demos."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F

from cocade.accounts.enums import Role
from cocade.accounts.models import Membership, User
from cocade.competencies.demo import load as load_competencies
from cocade.core.models import AuditLogEntry
from cocade.directory.demo import load_demo
from cocade.practices.demo import SHEETS, load
from cocade.practices.enums import PracticeStatus, TranslationStatus
from cocade.practices.models import (
    TEXT_FIELDS,
    Practice,
    PracticeComment,
    PracticeFollow,
    PracticeReview,
    PracticeRevision,
    PracticeTranslation,
    PracticeTrial,
)
from cocade.practices.search import search_practices

DEMO = "@demo.cocade.example"


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The directory demo, the competency demo, then the Vademecum demo, loaded once for this
    module (it takes a while) in a transaction that is rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        load_competencies()
        yield load()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_data, db):
    return demo_data


def snapshot():
    models = (
        Practice,
        PracticeTranslation,
        PracticeRevision,
        PracticeReview,
        PracticeComment,
        PracticeTrial,
        PracticeFollow,
        User,
        Membership,
        AuditLogEntry,
    )
    return {model.__name__: model.objects.count() for model in models}


def published_translations():
    return PracticeTranslation.objects.filter(status=TranslationStatus.PUBLISHED).exclude(
        language=F("practice__original_language")
    )


def test_demo_load_twice_changes_nothing(demo):
    first = snapshot()

    result = load()

    assert snapshot() == first
    assert result.created == 0
    assert demo.created == len(SHEETS)


def test_demo_has_at_least_thirty_sheets_in_five_original_languages(demo):
    languages = set(Practice.objects.values_list("original_language", flat=True))

    assert Practice.objects.count() >= 30
    assert len(languages) >= 5
    assert languages == {"fr", "en", "pt", "it", "da", "bg"}


def test_demo_sheets_fill_every_main_field_and_follow_their_centre(demo):
    incomplete = []
    for practice in Practice.objects.select_related("centre").prefetch_related("translations"):
        original = practice.original
        missing = [name for name in TEXT_FIELDS if not getattr(original, name)]
        missing += [
            name
            for name in ("poles", "target_publics", "contact_name", "contact_email")
            if not getattr(practice, name)
        ]
        if not 3 <= len(original.method_steps) <= 7:
            missing.append("3 to 7 steps")
        if practice.country != practice.centre.country:
            missing.append("country")
        if not practice.competences.exists():
            missing.append("competences")
        if missing:
            incomplete.append((practice.slug, missing))

    assert incomplete == []


def test_demo_has_every_workflow_status_and_mostly_published_sheets(demo):
    counts = {status: Practice.objects.filter(status=status).count() for status in PracticeStatus}

    assert counts[PracticeStatus.PUBLISHED] >= 24
    assert counts[PracticeStatus.ARCHIVED] == 1
    assert all(count >= 1 for count in counts.values())


def test_demo_published_dates_spread_over_two_years(demo):
    dates = sorted(Practice.objects.published().values_list("first_published_at", flat=True))

    assert (dates[-1] - dates[0]).days >= 600
    assert (dates[-1] - dates[0]).days <= 731
    assert all(
        p.published_at == p.first_published_at and p.created_at < p.published_at
        for p in Practice.objects.published()
    )


def test_demo_has_published_translations_on_eight_sheets(demo):
    rows = published_translations()

    assert rows.count() >= 8
    assert rows.values("practice").distinct().count() >= 8
    assert set(rows.values_list("language", flat=True)) >= {"en", "fr", "it"}


def test_demo_review_workflow_leaves_pending_and_change_requests(demo):
    in_review = Practice.objects.filter(status=PracticeStatus.IN_REVIEW)
    changes = Practice.objects.filter(status=PracticeStatus.CHANGES_REQUESTED)

    assert PracticeReview.objects.filter(practice__in=in_review, submitted_at=None).exists()
    for practice in changes:
        assert practice.reviews.filter(
            round=practice.review_round, recommendation="changes"
        ).exists()
    for practice in Practice.objects.published():
        assert practice.reviews.filter(
            round=practice.review_round, recommendation="publish"
        ).exists()


def test_demo_has_exchange_on_published_sheets(demo):
    assert PracticeComment.objects.count() >= 5
    assert PracticeTrial.objects.count() >= 5
    assert PracticeFollow.objects.count() >= 10
    assert not PracticeTrial.objects.filter(centre=F("practice__centre")).exists()


def test_demo_editor_edits_the_whole_vademecum(demo):
    editor = User.objects.get(email="editor" + DEMO)

    assert Membership.objects.active().filter(user=editor, role=Role.EDITOR, centre=None).exists()


def test_demo_search_finds_a_portuguese_sheet_with_a_portuguese_query(demo):
    result = search_practices(query="entrevistas de emprego empresas")

    hits = {hit.practice.slug: hit.translation.language for hit in result.hits}
    assert hits["speed-recruitment-porto"] == "pt"


def test_demo_search_finds_a_french_sheet_through_its_english_translation(demo):
    result = search_practices(query="fishbowl graphic facilitator")

    hits = {hit.practice.slug: hit for hit in result.hits}
    hit = hits["journee-culture-commune-fishbowl"]
    assert hit.practice.original_language == "fr"
    assert hit.translation.language == "en"


def test_demo_command_prints_the_vademecum(demo, settings):
    settings.DEBUG = True
    out = StringIO()

    call_command("demo", stdout=out)

    assert "Vademecum of good practices:" in out.getvalue()
    assert Practice.objects.count() == len(SHEETS)
