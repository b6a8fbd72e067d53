"""Schedule exports for calendar and conference apps: iCalendar (RFC 5545), frab schedule.xml, c3voc JSON."""

import datetime
import functools
import re
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from django.urls import get_script_prefix
from django.utils import translation
from django.utils.text import slugify
from icalendar import Calendar, Event

from conference.models import Conference, Session
from core.cache import Rendered, Rows, stored_values
from openkrakow.languages import SOURCE_LANGUAGE

PRODID = "-//Open Kraków//Conference schedule//EN"


def schedule_version(conference: Conference) -> str:
    """The schedule's version as the apps show it: v and the number of its latest published version, v0 before."""
    latest = conference.versions.newest()
    return f"v{latest.number}" if latest else "v0"


def _duration(session: Session) -> str:
    minutes = int((session.end - session.start).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _zone(conference: Conference) -> ZoneInfo:
    return ZoneInfo(conference.timezone)


def _local(value: datetime.datetime, conference: Conference) -> datetime.datetime:
    return value.astimezone(_zone(conference))


def _slug(conference: Conference, session: Session) -> str:
    """The same in every language's export (the voc tools name recordings by it): the title it was first written
    in, else the English or Polish one, whichever gives ASCII letters (Cyrillic gives none); else no title part."""
    titles = {t.language_code: t.title for t in session.translations.all()}  # prefetched by for_schedule()
    for language in dict.fromkeys([session.source_language, "en", SOURCE_LANGUAGE, *sorted(titles)]):
        # NFKD leaves the Polish ł without an ASCII letter, so "zmieniło" would lose it: written as l first.
        title = slugify((titles.get(language) or "").replace("ł", "l").replace("Ł", "L"))[:40].strip("-")
        if title:
            return f"{conference.acronym.replace('-', '_')}-{session.pk}-{title}".lower()
    return f"{conference.acronym.replace('-', '_')}-{session.pk}".lower()


def _scheduled(sessions) -> list[Session]:
    """The sessions that take place. frab's schedule.xml and c3voc's schedule.json have no status field, so a
    cancelled session is left out, as pretalx leaves it out: EventFahrplan flags a session that disappears from the
    schedule as cancelled (it keys them by id), while a changed title ("Cancelled: …") would only read as a renamed
    session that still takes place, and Giggity and the voc tools would schedule or record it. The iCalendar export
    keeps it, with STATUS:CANCELLED, which calendars understand."""
    return [session for session in sessions if not session.is_cancelled]


def calendar(sessions, *, conference: Conference, name: str, absolute_url, name_language: str | None = None) -> bytes:
    """One VEVENT per session, in the conference's time zone with its VTIMEZONE, stable UIDs and STATUS.
    name_language: the language of the calendar's name, when it is not the calendar's own (a fallback title).

    The same bytes as building every event into one icalendar Calendar, but each VEVENT is serialised once per
    process for the same inputs (_event) and the VTIMEZONE once per zone, since they are most of the work.
    `sessions` may be a core.cache.Rows: sessions read bare, read whole only when an event must be serialised."""
    rows = sessions if isinstance(sessions, Rows) else Rows.read_whole(sessions)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name, parameters={"LANGUAGE": name_language} if name_language else {})
    cal.add("x-wr-timezone", conference.timezone)
    site = absolute_url("/")
    events = [
        _event(session, conference=conference, absolute_url=absolute_url, site=site, rows=rows) for session in rows
    ]
    events = [event for event in events if event is not None]  # None: gone while it was read
    head = cal.to_ical()  # its properties, then END:VCALENDAR
    assert head.endswith(_CALENDAR_END)
    timezones = _vtimezones(conference.timezone) if events else b""
    return head[: -len(_CALENDAR_END)] + timezones + b"".join(events) + _CALENDAR_END


_CALENDAR_END = b"END:VCALENDAR\r\n"

# VEVENTs already serialised by this process, each under everything it shows (see _event).
_EVENTS = Rendered(4000)
# The models a VEVENT shows besides its session's own row (its translations count as the session): the version it
# is kept under when the sessions are read bare (core.cache.rows_for_parts).
EVENT_SHOWS = ["conference.Room", "conference.Session", "conference.Venue"]


def _event(session: Session, *, conference: Conference, absolute_url, site: str, rows: Rows) -> bytes | None:
    """A session's VEVENT, kept under the language, the conference's time zone, the site's address and address
    prefix (its page's address is made of them and its code), and the session's stored values with either the
    version of what else it shows (`rows`, the sessions read bare) or every stored value of its translations (texts,
    and which language is shown), its room and its venue."""

    def shown_values():
        return (
            stored_values(session),
            tuple(stored_values(t) for t in session.translations.all()),
            stored_values(session.room),
            stored_values(session.room.venue),
        )

    return _kept_part(
        _EVENTS,
        session,
        rows=rows,
        key=(conference.timezone, site),
        shown_values=shown_values,
        build=lambda shown: _event_ical(shown, conference=conference, url=absolute_url(shown.get_absolute_url())),
    )


def _kept_part(kept: Rendered, session: Session, *, rows: Rows, key: tuple, shown_values, build):
    """A session's part of an export, built by build(session read whole) once per process, under the language, the
    address prefix, `key` and the session's stored values with either the version of what else the part shows
    (`rows`, the sessions read bare) or shown_values(), every stored value it shows; None for a session gone while
    it was read."""

    def render():
        whole = rows.shown(session)
        return build(whole) if whole is not None else None

    key = (translation.get_language(), get_script_prefix(), *key, rows.key(session, shown_values))
    return kept.get_or_render(key, render)


def _event_ical(session: Session, *, conference: Conference, url: str) -> bytes:
    event = Event()
    event.add("uid", f"{session.guid}@openkrakow")
    # Texts shown in a fallback language say which (RFC 5545 LANGUAGE), as a page marks them with lang.
    marked = {"LANGUAGE": session.shown_language()} if session.is_fallback() else {}
    event.add("summary", session.shown_text("title"), parameters=marked)
    event.add("dtstart", _local(session.start, conference))
    event.add("dtend", _local(session.end, conference))
    event.add("dtstamp", session.changed_at)
    event.add("last-modified", session.changed_at)
    venue = session.room.venue
    event.add("location", f"{venue.name}, {session.room.name}, {venue.address}")
    event.add("geo", (float(venue.latitude), float(venue.longitude)))
    event.add("url", url)
    event.add("description", session.shown_text("abstract"), parameters=marked)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    return event.to_ical()


@functools.cache
def _vtimezones(zone: str) -> bytes:
    """The VTIMEZONE components that add_missing_timezones() gives a calendar whose events are in the zone."""
    probe = Calendar()
    event = Event()
    event.add("dtstart", datetime.datetime(2000, 1, 1, tzinfo=ZoneInfo(zone)))
    event.add("dtstamp", datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    probe.add_component(event)
    probe.add_missing_timezones()
    return b"".join(timezone.to_ical() for timezone in probe.timezones)


def _days(conference: Conference, sessions):
    by_day: dict[datetime.date, dict] = {}
    for day in conference.days.all():
        by_day[day.date] = {}
    names: dict[int, str] = {}  # each room's, written once
    for session in sessions:
        local = _local(session.start, conference)
        rooms = by_day.setdefault(local.date(), {})
        name = names.get(session.room_id) or names.setdefault(session.room_id, str(session.room))
        rooms.setdefault(name, []).append(session)
    return sorted(by_day.items())


def _day_bounds(conference: Conference, date: datetime.date):
    zone = _zone(conference)
    start = datetime.datetime.combine(date, datetime.time(6, 0), tzinfo=zone)
    return start, start + datetime.timedelta(hours=22)


def frab_xml(sessions, *, conference: Conference, version: str, absolute_url) -> bytes:
    """schedule.xml in the frab format, which Giggity, ConfClerk and EventFahrplan read. Identifiers (ids, GUIDs,
    codes, slugs) are the same in every language; room names, titles and texts are in the export's language, as
    pretalx's are: apps and the voc tools tell rooms apart by their GUID. `sessions` may be a core.cache.Rows
    (read bare, with their rooms and venues at hand), as for calendar()."""
    rows = sessions if isinstance(sessions, Rows) else Rows.read_whole(sessions)
    sessions = _scheduled(rows)
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="openkrakow", version="1")
    ET.SubElement(root, "url").text = absolute_url("schedule.xml")
    ET.SubElement(root, "version").text = version
    conf = ET.SubElement(root, "conference")
    ET.SubElement(conf, "title").text = conference.name
    ET.SubElement(conf, "acronym").text = conference.acronym
    ET.SubElement(conf, "start").text = conference.start_date.isoformat()
    ET.SubElement(conf, "end").text = conference.end_date.isoformat()
    ET.SubElement(conf, "days").text = str((conference.end_date - conference.start_date).days + 1)
    ET.SubElement(conf, "timeslot_duration").text = "00:15"
    ET.SubElement(conf, "base_url").text = absolute_url("")
    ET.SubElement(conf, "time_zone_name").text = conference.timezone
    site, events = absolute_url("/"), []
    for index, (date, rooms) in enumerate(_days(conference, sessions), start=1):
        day_start, day_end = _day_bounds(conference, date)
        day = ET.SubElement(
            root, "day", date=date.isoformat(), start=day_start.isoformat(), end=day_end.isoformat(), index=str(index)
        )
        for room_name, room_sessions in rooms.items():
            room = ET.SubElement(day, "room", name=room_name, guid=str(room_sessions[0].room.guid))
            for session in room_sessions:
                event = _frab_event(
                    session, room_name, conference=conference, absolute_url=absolute_url, site=site, rows=rows
                )
                if event is not None:  # None: gone while it was read
                    ET.SubElement(room, _EVENT_SLOT, n=str(len(events)))
                    events.append(event)
    # Each event's own bytes where its slot is: the same document as serialising the events in it.
    document = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return _NOT_XML.sub(b"", _EVENT_SLOTS.sub(lambda slot: events[int(slot[1])], document))


# An element no frab document has, replaced by an event's bytes; any text in the document is escaped, so nothing
# else can read like it.
_EVENT_SLOT = "openkrakow-event-slot"
_EVENT_SLOTS = re.compile(rb'<openkrakow-event-slot n="(\d+)" />')
# The control characters XML 1.0 has no place for (ElementTree writes them as they are, and a title typed in the
# admin may hold one): each is one byte in UTF-8, never part of another character's bytes.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# frab <event> elements already serialised by this process (see _frab_event).
_FRAB_EVENTS = Rendered(4000)
# The models a frab <event> shows besides its session's own row (its translations and speakers count as the
# session): the version it is kept under when the sessions are read bare (core.cache.rows_for_parts).
FRAB_EVENT_SHOWS = ["conference.Session", "conference.SessionType", "conference.Speaker", "conference.Track"]


def _frab_event(
    session: Session, room_name: str, *, conference: Conference, absolute_url, site: str, rows: Rows
) -> bytes | None:
    """A session's frab <event>, serialised, kept under the language, the conference's time zone and acronym, its
    room's name, the site's address and address prefix (its page's address is made of them and its code), and the
    session's stored values with either the version of what else it shows (`rows`) or every stored value of its
    translations, type, track and speakers."""

    def shown_values():
        return (
            stored_values(session),
            tuple(stored_values(t) for t in session.translations.all()),
            stored_values(session.session_type),
            stored_values(session.track) if session.track_id else None,
            tuple(stored_values(speaker) for speaker in session.speakers.all()),
        )

    def build(shown):
        element = _frab_event_element(shown, room_name, conference, absolute_url(shown.get_absolute_url()))
        return ET.tostring(element, encoding="utf-8", xml_declaration=False)

    return _kept_part(
        _FRAB_EVENTS,
        session,
        rows=rows,
        key=(conference.timezone, conference.acronym, room_name, site),
        shown_values=shown_values,
        build=build,
    )


def _frab_event_element(session: Session, room_name: str, conference: Conference, url: str) -> ET.Element:
    local = _local(session.start, conference)
    event = ET.Element("event", id=str(session.pk), guid=str(session.guid), code=session.code)
    ET.SubElement(event, "room").text = room_name
    ET.SubElement(event, "title").text = session.shown_text("title")
    ET.SubElement(event, "type").text = session.session_type.name
    ET.SubElement(event, "date").text = local.isoformat()
    ET.SubElement(event, "start").text = local.strftime("%H:%M")
    ET.SubElement(event, "duration").text = _duration(session)
    ET.SubElement(event, "abstract").text = session.shown_text("abstract")
    ET.SubElement(event, "slug").text = _slug(conference, session)
    ET.SubElement(event, "track").text = session.track.name if session.track else ""
    persons = ET.SubElement(event, "persons")
    for speaker in session.speakers.all():
        ET.SubElement(persons, "person", id=str(speaker.pk), guid=str(speaker.guid)).text = speaker.name
    ET.SubElement(event, "language").text = session.spoken_language
    ET.SubElement(event, "url").text = url
    return event


def c3voc_json(sessions, *, conference: Conference, version: str, absolute_url) -> dict:
    """schedule.json in the c3voc format, with the same identifiers in every language, as frab_xml()."""
    sessions = _scheduled(sessions)
    days = []
    rooms: dict[str, dict] = {}
    for index, (date, day_rooms) in enumerate(_days(conference, sessions), start=1):
        day_start, day_end = _day_bounds(conference, date)
        events_by_room = {}
        for room_name, room_sessions in day_rooms.items():
            rooms.setdefault(room_name, {"name": room_name, "guid": str(room_sessions[0].room.guid)})
            events_by_room[room_name] = [
                {
                    "guid": str(s.guid),
                    "code": s.code,
                    "id": s.pk,
                    "logo": None,
                    "date": _local(s.start, conference).isoformat(),
                    "start": _local(s.start, conference).strftime("%H:%M"),
                    "duration": _duration(s),
                    "room": room_name,
                    "slug": _slug(conference, s),
                    "url": absolute_url(s.get_absolute_url()),
                    "title": s.shown_text("title"),
                    "subtitle": None,
                    "track": s.track.name if s.track else None,
                    "type": s.session_type.name,
                    "language": s.spoken_language,
                    "abstract": s.shown_text("abstract"),
                    "description": None,
                    "persons": [{"guid": str(p.guid), "name": p.name} for p in s.speakers.all()],
                    "links": [],
                }
                for s in room_sessions
            ]
        days.append(
            {
                "index": index,
                "date": date.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": day_end.isoformat(),
                "rooms": events_by_room,
            }
        )
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "openkrakow", "version": "1"},
        "schedule": {
            "version": version,
            "base_url": absolute_url(""),
            "conference": {
                "acronym": conference.acronym,
                "title": conference.name,
                "start": conference.start_date.isoformat(),
                "end": conference.end_date.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:15",
                "time_zone_name": conference.timezone,
                "url": absolute_url(""),
                "rooms": list(rooms.values()),
                "days": days,
            },
        },
    }
