"""Fixtures the whole-site tests share: translators, and the page cache as a miss sees it."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches

from core import cache as core_cache
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


@pytest.fixture
def parts_without_pages(settings):
    """Values and parts kept as in production, whole pages not: every GET renders the page (a miss), from the kept
    rows when there are some."""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_KEEP_PAGES = False
    settings.PAGE_CACHE_CHECK_SECONDS = 60
    caches["pages"].clear()
    core_cache._rows_read_whole.kept.clear()
    yield
    caches["pages"].clear()
    core_cache._rows_read_whole.kept.clear()
