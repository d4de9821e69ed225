"""API keys: kept in the OS keychain through ``keyring``, never in files, logs or exports.

Keys are stored under the keychain service ``"EduApp"`` with the profile's ``api_key_ref``
as the user name. For CI and headless machines an environment variable
``EDUAPP_API_KEY_<REF>`` (``REF`` upper-cased, anything but ``A-Z0-9`` turned into ``_``)
overrides the keychain, e.g. ``EDUAPP_API_KEY_OPENAI``.

All functions may run on any thread; keychain calls can block for a moment (a desktop
keychain may ask the user to unlock it), so call them from a worker when you can.
"""

from __future__ import annotations

import logging
import os
import re

from ..errors import LLMUnavailableError

__all__ = ["KEYRING_SERVICE", "ENV_KEY_PREFIX", "KeychainUnavailableError", "key_env_var",
           "get_api_key", "set_api_key", "delete_api_key", "has_api_key"]

log = logging.getLogger(__name__)

KEYRING_SERVICE = "EduApp"
ENV_KEY_PREFIX = "EDUAPP_API_KEY_"


class KeychainUnavailableError(LLMUnavailableError):
    """This computer has no usable keychain to keep API keys in."""


def key_env_var(ref: str) -> str:
    """The environment variable that overrides the keychain for ``ref``.

    ::

        >>> key_env_var("my vllm")
        'EDUAPP_API_KEY_MY_VLLM'
    """
    return ENV_KEY_PREFIX + re.sub(r"[^A-Z0-9]", "_", ref.upper())


def _no_keychain(ref: str, e: BaseException) -> KeychainUnavailableError:
    # Say what to do instead; never include the key or the backend's message (may echo input).
    return KeychainUnavailableError(code="llm.no-keychain", values={
        "kind": type(e).__name__, "env": key_env_var(ref)})


def get_api_key(ref: str) -> str | None:
    """The API key stored for ``ref``: the environment override, else the keychain.

    :param ref: the profile's ``api_key_ref``.
    :returns: the key, or ``None`` when none is stored.
    :raises KeychainUnavailableError: no override is set and no keychain backend works.
    """
    env = os.environ.get(key_env_var(ref))
    if env:
        return env
    import keyring
    try:
        return keyring.get_password(KEYRING_SERVICE, ref)
    except Exception as e:  # keyring.errors.KeyringError, D-Bus errors of backends, ...
        raise _no_keychain(ref, e) from None


def set_api_key(ref: str, key: str) -> None:
    """Store ``key`` for ``ref`` in the keychain (an empty key deletes it).

    :raises KeychainUnavailableError: no keychain backend works (the message names the
        environment variable to use instead).
    """
    if not key:
        delete_api_key(ref)
        return
    import keyring
    try:
        keyring.set_password(KEYRING_SERVICE, ref, key)
    except Exception as e:
        raise _no_keychain(ref, e) from None
    log.info("stored an API key for %s in the keychain", ref)


def delete_api_key(ref: str) -> None:
    """Remove the keychain entry for ``ref``; nothing happens if there is none.

    :raises KeychainUnavailableError: no keychain backend works.
    """
    import keyring
    from keyring.errors import PasswordDeleteError
    try:
        keyring.delete_password(KEYRING_SERVICE, ref)
    except PasswordDeleteError:
        pass
    except Exception as e:
        raise _no_keychain(ref, e) from None


def has_api_key(ref: str) -> bool:
    """Whether a key is available for ``ref`` (environment or keychain); ``False`` when no
    keychain works. Never raises."""
    try:
        return bool(get_api_key(ref))
    except LLMUnavailableError:
        return False
