"""The secret manage link of a registration."""

from pages.tokens import object_for_token, object_token

SALT = "conference.registration.manage"


def manage_token(registration) -> str:
    return object_token(registration, salt=SALT)


def registration_for(token: str):
    from conference.models import Registration

    return object_for_token(token, Registration.objects.filter(anonymised_at=None), salt=SALT)
