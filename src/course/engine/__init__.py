"""The grading engine: student code in a confined child, verdicts in the trusted parent."""

from course.engine.runner import Options, SubmissionResult, grade_notebook
from course.engine.suite import Suite, load_suite

__all__ = ["Options", "SubmissionResult", "Suite", "grade_notebook", "load_suite"]
