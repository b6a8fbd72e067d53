"""App configuration for the site-wide plumbing: page cache, outbox, admin security, groups, uploads."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models import IntegerField

        from core import cache
        from core.groups import sync_groups
        from core.lookups import IntegerIn

        # After every app's migrations, so that models of apps migrated later join their groups too.
        post_migrate.connect(sync_groups, dispatch_uid="core.sync_groups")
        cache.connect_signals()
        IntegerField.register_lookup(IntegerIn)  # a number too large for the database matches nothing
