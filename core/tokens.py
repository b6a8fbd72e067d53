"""Secret links that name one stored object: a signed token, so that the object's reference alone opens nothing."""

from django.core import signing


def object_token(obj, *, salt: str) -> str:
    # Not time-stamped: a status or manage link stays the same in every e-mail and on every page.
    return signing.Signer(salt=salt).sign_object({"id": obj.pk, "ref": obj.reference}, compress=True)


def object_for_token(token: str, queryset, *, salt: str):
    """The object a token names within queryset, or None if the token is forged or names nothing."""
    try:
        data = signing.Signer(salt=salt).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return queryset.filter(pk=data.get("id"), reference=data.get("ref")).first()
