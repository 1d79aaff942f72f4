"""How `serve` hands the workshop to the tutor it starts for each browser tab.

The class code travels in the environment, which only the same user can read, never on a
command line (`ps` shows those to everyone on the machine). The trainer's code travels the same
way, in the tutor's own TWITTER_TUTOR_TRAINER_CODE.
"""

from __future__ import annotations

from collections.abc import Mapping

from twitter_tutor.tutor.join import Workshop

JOIN_CODE_ENV = "TWITTER_TUTOR_JOIN_CODE"


def workshop_from_env(env: Mapping[str, str]) -> Workshop:
    """The workshop `serve` described; an empty or missing code means none is asked."""
    return Workshop(join_code=env.get(JOIN_CODE_ENV, "").strip() or None)
