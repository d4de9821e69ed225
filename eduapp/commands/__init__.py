"""Handlers of the ``eduapp`` subcommands, one module per command group.

Each handler is ``run_<command>(args, ctx) -> int`` (an exit code); it calls the feature
packages and prints through ``ctx.emit``. No logic lives here that the GUI would need too.
"""
