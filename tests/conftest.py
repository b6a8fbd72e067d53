"""Fixtures the whole-site tests of translators share."""

import pytest
from django.contrib.auth.models import Group

from translations.apps import TRANSLATORS
from translations.models import TranslatorLanguage


@pytest.fixture
def volunteer(django_user_model, db):
    user = django_user_model.objects.create_user("olena", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    TranslatorLanguage.objects.create(user=user, language="uk")
    return user


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer)
    return client
