from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitmentConfig(AppConfig):
    name = "cocade.recruitment"
    label = "recruitment"
    verbose_name = _("Speed recruitment, speed meetings and quizzes")
    default_auto_field = "django.db.models.BigAutoField"
