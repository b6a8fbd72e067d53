"""App configuration for the site-wide plumbing: page cache, outbox, admin security, groups, uploads."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models import IntegerField

        from core import cache
        from core.admin_language import remember_at_login
        from core.groups import EDITORS, grant, sync_groups
        from core.lookups import IntegerIn
        from core.models import UserLanguage
        from core.search.index import index_if_empty

        # After every app's migrations, so that models of apps migrated later join their groups too.
        post_migrate.connect(sync_groups, dispatch_uid="core.sync_groups")
        post_migrate.connect(index_if_empty, dispatch_uid="core.search_index")
        cache.connect_signals()
        IntegerField.register_lookup(IntegerIn)  # a number too large for the database matches nothing
        # A new session starts with the staff member's language of the admin (core.middleware.AdminLanguageMiddleware).
        user_logged_in.connect(remember_at_login, dispatch_uid="core.remember_admin_language")
        # Editors may set it for anyone on the staff, e.g. for a new translator.
        grant(EDITORS, lambda: [UserLanguage])
        _register_personal_data()


def _outbox_models():
    from post_office.models import Email, Log

    return [Email, Log]


def _register_personal_data():
    from core import outbox, personal_data

    # The messages sent to an address are personal data too: what we told the person, and when.
    personal_data.register(
        "outbox", label=_("E-mails sent"), models=_outbox_models, export=outbox.export_emails, erase=outbox.erase_emails
    )
