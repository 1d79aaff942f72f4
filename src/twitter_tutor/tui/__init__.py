"""The learner's terminal interface (Textual). The only layer that imports Textual."""
