"""App configuration for the programme pages."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Programme pages")

    def ready(self):
        from django.db.models import IntegerField

        from pages import cache
        from pages.groups import ensure_editorial_groups, ensure_moderators_group, ensure_registrations_group
        from pages.lookups import IntegerIn

        # After every app's migrations, so that models of apps migrated later join the groups too.
        post_migrate.connect(ensure_editorial_groups, dispatch_uid="pages.ensure_editorial_groups")
        post_migrate.connect(ensure_registrations_group, dispatch_uid="pages.ensure_registrations_group")
        post_migrate.connect(ensure_moderators_group, dispatch_uid="pages.ensure_moderators_group")
        cache.connect_signals()
        IntegerField.register_lookup(IntegerIn)  # a number too large for the database matches nothing
