"""Where the files shipped beside the code are: ``assets/`` (fonts, translations, style)
and ``question_banks/`` (starter banks).

In a source checkout or an editable install they are at the repository root. A wheel
(``pip install .``) installs them as data files under ``<prefix>/share/eduapp/``.
"""

from __future__ import annotations

import os
import sys

_REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_CANDIDATES = (_REPO, os.path.join(sys.prefix, "share", "eduapp"))


def resource_dir(name: str) -> str:
    """The folder ``name`` (``assets`` or ``question_banks``): the first place it exists,
    else the repository path (so a missing folder gives a clear "not found" later)."""
    for root in _CANDIDATES:
        path = os.path.join(root, name)
        if os.path.isdir(path):
            return path
    return os.path.join(_REPO, name)


def asset(*parts: str) -> str:
    """Path of a file under ``assets/``, e.g. ``asset("fonts", "DejaVuSans.ttf")``."""
    return os.path.join(resource_dir("assets"), *parts)


ASSETS = resource_dir("assets")
QUESTION_BANKS = resource_dir("question_banks")
CJK_FONT = asset("fonts", "DroidSansFallbackFull.ttf")
