"""Moodle's gradebook CSV import.

Format (from MoodleDocs "Grade import", docs.moodle.org/en/Grade_import): a CSV whose first row
names the columns; on upload the teacher maps one identifying column to a user field ("Email
address" to useremail, or "ID number" to useridnumber) and each grade column to a grade item.
Emails are compared case-sensitively, so they are written exactly as the roster has them. The
course total is Moodle's own to compute, so only the weeks are written.
"""

from __future__ import annotations

import csv
import io

from course.term.roster import Student

HEADER = ["ID number", "Email address", "Full name"]


def moodle_csv(students: list[Student], weeks: list[str], scores: dict[str, list[float]]) -> str:
    """One row per student, one column per week (map it to the week's grade item)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*HEADER, *weeks])
    for s in students:
        writer.writerow([s.id, s.email, s.name, *(f"{round(v, 2):g}" for v in scores[s.id])])
    return buffer.getvalue()
