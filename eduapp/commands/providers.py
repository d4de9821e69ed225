"""``eduapp providers list|test NAME``."""

from __future__ import annotations

from ..llm import PRESET_LABELS, describe_provider, has_api_key, test_connection

EXIT_OK = 0


def _profile_json(p) -> dict:
    try:
        key = True if p.is_embedded else has_api_key(p.api_key_ref)
    except Exception:  # a broken keychain must not hide the list
        key = False
    return {"name": p.name, "kind": p.kind, "label": PRESET_LABELS.get(p.kind, p.kind),
            "base_url": p.base_url, "model": p.model, "has_key": key,
            "structured_output": p.capabilities.structured_output,
            "needs_key": p.capabilities.needs_key}


def run_list(args, ctx) -> int:
    """List the provider profiles (never their keys)."""
    profiles = ctx.workspace.providers.list()
    rows = [_profile_json(p) for p in profiles]
    lines = [f"{r['name']:<16} {r['kind']:<9} {r['model'] or '-':<28} "
             f"{r['base_url'] or '(built in)'}"
             + ("" if r["has_key"] or not r["needs_key"] else "   (no API key stored)")
             for r in rows]
    ctx.emit({"providers": rows}, lines)
    return EXIT_OK


def run_test(args, ctx) -> int:
    """Send a tiny request to provider NAME and report the latency.

    An unknown name or an unusable provider raises an ``EduAppError`` (exit 3, a sentence).
    """
    profile = ctx.workspace.provider(args.name)
    latency, model = test_connection(profile)
    ctx.emit({"name": profile.name, "ok": True, "latency_seconds": round(latency, 3),
              "model": model},
             f"{profile.name}: OK, {describe_provider(profile)} answered in {latency:.2f} s "
             f"(model {model})")
    return EXIT_OK
