"""The reads behind the results views: exact figures, who sees what, and the small-group rule."""

import pytest
from django.utils import timezone, translation

from cocade.accounts.enums import Role
from cocade.competencies.enums import AssessmentStatus
from cocade.competencies.selectors import reports
from cocade.core.errors import Forbidden, NotFound
from tests.competencies.reports_data import assess, ranks, staff
from tests.factories.accounts import MembershipFactory
from tests.factories.competencies import published_version
from tests.factories.directory import CentreFactory


def _rank(level):
    return level.rank if level is not None else None


def _profile_rows(profile):
    return [
        (
            row.competence.code,
            _rank(row.level),
            _rank(row.review_level),
            _rank(row.expected),
            row.gap,
        )
        for row in profile.rows
    ]


def _team_rows(matrix):
    return [
        (str(row.person), [_rank(cell.level) for cell in row.cells], [c.is_gap for c in row.cells])
        for row in matrix.rows
    ]


@pytest.fixture
def manager_a(manager_a):
    """Manager A with a name that sorts last."""
    manager_a.full_name = "zoe manager"
    manager_a.save()
    return manager_a


# --- Profile ------------------------------------------------------------------------------------


def test_profile_for_user_gives_own_reviewed_and_expected_levels(counsellor_a, centre_a):
    version = published_version()
    assessment = assess(
        counsellor_a, centre_a, version, ranks(1, 3, 4, 2), reviews={"A1": 2, "B2": 3}
    )

    profile = reports.profile_for_user(counsellor_a, assessment.pk)

    assert _profile_rows(profile) == [
        ("A1", 1, 2, 3, 1),
        ("A2", 3, None, 3, 0),
        ("B1", 4, None, 3, 0),
        ("B2", 2, 3, 3, 0),
    ]
    assert (profile.max_rank, profile.reached) == (4, 3)


def test_profile_for_user_expected_levels_follow_the_assessment_profile(counsellor_a, centre_a):
    version = published_version()
    assessment = assess(counsellor_a, centre_a, version, ranks(1, 1, 1, 1), profile="newcomer")

    profile = reports.profile_for_user(counsellor_a, assessment.pk)

    assert [(row.competence.code, _rank(row.expected), row.gap) for row in profile.rows] == [
        ("A1", 1, 0),
        ("A2", 1, 0),
        ("B1", 1, 0),
        ("B2", 1, 0),
    ]


def test_profile_for_user_history_matches_competences_across_versions_by_code(
    counsellor_a, centre_a
):
    v1 = published_version(competences=3)
    first = assess(counsellor_a, centre_a, v1, {**ranks(1, 1, 2, 2), "A3": 1, "B3": 4}, day=5)
    v2 = published_version(competences=2)
    second = assess(counsellor_a, centre_a, v2, ranks(2, 1, 3, 2), reviews={"A2": 2}, day=20)

    profile = reports.profile_for_user(counsellor_a, second.pk)

    assert [entry.pk for entry in profile.history] == [first.pk, second.pk]
    assert [(row.code, row.in_version, row.ranks) for row in profile.progress] == [
        ("A1", True, [1, 2]),
        ("A2", True, [1, 2]),
        ("B1", True, [2, 3]),
        ("B2", True, [2, 2]),
        ("A3", False, [1, None]),
        ("B3", False, [4, None]),
    ]


def test_profile_for_user_history_leaves_out_drafts_and_other_frameworks(counsellor_a, centre_a):
    version = published_version()
    other = published_version("other-framework")
    done = assess(counsellor_a, centre_a, version, ranks(1, 1, 1, 1), day=3)
    assess(counsellor_a, centre_a, other, ranks(4, 4, 4, 4), day=4)
    draft = assess(
        counsellor_a, centre_a, version, ranks(2, 2, 2, 2), status=AssessmentStatus.DRAFT, day=6
    )

    profile = reports.profile_for_user(counsellor_a, draft.pk)

    assert [entry.pk for entry in profile.history] == [done.pk]
    assert [row.ranks for row in profile.progress] == [[1], [1], [1], [1]]


def test_profile_for_user_history_stays_in_the_viewers_centre(centre_a, centre_b, manager_b):
    version = published_version()
    person = staff(centre_a, "mobile")
    MembershipFactory(user=person, role=Role.COUNSELLOR, centre=centre_b)
    at_a = assess(person, centre_a, version, ranks(1, 1, 1, 1), day=3)
    at_b = assess(person, centre_b, version, ranks(2, 2, 2, 2), day=9)

    seen_by_b = reports.profile_for_user(manager_b, at_b.pk)
    seen_by_person = reports.profile_for_user(person, at_b.pk)

    assert [entry.pk for entry in seen_by_b.history] == [at_b.pk]
    assert [entry.pk for entry in seen_by_person.history] == [at_a.pk, at_b.pk]


def test_profile_for_user_manager_of_the_centre_sees_it(counsellor_a, centre_a, manager_a):
    version = published_version()
    assessment = assess(counsellor_a, centre_a, version, ranks(1, 2, 3, 4))

    profile = reports.profile_for_user(manager_a, assessment.pk)

    assert profile.assessment.pk == assessment.pk


@pytest.mark.parametrize("role", ["coordinator", "manager_b", "public_user"])
def test_profile_for_user_refuses_others_with_not_found(role, request, counsellor_a, centre_a):
    version = published_version()
    assessment = assess(counsellor_a, centre_a, version, ranks(1, 2, 3, 4))
    user = request.getfixturevalue(role)

    with pytest.raises(NotFound):
        reports.profile_for_user(user, assessment.pk)


def test_profile_for_user_runs_a_fixed_number_of_queries(
    counsellor_a, centre_a, django_assert_num_queries
):
    v1 = published_version(competences=3)
    assess(counsellor_a, centre_a, v1, {**ranks(1, 1, 2, 2), "A3": 1, "B3": 4}, day=5)
    v2 = published_version(competences=2)
    second = assess(counsellor_a, centre_a, v2, ranks(2, 1, 3, 2), day=20)

    # memberships, assessment, competences, expected, levels, ratings, history, its ratings
    with django_assert_num_queries(8):
        reports.profile_for_user(counsellor_a, second.pk)


# --- Team matrix --------------------------------------------------------------------------------


def test_team_matrix_gives_latest_agreed_levels_of_the_centre_staff(centre_a, centre_b, manager_a):
    version = published_version()
    alice = staff(centre_a, "alice")
    bob = staff(centre_a, "bob", role=Role.TRAINER)
    staff(centre_a, "carol")  # never assessed
    staff(centre_a, "editor", role=Role.EDITOR)  # not an assessing role: not listed
    staff(centre_b, "dave")  # another centre: not listed
    assess(alice, centre_a, version, ranks(1, 1, 1, 1), day=2)
    assess(alice, centre_a, version, ranks(2, 3, 4, 1), reviews={"A1": 3}, day=12)
    assess(bob, centre_a, version, ranks(4, 4, 4, 4), status=AssessmentStatus.DRAFT, day=20)
    assess(bob, centre_a, version, ranks(3, 2, 3, 3), day=8)

    matrix = reports.team_matrix(manager_a, "centre-a")

    assert [c.code for c in matrix.competences] == ["A1", "A2", "B1", "B2"]
    assert [(block.code, [c.code for c in cs]) for block, cs in matrix.blocks] == [
        ("A", ["A1", "A2"]),
        ("B", ["B1", "B2"]),
    ]
    assert _team_rows(matrix) == [
        ("alice", [3, 3, 4, 1], [False, False, False, True]),
        ("bob", [3, 2, 3, 3], [False, True, False, False]),
        ("carol", [None, None, None, None], [False, False, False, False]),
        ("zoe manager", [None, None, None, None], [False, False, False, False]),
    ]
    assert [
        (row.assessment.submitted_at.day if row.assessment else None) for row in matrix.rows
    ] == [
        12,
        8,
        None,
        None,
    ]
    assert [(s.competence.code, s.assessed, s.at_or_above) for s in matrix.summary] == [
        ("A1", 2, 2),
        ("A2", 2, 1),
        ("B1", 2, 2),
        ("B2", 2, 1),
    ]


def test_team_matrix_keeps_people_who_left_with_a_done_assessment(centre_a, manager_a):
    version = published_version()
    leaver = staff(centre_a, "leaver")
    leaver.memberships.update(revoked_at=timezone.now())
    gone = staff(centre_a, "gone")
    gone.memberships.update(revoked_at=timezone.now())  # left without assessing: not listed
    assess(leaver, centre_a, version, ranks(2, 2, 2, 2))

    matrix = reports.team_matrix(manager_a, "centre-a")

    assert [str(row.person) for row in matrix.rows] == ["leaver", "zoe manager"]


def test_team_matrix_leaves_out_assessments_made_at_another_centre(centre_a, centre_b, manager_a):
    version = published_version()
    person = staff(centre_a, "both")
    MembershipFactory(user=person, role=Role.COUNSELLOR, centre=centre_b)
    assess(person, centre_b, version, ranks(4, 4, 4, 4), day=20)
    assess(person, centre_a, version, ranks(1, 2, 1, 2), day=5)

    matrix = reports.team_matrix(manager_a, "centre-a")

    assert _team_rows(matrix)[0] == ("both", [1, 2, 1, 2], [True, True, True, True])


def test_team_matrix_uses_the_framework_asked_for(centre_a, manager_a):
    published_version()
    other = published_version("other-framework", blocks=1, competences=3)
    alice = staff(centre_a, "alice")
    assess(alice, centre_a, other, {"A1": 4, "A2": 1, "A3": 2})

    matrix = reports.team_matrix(manager_a, "centre-a", "other-framework")

    assert (matrix.version.pk, [v.framework.slug for v in matrix.versions]) == (
        other.pk,
        ["cdm-counsellor", "other-framework"],
    )
    assert _team_rows(matrix)[0] == ("alice", [4, 1, 2], [False, True, True])


def test_team_matrix_without_a_published_framework_is_empty(centre_a, manager_a):
    matrix = reports.team_matrix(manager_a, "centre-a")

    assert (matrix.version, matrix.rows, matrix.competences) == (None, [], [])


def test_team_matrix_refuses_an_unknown_framework(centre_a, manager_a):
    published_version()

    with pytest.raises(NotFound):
        reports.team_matrix(manager_a, "centre-a", "no-such-framework")


@pytest.mark.parametrize("role", ["manager_b", "coordinator", "counsellor_a", "public_user"])
def test_team_matrix_of_centre_a_is_not_found_for_others(role, request, centre_a, db):
    published_version()
    user = request.getfixturevalue(role)

    with pytest.raises(NotFound):
        reports.team_matrix(user, "centre-a")


def test_team_matrix_of_an_unknown_centre_is_not_found(manager_a):
    with pytest.raises(NotFound):
        reports.team_matrix(manager_a, "no-such-centre")


def test_team_matrix_runs_the_same_queries_whatever_the_size(
    centre_a, manager_a, django_assert_num_queries
):
    version = published_version()
    for index in range(6):
        person = staff(centre_a, f"p{index}")
        assess(person, centre_a, version, ranks(1, 2, 3, 4), day=index + 1)

    # memberships, centre, versions, levels, competences, expected, people, latest, ratings
    with django_assert_num_queries(9):
        matrix = reports.team_matrix(manager_a, "centre-a")

    assert len(matrix.rows) == 7


# --- Network distribution -----------------------------------------------------------------------


def _population(version, centres_and_ranks):
    """People of each centre with the four ranks given, one list entry per person."""
    people = []
    for centre, entries in centres_and_ranks:
        for index, four in enumerate(entries):
            person = staff(centre, f"{centre.slug}-{index}")
            people.append(assess(person, centre, version, ranks(*four)))
    return people


def _counts(distribution):
    return None if distribution.suppressed else distribution.counts


@pytest.fixture
def three_countries(network):
    return (
        CentreFactory(network=network, slug="paris", country="FR"),
        CentreFactory(network=network, slug="lisboa", country="PT"),
        CentreFactory(network=network, slug="sofia", country="BG"),
    )


def test_network_distribution_counts_levels_per_competence_and_country(
    coordinator, three_countries
):
    paris, lisboa, sofia = three_countries
    version = published_version()
    _population(
        version,
        [
            (paris, [(1, 2, 3, 4)] * 3 + [(2, 2, 3, 4)] * 3),
            (lisboa, [(4, 4, 4, 4)] * 5),
            (sofia, [(1, 1, 1, 1)] * 3),
        ],
    )

    with translation.override("en"):
        result = reports.network_distribution(coordinator)

    assert [(g.code, g.name, g.people) for g in result.countries] == [
        ("BG", "Bulgaria", None),
        ("FR", "France", 6),
        ("PT", "Portugal", 5),
    ]
    assert (result.people_shown, result.suppressed_countries) == (11, 1)
    assert [
        (
            item.competence.code,
            _counts(item.network),
            [(c.code, _counts(c.distribution)) for c in item.countries],
            item.suppressed_countries,
        )
        for item in result.competences
    ] == [
        ("A1", [3, 3, 0, 5], [("BG", None), ("FR", [3, 3, 0, 0]), ("PT", [0, 0, 0, 5])], 1),
        ("A2", [0, 6, 0, 5], [("BG", None), ("FR", [0, 6, 0, 0]), ("PT", [0, 0, 0, 5])], 1),
        ("B1", [0, 0, 6, 5], [("BG", None), ("FR", [0, 0, 6, 0]), ("PT", [0, 0, 0, 5])], 1),
        ("B2", [0, 0, 0, 11], [("BG", None), ("FR", [0, 0, 0, 6]), ("PT", [0, 0, 0, 5])], 1),
    ]


def test_network_distribution_totals_leave_suppressed_groups_out_so_subtraction_finds_nothing(
    coordinator, three_countries
):
    paris, lisboa, sofia = three_countries
    version = published_version()
    _population(
        version,
        [(paris, [(1, 1, 1, 1)] * 5), (lisboa, [(2, 2, 2, 2)] * 5), (sofia, [(4, 4, 4, 4)] * 2)],
    )

    result = reports.network_distribution(coordinator)

    for item in result.competences:
        shown = [c.distribution.counts for c in item.countries if not c.distribution.suppressed]
        assert item.network.counts == [sum(column) for column in zip(*shown, strict=True)]
        # Network total minus the countries shown leaves nothing: Sofia's 2 people are in no
        # figure at all.
        assert item.network.counts[3] == 0
    assert result.people_shown == 10


def test_network_distribution_suppresses_a_small_competence_cell_of_a_shown_country(
    coordinator, three_countries
):
    paris, lisboa, _sofia = three_countries
    version = published_version()
    # Paris: 5 people, but only 4 have a level on B2 (one rating without a level).
    _population(
        version,
        [(paris, [(1, 1, 1, 1)] * 4 + [(1, 1, 1, None)]), (lisboa, [(3, 3, 3, 3)] * 5)],
    )

    result = reports.network_distribution(coordinator)
    b2 = result.competences[3]

    assert [(g.code, g.people) for g in result.countries] == [("FR", 5), ("PT", 5)]
    assert (b2.competence.code, [(c.code, _counts(c.distribution)) for c in b2.countries]) == (
        "B2",
        [("FR", None), ("PT", [0, 0, 5, 0])],
    )
    assert (_counts(b2.network), b2.suppressed_countries) == ([0, 0, 5, 0], 1)
    assert _counts(result.competences[0].network) == [5, 0, 5, 0]


def test_network_distribution_all_groups_small_shows_no_figure(coordinator, three_countries):
    paris, lisboa, _sofia = three_countries
    version = published_version()
    _population(version, [(paris, [(1, 1, 1, 1)] * 4), (lisboa, [(2, 2, 2, 2)] * 4)])

    result = reports.network_distribution(coordinator)

    assert [(item.network.suppressed, item.network.counts) for item in result.competences] == [
        (True, [0, 0, 0, 0])
    ] * 4
    assert [(g.code, g.people) for g in result.countries] == [("FR", None), ("PT", None)]
    assert result.people_shown == 0


def test_network_distribution_counts_each_person_once_at_their_latest_agreed_level(
    coordinator, centre_a, centre_b
):
    version = published_version()
    people = [staff(centre_a, f"p{index}") for index in range(5)]
    for person in people:
        assess(person, centre_a, version, ranks(1, 1, 1, 1), day=2)
        assess(person, centre_a, version, ranks(2, 2, 2, 2), reviews={"A1": 4}, day=9)
    assess(people[0], centre_a, version, ranks(3, 3, 3, 3), status=AssessmentStatus.DRAFT)

    result = reports.network_distribution(coordinator)

    assert [_counts(item.network) for item in result.competences] == [
        [0, 0, 0, 5],
        [0, 5, 0, 0],
        [0, 5, 0, 0],
        [0, 5, 0, 0],
    ]
    assert [(g.code, g.people) for g in result.countries] == [("FR", 5)]


def test_network_distribution_honours_a_larger_minimum(coordinator, centre_a):
    version = published_version()
    _population(version, [(centre_a, [(1, 1, 1, 1)] * 6)])

    result = reports.network_distribution(coordinator, min_group=10)

    assert (result.min_group, [g.people for g in result.countries]) == (10, [None])


@pytest.mark.parametrize("role", ["manager_a", "counsellor_a", "public_user"])
def test_network_distribution_is_for_coordinators_only(role, request, db):
    published_version()
    user = request.getfixturevalue(role)

    with translation.override("en"):
        with pytest.raises(Forbidden) as error:
            reports.network_distribution(user)

        assert str(error.value.message) == (
            "Only network coordinators see the network's distributions."
        )


def test_network_distribution_runs_a_fixed_number_of_queries(
    coordinator, three_countries, django_assert_num_queries
):
    paris, lisboa, sofia = three_countries
    version = published_version()
    _population(version, [(paris, [(1, 2, 3, 4)] * 5), (sofia, [(1, 1, 1, 1)] * 2)])

    # memberships, versions, levels, competences, people per country, levels per group
    with django_assert_num_queries(6):
        reports.network_distribution(coordinator)
