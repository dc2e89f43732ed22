"""Running a real term: roster, collecting submissions, late policy, overrides, gradebook."""
