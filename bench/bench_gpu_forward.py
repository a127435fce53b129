"""Env-steps/s of Smp-Forward-G1 against mjlab's plain G1 velocity task at several num_envs, and the SMP reward's share.

usage: uv run python bench/bench_gpu_forward.py [--num-envs 4096 8192 16384] [--steps 200] [--compile] [--device cuda:0]
       uv run python bench/bench_gpu_forward.py --num-envs 4 --steps 5 --gsi-pool-size 16   # a check on the CPU

Made for a lent GPU (it runs on the CPU too, with small numbers, as a check that it works). For each num_envs, in one
process: build Smp-Forward-G1 and Mjlab-Velocity-Flat-Unitree-G1, step each `--steps` times with random actions after a
warm-up, and time it (synchronised). For the SMP task it also times the reward's scoring call alone (`SmpState.score`:
feature window -> denoiser at |K| timesteps -> r_smp) to give its share of a step, and with `--compile` the same call
with the denoiser under `torch.compile(mode="max-autotune")`. Prints one JSON line per measurement.
"""
import argparse
import json
import time

import torch
import warp as wp

wp.config.log_level = wp.LOG_WARNING


def _sync(device: str):
  if device.startswith("cuda"):
    torch.cuda.synchronize()


def steps_per_second(env, steps: int, device: str, warmup: int = 10) -> float:
  actions = 0.3 * torch.randn(env.num_envs, env.action_manager.total_action_dim, device=device)
  for _ in range(warmup):
    env.step(actions)
  _sync(device)
  t0 = time.perf_counter()
  for _ in range(steps):
    env.step(actions)
  _sync(device)
  return env.num_envs * steps / (time.perf_counter() - t0)


def score_seconds(state, repeats: int, device: str) -> float:
  state.score()
  _sync(device)
  t0 = time.perf_counter()
  for _ in range(repeats):
    state.score()
  _sync(device)
  return (time.perf_counter() - t0) / repeats


def bench(num_envs: int, steps: int, device: str, compile_denoiser: bool, gsi_pool_size: int | None = None) -> list[dict]:
  from mjlab.tasks.registry import load_env_cfg

  from smp_nb.tasks import build_env, make_env

  rows = []
  with torch.inference_mode():
    t0 = time.perf_counter()
    env = make_env("Smp-Forward-G1", num_envs=num_envs, device=device, seed=0, gsi_pool_size=gsi_pool_size)
    env.reset()
    build_s = time.perf_counter() - t0
    smp_rate = steps_per_second(env, steps, device)
    score_s = score_seconds(env.smp, max(steps // 4, 3), device)
    step_s = num_envs / smp_rate
    rows.append(dict(task="Smp-Forward-G1", num_envs=num_envs, env_steps_per_s=round(smp_rate), build_s=round(build_s, 1),
                     score_ms=round(1e3 * score_s, 3), score_share=round(score_s / step_s, 4)))
    if compile_denoiser:
      prior = env.smp.prior
      eager = prior.denoiser
      prior.denoiser = torch.compile(eager, mode="max-autotune", dynamic=False)
      t0 = time.perf_counter()
      env.smp.score()
      compile_s = time.perf_counter() - t0
      compiled_score_s = score_seconds(env.smp, max(steps // 4, 3), device)
      compiled_rate = steps_per_second(env, steps, device)
      rows.append(dict(task="Smp-Forward-G1 (denoiser compiled)", num_envs=num_envs, env_steps_per_s=round(compiled_rate),
                       compile_s=round(compile_s, 1), score_ms=round(1e3 * compiled_score_s, 3),
                       score_share=round(compiled_score_s * compiled_rate / num_envs, 4)))
      prior.denoiser = eager
    env.close()
    cfg = load_env_cfg("Mjlab-Velocity-Flat-Unitree-G1")
    cfg.scene.num_envs = num_envs
    plain = build_env(cfg, device)
    plain.reset()
    plain_rate = steps_per_second(plain, steps, device)
    plain.close()
  rows.append(dict(task="Mjlab-Velocity-Flat-Unitree-G1", num_envs=num_envs, env_steps_per_s=round(plain_rate)))
  for row in rows[:-1]:
    row["ratio_to_plain"] = round(row["env_steps_per_s"] / plain_rate, 3)
  return rows


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--num-envs", type=int, nargs="+", default=[4096, 8192, 16384])
  ap.add_argument("--steps", type=int, default=200)
  ap.add_argument("--device", default="cuda:0" if torch.cuda.is_available() else "cpu")
  ap.add_argument("--compile", action="store_true")
  ap.add_argument("--gsi-pool-size", type=int, help="default: the task's (4096, as in training); smaller for CPU checks")
  args = ap.parse_args()
  import smp_nb.tasks  # noqa: F401  (registers the tasks)
  if args.device.startswith("cuda"):
    print(json.dumps({"gpu": torch.cuda.get_device_name(0), "memory_gb": torch.cuda.get_device_properties(0).total_memory / 2**30}))
  for n in args.num_envs:
    for row in bench(n, args.steps, args.device, args.compile, args.gsi_pool_size):
      if args.device.startswith("cuda"):
        row["max_memory_gb"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
      print(json.dumps(row), flush=True)


if __name__ == "__main__":
  main()
