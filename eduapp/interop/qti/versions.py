"""What differs between the QTI versions EduApp writes and reads: namespaces, element and
attribute spellings, schema locations.

QTI 3.0 names are the QTI 2.x names in kebab-case with a ``qti-`` prefix
(``choiceInteraction`` -> ``qti-choice-interaction``; attributes ``baseType`` ->
``base-type``), so one table of 2.1 names gives both (1EdTech "QTI 3.0 ASI", section
"Changes from QTI 2.x"). Readers compare names through :func:`eduapp.interop.xmlparse.local`,
which folds both spellings to one.
"""

from __future__ import annotations

import re


NAME = "qti"

NS = {"2.1": "http://www.imsglobal.org/xsd/imsqti_v2p1",
      "2.2": "http://www.imsglobal.org/xsd/imsqti_v2p2",
      "3.0": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"}
#: Where each version's item schema lives (``xsi:schemaLocation`` of an item).
ITEM_SCHEMA = {
    "2.1": "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd",
    "3.0": "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"}

#: Element names by role, in the 2.1 spelling and derived for 3.0.
TEMPLATE = {"2.1": {
    "item": "assessmentItem", "rd": "responseDeclaration", "od": "outcomeDeclaration",
    "cr": "correctResponse", "value": "value", "mapping": "mapping", "me": "mapEntry",
    "dv": "defaultValue", "body": "itemBody", "choice_i": "choiceInteraction",
    "prompt": "prompt", "sc": "simpleChoice", "fi": "feedbackInline",
    "te": "textEntryInteraction", "et": "extendedTextInteraction",
    "mi": "matchInteraction", "sms": "simpleMatchSet", "sac": "simpleAssociableChoice",
    "oi": "orderInteraction", "rp": "responseProcessing", "rc": "responseCondition",
    "ri": "responseIf", "re": "responseElse", "rei": "responseElseIf", "match": "match",
    "var": "variable",
    "correct": "correct", "sov": "setOutcomeValue", "bv": "baseValue", "isnull": "isNull",
    "mr": "mapResponse", "equal": "equal", "mf": "modalFeedback", "rb": "rubricBlock",
    "ici": "inlineChoiceInteraction", "ic": "inlineChoice"}}
TEMPLATE["3.0"] = {k: "qti-" + re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), v)
                    for k, v in TEMPLATE["2.1"].items()}


def attribute_name(version: str, name: str) -> str:
    """Attribute name in the version's spelling (camelCase in 2.x, kebab-case in 3.0)."""
    if version == "3.0":
        return re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)
    return name


#: Content-package manifest by version: namespace, schema location, item resource type,
#: schema name.
MANIFEST = {
    "2.1": ("http://www.imsglobal.org/xsd/imscp_v1p1",
            "http://www.imsglobal.org/xsd/imscp_v1p1 "
            "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd",
            "imsqti_item_xmlv2p1", "QTIv2.1 Package"),
    "3.0": ("http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1",
            "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1 "
            "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd",
            "imsqti_item_xmlv3p0", "QTI Package"),
}
