"""The term's schedule as of a date: what is released, what is due, what comes next."""

from __future__ import annotations

from datetime import date

from course.config import Course, Week


def released(course: Course, today: date) -> list[Week]:
    """Weeks whose release date has come (released or past due), in course order."""
    return [w for w in course.weeks if w.status(today) != "upcoming"]


def render(course: Course, today: date) -> str:
    """A table: week, release, due, status on `today`."""
    width = max(len(w.id) for w in course.weeks)
    lines = [
        f"{course.title}: schedule as of {today.isoformat()}",
        f"{'week':<{width}}  {'release':<10}  {'due':<10}  status",
    ]
    for w in course.weeks:
        status = w.status(today)
        if status == "released" and w.due is not None:
            days = (w.due - today).days
            status = (
                "released, due today"
                if days == 0
                else (f"released, due in {days} day{'s' if days != 1 else ''}")
            )
        elif status == "due":
            status = "released, past due"
        lines.append(f"{w.id:<{width}}  {_day(w.release):<10}  {_day(w.due):<10}  {status}")
    upcoming = [w for w in course.weeks if w.status(today) == "upcoming" and w.release]
    if upcoming:
        lines.append(f"next release: {upcoming[0].id} on {_day(upcoming[0].release)}")
    return "\n".join(lines)


def _day(day: date | None) -> str:
    return day.isoformat() if day else "-"
