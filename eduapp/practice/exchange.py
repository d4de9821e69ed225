"""Attempt files: how students hand their history to a teacher, and classmates share.

Format ``eduapp-attempts`` version 1, one UTF-8 JSON document::

    {
      "format": "eduapp-attempts",
      "version": 1,
      "exported_at": 1767225600.0,              # epoch seconds
      "profiles": [{"uid": "9f0c…", "name": "Li Wei", "course": "MBBS 2026"}],
      "attempts": [{
          "uid": "0a1b…",                 # unique per attempt: merging skips known uids
          "profile_uid": "9f0c…",         # one of "profiles"
          "item_uid": "5e6f…", "item_version": 3,    # the bank's stable item uid
          "session_uid": "…", "exam_id": null,       # exam_id: shared label of an exam sitting
          "mode": "tutor" | "timed", "item_type": "sba",
          "answered_at": 1767225000.0, "seconds": 42.5,
          "response": [2] | "free text" | null,      # zero-based option indices, or text
          "choice": 2,                    # the single chosen option, -1 for none
          "n_options": 5, "correct": 1, "score": 1.0,   # score 0..1; correct = score >= 0.8
          "student_score": null,          # the student's own mark when they disagreed
          "marked_by": "auto" | "llm" | "self",
          "flagged": 0,
          "topic": "…", "system": "…", "discipline": "…", "bloom": "apply",
          "difficulty": 0.6                # the item's expected facility when answered
      }],
      "encounters": [{                     # virtual-patient encounters (optional)
          "uid": "…", "profile_uid": "9f0c…", "case_id": "chest-pain-en", "score": 62.5,
          "finished_at": 1767225600.0, "transcript": [...], "result": {...}, ...
      }]
    }

Import merges without duplicates (by attempt ``uid``); students unknown on this machine
are added as imported classmates (they appear in class statistics and percentiles, not in
the profile picker).
"""

from __future__ import annotations

import json
import time

from ..errors import ImportFileError, Phrase, os_reason
from ..files import write_json
from .store import ATTEMPT_COLUMNS, PracticeStore

FORMAT = "eduapp-attempts"
VERSION = 1


def export_attempts(store: PracticeStore, path: str, profile_ids: list[int] | None = None,
                    now: float | None = None) -> int:
    """Write the attempts of ``profile_ids`` (default: every local profile) to ``path``.

    :returns: attempts written. :raises ExportError: the file cannot be written.
    """
    profiles = [p for p in store.profiles(origin=None)
                if (p["id"] in profile_ids if profile_ids else p["origin"] == "local")]
    attempts, encounters = [], []
    for p in profiles:
        attempts.extend(store.attempts(p["id"]))
        for e in store.encounters(p["id"]):
            e = {k: v for k, v in e.items() if k not in ("id", "profile_id", "student")}
            encounters.append({"profile_uid": p["uid"], **e})
    doc = {"format": FORMAT, "version": VERSION, "exported_at": now or time.time(),
           "profiles": [{"uid": p["uid"], "name": p["name"], "course": p["course"]}
                        for p in profiles],
           "attempts": attempts, "encounters": encounters}
    write_json(path, doc, indent=None)
    return len(attempts)


def read_attempts(path: str) -> tuple[list[dict], list[dict]]:
    """Read and check an attempt file. :returns: ``(profiles, attempts)``.

    :raises ImportFileError: unreadable, not JSON, another format or version, or an
        attempt without its required fields (naming the entry).
    """
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except OSError as e:
        raise ImportFileError(file=path, code="attempts.cannot-read",
                              values={"reason": os_reason(e)}) from None
    except ValueError as e:
        raise ImportFileError(file=path, line=getattr(e, "lineno", None),
                              code="attempts.not-json", values={"detail": str(e)}) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFileError(file=path, code="attempts.wrong-format", values={"format": FORMAT})
    if doc.get("version", 0) > VERSION:
        raise ImportFileError(file=path, code="attempts.newer")
    profiles = doc.get("profiles") or []
    attempts = doc.get("attempts") or []
    known = {p.get("uid") for p in profiles if isinstance(p, dict)}
    for n, a in enumerate(attempts, start=1):
        if not isinstance(a, dict):
            raise ImportFileError(file=path, item=n, code="attempts.not-object",
                                  values={"what": Phrase("word.attempt")})
        for key in ("uid", "profile_uid", "item_uid", "answered_at", "score"):
            if a.get(key) in (None, ""):
                raise ImportFileError(file=path, item=n, code="attempts.missing-field", values={
                    "what": Phrase("word.attempt"), "n": n, "field": key})
        try:
            a["score"] = float(a["score"])
            a["answered_at"] = float(a["answered_at"])
        except (TypeError, ValueError):
            raise ImportFileError(file=path, item=n, code="attempts.not-number",
                                  values={"n": n}) from None
        if not 0.0 <= a["score"] <= 1.0:
            raise ImportFileError(file=path, item=n, code="attempts.score-range",
                                  values={"n": n})
        if a["profile_uid"] not in known:
            raise ImportFileError(file=path, item=n, code="attempts.unknown-student",
                                  values={"n": n})
        a.setdefault("correct", int(float(a["score"]) >= 0.8))
        for key in ATTEMPT_COLUMNS:
            a.setdefault(key, None)
        for key, default in (("item_version", 1), ("mode", "tutor"), ("item_type", "sba"),
                             ("seconds", 0.0), ("choice", -1), ("n_options", 0),
                             ("marked_by", "auto"), ("flagged", 0), ("topic", ""),
                             ("system", ""), ("discipline", ""), ("bloom", "")):
            if a[key] is None:
                a[key] = default
    return profiles, attempts


def read_encounters(path: str) -> list[dict]:
    """The virtual-patient encounters of an attempt file (``[]`` when it has none); call
    after :func:`read_attempts` has checked the file.

    :raises ImportFileError: an encounter is not an object or lacks ``uid``,
        ``profile_uid``, ``case_id`` or ``score`` (naming the entry).
    """
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    encounters = doc.get("encounters") or []
    for n, e in enumerate(encounters, start=1):
        if not isinstance(e, dict):
            raise ImportFileError(file=path, item=n, code="attempts.not-object",
                                  values={"what": Phrase("word.encounter")})
        for key in ("uid", "profile_uid", "case_id", "score"):
            if e.get(key) in (None, ""):
                raise ImportFileError(file=path, item=n, code="attempts.missing-field", values={
                    "what": Phrase("word.encounter"), "n": n, "field": key})
    return encounters


def import_attempts(store: PracticeStore, paths: list[str]) -> dict:
    """Merge attempt files (with their virtual-patient encounters) into ``store``.

    :returns: ``{"added", "duplicates", "profiles", "encounters", "errors": [{file, line,
        item, message}]}`` (``encounters``: encounters added).
    """
    from ..errors import ValidationError
    total = {"added": 0, "duplicates": 0, "profiles": 0, "encounters": 0, "errors": []}
    for path in paths:
        try:
            profiles, attempts = read_attempts(path)
            encounters = read_encounters(path)
            result = store.merge(profiles, attempts)
            total["encounters"] += store.merge_encounters(encounters)["added"]
        except ImportFileError as e:
            total["errors"].append(e.to_dict())
            continue
        except ValidationError as e:
            total["errors"].append({"file": path, "line": None, "item": None,
                                    "message": str(e)})
            continue
        for k in ("added", "duplicates", "profiles"):
            total[k] += result[k]
    return total
