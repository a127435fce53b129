"""Prior benchmarks: training throughput and sampling time, in one run.

usage: uv run python bench/bench_prior.py [--prior smp_nb/datasets/priors/loco.pt] [--device cpu]

Training throughput: optimiser steps of a denoiser shaped like the prior's (its width, depth, heads and window) at
batch 256 x 4 draws, on all available threads vs one thread (the baseline). Sampling: a pool of 4096 windows with DDPM (50 steps, the
baseline) vs DDIM (10 steps). Prints a markdown table.
"""
import argparse
import platform
import resource
import time

import torch

from smp_nb.diffusion import Denoiser, NoiseSchedule, load_prior
from smp_nb.pretrain import _diffusion_loss


def train_rate(model_cfg, device, steps=20, batch=256, draws=4):
  model = Denoiser(model_cfg).to(device)
  opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-4)
  alpha_bars = NoiseSchedule().alpha_bars.float().to(device)
  g = torch.Generator().manual_seed(0)
  x = torch.randn(batch, model_cfg.window_size, model_cfg.feature_dim, device=device)
  for i in range(steps + 3):
    if i == 3:
      if device.type == "cuda":
        torch.cuda.synchronize()
      t0 = time.perf_counter()
    loss = _diffusion_loss(model, x, alpha_bars, g, draws)
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
  if device.type == "cuda":
    torch.cuda.synchronize()
  return steps * batch * draws / (time.perf_counter() - t0)


def sample_seconds(prior, method, steps, n=4096):
  g = torch.Generator(device=prior.device).manual_seed(0)
  prior.sample(64, method=method, steps=steps, generator=g)  # warm-up
  if prior.device.type == "cuda":
    torch.cuda.synchronize()
  t0 = time.perf_counter()
  out = prior.sample(n, method=method, steps=steps, generator=g)
  if prior.device.type == "cuda":
    torch.cuda.synchronize()
  assert torch.isfinite(out).all()
  return time.perf_counter() - t0


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--prior", default="smp_nb/datasets/priors/loco.pt")
  ap.add_argument("--device", default="cpu")
  args = ap.parse_args()
  device = torch.device(args.device)
  threads = torch.get_num_threads()
  prior = load_prior(args.prior, device=device)
  model_cfg = prior.denoiser.cfg
  rate = train_rate(model_cfg, device)
  torch.set_num_threads(1)
  rate_1 = train_rate(model_cfg, device)
  torch.set_num_threads(threads)
  ddpm = sample_seconds(prior, "ddpm", 50)
  ddim = sample_seconds(prior, "ddim", 10)
  peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
  print(f"machine: {platform.node()}, {args.device}, torch threads {threads}; {args.prior}: {model_cfg}\n")
  print("| measure | value | baseline | ratio |")
  print("|---|---|---|---|")
  print(f"| training throughput [window draws/s] (batch 256 x 4 draws) | {rate:,.0f} | {rate_1:,.0f} (1 thread) | {rate / rate_1:.2f}x |")
  print(f"| training steps/s | {rate / 1024:.2f} | {rate_1 / 1024:.2f} (1 thread) | - |")
  print(f"| sample 4096 windows [s] | DDIM 10 steps: {ddim:.2f} | DDPM 50 steps: {ddpm:.2f} | {ddpm / ddim:.1f}x |")
  print(f"| peak RSS [MB] | {peak:,.0f} | - | - |")


if __name__ == "__main__":
  main()
