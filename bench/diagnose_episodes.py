"""Why do Smp-Forward-G1 episodes end? Termination causes, episode lengths and the reward's two factors under a policy.

usage: uv run python bench/diagnose_episodes.py [--checkpoint FILE] [--num-envs 64] [--steps 300] [--action-std 0.3]

Rolls out the task's training env (pushes, noise and GSI starts as in training) with either a checkpoint's actor plus
the training policy's Gaussian noise (`--action-std`, the reference's fixed 0.3), or, without a checkpoint, zero-mean
actions with that noise (an untrained policy). Counts the episodes that end, by termination term, their lengths, the
body pairs in contact when `self_collision` ends one, and the mean task factor, r_smp and their product per step.
"""
import argparse
import collections
import json

import numpy as np
import torch
import warp as wp

wp.config.log_level = wp.LOG_WARNING


def diagnose(task_id: str, checkpoint: str | None, num_envs: int, steps: int, action_std: float, seed: int = 0) -> dict:
  from smp_nb.tasks import make_env
  from smp_nb.train import load_policy

  from mjlab.rl import RslRlVecEnvWrapper

  env = make_env(task_id, num_envs=num_envs, seed=seed)
  policy = None
  if checkpoint:
    wrapped, policy = load_policy(env, task_id, checkpoint)
  else:
    wrapped = RslRlVecEnvWrapper(env)
  model = env.sim.mj_model
  body_name = lambda geom: model.body(model.geom_bodyid[geom]).name.replace("_link", "")
  pairs = collections.Counter()
  manager = env.termination_manager
  collision_cfg = manager._term_cfgs[manager._term_names.index("self_collision")] if "self_collision" in manager._term_names else None
  if collision_cfg is not None:
    collision_func = collision_cfg.func

    def collision_and_pairs(env_, **params):  # before the step's resets: the contacts that ended the episode
      hit = collision_func(env_, **params)
      if hit.any():
        d, ids = env_.sim.wp_data, set(torch.nonzero(hit).flatten().tolist())
        n = int(d.nacon.numpy()[0])
        for (g0, g1), w in zip(d.contact.geom.numpy()[:n], d.contact.worldid.numpy()[:n]):
          names = sorted((body_name(g0), body_name(g1)))
          if w in ids and all(name.startswith("robot/") for name in names):  # robot against robot, not the floor
            pairs[tuple(name.removeprefix("robot/") for name in names)] += 1
      return hit

    collision_cfg.func = collision_and_pairs
  torch.manual_seed(seed)
  length = torch.zeros(num_envs, dtype=torch.long)
  ends, lengths = collections.Counter(), collections.defaultdict(list)
  task_sum = smp_sum = reward_sum = 0.0
  obs = wrapped.get_observations()
  for _ in range(steps):
    with torch.inference_mode():
      mean = policy(obs) if policy is not None else torch.zeros(num_envs, env.action_manager.total_action_dim)
      actions = mean + action_std * torch.randn_like(mean)
    with torch.inference_mode():
      obs, reward, dones, _ = wrapped.step(actions)
    length += 1
    task_sum += float(env.smp.last_task.mean())
    smp_sum += float(env.smp.last_r_smp.mean())
    reward_sum += float(reward.mean() / env.step_dt)
    done = dones.bool().cpu()
    if done.any():
      terms = {name: env.termination_manager.get_term(name).cpu() for name in env.termination_manager.active_terms}
      for i in torch.nonzero(done).flatten().tolist():
        cause = next((name for name, hit in terms.items() if hit[i]), "time_out")
        ends[cause] += 1
        lengths[cause].append(int(length[i]))
      length[done] = 0
  env.close()
  total = sum(ends.values())
  return {
    "task": task_id, "checkpoint": checkpoint, "num_envs": num_envs, "steps": steps, "action_std": action_std,
    "episodes_ended": total,
    "ended_by": {k: round(v / max(total, 1), 3) for k, v in ends.most_common()},
    "median_length_by": {k: float(np.median(v)) for k, v in lengths.items()},
    "share_ended_within_10_steps": round(sum(int(l <= 10) for v in lengths.values() for l in v) / max(total, 1), 3),
    "self_collision_pairs": {" / ".join(k): v for k, v in pairs.most_common(12)},
    "mean_task_factor": task_sum / steps, "mean_r_smp": smp_sum / steps, "mean_reward_per_s": reward_sum / steps,
  }


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--task", default="Smp-Forward-G1")
  ap.add_argument("--checkpoint")
  ap.add_argument("--num-envs", type=int, default=64)
  ap.add_argument("--steps", type=int, default=300)
  ap.add_argument("--action-std", type=float, default=0.3)
  args = ap.parse_args()
  print(json.dumps(diagnose(args.task, args.checkpoint, args.num_envs, args.steps, args.action_std), indent=2))


if __name__ == "__main__":
  main()
