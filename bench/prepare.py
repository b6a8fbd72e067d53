"""Benchmark data: illustrative sessions added to the demo until the schedule holds 60 (run in manage.py shell)."""

import datetime

from conference.models import Conference, Room, Session, SessionType

TARGET = 60
# The edition the schedule's own address shows (not an archived one).
conference = Conference.objects.upcoming_or_latest()
rooms = list(Room.objects.all())
talk = SessionType.objects.get(slug="talk")
day = datetime.datetime.combine(conference.start_date, datetime.time(8), tzinfo=datetime.UTC)
number = conference.sessions.count()
slot = 0
while number < TARGET:
    room = rooms[slot % len(rooms)]
    start = day + datetime.timedelta(days=slot % 3, minutes=30 * (slot // 3))
    slot += 1
    if Session.objects.filter(room=room, start__lt=start + datetime.timedelta(minutes=25), end__gt=start).exists():
        continue
    session = Session(
        conference=conference,
        room=room,
        session_type=talk,
        start=start,
        end=start + datetime.timedelta(minutes=25),
        code=f"BN{number:04d}",
    )
    for language in ("pl", "en", "uk", "ru"):
        session.set_current_language(language)
        session.title = f"Benchmark session {number} ({language})"
        session.abstract = "An illustrative session added for the benchmark."
    session.save()
    number += 1
print(f"{conference.sessions.count()} sessions in {conference.slug}")
