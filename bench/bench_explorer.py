"""Redraw time of the reward explorer per control change, in-process (no browser), on a synthetic walk.

usage: uv run python bench/bench_explorer.py [--repeats 5]

Times `RewardExplorer.update()` after a change of w_s (rescoring only; the window's filmstrip is reused) and after a
change of the window (rescoring and a new filmstrip render), median over repeats. Baseline, in the same run: the
explorer as it was before (`render_always`): every change re-renders the filmstrip.
"""
import argparse
import platform
import statistics
import time


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--repeats", type=int, default=5)
  args = ap.parse_args()

  import torch

  import tempfile
  from pathlib import Path

  from smp_nb.data import clip_states, load_resampled, synthetic_clip, write_clip_csv
  from smp_nb.diffusion import SDS_TIMESTEPS, load_prior
  from smp_nb.explorer import RewardExplorer, explore, plot_exploration, window_filmstrip
  from smp_nb.reward import PRIORS_DIR

  prior = load_prior(PRIORS_DIR / "loco.pt")
  states = clip_states(load_resampled(write_clip_csv(Path(tempfile.mkdtemp()) / "walk.csv", synthetic_clip(seconds=6.0))))
  explorer = RewardExplorer(prior, states)
  w_s, noise = [], []
  for i in range(args.repeats):
    explorer.controls["w_s"].value = 1.0 + 0.5 * (i + 1)  # observe() redraws, as a slider release would
    w_s.append(explorer.last_redraw_s)
    explorer.controls["joint_noise"].value = 0.01 * (i + 1)
    noise.append(explorer.last_redraw_s)

  def render_always():  # the pre-cache explorer: score and render on every change
    t0 = time.perf_counter()
    result = explore(prior, states, 150, 0.05, w_s=2.0, timestep_means=explorer.means[tuple(SDS_TIMESTEPS)])
    plot_exploration(result, window_filmstrip(result["window"]))
    return time.perf_counter() - t0

  baseline = [render_always() for _ in range(args.repeats)]
  print(f"machine: {platform.node()}, torch {torch.__version__}, {args.repeats} repeats, medians\n")
  print("| change | redraw [s] | baseline: re-render on every change [s] |")
  print("|---|---|---|")
  print(f"| w_s (or K) | {statistics.median(w_s):.3f} | {statistics.median(baseline):.3f} |")
  print(f"| the window (joint noise) | {statistics.median(noise):.3f} | {statistics.median(baseline):.3f} |")


if __name__ == "__main__":
  main()
