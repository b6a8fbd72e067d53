"""Load the demo content of every app; safe to run again, it updates rather than duplicates."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Write the Open Kraków demo content in all four languages (idempotent)."

    def handle(self, *args, **options):
        # Each app that has a demo module contributes its part, in INSTALLED_APPS order.
        with transaction.atomic():
            demos = [
                import_module(f"{app_config.name}.demo")
                for app_config in apps.get_app_configs()
                if module_has_submodule(app_config.module, "demo")
            ]
            for demo in demos:
                self.stdout.write(demo.load())
            # Then what reads every app's content (e.g. the translation memory).
            for demo in demos:
                if hasattr(demo, "after_all"):
                    self.stdout.write(demo.after_all())
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
