"""Content layer: lesson models, the Markdown+TOML loader and problems with file:line."""
