"""The command line: parse arguments, build the services, run a command or the TUI."""
