"""`python -m twitter_tutor` runs the same entry point as the console script."""

from twitter_tutor.cli.main import entry

entry()
