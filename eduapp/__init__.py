"""EduApp: LLM-assisted medical teaching on the desktop.

Layers (imports point down only), as ``DESIGN.md`` draws them: ``eduapp.ui`` (PySide6)
over ``eduapp.cli`` over one package per capability (``bank``, ``interop``, ``llm``,
``authoring``, ``exams``, ``pdf``, ``practice``, ``vpatient``) over ``eduapp.domain``
(plain dataclasses) and ``eduapp.errors``.
"""

__version__ = "0.1.0"
