"""App configuration for the conference."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

REGISTRATIONS = "Registrations"


def _registration_models():
    from conference.models import Booking, Registration, Volunteer

    return [Registration, Booking, Volunteer]


def _speakers(request):
    from conference.models import Speaker

    return Speaker.objects.all()


class ConferenceConfig(AppConfig):
    name = "conference"
    verbose_name = _("Conference")

    def ready(self):
        from core.groups import grant
        from core.media import serve_uploads

        # Registrations hold personal data: only this group sees them; editors and translators do not.
        grant(REGISTRATIONS, _registration_models)
        from conference.search_index import register_sources

        serve_uploads(field="photo", visible=_speakers)
        _register_personal_data()
        register_sources()
        _register_places_left()


def _register_places_left():
    from conference.models import Session
    from core import cache as page_cache

    # Places left, filled into kept pages on each answer ({% hole "places" ... %}): a booking drops no page.
    page_cache.hole_source(
        "places", load=lambda: Session.objects.places_left(), shows=["conference.Booking", "conference.Session"]
    )


def _register_personal_data():
    from conference import services
    from core import personal_data

    # Registrations with their bookings, and the volunteer sign-ups made with them.
    personal_data.register(
        "conference",
        label=_("Conference"),
        models=_registration_models,
        export=services.export_for_email,
        erase=services.erase_for_email,
    )
