"""Canvas's gradebook import CSV.

Format (from Canvas's guide "How do I import grades in the Gradebook?" and its export, as
described e.g. by Ohio State's "Import CSV File for Carmen Grades"): the header is `Student`,
`ID`, `SIS User ID`, `SIS Login ID`, `Section`, then one column per assignment; a student is
matched by one of Student, ID or SIS User ID; a column whose name matches no assignment creates
one. The export's second row, `Points Possible`, gives each assignment's maximum and is kept on
import. We fill `SIS User ID` with the roster's student id and `SIS Login ID` with its login (or
email); `ID` (Canvas's own number) is left empty as the roster does not have it.
"""

from __future__ import annotations

import csv
import io

from course.term.roster import Student

HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def canvas_csv(
    students: list[Student], columns: list[tuple[str, float]], scores: dict[str, list[float]]
) -> str:
    """One row per student: `columns` are (assignment name, points possible); `scores` maps a
    student id to one score per column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*HEADER, *(name for name, _ in columns)])
    writer.writerow(["Points Possible", "", "", "", "", *(_num(p) for _, p in columns)])
    for s in students:
        writer.writerow([s.name, "", s.id, s.login or s.email, s.section, *map(_num, scores[s.id])])
    return buffer.getvalue()


def _num(value: float) -> str:
    return f"{round(value, 2):g}"
