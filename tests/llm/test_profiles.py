"""Provider presets, the provider store (providers.json) and API keys in the keychain."""

from __future__ import annotations

import json

import pytest

from eduapp.errors import LLMUnavailableError, NotFoundError, ValidationError
from eduapp.llm import (EMBEDDED, PRESETS, KeychainUnavailableError, ProviderProfile,
                        ProviderStore, get_api_key, has_api_key, key_env_var, preset_profile,
                        set_api_key)

SECRET = "sk-live-SECRET-abc123"


@pytest.mark.parametrize("kind,url_part,mode", [
    ("embedded", "", "json_object_schema"),
    ("openai", "api.openai.com/v1", "json_schema"),
    ("ollama", "localhost:11434/v1", "json_schema"),
    ("lmstudio", "localhost:1234/v1", "json_schema"),
    ("vllm", "localhost:8000/v1", "json_schema"),
    ("deepseek", "api.deepseek.com", "json_object"),
    ("qwen", "dashscope.aliyuncs.com/compatible-mode/v1", "json_object"),
    ("custom", "/v1", "json_object"),
])
def test_presets(kind, url_part, mode):
    p = preset_profile(kind, f"my-{kind}")
    assert p.kind == kind and p.name == f"my-{kind}" and p.api_key_ref == f"my-{kind}"
    assert url_part in p.base_url
    assert p.capabilities.structured_output == mode
    assert p.is_embedded == (kind == EMBEDDED)


def test_preset_overrides_and_rules():
    p = preset_profile("vllm", "dept", base_url="http://gpu01:8000/v1", model="qwen2.5-72b")
    assert (p.base_url, p.model) == ("http://gpu01:8000/v1", "qwen2.5-72b")
    with pytest.raises(ValidationError, match="unknown provider kind"):
        preset_profile("bard")
    with pytest.raises(ValidationError, match="needs a base URL"):
        preset_profile("custom", "x", base_url="")
    with pytest.raises(ValidationError, match="needs a name"):
        preset_profile("openai", " ")


def test_store_starts_with_the_embedded_default(tmp_path):
    store = ProviderStore(str(tmp_path))
    assert store.names() == [EMBEDDED]
    assert store.get(EMBEDDED) == PRESETS[EMBEDDED]
    assert not (tmp_path / "providers.json").exists()  # nothing written until a change


def test_store_round_trips_and_keeps_order(tmp_path):
    store = ProviderStore(str(tmp_path))
    store.save(preset_profile("openai", "OpenAI work", model="gpt-4o"))
    store.save(preset_profile("qwen", "通义千问"))
    again = ProviderStore(str(tmp_path))
    assert again.names() == [EMBEDDED, "OpenAI work", "通义千问"]
    assert again.get("OpenAI work") == store.get("OpenAI work")
    assert again.get("OpenAI work").model == "gpt-4o"
    data = json.loads((tmp_path / "providers.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["profiles"]) == 3


def test_store_get_unknown(tmp_path):
    with pytest.raises(NotFoundError, match="no provider called 'x'; configured: embedded"):
        ProviderStore(str(tmp_path)).get("x")


def test_store_rename_keeps_the_key(tmp_path, memory_keyring):
    store = ProviderStore(str(tmp_path))
    store.save(preset_profile("deepseek", "ds"))
    store.set_api_key("ds", SECRET)
    store.rename("ds", "DeepSeek")
    assert store.names() == [EMBEDDED, "DeepSeek"]
    assert store.has_api_key("DeepSeek")
    with pytest.raises(ValidationError, match="already a provider"):
        store.rename("DeepSeek", EMBEDDED)


def test_store_delete_forgets_the_key_and_embedded_comes_back(tmp_path, memory_keyring):
    store = ProviderStore(str(tmp_path))
    store.save(preset_profile("openai"))
    store.set_api_key("openai", SECRET)
    store.delete("openai")
    assert memory_keyring.store == {}
    store.save(store.get(EMBEDDED).with_changes(model_path="/models/other.gguf"))
    store.delete(EMBEDDED)
    assert store.get(EMBEDDED) == PRESETS[EMBEDDED]


def test_a_broken_file_is_kept_aside(tmp_path):
    (tmp_path / "providers.json").write_text("{not json", encoding="utf-8")
    store = ProviderStore(str(tmp_path))
    assert store.names() == [EMBEDDED]
    assert (tmp_path / "providers.json.bad").exists()


def test_a_broken_profile_is_skipped(tmp_path):
    good = preset_profile("ollama").to_dict()
    (tmp_path / "providers.json").write_text(json.dumps(
        {"version": 1, "profiles": [good, {"name": "no-url", "kind": "custom"},
                                    {**good, "name": "new", "future_field": 1}]}))
    assert ProviderStore(str(tmp_path)).names() == [EMBEDDED, "ollama", "new"]


def test_keys_live_in_the_keychain_never_in_files_or_repr(tmp_path, memory_keyring, caplog):
    store = ProviderStore(str(tmp_path))
    store.save(preset_profile("openai", "gpt"))
    store.set_api_key("gpt", SECRET)
    assert memory_keyring.store == {("EduApp", "gpt"): SECRET}
    assert get_api_key("gpt") == SECRET and store.has_api_key("gpt")
    on_disk = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    profile = store.get("gpt")
    shown = on_disk + repr(profile) + repr(store) + json.dumps(profile.to_dict()) + caplog.text
    assert SECRET not in shown
    store.set_api_key("gpt", "")
    assert not store.has_api_key("gpt")


def test_environment_overrides_the_keychain(monkeypatch, memory_keyring):
    set_api_key("my vllm", "from-keychain")
    assert key_env_var("my vllm") == "EDUAPP_API_KEY_MY_VLLM"
    monkeypatch.setenv("EDUAPP_API_KEY_MY_VLLM", "from-env")
    assert get_api_key("my vllm") == "from-env"


def test_no_keychain_gives_a_clear_sentence(no_keyring, monkeypatch):
    monkeypatch.delenv("EDUAPP_API_KEY_OPENAI", raising=False)
    with pytest.raises(KeychainUnavailableError,
                       match="no usable keychain.*EDUAPP_API_KEY_OPENAI") as ei:
        set_api_key("openai", SECRET)
    assert SECRET not in str(ei.value)
    assert isinstance(ei.value, LLMUnavailableError)
    with pytest.raises(KeychainUnavailableError):
        get_api_key("openai")
    assert has_api_key("openai") is False
    monkeypatch.setenv("EDUAPP_API_KEY_OPENAI", SECRET)
    assert get_api_key("openai") == SECRET  # headless/CI path still works


def test_profile_from_dict_rejects_garbage():
    with pytest.raises(ValidationError):
        ProviderProfile.from_dict({"kind": "custom"})
    with pytest.raises(ValidationError, match="structured-output mode"):
        ProviderProfile.from_dict({**preset_profile("vllm").to_dict(),
                                   "capabilities": {"structured_output": "yaml"}})


@pytest.mark.parametrize("kind,wanted,expected", [("embedded", 8, 1), ("vllm", 16, 16),
                                                  ("openai", 0, 1)])
def test_concurrency_respects_what_the_server_can_do(kind, wanted, expected):
    assert preset_profile(kind).concurrency(wanted) == expected
