"""How separable is a corruption at all? A supervised ceiling for a prior's quality bar.

usage: uv run python bench/bench_separability.py [--prior smp_nb/datasets/priors/loco.pt] [--kind "time stretch x1.5"]
                                                 [--window-sizes 10 20] [--lafan-dir DIR]

A small MLP is trained to tell real windows from corrupted copies on the prior's training clips (subjects 1-4) and
tested on its held-out clips (subject 5), for windows of each length (at 50 fps, ending at the same anchor frame). It is
trained on exactly the corruption it is tested on, so its held-out AUROC is a generous ceiling for a prior that never
sees the corruption. Baseline in the same run: the prior's own AUROC (SDS error over K, 4 noise draws) on the same
held-out windows, at the prior's window size. Needs the LAFAN1-G1 clips. Prints a markdown table.
"""
import argparse
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from smp_nb.data import clip_states, lafan_dir, load_resampled, states_to_windows
from smp_nb.diffusion import load_prior
from smp_nb.quality import auroc, corrupt_windows, report_window_size


def real_and_corrupted(states, window_size, kind, stride, generator):
  "Real windows and their corrupted copies `(N, window_size, 59)` from per-clip states."
  length = report_window_size(window_size)
  long = torch.from_numpy(np.concatenate([states_to_windows(s, length, stride) for s in states]))
  return long[:, -window_size:], corrupt_windows(long, kind, generator, window_size=window_size)


def classifier_auroc(train, test, normalize, epochs, seed=0):
  "Held-out AUROC of an MLP trained on (real, corrupted) `train` pairs, tested on `test` pairs."
  torch.manual_seed(seed)
  flat = lambda x: normalize(x).reshape(len(x), -1)
  x = torch.cat([flat(train[0]), flat(train[1])])
  y = torch.cat([torch.zeros(len(train[0])), torch.ones(len(train[1]))])
  net = nn.Sequential(nn.Linear(x.shape[1], 256), nn.GELU(), nn.Linear(256, 256), nn.GELU(), nn.Linear(256, 1))
  opt = torch.optim.Adam(net.parameters(), 1e-3, weight_decay=1e-4)
  for _ in range(epochs):
    for batch in torch.randperm(len(x)).split(512):
      loss = nn.functional.binary_cross_entropy_with_logits(net(x[batch]).squeeze(-1), y[batch])
      opt.zero_grad()
      loss.backward()
      opt.step()
  with torch.no_grad():
    return auroc(net(flat(test[1])).squeeze(-1).numpy(), net(flat(test[0])).squeeze(-1).numpy())


def prior_auroc(prior, test, draws=4):
  "The prior's own AUROC on the same held-out pairs (mean SDS error over K and `draws` noise draws)."
  def error(x):
    g = torch.Generator().manual_seed(0)
    return torch.stack([prior.sds_error(x, generator=g) for _ in range(draws)]).mean(0).numpy()
  return auroc(error(test[1]), error(test[0]))


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--prior", default="smp_nb/datasets/priors/loco.pt")
  ap.add_argument("--kind", default="time stretch x1.5")
  ap.add_argument("--window-sizes", type=int, nargs="+", default=[10, 20])
  ap.add_argument("--lafan-dir", type=Path, default=None)
  ap.add_argument("--epochs", type=int, default=6)
  args = ap.parse_args()
  lafan = args.lafan_dir or lafan_dir()
  if lafan is None:
    raise SystemExit("bench_separability: the LAFAN1-G1 clips were not found (set SMP_LAFAN_DIR or pass --lafan-dir)")
  prior = load_prior(args.prior)
  longest = report_window_size(max(args.window_sizes))
  states = lambda clips: [clip_states(load_resampled(lafan / f"{c}.csv", longest)) for c in clips]
  train_states, test_states = states([m["clip"] for m in prior.manifest]), states(prior.holdout_clips)
  print(f"{args.prior}: trained on {len(prior.manifest)} clips, held out {', '.join(prior.holdout_clips)}; "
        f"corruption: {args.kind}\n")
  print("| window | span [s] | train / test pairs | supervised classifier AUROC (held out) | the prior's AUROC | time [s] |")
  print("|---|---|---|---|---|---|")
  for window_size in args.window_sizes:
    t0 = time.perf_counter()
    g = torch.Generator().manual_seed(0)
    train = real_and_corrupted(train_states, window_size, args.kind, 2, g)
    test = real_and_corrupted(test_states, window_size, args.kind, 4, g)
    ceiling = classifier_auroc(train, test, prior.normalize, args.epochs)
    own = f"{prior_auroc(prior, test):.3f}" if window_size == prior.window_size else "-"
    print(f"| {window_size} frames | {(window_size - 1) / prior.fps:.2f} | {len(train[0]):,} / {len(test[0]):,} "
          f"| {ceiling:.3f} | {own} | {time.perf_counter() - t0:.0f} |")


if __name__ == "__main__":
  main()
