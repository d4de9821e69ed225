"""IMS QTI 1.2, 2.1, 2.2 and 3.0 (``qti``): single items and content packages.

Rules follow the 1EdTech specifications "IMS Question & Test Interoperability (QTI)
Assessment, Section and Item Information Model" v2.1/v2.2 and "QTI 3.0 ASI" (element names
in QTI 3 are the 2.x names in kebab-case with a ``qti-`` prefix: ``qti-choice-interaction``),
and "IMS Content Packaging" for ``imsmanifest.xml``.

Import reads: one ``assessmentItem`` XML file; a package (zip, or a folder, or its
``imsmanifest.xml``) whose manifest lists ``imsqti_item_*`` resources (without a manifest,
every XML file whose root is an item). Interactions: ``choice`` (single -> ``sba``/``tf``,
multiple -> ``multi``; a ``mapping`` gives partial credit), ``textEntry`` (one gap ->
``short``, or ``numerical`` for float/integer responses; several gaps or ``inlineChoice``
-> ``cloze`` written in Moodle's cloze syntax), ``match`` -> ``matching``, ``order`` ->
``matching`` with positions (kept as order for re-export), ``extendedText`` -> ``essay``.
Correct answers come from ``correctResponse``, else from the ``mapping``, else from the
common hand-written processing ``match(variable, baseValue)``; templates (``match_correct``,
``map_response``) need nothing more. ``hottext`` and ``gapMatch`` are approximated
(multiple response, cloze) and say so; other interactions (hotspot ...) are reported and
the item is skipped. QTI 1.2 (``questestinterop``, Canvas/Blackboard/Respondus), alone
or in a package, is read by :mod:`.qti12_reader`.

Export (:func:`write`) writes a package zip: ``imsmanifest.xml``, one item file per item
under ``items/``, media under ``media/``; QTI 2.1 by default or 3.0 (``version="3.0"``).

One job per module: :mod:`.versions` (names per version), :mod:`.source` (zip or
folder); reading: :mod:`.elements`, :mod:`.responses`, :mod:`.interactions`,
:mod:`.item_reader` (one item), :mod:`.qti12_reader` (QTI 1.2), :mod:`.package_reader`
(manifests, :func:`parse`);
writing: :mod:`.xhtml`, :mod:`.response_processing`, :mod:`.item_writer` (one item),
:mod:`.package_writer` (:func:`write`). The 2.x/3.0 readers serve each of those versions: names are
compared through :func:`eduapp.interop.xmlparse.local`, which folds 2.x camelCase and 3.0
kebab-case to one spelling.
"""

from __future__ import annotations

import os
import zipfile

from ..base import short_without_answers_as_essay
from .item_writer import item_xml, qti_identifier
from .package_reader import parse
from .package_writer import write, write_qti3
from .versions import NAME, NS
from .xhtml import to_xhtml


EXTENSIONS = (".zip", ".xml")


def detect(head: bytes, path: str) -> bool:
    """True for a folder holding ``imsmanifest.xml``, a ``.zip`` holding one, or XML whose
    root is a QTI item, a QTI content-package manifest or a QTI 1.2 ``questestinterop``."""
    if os.path.isdir(path):
        return os.path.exists(os.path.join(path, "imsmanifest.xml"))
    if head.startswith(b"PK"):
        if path.lower().endswith(".apkg"):
            return False
        try:
            with zipfile.ZipFile(path) as zf:
                return any(n.endswith("imsmanifest.xml") or n.endswith(".xml")
                           for n in zf.namelist()[:5000])
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
    sample = head[:8192]
    return (b"assessmentItem" in sample or b"qti-assessment-item" in sample
            or b"questestinterop" in sample
            or (b"<manifest" in sample and b"imsqti" in head))


#: ``write_file``'s hook: a short item with only a model answer is written as an essay
#: (extendedTextInteraction, the model answer as its correctResponse)
adapt = short_without_answers_as_essay

__all__ = ["NAME", "EXTENSIONS", "NS", "detect", "parse", "item_xml", "qti_identifier",
           "to_xhtml", "write", "write_qti3"]
