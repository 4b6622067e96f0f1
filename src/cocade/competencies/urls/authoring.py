"""Staff URLs of the competency framework: authoring (included by urls/staff.py)."""

from django.urls import path

from cocade.competencies.views import authoring as views

V = "frameworks/<str:slug>/v<int:number>/"

urlpatterns = [
    path("frameworks/", views.frameworks, name="frameworks"),
    path("frameworks/new/", views.framework_create, name="framework_create"),
    path("frameworks/<str:slug>/new-draft/", views.draft_start, name="draft_start"),
    path(V, views.version, name="version"),
    path(f"{V}edit/", views.version_edit, name="version_edit"),
    path(f"{V}publish/", views.version_publish, name="version_publish"),
    path(f"{V}delete/", views.version_delete, name="version_delete"),
    path(f"{V}changes/", views.version_changes, name="version_changes"),
    path(f"{V}levels/new/", views.level_create, name="level_create"),
    path(f"{V}levels/<int:pk>/edit/", views.level_edit, name="level_edit"),
    path(f"{V}levels/<int:pk>/move/", views.level_move, name="level_move"),
    path(f"{V}levels/<int:pk>/delete/", views.level_delete, name="level_delete"),
    path(f"{V}blocks/new/", views.block_create, name="block_create"),
    path(f"{V}blocks/<int:pk>/edit/", views.block_edit, name="block_edit"),
    path(f"{V}blocks/<int:pk>/delete/", views.block_delete, name="block_delete"),
    path(
        f"{V}blocks/<int:block_pk>/competences/new/",
        views.competence_create,
        name="competence_create",
    ),
    path(f"{V}competences/<int:pk>/edit/", views.competence_edit, name="competence_edit"),
    path(
        f"{V}competences/<int:pk>/indicators/",
        views.competence_indicators,
        name="competence_indicators",
    ),
    path(
        f"{V}competences/<int:pk>/descriptors/",
        views.competence_descriptors,
        name="competence_descriptors",
    ),
    path(
        f"{V}competences/<int:pk>/expected/",
        views.competence_expected,
        name="competence_expected",
    ),
    path(
        f"{V}competences/<int:pk>/mappings/",
        views.competence_mappings,
        name="competence_mappings",
    ),
    path(f"{V}competences/<int:pk>/delete/", views.competence_delete, name="competence_delete"),
]
