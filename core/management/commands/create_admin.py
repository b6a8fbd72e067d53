"""Create the first admin account with a generated password, printed once; never a default password."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an admin account with a random password and print it once (does nothing if it exists)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin account '{username}' already exists; its password was printed when it was created "
                f"(reset it with: manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Admin account created: {username} / {password}"))
        self.stdout.write("This password is shown only once. Keep it somewhere safe.")
