"""Small shared type aliases used by every layer."""

from typing import Literal

Lang = Literal["de", "en"]
Kind = Literal["promotional", "personal", "conversational", "informative"]
