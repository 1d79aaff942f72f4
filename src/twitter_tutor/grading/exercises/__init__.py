"""One module per exercise type: how its answers are read, graded and previewed.

Each module ends in `GRADING`, its entry in grader.GRADING.
"""
