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
