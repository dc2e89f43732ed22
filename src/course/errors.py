"""The one exception type for user mistakes: printed as a single line, never a traceback."""


class CourseError(Exception):
    """A problem the user can fix; its message says what is wrong and how to fix it."""
