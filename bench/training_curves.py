"""Learning curves of an smp-train run: a CSV of the tracked scalars and a PNG of them, for BENCHMARKS.md.

usage: uv run python bench/training_curves.py RUN_DIR --name NAME [--out bench/results]

RUN_DIR is a run folder of `smp-train` (it holds the tensorboard events file). Writes NAME.csv (iteration, then one
column per scalar) and NAME.png (at most 100 dpi), and prints the first and last tenth of each curve.
"""
import argparse
import csv
from pathlib import Path

import numpy as np

TAGS = ("Train/mean_episode_length", "Episode_Metrics/velocity_error", "Episode_Metrics/r_smp",
        "Episode_Metrics/sds_error", "Train/mean_reward", "Perf/total_fps")


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("run_dir", type=Path)
  ap.add_argument("--name", required=True)
  ap.add_argument("--out", type=Path, default=Path("bench/results"))
  args = ap.parse_args()

  from smp_nb.train import learning_curves, plot_learning_curves

  curves = learning_curves(args.run_dir)
  tags = [t for t in TAGS if t in curves]
  iterations = sorted({int(i) for t in tags for i in curves[t][0]})
  args.out.mkdir(parents=True, exist_ok=True)
  with open(args.out / f"{args.name}.csv", "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["iteration", *tags])
    columns = {t: dict(zip(curves[t][0].astype(int).tolist(), curves[t][1].tolist())) for t in tags}
    for it in iterations:
      writer.writerow([it, *(f"{columns[t][it]:.6g}" if it in columns[t] else "" for t in tags)])
  fig = plot_learning_curves(args.run_dir, tags[:5])
  fig.savefig(args.out / f"{args.name}.png", dpi=80)
  for t in tags:
    values = curves[t][1]
    tenth = max(1, len(values) // 10)
    print(f"{t}: first tenth {np.mean(values[:tenth]):.4g}, last tenth {np.mean(values[-tenth:]):.4g} "
          f"({len(values)} iterations)")


if __name__ == "__main__":
  main()
