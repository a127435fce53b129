"""Env-steps/s of Smp-Forward-G1 on both physics backends, measured in one run, with the share of the env step spent in
physics (`sim.step`) and in the SMP reward term (random actions, after a warm-up).

  uv run python bench/bench_sim_backends.py [NUM_ENVS ...]      (default: 256)
"""
import sys
import time
import warnings

import torch

from smp_nb.tasks import make_env


def measure(sim: str, num_envs: int, steps: int = 10) -> dict:
  env = make_env("Smp-Forward-G1", num_envs=num_envs, gsi_pool_size=256, seed=0, sim=sim)
  env.reset()
  timers = {"physics": 0.0, "smp_reward": 0.0}

  def timed(name, fn):
    def wrapper(*args, **kwargs):
      start = time.perf_counter()
      out = fn(*args, **kwargs)
      timers[name] += time.perf_counter() - start
      return out
    return wrapper

  env.sim.step = timed("physics", env.sim.step)
  term_class = type(env.reward_manager.get_term_cfg("task_smp_product").func)  # a class term: time its __call__
  original_call = term_class.__call__
  term_class.__call__ = timed("smp_reward", original_call)
  actions = 0.3 * torch.randn(steps + 3, num_envs, env.action_manager.total_action_dim)
  with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for a in actions[:3]:
      env.step(a)
    timers.update(physics=0.0, smp_reward=0.0)
    start = time.perf_counter()
    for a in actions[3:]:
      env.step(a)
    wall = time.perf_counter() - start
  term_class.__call__ = original_call
  env.close()
  return {"sim": sim, "num_envs": num_envs, "env_steps_per_s": num_envs * steps / wall,
          "physics_share": timers["physics"] / wall, "smp_reward_share": timers["smp_reward"] / wall}


if __name__ == "__main__":
  for n in [int(a) for a in sys.argv[1:]] or [256]:
    rows = [measure(sim, n) for sim in ("mjbatch", "mujoco_warp")]
    for r in rows:
      print(f"{r['sim']:>12} {r['num_envs']:>5} envs: {r['env_steps_per_s']:7.0f} env-steps/s, "
            f"physics {r['physics_share']:.0%}, SMP reward {r['smp_reward_share']:.0%}")
    print(f"mjbatch / mujoco_warp at {n} envs: {rows[0]['env_steps_per_s'] / rows[1]['env_steps_per_s']:.1f}x")
