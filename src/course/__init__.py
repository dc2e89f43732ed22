"""Tooling for the autograded course: build, check and grade weekly assignments."""

__version__ = "0.1.0"
