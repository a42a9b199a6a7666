"""Create the first admin account, with a generated password printed once.

``make run`` calls this on every start. It never resets anything: when any superuser
exists it says so and leaves the accounts alone, so an editor's password survives. The
password is made with :func:`secrets.token_urlsafe`, shown once, and stored only as a hash.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "Create a superuser with a generated password and print the password once. "
        "Does nothing when a superuser already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default="admin", help='The new account\'s username (default "admin").'
        )
        parser.add_argument("--email", default="", help="The new account's e-mail address.")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        with transaction.atomic():
            existing = User.objects.filter(is_superuser=True).order_by("pk").first()
            if existing is not None:
                self.stdout.write(
                    f"A superuser already exists ({existing.get_username()}); "
                    "left it alone, no password was changed."
                )
                return
            if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
                raise CommandError(
                    f'A user named "{username}" exists but is not a superuser; '
                    "choose another name with --username."
                )
            password = secrets.token_urlsafe(18)
            User.objects.create_superuser(
                **{User.USERNAME_FIELD: username}, email=email, password=password
            )
        self.stdout.write(
            self.style.SUCCESS(f'Created the superuser "{username}" with the password: {password}')
        )
        self.stdout.write(
            f"Write it down now: it is shown only this once. Sign in at {reverse('admin:index')}"
        )
