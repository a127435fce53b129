"""Benchmark of the data pipeline against mjlab's own `mjlab.scripts.csv_to_npz`, in one run.

usage: uv run python bench/bench_data.py [--clip walk1_subject1] [--skip-mjlab]

Prints a markdown table for BENCHMARKS.md. Needs the LAFAN1-G1 clips (../shared/datasets/lafan1_g1 or $SMP_LAFAN_DIR).
"""
import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd, env=None):
  "Whole-process wall time and peak RSS (MB) of a command."
  t0 = time.perf_counter()
  out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], env=env, capture_output=True, text=True)
  wall = time.perf_counter() - t0
  if out.returncode != 0:
    sys.exit(f"{cmd[0]} failed:\n{out.stderr[-2000:]}")
  return wall, int(out.stderr.strip().splitlines()[-1]) / 1024, out


def mjlab_frames_per_second(csv, frames, env):
  "mjlab's replay loop alone (scene built and kernels compiled beforehand), as its csv_to_npz runs it."
  code = f"""
import os, time
os.environ['WANDB_MODE'] = 'disabled'
import torch
from mjlab.scene import Scene
from mjlab.sim.sim import Simulation, SimulationCfg
from mjlab.tasks.tracking.config.g1.env_cfgs import unitree_g1_flat_tracking_env_cfg
import mjlab.scripts.csv_to_npz as c2n
sim_cfg = SimulationCfg(); sim_cfg.mujoco.timestep = 1 / 50
scene = Scene(unitree_g1_flat_tracking_env_cfg().scene, device='cpu')
sim = Simulation(num_envs=1, cfg=sim_cfg, model=scene.compile(), device='cpu')
scene.initialize(sim.mj_model, sim.model, sim.data)
sim.forward()
joints = {list(__import__('smp_nb.features', fromlist=['x']).G1_JOINT_NAMES)!r}
t0 = time.perf_counter()
c2n.run_sim(sim=sim, scene=scene, joint_names=joints, input_file={str(csv)!r}, input_fps=30, output_fps=50,
            output_name='bench', render=False, line_range=(1, {frames}))
print('SECONDS', time.perf_counter() - t0)
"""
  out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
  if out.returncode != 0:
    sys.exit(f"mjlab replay failed:\n{out.stderr[-3000:]}")
  seconds = float([l for l in out.stdout.splitlines() if l.startswith("SECONDS")][-1].split()[1])
  return seconds


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--clip", default="walk1_subject1")
  ap.add_argument("--mjlab-rows", type=int, default=0, help="rows of the clip mjlab replays in-process (0: all)")
  args = ap.parse_args()
  from smp_nb.data import lafan_dir, resampled_length
  from smp_nb.dataset import convert_clip, load_window_file

  lafan = lafan_dir()
  if lafan is None:
    sys.exit("LAFAN1-G1 clips not found (../shared/datasets/lafan1_g1 or $SMP_LAFAN_DIR)")
  csv = lafan / f"{args.clip}.csv"
  rows = len(csv.read_text().splitlines())
  mj_rows = args.mjlab_rows or rows
  bin_dir = Path(sys.executable).parent
  # mjlab picks its own GL backend (EGL); the OSMesa our process chose must not leak into its process
  env = {k: v for k, v in os.environ.items() if k not in ("MUJOCO_GL", "PYOPENGL_PLATFORM")} | {"WANDB_MODE": "disabled"}
  res = {}
  with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    one = tmp / "one"
    one.mkdir()
    (one / csv.name).symlink_to(csv)

    # ours: whole process, then the conversion alone (warm, in-process)
    res["ours_wall"], res["ours_rss"], _ = timed([str(bin_dir / "smp-csv-to-npz"), "--input-dir", str(one), "--output-dir", str(tmp / "o1")])
    out_frames = len(load_window_file(tmp / "o1" / f"{args.clip}.npz").qpos)
    convert_clip(csv, tmp / "warm.npz")  # after start-up: first calls pay one-off costs
    runs = []
    for _ in range(3):
      t0 = time.perf_counter()
      convert_clip(csv, tmp / "again.npz")
      runs.append(time.perf_counter() - t0)
    res["ours_convert"] = sorted(runs)[1]

    # all clips, whole process
    res["all_wall"], res["all_rss"], _ = timed([str(bin_dir / "smp-csv-to-npz"), "--input-dir", str(lafan), "--output-dir", str(tmp / "all")])
    n_clips = len(list((tmp / "all").glob("*.npz")))
    (tmp / "all").rename(tmp / "gone")

    # mjlab: whole process (its script ends by uploading to W&B; disabled here), then its replay loop alone
    res["mjlab_wall"], res["mjlab_rss"], _ = timed(
      [sys.executable, "-m", "mjlab.scripts.csv_to_npz", "--input-file", str(csv), "--output-name", "bench", "--device", "cpu",
       *([] if mj_rows == rows else ["--line-range", "1", str(mj_rows)])],
      env=env,
    )
    res["mjlab_loop"] = mjlab_frames_per_second(csv, mj_rows, env)
  mj_frames = resampled_length(mj_rows, 30, 50) - 1  # mjlab's arange excludes the last frame

  ours_fps = out_frames / res["ours_convert"]
  mj_fps = mj_frames / res["mjlab_loop"]
  print(f"machine: {platform.node()} {os.cpu_count()} cores, {platform.processor() or platform.machine()}, torch threads {__import__('torch').get_num_threads()}")
  print(f"clip {csv.name}: {rows} rows at 30 fps -> {out_frames} frames at 50 fps (mjlab replayed {mj_rows} rows)\n")
  print("| measure | smp_nb | mjlab csv_to_npz | ratio |")
  print("|---|---|---|---|")
  print(f"| frames/s after start-up | {ours_fps:,.0f} | {mj_fps:,.1f} | {ours_fps / mj_fps:,.0f}x |")
  ratio_wall = (res['mjlab_wall'] * (rows / mj_rows)) / res['ours_wall'] if mj_rows != rows else res['mjlab_wall'] / res['ours_wall']
  print(f"| whole process, one clip [s] | {res['ours_wall']:.1f} | {res['mjlab_wall']:.1f} | {ratio_wall:.1f}x |")
  print(f"| peak RSS, one clip [MB] | {res['ours_rss']:.0f} | {res['mjlab_rss']:.0f} | {res['mjlab_rss'] / res['ours_rss']:.2f}x |")
  print(f"| all {n_clips} clips, whole process [s] | {res['all_wall']:.1f} | - | - |")
  print(f"| peak RSS, all clips [MB] | {res['all_rss']:.0f} | - | - |")


if __name__ == "__main__":
  main()
