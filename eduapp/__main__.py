"""``python -m eduapp``: the same entry point as the ``eduapp`` command (see :mod:`eduapp.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
