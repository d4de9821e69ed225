"""LLM access: provider profiles, the one OpenAI-compatible client, the embedded model,
structured JSON output and prompt templates.

Everything here blocks on the network or on the model and runs on worker threads, never on
the GUI thread. No Qt here. Failures are :class:`~eduapp.errors.LLMUnavailableError`
(cannot use the provider), :class:`~eduapp.errors.LLMOutputError` (bad or cut-off answer)
or :class:`~eduapp.errors.CancelledError`.

::

    from eduapp.llm import ProviderStore, complete_json
    profile = ProviderStore(data_dir).get("embedded")
    item = complete_json(profile, [{"role": "user", "content": "..."}], ITEM_SCHEMA)
"""

from .batch import Outcome, run_batch
from .client import (CancelToken, Completion, LLMTruncatedError, ProgressCallback, chat,
                     close_clients, describe_provider, list_models, stream_text,
                     test_connection)
from .embedded import (EmbeddedServer, embedded_available, embedded_server,
                       find_smollm2_gguf, stop_all_embedded_servers)
from .keys import (KeychainUnavailableError, delete_api_key, get_api_key, has_api_key,
                   key_env_var, set_api_key)
from .profiles import (EMBEDDED, PRESET_LABELS, PRESETS, Capabilities, ProviderProfile,
                       ProviderStore, preset_profile)
from .prompts import LANGUAGES, Prompt, list_prompts, load_prompt
from .json_output import parse_json_object, validate_json
from .structured import (JsonResult, complete_json, complete_json_result,
                         is_strict_compatible, response_format_for)

__all__ = [
    "Outcome", "run_batch",
    "CancelToken", "Completion", "LLMTruncatedError", "ProgressCallback", "chat",
    "close_clients", "describe_provider", "list_models", "stream_text", "test_connection",
    "EmbeddedServer", "embedded_available", "embedded_server", "find_smollm2_gguf",
    "stop_all_embedded_servers",
    "KeychainUnavailableError", "delete_api_key", "get_api_key", "has_api_key", "key_env_var",
    "set_api_key",
    "EMBEDDED", "PRESET_LABELS", "PRESETS", "Capabilities", "ProviderProfile", "ProviderStore",
    "preset_profile",
    "LANGUAGES", "Prompt", "list_prompts", "load_prompt",
    "parse_json_object", "validate_json",
    "JsonResult", "complete_json", "complete_json_result", "is_strict_compatible",
    "response_format_for",
]
