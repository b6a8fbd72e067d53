"""factory_boy factories for the conference, with their texts in as many of the site's languages as a test needs.

Texts translated with parler (a conference's name, a session's title and abstract, a speaker's role and biography)
are passed as {language: text}; reference data translated with modeltranslation (a venue's or room's name, a day's
theme, a track's or type's name) as name_<language>=… keywords, or **in_languages("name", {language: text}).
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from conference.models import (
    Booking,
    Conference,
    Day,
    Registration,
    Room,
    Session,
    SessionTranslation,
    SessionType,
    Speaker,
    Track,
    Venue,
)
from conference.services import publish_schedule_version
from translations.tests.factories import TranslatableFactory, set_translations

LANGUAGES = ("pl", "en", "uk", "ru")
WARSAW = ZoneInfo("Europe/Warsaw")
# The tests' conference is upcoming, so that registration is open: it closes for good once a conference ends.
FIRST_DAY = timezone.localdate() + datetime.timedelta(days=60)
FIRST_SLOT = datetime.datetime.combine(FIRST_DAY, datetime.time(9), tzinfo=WARSAW)
# A past edition's first day: a Thursday in winter, when Kraków is an hour ahead of UTC.
PAST_FIRST_DAY = datetime.date(2017, 2, 23)


def in_languages(field: str, texts: dict[str, str]) -> dict[str, str]:
    """modeltranslation's fields for one text: {"name_pl": …, "name_en": …}."""
    return {f"{field}_{language}": text for language, text in texts.items()}


def translate(obj, **fields: dict[str, str]):
    """Set parler fields in several languages at once, e.g. translate(session, title={"pl": …, "uk": …}), and save."""
    translations = {}
    for name, texts in fields.items():
        for language, text in texts.items():
            translations.setdefault(language, {})[name] = text
    return set_translations(obj, translations)


class ConferenceFactory(DjangoModelFactory):
    """An upcoming three-day conference, registration open, one Day per date from start_date to end_date.

    names={language: name} (English "Test conference" by default) and themes={language: theme} for every day
    (English "Theme"). past=True gives an edition that ended long ago: 23–25 February 2017.
    """

    class Meta:
        model = Conference

    class Params:
        past = factory.Trait(start_date=PAST_FIRST_DAY)

    slug = factory.Sequence(lambda n: f"conf-{n}")
    start_date = FIRST_DAY
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=2))

    @classmethod
    def _create(cls, model_class, *args, names=None, descriptions=None, themes=None, **kwargs):
        conference = model_class(*args, **kwargs)
        translate(conference, name=names or {"en": "Test conference"}, description=descriptions or {})
        themes = in_languages("theme", themes or {"en": "Theme"})
        date = conference.start_date
        while date <= conference.end_date:
            Day.objects.create(conference=conference, date=date, **themes)
            date += datetime.timedelta(days=1)
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


class TrackFactory(DjangoModelFactory):
    class Meta:
        model = Track

    slug = factory.Sequence(lambda n: f"track-{n}")
    name_en = factory.Sequence(lambda n: f"Track {n}")
    name_pl = factory.Sequence(lambda n: f"Ścieżka {n}")


class SessionTypeFactory(DjangoModelFactory):
    class Meta:
        model = SessionType
        django_get_or_create = ["slug"]

    slug = "talk"
    name_en = "Talk"
    name_pl = "Wystąpienie"


class SpeakerFactory(TranslatableFactory):
    """Pass translations={"en": {"role": ..., "bio": ...}, ...}; by default a speaker has a Polish role only."""

    class Meta:
        model = Speaker

    slug = factory.Sequence(lambda n: f"speaker-{n}")
    name = factory.Sequence(lambda n: f"Osoba {n}")

    @classmethod
    def default_translations(cls):
        return {"pl": {"role": "Prelegentka"}}


class SessionFactory(DjangoModelFactory):
    """A one-hour session on the conference's first day, the nth one n hours after 09:00 (mod 12).

    title is its Polish title; titles={language: title} and abstracts={language: text} give others (titles
    replaces title); interpretation=["en", "uk"] the languages it is interpreted into; speakers=[…] its speakers.
    """

    class Meta:
        model = Session

    conference = factory.SubFactory(ConferenceFactory)
    room = factory.SubFactory(RoomFactory)
    session_type = factory.SubFactory(SessionTypeFactory)
    start = factory.LazyAttributeSequence(
        lambda o, n: (
            datetime.datetime.combine(o.conference.start_date, datetime.time(9), tzinfo=WARSAW)
            + datetime.timedelta(hours=n % 12)
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    spoken_language = "pl"

    @classmethod
    def _create(
        cls, model_class, *args, title="Sesja", titles=None, abstracts=None, interpretation=(), speakers=(), **kwargs
    ):
        session = model_class(*args, **kwargs)
        session.interpretation_languages = list(interpretation)
        translate(session, title=titles or {"pl": title}, abstract=abstracts or {})
        if speakers:
            session.speakers.set(speakers)
        return session


class RegistrationFactory(DjangoModelFactory):
    """A stored registration, as register_attendee leaves it, without its e-mail; days=[…] the days it comes."""

    class Meta:
        model = Registration
        skip_postgeneration_save = True

    conference = factory.SubFactory(ConferenceFactory)
    reference = factory.Sequence(lambda n: f"OKT-{n:04d}")
    idempotency_key = factory.LazyFunction(uuid.uuid4)
    name = factory.Sequence(lambda n: f"Attendee {n}")
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
    language = "pl"

    @factory.post_generation
    def days(self, create, extracted, **kwargs):
        if create and extracted:
            self.days.set(extracted)


class BookingFactory(DjangoModelFactory):
    """A confirmed place in a session that needs registration, for a registration to the same conference."""

    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory, registration_required=True, capacity=10)
    registration = factory.SubFactory(RegistrationFactory, conference=factory.SelfAttribute("..session.conference"))
    status = Booking.Status.CONFIRMED


def schedule_of(size: int, *, rooms: int = 5) -> Conference:
    """A conference with `size` sessions ten minutes apart from 08:00 on its first day, spread over rooms."""
    conference = ConferenceFactory()
    places = [RoomFactory() for _ in range(rooms)]
    first = datetime.datetime.combine(FIRST_DAY, datetime.time(8), tzinfo=WARSAW)
    for n in range(size):
        SessionFactory(conference=conference, room=places[n % rooms], start=first + datetime.timedelta(minutes=10 * n))
    return conference


def long_schedule(size: int, *, past=False) -> Conference:
    """A three-day conference with `size` sessions, a third on each day, in ten rooms (bulk: no signals); `past`:
    an archived edition (bench/growth.py). Sessions with only an English title, for size and speed tests."""
    conference = ConferenceFactory(past=past)
    rooms = [RoomFactory() for _ in range(10)]
    talk = SessionTypeFactory()
    sessions = []
    for n in range(size):
        day, slot = divmod(n, -(-size // 3))
        first = conference.start_date
        start = datetime.datetime.combine(first + datetime.timedelta(days=day), datetime.time(8), tzinfo=WARSAW)
        start += datetime.timedelta(minutes=30 * (slot // 10))
        sessions.append(
            Session(
                conference=conference,
                room=rooms[slot % 10],
                session_type=talk,
                start=start,
                end=start + datetime.timedelta(minutes=25),
                code=f"GR{n:04d}",
                spoken_language="pl",
            )
        )
    Session.objects.bulk_create(sessions)
    SessionTranslation.objects.bulk_create(
        SessionTranslation(master=session, language_code="en", title=f"Session number {n} about city services")
        for n, session in enumerate(Session.objects.filter(conference=conference).order_by("code"))
    )
    return conference


def publish_changes(
    conference: Conference,
    *,
    moved: Session | None = None,
    by: datetime.timedelta = datetime.timedelta(hours=3),
    cancelled: Session | None = None,
    notes: dict[str, str] | None = None,
):
    """Publish the schedule as it is, then a second version with one session moved later and one cancelled."""
    publish_schedule_version(conference=conference, notes={"en": "First published schedule."})
    if moved is not None:
        moved.start += by
        moved.end += by
        moved.save()
    if cancelled is not None:
        Session.objects.filter(pk=cancelled.pk).update(state=Session.State.CANCELLED)
    return publish_schedule_version(conference=conference, notes=notes or {})


def register(session: Session | None = None, *, conference: Conference | None = None, **fields):
    """Olena, registered through the service as the form registers her: for `session`'s place if given; `fields`
    override the form's other values (days, volunteer, idempotency_key)."""
    from conference.services import SessionRequest, register_attendee

    values = {"idempotency_key": uuid.uuid4(), "name": "Olena", "email": "olena@example.org", "language": "uk"}
    sessions = [SessionRequest(session=session)] if session is not None else []
    return register_attendee(conference=conference or session.conference, sessions=sessions, **values | fields)
