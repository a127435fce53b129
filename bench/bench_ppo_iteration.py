"""One Smp-Forward-G1 PPO iteration on the CPU, split into collection (24 env steps: physics, mjlab's managers, the SMP
reward, policy inference) and the PPO update, at several num_envs and on both physics backends, each through `smp-train`
itself (mjlab's train, rsl-rl's runner) from scratch. The first iteration is left out (its GSI pool and warm-up).

  uv run python bench/bench_ppo_iteration.py [--envs 1024 2048 4096] [--sims mjbatch mujoco_warp] [--iterations 3]
                                             [--pool-size 4096]

Prints one line per run and a markdown table; run it on an otherwise idle machine (rsl-rl's own timers are wall time).
"""
import argparse
import re
import subprocess
import sys
import tempfile
import time

TIMES = re.compile(r"Collection time: ([\d.]+)s.*?Learning time: ([\d.]+)s", re.S)


def run(sim: str, num_envs: int, iterations: int, pool_size: int) -> dict:
  with tempfile.TemporaryDirectory() as logs:
    start = time.perf_counter()
    out = subprocess.run(
      [sys.executable, "-c", "from smp_nb.train import train_cli; train_cli()", "Smp-Forward-G1", "--sim", sim,
       "--env.scene.num-envs", str(num_envs), "--agent.max-iterations", str(iterations), "--agent.save-interval", "1000",
       "--env.events.gsi-reset.params.gsi.pool-size", str(pool_size), "--log-root", logs], capture_output=True, text=True)
    wall = time.perf_counter() - start
  if out.returncode != 0:
    raise SystemExit(f"{sim} at {num_envs} envs failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
  times = [(float(c), float(u)) for c, u in TIMES.findall(out.stdout)][1:]  # the first iteration warms up
  if not times:
    raise SystemExit(f"{sim} at {num_envs} envs: no iteration after the first was logged")
  collection = sum(c for c, _ in times) / len(times)
  update = sum(u for _, u in times) / len(times)
  samples = num_envs * 24
  return {"sim": sim, "num_envs": num_envs, "collection_s": collection, "update_s": update,
          "env_steps_per_s": samples / (collection + update), "collection_env_steps_per_s": samples / collection,
          "iterations_timed": len(times), "wall_s": wall}


def main():
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--envs", type=int, nargs="+", default=[1024, 2048, 4096])
  parser.add_argument("--sims", nargs="+", default=["mjbatch"])
  parser.add_argument("--iterations", type=int, default=3)
  parser.add_argument("--pool-size", type=int, default=4096, help="GSI pool (startup cost only; the task's default 4096)")
  args = parser.parse_args()
  rows = []
  for sim in args.sims:
    for num_envs in args.envs:
      row = run(sim, num_envs, args.iterations, args.pool_size)
      print(row, flush=True)
      rows.append(row)
  print("\n| backend | num_envs | collection s | update s | env-steps/s (iteration) | env-steps/s (collection) |")
  print("|---|---|---|---|---|---|")
  for r in rows:
    print(f"| {r['sim']} | {r['num_envs']:,} | {r['collection_s']:.1f} | {r['update_s']:.1f} | "
          f"{r['env_steps_per_s']:,.0f} | {r['collection_env_steps_per_s']:,.0f} |")


if __name__ == "__main__":
  main()
