"""Env-steps/s of Smp-Forward-G1 against mjlab's own Mjlab-Velocity-Flat-Unitree-G1, in one run.

usage: uv run python bench/bench_tasks.py [--num-envs 64] [--steps 50] [--device cpu]

Both envs are built with the same number of envs and stepped with the same random actions after a warm-up; the SMP
reward term is timed separately to give its share of the step time (with a device sync around it on a GPU, so the share
is an upper bound there); the GSI pool start-up (50-step DDPM sampling and checking of the pool) is reported as the task
builds it.
"""
import argparse
import platform
import time

import torch


def steps_per_second(env, steps, device):
  dim = env.action_manager.total_action_dim
  g = torch.Generator(device="cpu").manual_seed(0)
  env.reset()
  for i in range(steps + 5):
    if i == 5:
      if device.startswith("cuda"):
        torch.cuda.synchronize()
      t0 = time.perf_counter()
    env.step((0.1 * torch.randn(env.num_envs, dim, generator=g)).to(device))
  if device.startswith("cuda"):
    torch.cuda.synchronize()
  return steps * env.num_envs / (time.perf_counter() - t0)


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--num-envs", type=int, default=64)
  ap.add_argument("--steps", type=int, default=50)
  ap.add_argument("--device", default="cpu")
  ap.add_argument("--pool-size", type=int, default=2048)
  args = ap.parse_args()

  import warp as wp
  wp.config.log_level = wp.LOG_WARNING
  from mjlab.envs import ManagerBasedRlEnv
  from mjlab.tasks.registry import load_env_cfg

  from smp_nb import reward as smp_reward_module
  from smp_nb.tasks import make_env

  cfg = load_env_cfg("Mjlab-Velocity-Flat-Unitree-G1")
  cfg.scene.num_envs = args.num_envs
  base = ManagerBasedRlEnv(cfg, device=args.device)
  base_rate = steps_per_second(base, args.steps, args.device)
  base.close()

  # time the SMP reward term inside the step
  spent = {"smp": 0.0}
  call = smp_reward_module.smp_reward_term.__call__

  def timed_call(self, env, **kw):
    if args.device.startswith("cuda"):
      torch.cuda.synchronize()
    t0 = time.perf_counter()
    out = call(self, env, **kw)
    if args.device.startswith("cuda"):
      torch.cuda.synchronize()
    spent["smp"] += time.perf_counter() - t0
    return out

  smp_reward_module.smp_reward_term.__call__ = timed_call
  env = make_env("Smp-Forward-G1", num_envs=args.num_envs, device=args.device, gsi_pool_size=args.pool_size)
  t0 = time.perf_counter()
  smp_rate = steps_per_second(env, args.steps, args.device)
  total = args.steps * args.num_envs / smp_rate
  share = spent["smp"] / (time.perf_counter() - t0)
  gsi_seconds = env.smp.gsi.startup_seconds
  sampler = env.smp.gsi.cfg.sampler
  env.close()

  print(f"machine: {platform.node()}, device {args.device}, {args.num_envs} envs, {args.steps} steps after 5 warm-up steps\n")
  print("| measure | Smp-Forward-G1 | Mjlab-Velocity-Flat-Unitree-G1 | ratio |")
  print("|---|---|---|---|")
  print(f"| env-steps/s | {smp_rate:,.0f} | {base_rate:,.0f} | {smp_rate / base_rate:.2f}x |")
  print(f"| share of step time in the SMP reward | {share:.1%} | - | - |")
  print(f"| GSI pool start-up ({args.pool_size} windows, {sampler}) [s] | {gsi_seconds:.2f} | - | - |")
  del total


if __name__ == "__main__":
  main()
