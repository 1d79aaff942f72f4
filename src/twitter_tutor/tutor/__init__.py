"""The tutor core: the learner's session, the course index, the lesson watcher and the texts.

Front-end neutral: the TUI, the CLI and any later front end build on it; nothing here imports
Textual (the layer test holds it to that).
"""
