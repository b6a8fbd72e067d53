"""Secret links that name one stored object: a signed token, so that the object's reference alone opens nothing."""

from django.core import signing


def object_token(obj, *, salt: str) -> str:
    return signing.dumps({"id": obj.pk, "ref": obj.reference}, salt=salt, compress=True)


def object_for_token(token: str, queryset, *, salt: str):
    """The object a token names within queryset, or None if the token is forged or names nothing."""
    try:
        data = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return queryset.filter(pk=data.get("id"), reference=data.get("ref")).first()
