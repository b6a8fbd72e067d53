"""What the site search finds in the conference: sessions (title, abstract, track, type and speakers), speakers
(name, role, biography) and venues (name, address, description), in every language each is written in
(core.search.index)."""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from conference.models import Session, SessionType, Speaker, Track, Venue
from core.markdown import render_markdown
from core.search.index import Document, Source, plain_text, register, url_in


def _session_documents(session: Session):
    speakers = ", ".join(speaker.name for speaker in session.speakers.all())
    for text in session.translations.all():
        language = text.language_code
        with translation.override(language):
            kinds = [str(part) for part in (session.session_type, session.track) if part]
            when = formats.date_format(timezone.localtime(session.start), "DATETIME_FORMAT")
        yield Document(
            language=language,
            title=text.title,
            url=url_in(session, language),
            detail=" · ".join([*kinds, when]),
            body=plain_text(render_markdown(text.abstract)),
            keywords=speakers,
        )


def _speaker_documents(speaker: Speaker):
    texts = list(speaker.translations.all())
    # A speaker nobody has written about yet is still found by name, in the language of the site's sources.
    for language in [text.language_code for text in texts] or [speaker.source_language]:
        text = next((t for t in texts if t.language_code == language), None)
        yield Document(
            language=language,
            title=speaker.name,
            url=url_in(speaker, language),
            detail=text.role if text else "",
            body=plain_text(render_markdown(text.bio)) if text else "",
            keywords=speaker.affiliation,  # in its own language: found, not shown
        )


def _venue_documents(venue: Venue):
    # Reference data, set in every language at once: each language its name is written in, with its own texts.
    for language, _name in settings.LANGUAGES:
        name = getattr(venue, f"name_{language}", "")
        if name:
            yield Document(
                language=language,
                title=name,
                url=url_in(venue, language),
                detail=venue.address,
                detail_language=venue.address_language,
                body=" ".join(getattr(venue, f"{part}_{language}") or "" for part in ("description", "accessibility")),
            )


def _sessions_of(field: str):
    return lambda instance: Session.objects.filter(**{field: instance}).values_list("pk", flat=True)


def register_sources():
    register(
        Source(
            "session",
            _("Sessions"),
            Session,
            lambda: Session.objects.select_related("track", "session_type").prefetch_related(
                "translations", "speakers"
            ),
            _session_documents,
            depends_on={
                Track: _sessions_of("track"),
                SessionType: _sessions_of("session_type"),
                Speaker: _sessions_of("speakers"),
                Session.speakers.through: _sessions_of("speakers"),
            },
        )
    )
    register(
        Source(
            "speaker",
            _("Speakers"),
            Speaker,
            lambda: Speaker.objects.prefetch_related("translations"),
            _speaker_documents,
            titles_are_names=True,
        )
    )
    register(Source("venue", _("Venues"), Venue, lambda: Venue.objects.all(), _venue_documents, titles_are_names=True))
