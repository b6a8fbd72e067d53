"""factory_boy factories for the conference."""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from conference.models import Conference, Day, Room, Session, SessionType, Speaker, Venue

WARSAW = ZoneInfo("Europe/Warsaw")
# The tests' conference is upcoming, so that registration is open: it closes for good once a conference ends.
FIRST_DAY = timezone.localdate() + datetime.timedelta(days=60)
FIRST_SLOT = datetime.datetime.combine(FIRST_DAY, datetime.time(9), tzinfo=WARSAW)


class ConferenceFactory(DjangoModelFactory):
    class Meta:
        model = Conference

    slug = factory.Sequence(lambda n: f"conf-{n}")
    start_date = FIRST_DAY
    end_date = FIRST_DAY + datetime.timedelta(days=2)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        conference = model_class(*args, **kwargs)
        conference.set_current_language("en")
        conference.name = "Test conference"
        conference.save()
        for offset in range(3):
            Day.objects.create(
                conference=conference, date=conference.start_date + datetime.timedelta(days=offset), theme_en="Theme"
            )
        return conference


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue

    slug = factory.Sequence(lambda n: f"venue-{n}")
    name_en = factory.Sequence(lambda n: f"Venue {n}")
    name_pl = factory.Sequence(lambda n: f"Miejsce {n}")
    address = "Rynek Główny 1, Kraków"
    latitude = "50.061700"
    longitude = "19.937300"


class RoomFactory(DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name_en = factory.Sequence(lambda n: f"Room {n}")
    name_pl = factory.Sequence(lambda n: f"Sala {n}")


class SessionTypeFactory(DjangoModelFactory):
    class Meta:
        model = SessionType
        django_get_or_create = ["slug"]

    slug = "talk"
    name_en = "Talk"
    name_pl = "Wystąpienie"


class SpeakerFactory(DjangoModelFactory):
    """Pass translations={"en": {"role": ..., "bio": ...}, ...}; by default a speaker has a Polish role only."""

    class Meta:
        model = Speaker

    slug = factory.Sequence(lambda n: f"speaker-{n}")
    name = factory.Sequence(lambda n: f"Osoba {n}")

    @classmethod
    def _create(cls, model_class, *args, translations=None, **kwargs):
        speaker = model_class(*args, **kwargs)
        for language, fields in ({"pl": {"role": "Prelegentka"}} if translations is None else translations).items():
            speaker.set_current_language(language)
            for name, value in fields.items():
                setattr(speaker, name, value)
        speaker.save()
        return speaker


class SessionFactory(DjangoModelFactory):
    """A one-hour session; pass n to place it n hours after 09:00 on the first day."""

    class Meta:
        model = Session

    conference = factory.SubFactory(ConferenceFactory)
    room = factory.SubFactory(RoomFactory)
    session_type = factory.SubFactory(SessionTypeFactory)
    start = factory.Sequence(lambda n: FIRST_SLOT + datetime.timedelta(hours=n % 12))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    spoken_language = "pl"

    @classmethod
    def _create(cls, model_class, *args, title="Sesja", interpretation=(), **kwargs):
        session = model_class(*args, **kwargs)
        session.interpretation_languages = list(interpretation)
        session.set_current_language("pl")
        session.title = title
        session.save()
        return session


def schedule_of(size: int, *, rooms: int = 5) -> Conference:
    """A conference with `size` sessions ten minutes apart from 08:00 on its first day, spread over rooms."""
    conference = ConferenceFactory()
    places = [RoomFactory() for _ in range(rooms)]
    first = datetime.datetime.combine(FIRST_DAY, datetime.time(8), tzinfo=WARSAW)
    for n in range(size):
        SessionFactory(conference=conference, room=places[n % rooms], start=first + datetime.timedelta(minutes=10 * n))
    return conference
