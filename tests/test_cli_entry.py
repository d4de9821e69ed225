"""``python -m eduapp`` runs the same command as the ``eduapp`` script."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_python_dash_m_runs_the_cli(tmp_path):
    env = dict(os.environ, PYTHONPATH=ROOT, EDUAPP_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "eduapp", "--json", "bank", "stats"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["items"] == 0


def test_a_provider_that_is_down_is_one_sentence_without_log_lines(tmp_path, scripted_server,
                                                                    scripted_profile):
    """The command's own sentence says what went wrong; the client's log warning ("request
    failed for provider ...") stays out of the output unless EDUAPP_LOG asks for it."""
    from eduapp.llm import key_env_var
    from eduapp.workspace import Workspace

    ws = Workspace(str(tmp_path))
    ws.providers.save(scripted_profile)
    ws.close()
    scripted_server.stop()
    env = dict(os.environ, PYTHONPATH=ROOT, EDUAPP_DATA_DIR=str(tmp_path))
    env.pop("EDUAPP_LOG", None)
    env[key_env_var("scripted")] = os.environ[key_env_var("scripted")]
    done = subprocess.run([sys.executable, "-m", "eduapp", "generate", "questions", "--topic",
                           "asthma", "--count", "1", "--provider", "scripted"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 3
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "unreachable" in lines[0], done.stderr
    assert "WARNING" not in done.stderr
