"""How well the simulator holds generative-state-init starts, at the scale of a GPU run.

usage: uv run python bench/bench_gsi_starts.py [--num-envs 4096] [--steps 10] [--device cpu] [--sim mjbatch|mujoco_warp]
       [--tasks Smp-Forward-G1 ...]

For each task: build the env with its default GSI pool (4096 windows, 50-step DDPM, checked starts), reset every env
from it, then step `--steps` times with zero actions (the PD targets are the default pose) and count the envs whose
episode ends, by termination term. Also reports what the pool repaired or rejected, the fastest joint at reset, envs in
self-collision at reset, and the largest constraint and contact counts against the buffers the config allocates.
"""
import argparse
import platform
import time

import torch


def counts(sim) -> tuple[int, int] | None:
  "(most constraints in one world, contacts in all worlds) now; None on mjbatch, which binds no counts (its arena grows)."
  from smp_nb.sim import MjbatchSimulation

  if isinstance(sim, MjbatchSimulation):
    return None
  return int(sim.data.nefc.max()), int(sim.wp_data.nacon.numpy()[0])


def most(a, b):
  return None if a is None or b is None else tuple(map(max, a, b))


def bench_task(task_id: str, num_envs: int, steps: int, device: str, sim: str) -> dict:
  from smp_nb.tasks import g1_joint_velocity_limits, make_env

  t0 = time.perf_counter()
  env = make_env(task_id, num_envs=num_envs, device=device, seed=0, sim=sim)
  env.reset()
  build_s = time.perf_counter() - t0
  pool = env.smp.gsi
  robot, joint_ids = env.smp.robot, env.smp.joint_ids
  joint_speed = robot.data.joint_vel[:, joint_ids].abs()
  over_limit = int((joint_speed > g1_joint_velocity_limits().to(joint_speed.device) + 1e-4).any(dim=1).sum())
  sensors = env.scene.sensors
  in_collision = int(sensors["self_collision"].data.found.any(dim=-1).sum()) if "self_collision" in sensors else 0
  peak = counts(env.sim)
  ended = torch.zeros(num_envs, dtype=torch.bool, device=env.device)
  reasons = {name: 0 for name in env.termination_manager.active_terms}
  zero = torch.zeros(num_envs, env.action_manager.total_action_dim, device=env.device)
  t1 = time.perf_counter()
  for _ in range(steps):
    obs, reward, terminated, truncated, _ = env.step(zero)
    for name in reasons:
      reasons[name] += int((env.termination_manager.get_term(name) & ~ended).sum())
    ended |= terminated | truncated
    assert torch.isfinite(obs["actor"]).all() and torch.isfinite(reward).all()
    peak = most(peak, counts(env.sim))
  step_s = time.perf_counter() - t1
  result = dict(
    task=task_id, envs=num_envs, ended=int(ended.sum()), share=float(ended.float().mean()), reasons=reasons,
    pool=dict(pool.counts), pool_s=pool.startup_seconds, build_s=build_s, step_s=step_s,
    fastest_joint=float(joint_speed.max()), over_limit=over_limit, in_collision=in_collision,
    # no counts (mjbatch): MuJoCo's arena grows, there is no fixed buffer to fill
    most_constraints=peak[0] if peak else "-", njmax=env.sim.wp_data.njmax if peak else "grows",
    most_contacts=peak[1] if peak else "-", contact_capacity=env.sim.wp_data.naconmax if peak else "grows",
  )
  env.close()
  return result


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--num-envs", type=int, default=4096)
  ap.add_argument("--steps", type=int, default=10)
  ap.add_argument("--device", default="cpu")
  ap.add_argument("--sim", default=None, help="physics backend (default: mjbatch without CUDA, MuJoCo-Warp with it)")
  ap.add_argument("--tasks", nargs="+", default=["Smp-Forward-G1", "Smp-Steering-G1", "Smp-Location-G1", "Smp-Getup-G1"])
  args = ap.parse_args()

  import warp as wp
  wp.config.log_level = wp.LOG_WARNING

  from smp_nb.sim import check_sim, default_sim
  sim = check_sim(args.sim or default_sim())
  results = [bench_task(t, args.num_envs, args.steps, args.device, sim) for t in args.tasks]
  print(f"machine: {platform.node()}, device {args.device}, {sim}, {args.num_envs} envs, {args.steps} steps of zero actions\n")
  print("| task | ended within 10 steps | by | pool: sampled / self-collision / too deep / raised / joints clamped "
        "| fastest joint at reset [rad/s] | in self-collision at reset | most constraints / njmax | most contacts (all worlds) / capacity |")
  print("|---|---|---|---|---|---|---|---|")
  for r in results:
    by = ", ".join(f"{k} {v}" for k, v in r["reasons"].items() if v)
    p = r["pool"]
    print(f"| {r['task']} | {r['ended']} ({r['share']:.1%}) | {by or '-'} | {p['sampled']} / {p['self_collision']} / "
          f"{p['too_deep']} / {p['lifted']} / {p['joints_clamped']} | {r['fastest_joint']:.1f} | {r['in_collision']} | "
          f"{r['most_constraints']} / {r['njmax']} | {r['most_contacts']} / {r['contact_capacity']} |")
  print()
  for r in results:
    print(f"{r['task']}: pool {r['pool_s']:.1f} s, build + reset {r['build_s']:.1f} s, {args.steps} steps {r['step_s']:.1f} s")


if __name__ == "__main__":
  main()
