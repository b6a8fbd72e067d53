"""The editorial groups: editors publish and write source text; translators only translate."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from pages.workflow import translation_models

TRANSLATORS = "Translators"
EDITORS = "Editors"


def ensure_editorial_groups(**kwargs) -> None:
    """Create or refresh both groups after every migrate, so new translated models join them."""
    models = translation_models()
    content_types = ContentType.objects.get_for_models(*models).values()
    permissions = Permission.objects.filter(content_type__in=content_types)
    translator_codenames = {f"{action}_{model._meta.model_name}" for model in models for action in ("view", "change")}
    Group.objects.get_or_create(name=TRANSLATORS)[0].permissions.set(
        [p for p in permissions if p.codename in translator_codenames]
    )
    Group.objects.get_or_create(name=EDITORS)[0].permissions.set(permissions)


REGISTRATIONS = "Registrations"


def ensure_registrations_group(**kwargs) -> None:
    """Registrations hold personal data: only this group sees them; editors and translators do not."""
    from django.apps import apps

    models = [apps.get_model("conference", name) for name in ("Registration", "Booking", "Volunteer")]
    content_types = ContentType.objects.get_for_models(*models).values()
    Group.objects.get_or_create(name=REGISTRATIONS)[0].permissions.set(
        Permission.objects.filter(content_type__in=content_types)
    )


MODERATORS = "Moderators"


def ensure_moderators_group(**kwargs) -> None:
    """Reports hold names, e-mails and messages: only moderators see them. Editors manage the categories."""
    from django.apps import apps

    report_models = [apps.get_model("feedback", name) for name in ("Report", "ReportEvent", "InternalNote", "ApiKey")]
    category = apps.get_model("feedback", "Category")
    content_types = ContentType.objects.get_for_models(*report_models, category)
    Group.objects.get_or_create(name=MODERATORS)[0].permissions.set(
        Permission.objects.filter(content_type__in=content_types.values())
    )
    # Added after ensure_editorial_groups has set the editors' permissions, which it does first on every migrate.
    Group.objects.get_or_create(name=EDITORS)[0].permissions.add(
        *Permission.objects.filter(content_type=content_types[category])
    )
