"""App configuration for resident feedback."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

MODERATORS = "Moderators"


def _report_models():
    from feedback.models import ApiKey, Category, InternalNote, Report, ReportEvent

    return [Report, ReportEvent, InternalNote, ApiKey, Category]


def _categories():
    from feedback.models import Category

    return [Category]


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        from core.groups import EDITORS, grant

        # Reports hold names, e-mails and messages: only moderators see them. Editors manage the categories.
        grant(MODERATORS, _report_models)
        grant(EDITORS, _categories)
        _register_personal_data()


def _personal_models():
    from feedback.models import InternalNote, Report, ReportEvent

    return [Report, ReportEvent, InternalNote]


def _register_personal_data():
    from core import personal_data
    from feedback import services

    personal_data.register(
        "feedback",
        label=_("Feedback"),
        models=_personal_models,
        export=services.export_for_email,
        erase=services.erase_for_email,
    )
