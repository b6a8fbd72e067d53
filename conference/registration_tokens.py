"""The secret manage link of a registration: a signed token, so the reference alone reveals nothing."""

from django.core import signing

SALT = "conference.registration.manage"


def manage_token(registration) -> str:
    return signing.dumps({"id": registration.pk, "ref": registration.reference}, salt=SALT, compress=True)


def registration_for(token: str):
    """The registration a token names, or None if the token is forged or names nothing."""
    from conference.models import Registration

    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return Registration.objects.filter(pk=data.get("id"), reference=data.get("ref"), anonymised_at=None).first()
