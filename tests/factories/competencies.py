"""Factories for the competency framework. `framework_data()` builds a small valid framework as
plain data; `published_version()` imports and publishes it through the services."""

import factory

from cocade.competencies.enums import AssessmentStatus, VersionStatus
from cocade.competencies.interchange.data import (
    BlockData,
    CompetenceData,
    FrameworkData,
    LevelData,
    MappingData,
)
from cocade.competencies.models import (
    AssessmentRating,
    Block,
    Competence,
    DevelopmentAction,
    DevelopmentGoal,
    DevelopmentPlan,
    ExpectedLevel,
    ExternalMapping,
    Framework,
    FrameworkVersion,
    Indicator,
    LevelDescriptor,
    ProficiencyLevel,
    SelfAssessment,
)
from cocade.competencies.services.frameworks import import_framework, publish_version

LEVELS = ("notions", "application", "maitrise", "expertise")


def framework_data(slug="cdm-counsellor", *, blocks=2, competences=2, languages=("fr", "en")):
    """A valid framework: 4 levels, `blocks` blocks (A, B, …) of `competences` competences
    (A1, A2, …), each with two indicators, a descriptor for level 1, expected levels for the
    three profiles and a Cedefop mapping; every text in `languages`."""

    def texts(base):
        return {lang: f"{base} [{lang}]" for lang in languages}

    return FrameworkData(
        slug=slug,
        original_language=languages[0],
        title=texts("Conseiller en lieu intégré"),
        description=texts("Référentiel de test"),
        levels=[
            LevelData(rank=rank, code=code, label=texts(code.capitalize()))
            for rank, code in enumerate(LEVELS, start=1)
        ],
        blocks=[
            BlockData(
                code=letter,
                title=texts(f"Bloc {letter}"),
                competences=[
                    CompetenceData(
                        code=f"{letter}{n}",
                        title=texts(f"Compétence {letter}{n}"),
                        indicators=[texts(f"Indicateur {letter}{n}.{i}") for i in (1, 2)],
                        descriptors={"notions": texts(f"Notions de {letter}{n}")},
                        expected={
                            "newcomer": "notions",
                            "counsellor": "maitrise",
                            "senior": "expertise",
                        },
                        mappings=[MappingData(scheme="cedefop_2009", reference="1.5")],
                    )
                    for n in range(1, competences + 1)
                ],
            )
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:blocks]
        ],
    )


def published_version(slug="cdm-counsellor", **kwargs):
    """Import `framework_data(slug, **kwargs)` and publish it (no actor: a system import)."""
    return import_framework(actor=None, data=framework_data(slug, **kwargs), publish=True)


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    slug = factory.Sequence(lambda n: f"framework-{n}")


class FrameworkVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkVersion

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = VersionStatus.DRAFT
    title = factory.LazyFunction(lambda: {"fr": "Référentiel", "en": "Framework"})
    original_language = "fr"


class ProficiencyLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProficiencyLevel

    version = factory.SubFactory(FrameworkVersionFactory)
    rank = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"level-{n}")
    label = factory.LazyFunction(lambda: {"fr": "Niveau"})
    original_language = "fr"


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    version = factory.SubFactory(FrameworkVersionFactory)
    code = factory.Sequence(lambda n: f"B{n}")
    title = factory.LazyFunction(lambda: {"fr": "Bloc"})
    original_language = "fr"


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competence

    block = factory.SubFactory(BlockFactory)
    version = factory.SelfAttribute("block.version")
    code = factory.Sequence(lambda n: f"C{n}")
    title = factory.LazyFunction(lambda: {"fr": "Compétence"})
    original_language = "fr"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    competence = factory.SubFactory(CompetenceFactory)
    text = factory.LazyFunction(lambda: {"fr": "Indicateur"})
    original_language = "fr"


class LevelDescriptorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevelDescriptor

    competence = factory.SubFactory(CompetenceFactory)
    level = factory.SubFactory(
        ProficiencyLevelFactory, version=factory.SelfAttribute("..competence.version")
    )
    text = factory.LazyFunction(lambda: {"fr": "Descripteur"})
    original_language = "fr"


class ExpectedLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpectedLevel

    competence = factory.SubFactory(CompetenceFactory)
    profile = "counsellor"
    level = factory.SubFactory(
        ProficiencyLevelFactory, version=factory.SelfAttribute("..competence.version")
    )


class ExternalMappingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalMapping

    competence = factory.SubFactory(CompetenceFactory)
    scheme = "cedefop_2009"
    reference = "1.5"


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfAssessment

    user = factory.SubFactory("tests.factories.accounts.UserFactory")
    centre = factory.SubFactory("tests.factories.directory.CentreFactory")
    version = factory.SubFactory(FrameworkVersionFactory)
    status = AssessmentStatus.DRAFT


class AssessmentRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentRating

    assessment = factory.SubFactory(SelfAssessmentFactory)
    competence = factory.SubFactory(
        CompetenceFactory, block__version=factory.SelfAttribute("...assessment.version")
    )


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    user = factory.SubFactory("tests.factories.accounts.UserFactory")
    centre = factory.SubFactory("tests.factories.directory.CentreFactory")
    version = factory.SubFactory(FrameworkVersionFactory)


class DevelopmentGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentGoal

    plan = factory.SubFactory(DevelopmentPlanFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")


class DevelopmentActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentAction

    goal = factory.SubFactory(DevelopmentGoalFactory)
    kind = "training"
    description = "Follow the reception module"


__all__ = ["publish_version"]
